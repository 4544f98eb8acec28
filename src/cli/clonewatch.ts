// The clonewatch command. `npm run build` (run by `npm ci` and `npm install`) bundles this file and
// what it imports into dist/cli/clonewatch.mjs, which bin/clonewatch runs; the tests run this file
// from the sources (test/helpers/clonewatch), so a stale build can never decide a test.
import { main } from './main.ts';

process.exitCode = await main(process.argv);
