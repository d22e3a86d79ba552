// The restore drill: PocketBase's scheduled backup job (as `backups configure` sets it, run now
// through PocketBase's cron API) writes to a folder outside the data folder; the data folder is
// destroyed; `azx-server backups restore` brings it back. Afterwards every collection's row
// count, the province regulator's figures and bulletin, and the audit chain are what they were.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { backendCommand, serverBinary, startServer } from '../pocketbase.mjs';
import { auditVerify, counts, figures, superuserToken } from './state.mjs';

const run = promisify(execFile);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** @param {{dir: string, backups: string, start?: object}} o a seeded data folder, the folder for backups */
export async function restoreDrill({ dir, backups, start = {} }) {
  const problems = [];
  const facts = {};
  const t0 = Date.now();
  facts.configured = (await backendCommand(dir, ['backups', 'configure', '--cron', '0 3 * * *', '--keep', '3', '--folder', backups])).trim();
  let server = await startServer({ dir, rateLimits: false, ...start });
  let before;
  let verified;
  try {
    const token = await superuserToken(server.url);
    // the overdue sweep (a cron job every minute) flags hazards whose deadline passed since the
    // seed's date: run it now, so no tick during the drill writes between the snapshot and the backup
    const swept = await fetch(`${server.url}/api/azx/hazards/sweep`, { method: 'POST', headers: { authorization: token } });
    if (swept.status !== 200) problems.push(`the overdue sweep: ${swept.status}`);
    facts.sweep = await swept.json().catch(() => null);
    before = { counts: await counts(server.url, token), ...(await figures(server.url)) };
    facts.counts = before.counts;
    verified = await auditVerify(dir); // beside the running server: one snapshot
    if (!verified.ok) problems.push(`audit verify before: ${verified.out}`);
    const jobs = await (await fetch(`${server.url}/api/crons`, { headers: { authorization: token } })).json();
    if (!jobs.some((j) => j.id === '__pbAutoBackup__' && j.expression === '0 3 * * *')) problems.push(`no scheduled backup job: ${JSON.stringify(jobs)}`);
    const ran = await fetch(`${server.url}/api/crons/__pbAutoBackup__`, { method: 'POST', headers: { authorization: token } });
    if (ran.status !== 204) problems.push(`running the backup job: ${ran.status}`);
    // PocketBase runs it in the background; the file appears whole (written aside, then renamed)
    let made = [];
    for (const until = Date.now() + 300_000; made.length === 0 && Date.now() < until; await sleep(200)) {
      made = readdirSync(backups).filter((f) => f.startsWith('@auto_pb_backup_') && f.endsWith('.zip'));
    }
    if (made.length !== 1) throw new Error(`expected one scheduled backup in ${backups}: ${readdirSync(backups)}`);
    facts.backup = made[0];
    facts.backupMs = Date.now() - t0;
  } finally {
    await server.stop();
  }

  rmSync(dir, { recursive: true, force: true }); // the disaster
  if (existsSync(dir)) problems.push('the data folder is still there');
  const t1 = Date.now();
  const restored = await run(serverBinary, ['backups', 'restore', join(backups, facts.backup), '--dir', dir]);
  facts.restoreMs = Date.now() - t1;
  if (!/restored into/.test(restored.stdout)) problems.push(`restore said: ${restored.stdout} ${restored.stderr}`);

  const after = await auditVerify(dir);
  facts.audit = after.out.split('\n').at(-1);
  if (!after.ok) problems.push(`audit verify after: ${after.out}`);
  if (after.entries !== verified.entries || after.records !== verified.records) {
    problems.push(`audit entries/records ${after.entries}/${after.records}, before ${verified.entries}/${verified.records}`);
  }
  server = await startServer({ dir, rateLimits: false, ...start });
  try {
    const now = { counts: await counts(server.url, await superuserToken(server.url)), ...(await figures(server.url)) };
    for (const part of ['counts', 'figures', 'report']) {
      if (JSON.stringify(now[part]) !== JSON.stringify(before[part])) problems.push(`${part} differ after the restore`);
    }
  } finally {
    await server.stop();
  }
  return { name: 'restore drill', facts, problems };
}
