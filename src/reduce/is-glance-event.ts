import type { EventType } from '../recognise/event-types.ts';

/** Events of glance-api / glance_store lines: they feed the image tracker, never a cinder flow. */
export const isGlanceEvent = (type: EventType): boolean => type.startsWith('glance') && !GLANCE_IN_CINDER.has(type);

/** cinder-volume events whose names start with `glance` (the glance-cinder optimisation, cinder.image.glance). */
const GLANCE_IN_CINDER: ReadonlySet<EventType> = new Set<EventType>([
  'glanceCinderUsing', 'glanceCinderNotRaw', 'glanceCinderNotAccessible', 'glanceCinderWillClone', 'glanceCinderNoImageVolume',
  'glanceCinderCloneFailed', 'glanceCinderMalformedLocation', 'glanceLocationsForbidden', 'glanceMethodUnavailable',
]);
