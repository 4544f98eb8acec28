// `npm run build [-- --outdir=DIR]`: bundles src/ into dist/cli (or DIR) with esbuild: the command's
// entry (clonewatch.mjs) and the two worker entries, with code splitting: what only some commands or
// inputs need (the analysis, report's renderers, prom-client, cli-progress, xz-decompress, fzstd) is
// in chunks beside them that `import()` loads when needed, so `clonewatch --version` loads only
// commander. The chunks' names carry a content hash: the .mjs files a previous build left in the
// output directory are removed first, so an install never ships chunks nothing imports.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';

const given = process.argv.slice(2);
const unknown = given.filter((a) => !a.startsWith('--outdir='));
if (unknown.length > 0) {
  process.stderr.write(`esbuild.config.mjs: unknown argument ${unknown.join(' ')} (only --outdir=DIR)\n`);
  process.exit(2);
}
const outdir = given.at(-1)?.slice('--outdir='.length) ?? 'dist/cli';
mkdirSync(outdir, { recursive: true });
for (const f of readdirSync(outdir, { withFileTypes: true })) if (f.isFile() && f.name.endsWith('.mjs')) rmSync(join(outdir, f.name));

await build({
  entryPoints: ['src/cli/clonewatch.ts', 'src/pipeline/jobs/range-worker.ts', 'src/pipeline/jobs/journal-worker.ts'],
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['protobufjs/minimal'],
  // CommonJS dependencies bundled into ES modules still call require() for Node's built-ins.
  banner: { js: "import { createRequire as __cwRequire } from 'node:module'; const require = __cwRequire(import.meta.url);" },
  outdir,
  entryNames: '[name]',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
