import type { Timeline } from './timeline.ts';

/**
 * True when qemu-img converted the image for this volume: a conversion is known and was not
 * refused (image_conversion_disable: the timeline keeps the formats it would have converted, with
 * the reason image-conversion-disabled, but nothing ran).
 */
export function ranConversion(t: Pick<Timeline, 'conversion' | 'reasons'>): boolean {
  return t.conversion !== null && !t.reasons.some((r) => r.code === 'image-conversion-disabled');
}
