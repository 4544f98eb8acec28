import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseFiles } from '../helpers/analyse-files.ts';
import { exportEntry } from '../helpers/export-entry.ts';
import { needing } from '../helpers/needing.ts';
import { missingTools, tempDir, writeJournal } from '../input/journal-file/journal-tools.ts';

// Issue 15.4 (c): an RBD store write seen in a short-iso-precise journal must be seen in the `-o json`
// journal of the same events. The write is glance_store's `creating image <id> with order 23 and size
// <n>` (its only line: the rbd driver logs no success), as each way of logging puts it in the journal:
// devstack's stdout line, coloured (a byte-array MESSAGE in JSON); oslo.log's journal handler
// (use_journal: a plain MESSAGE with LOGGER_NAME, LOGGER_LEVEL, PRIORITY, REQUEST_ID, and the program
// name as SYSLOG_IDENTIFIER); that handler with the full oslo line as MESSAGE (OpenStack-Ansible); and
// the full oslo line on stdout (a unit without devstack). Each export stream goes through
// systemd-journal-remote and the real journalctl; clonewatch must place the image in store `rbd`
// (a single-store Glance) from every rendering and from the export stream itself.

const IMG = '159391f9-590c-48dd-87ea-8f3271b2fe78';
const RID = 'req-11111111-2222-4333-8444-555555555555';
const TEXT = `creating image ${IMG} with order 23 and size 117440512`;
const OSLO_LINE = `2026-03-31 08:30:08.409 4242 DEBUG glance_store._drivers.rbd [None ${RID} admin admin - - default default] ${TEXT} add /usr/lib/python3/dist-packages/glance_store/_drivers/rbd.py:560`;
const JOURNAL_HANDLER: [string, string][] = [['LOGGER_NAME', 'glance_store._drivers.rbd'], ['LOGGER_LEVEL', 'DEBUG'], ['PRIORITY', '7'], ['REQUEST_ID', RID], ['SYSLOG_IDENTIFIER', 'glance-api'], ['CODE_FUNC', 'add']];

const STYLES: Record<string, [string, string | Buffer][]> = {
  'devstack stdout, coloured': [
    ['_TRANSPORT', 'stdout'], ['PRIORITY', '6'], ['SYSLOG_IDENTIFIER', 'devstack@g-api.service'],
    ['MESSAGE', Buffer.from(`\u001b[00;32mDEBUG glance_store._drivers.rbd [\u001b[01;36mNone ${RID} \u001b[00;36madmin admin\u001b[00;32m] \u001b[01;35m\u001b[00;32m${TEXT}\u001b[00m \u001b[00;33m{{(pid=4242) add /opt/stack/data/venv/lib/python3.12/site-packages/glance_store/_drivers/rbd.py:560}}\u001b[00m`)],
  ],
  'oslo.log journal handler, plain MESSAGE': [['_TRANSPORT', 'journal'], ['MESSAGE', TEXT], ...JOURNAL_HANDLER],
  'oslo.log journal handler, full oslo line': [['_TRANSPORT', 'journal'], ['MESSAGE', OSLO_LINE], ...JOURNAL_HANDLER],
  'full oslo line on stdout': [['_TRANSPORT', 'stdout'], ['PRIORITY', '6'], ['SYSLOG_IDENTIFIER', 'glance-api'], ['MESSAGE', OSLO_LINE]],
};

/** The entry as glance-api on ctrl-1 logged it at 2026-03-31 08:30:08.409. */
const entry = (fields: [string, string | Buffer][]): Buffer =>
  exportEntry([['__REALTIME_TIMESTAMP', '1774945808409100'], ['__MONOTONIC_TIMESTAMP', '45808409100'], ['_BOOT_ID', '0f1e2d3c4b5a69788796a5b4c3d2e1f0'], ['_HOSTNAME', 'ctrl-1'], ['_PID', '4242'], ['_UID', '999'], ['_COMM', 'glance-api'], ...fields]);

const test = needing(missingTools);

for (const [style, fields] of Object.entries(STYLES)) {
  test(`${style}: export, json, json-seq, short-iso-precise, short-precise, cat and verbose -a all place the image in store rbd`, async (t) => {
    const dir = tempDir();
    const stream = entry(fields);
    writeFileSync(join(dir, 'x.export'), stream);
    const journal = join(dir, 'x.journal');
    writeJournal(stream, journal);
    const files = [join(dir, 'x.export')];
    for (const [mode, ...flags] of [['json'], ['json-seq'], ['short-iso-precise'], ['short-precise'], ['cat'], ['verbose', '-a']]) {
      const out = join(dir, `x.${mode}`);
      writeFileSync(out, execFileSync('journalctl', ['--file', journal, '--no-pager', ...flags, '-o', mode ?? 'short'], { env: { ...process.env, TZ: 'UTC', SYSTEMD_COLORS: '0' } }));
      files.push(out);
    }
    for (const file of files) {
      const { images } = await analyseFiles([file], { year: 2026, zone: 'UTC' });
      t.deepEqual(images.map((i) => [i.imageId, i.stores, i.sizeBytes]), [[IMG, ['rbd'], 117440512]], `${style}: ${file.slice(dir.length + 1)}`);
    }
  });
}
