// The restore drill, short form (npm run soak runs it on the soaked data): PocketBase's scheduled
// backup to a folder outside the data folder, the data folder destroyed, `azx-server backups
// restore`; afterwards row counts, figures, bulletin and audit chain are identical.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { backendCommand, prepareData, serverBinary } from '../../scripts/pocketbase.mjs';
import { restoreDrill } from '../../scripts/ops/drill.mjs';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'azx-drill-'));
const dir = join(work, 'pb_data');

before(async () => {
  await prepareData(dir);
  await backendCommand(dir, ['seed', '--seed', '42', '--enterprises', '150']);
});
after(() => rmSync(work, { recursive: true, force: true }));

test('back up on schedule, destroy the data folder, restore: counts, figures and the audit chain are identical', async () => {
  const r = await restoreDrill({ dir, backups: join(work, 'backups-elsewhere') });
  console.log(`# restore drill: ${JSON.stringify(r.facts)}`);
  assert.deepEqual(r.problems, []);
  assert.match(r.facts.configured, /schedule 0 3 \* \* \*, keep 3/);
  assert.ok(r.facts.counts.policies > 100 && r.facts.counts.hazard_events > 10, JSON.stringify(r.facts.counts));
});

test('a restore refuses what is not a backup and leaves the data folder as it was', async () => {
  const bogus = join(work, 'not-a-backup.zip');
  writeFileSync(bogus, 'PK-not-a-zip');
  const target = join(work, 'untouched');
  await prepareData(target);
  const r = await run(serverBinary, ['backups', 'restore', bogus, '--dir', target]).catch((e) => e);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /cannot be extracted|no data\.db/);
  assert.ok(existsSync(join(target, 'data.db')), 'the data folder keeps its database');
  assert.deepEqual(readdirSync(work).filter((f) => f.includes('.replaced-')), [], 'nothing was moved aside');
});
