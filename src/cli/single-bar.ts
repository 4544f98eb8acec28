/**
 * cli-progress's bar, in a module of its own so that start-progress.ts loads it with `await import()`
 * only when a bar is shown. cli-progress is CommonJS: a static named import is what esbuild's and
 * Node's interop agree on (a dynamic import of it has only a default export once bundled).
 */
export { SingleBar } from 'cli-progress';
