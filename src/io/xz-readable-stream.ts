import xz from 'xz-decompress';

/**
 * xz-decompress's decoder (WebAssembly behind a web stream), in a module of its own so that it is
 * loaded with `await import()` only when XZ data is met, not at start-up. A webpack UMD bundle:
 * Node's ESM loader sees only its default export (a dynamic import's namespace differs between Node
 * and tsx; this static default import is the same in both).
 */
export const { XzReadableStream } = xz;
