/** clonewatch's exit status: 0 ok, 1 failure (an input, --strict, the metrics port), 2 misuse, 128+signal. */
export const EXIT = { ok: 0, failure: 1, misuse: 2, sigint: 130, sigterm: 143 } as const;
