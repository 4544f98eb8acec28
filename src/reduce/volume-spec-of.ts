import type { Event } from '../recognise/event.ts';
import { parseVolumeSpec, type VolumeSpec } from '../recognise/parse-volume-spec.ts';

/** Each flow start's spec, parsed once for both its readers (the flow and the image tracker). */
const parsed = new WeakMap<Event, VolumeSpec>();

/** The volume spec of a flow start event (`spec` field), parsed on first request. */
export function volumeSpecOf(event: Event): VolumeSpec {
  let spec = parsed.get(event);
  if (spec === undefined) {
    spec = parseVolumeSpec(event.fields['spec'] ?? '');
    parsed.set(event, spec);
  }
  return spec;
}
