/** One journal export entry as bytes (docs/JOURNAL_EXPORT_FORMATS.md): `NAME=value` lines, a Buffer value as a binary field with its length. */
export const exportEntry = (fields: readonly (readonly [string, string | Buffer])[]): Buffer =>
  Buffer.concat([
    ...fields.map(([k, v]) => {
      if (typeof v === 'string') return Buffer.from(`${k}=${v}\n`);
      const len = Buffer.alloc(8);
      len.writeBigUInt64LE(BigInt(v.length));
      return Buffer.concat([Buffer.from(`${k}\n`), len, v, Buffer.from('\n')]);
    }),
    Buffer.from('\n'),
  ]);
