// Faults, short form (npm run soak runs them on more data): kill -9 during a bulk import and
// during hazard transitions, a client dropping mid-upload, a full disk during writes. After each:
// no partial row, no lost acknowledged write, no duplicate after a retry, the audit chain intact.
// The scenarios live in scripts/ops/ (faults.mjs, full-disk.mjs); each reports its problems.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backendCommand, prepareData } from '../../scripts/pocketbase.mjs';
import { clientDropsMidUpload, killDuringBulkImport, killDuringHazardTransitions } from '../../scripts/ops/faults.mjs';
import { fullDisk } from '../../scripts/ops/full-disk.mjs';

const work = mkdtempSync(join(tmpdir(), 'azx-faults-'));
const dir = join(work, 'pb_data');

before(async () => {
  await prepareData(dir);
  await backendCommand(dir, ['seed', '--seed', '42', '--enterprises', '300']);
});
after(() => rmSync(work, { recursive: true, force: true }));

function expectClean(result) {
  console.log(`# ${result.name}: ${JSON.stringify(result.facts)}`);
  assert.deepEqual(result.problems, [], result.name);
}

test('kill -9 during a bulk import, restart, upload again', async () => {
  const r = await killDuringBulkImport({ dir, rows: 4000 });
  expectClean(r);
  assert.ok(r.facts.storedWhenKilled > 0 && r.facts.storedWhenKilled < 4000, 'the server died part way through the import');
});

test('kill -9 during hazard transitions, restart, retry with the same keys', async () => {
  const r = await killDuringHazardTransitions({ dir, hazards: 40 });
  expectClean(r);
  assert.ok(r.facts.acknowledgedBeforeKill < r.facts.steps, 'the server died before every step was answered');
});

test('a client that drops mid-upload stores nothing and stops nothing', async () => {
  expectClean(await clientDropsMidUpload({ dir, rows: 300 }));
});

test('a full disk during writes: 507, nothing partial, writes again once there is room', () => {
  const r = fullDisk({ roomMb: 4 });
  expectClean(r);
  assert.ok(r.facts.acknowledgedBatches > 0, 'some batches went in before the disk was full');
});
