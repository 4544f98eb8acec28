/** `host='cvol-a@lvmdriver-1#lvmdriver-1'` in the Volume object taskflow prints with a task's state. */
const VOLUME_HOST = /\bVolume\(.*?\bhost='([^']+)'/s;

/** The `host` of the first Volume object in a taskflow line's text, or null. */
export const volumeReprHost = (text: string): string | null => VOLUME_HOST.exec(text)?.[1] ?? null;
