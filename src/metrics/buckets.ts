const MiB = 1_048_576;

/** Provisioning duration, 0.1 s (a thin clone) to 1 h (a large copy over a slow link), in seconds. */
export const DURATION_BUCKETS: readonly number[] = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600];

/**
 * Throughput, 1 MiB/s to 2 GiB/s in bytes per second: powers of two with a step of 1.5 between them
 * (1, 1.5, 2, 3, 4, 6 … 2048 MiB/s), so a quantile lands within ±25 % of its true value.
 */
export const THROUGHPUT_BUCKETS: readonly number[] = Array.from({ length: 12 }, (_, k) => 2 ** k * MiB).flatMap((b, k) =>
  k === 11 ? [b] : [b, b * 1.5],
);

/** How long a downloaded image sat in the conversion directory, 1 s to 1 h, in seconds. */
export const RESIDENCE_BUCKETS: readonly number[] = [1, 5, 10, 30, 60, 120, 300, 600, 1200, 1800, 3600];
