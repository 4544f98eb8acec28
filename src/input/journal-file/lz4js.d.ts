/** lz4js ships no types: the one function used, LZ4 block decompression (returns the end index in dst). */
declare module 'lz4js' {
  export function decompressBlock(src: Uint8Array, dst: Uint8Array, sIndex: number, sLength: number, dIndex: number): number;
  const lz4: { decompressBlock: typeof decompressBlock };
  export default lz4;
}
