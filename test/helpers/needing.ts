import test, { type TestFn } from 'ava';

/** What .ci/run sets: there, a missing tool is a failure, so CI cannot go green by skipping. */
const REQUIRE_ALL = process.env['CLONEWATCH_REQUIRE_ALL'] === '1';

type Registered = { title?: (provided: string | undefined, ...args: unknown[]) => string };

/**
 * ava's `test` for tests that need something a machine may lack (a Debian package, the reference
 * logs in shared/). `missing` is null when it is there; otherwise it says what is missing and how to
 * get it, and every test registered through the result is skipped with that reason in its title, or,
 * under CLONEWATCH_REQUIRE_ALL=1, fails with it. Never a failure a newcomer has to decode.
 */
export function needing(missing: string | null): TestFn {
  if (missing === null) return test;
  const register = (first: unknown, ...rest: unknown[]): void => {
    const title = typeof first === 'string' ? first : ((first as Registered).title?.(undefined, ...rest) ?? 'a test');
    if (REQUIRE_ALL) test(title, (t) => t.fail(`Install what this test needs: ${missing} (CLONEWATCH_REQUIRE_ALL=1: nothing may be skipped)`));
    else test.skip(`${title} (skipped: needs ${missing})`, () => {});
  };
  return Object.assign(register, { serial: register }) as unknown as TestFn;
}
