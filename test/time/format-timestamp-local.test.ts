// formatTimestamp's 'local' zone in a process zone with a 30-minute DST change at a half-hour
// offset (Lord Howe: +10:30, +11:00 in summer), against date-fns. The zone is set before anything
// is formatted (Node applies a TZ set at run time); the other test files run in UTC or Kolkata.
import test from 'ava';
import { timestampsMatchDateFns } from '../helpers/timestamps-match-date-fns.ts';

process.env['TZ'] = 'Australia/Lord_Howe';

test("formatTimestamp in 'local' under TZ=Australia/Lord_Howe writes any instant in 1970–2100 as date-fns does, in every style", (t) => {
  t.is(new Date(Date.UTC(2025, 0, 15)).getTimezoneOffset(), -660, 'the process zone is Lord Howe (summer: +11:00)');
  timestampsMatchDateFns(t, ['local'], 1500);
});
