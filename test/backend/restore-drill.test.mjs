// The restore drill, short form (npm run soak runs it on more data): PocketBase's scheduled
// backup (the cron job the settings define, run now through PocketBase's cron API) writes to a
// folder outside the data folder; the data folder is destroyed; `azx-server backups restore`
// brings it back; afterwards every collection's row count, the regulators' figures and bulletin
// and the audit chain are exactly what they were.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { backendCommand, prepareData, serverBinary, startServer } from '../../scripts/pocketbase.mjs';
import { auditVerify, counts, figures, superuserToken } from '../../scripts/ops/state.mjs';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'azx-drill-'));
const dir = join(work, 'pb_data');
const backups = join(work, 'backups-elsewhere');
let server;

before(async () => {
  await prepareData(dir);
  await backendCommand(dir, ['seed', '--seed', '42', '--enterprises', '150']);
});
after(async () => {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
});

test('back up on schedule, destroy the data folder, restore: counts, figures and the audit chain are identical', async () => {
  // the schedule and the folder, as the README's Deploy section sets them
  const configured = await backendCommand(dir, ['backups', 'configure', '--cron', '0 3 * * *', '--keep', '3', '--folder', backups]);
  assert.match(configured, /schedule 0 3 \* \* \*, keep 3/);

  server = await startServer({ dir, rateLimits: false });
  const token = await superuserToken(server.url);
  const before = { counts: await counts(server.url, token), ...(await figures(server.url)) };
  assert.ok(before.counts.policies > 100 && before.counts.hazard_events > 10, JSON.stringify(before.counts));
  const verifiedBefore = await auditVerify(dir); // a running server: verify reads one snapshot
  assert.ok(verifiedBefore.ok, verifiedBefore.out);

  // the scheduled job itself (PocketBase's __pbAutoBackup__), run now rather than at 03:00
  const jobs = await (await fetch(`${server.url}/api/crons`, { headers: { authorization: token } })).json();
  assert.ok(jobs.some((j) => j.id === '__pbAutoBackup__' && j.expression === '0 3 * * *'), JSON.stringify(jobs));
  const ran = await fetch(`${server.url}/api/crons/__pbAutoBackup__`, { method: 'POST', headers: { authorization: token } });
  assert.equal(ran.status, 204);
  // PocketBase runs the job in the background; its file appears whole (written aside, then renamed)
  let made = [];
  for (const until = Date.now() + 120_000; made.length === 0 && Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
    made = readdirSync(backups).filter((f) => f.startsWith('@auto_pb_backup_') && f.endsWith('.zip'));
  }
  assert.equal(made.length, 1, `one scheduled backup in the folder: ${readdirSync(backups)}`);
  await server.stop();
  server = undefined;

  // disaster: the data folder is gone
  rmSync(dir, { recursive: true, force: true });
  assert.equal(existsSync(dir), false);
  const restored = await run(serverBinary, ['backups', 'restore', join(backups, made[0]), '--dir', dir]);
  assert.match(restored.stdout, /restored into/);

  const verifiedAfter = await auditVerify(dir);
  assert.ok(verifiedAfter.ok, verifiedAfter.out);
  assert.equal(verifiedAfter.entries, verifiedBefore.entries, 'the same audit entries');
  assert.equal(verifiedAfter.records, verifiedBefore.records, 'the same audited records');

  server = await startServer({ dir, rateLimits: false });
  const after = { counts: await counts(server.url, await superuserToken(server.url)), ...(await figures(server.url)) };
  assert.deepEqual(after.counts, before.counts, 'every collection has the same rows');
  assert.deepEqual(after.figures, before.figures, 'every coverage figure is the same');
  assert.deepEqual(after.report, before.report, 'the bulletin is the same');
});

test('a restore refuses what is not a backup and leaves the data folder as it was', async () => {
  const bogus = join(work, 'not-a-backup.zip');
  await run('sh', ['-c', `printf 'PK-not-a-zip' > '${bogus}'`]);
  const target = join(work, 'untouched');
  await prepareData(target);
  const r = await run(serverBinary, ['backups', 'restore', bogus, '--dir', target]).catch((e) => e);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /cannot be extracted|no data\.db/);
  assert.ok(existsSync(join(target, 'data.db')), 'the data folder keeps its database');
  assert.deepEqual(readdirSync(work).filter((f) => f.includes('.replaced-')), [], 'nothing was moved aside');
});
