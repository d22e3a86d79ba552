// A full disk during writes: the data folder lives on a small tmpfs (in a private mount
// namespace: `unshare`, so nothing stays mounted if this process dies); a regulator uploads
// registry batches until the disk is full. The server must keep answering, store every
// acknowledged batch whole and nothing of a refused one, take writes again once there is room
// (the refused batch, retried, is stored once), and keep its audit chain intact.
//
//   node scripts/ops/full-disk.mjs [--room-mb 4]   → one JSON line {name, facts, problems}
import { spawnSync, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const self = fileURLToPath(import.meta.url);

/** Runs the scenario in its own mount namespace and returns its result. */
export function fullDisk({ roomMb = 4 } = {}) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  // as root a private mount namespace; otherwise a user namespace in which we are root
  const args = [...(root ? [] : ['--user', '--map-root-user']), '--mount', '--propagation', 'private', process.execPath, self, '--room-mb', String(roomMb)];
  const r = spawnSync('unshare', args, { encoding: 'utf8', env: { ...process.env, AZX_FULL_DISK_INSIDE: '1' }, maxBuffer: 16 << 20, timeout: 600_000 });
  const line = r.stdout?.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line);
  } catch {
    return { name: 'a full disk during writes', facts: {}, problems: [`the scenario did not run (unshare exit ${r.status}): ${(r.stderr || r.error?.message || '').trim().slice(-800)}`] };
  }
}

async function inside(roomMb) {
  const { backendCommand, prepareData } = await import('../pocketbase.mjs');
  const { auditVerify } = await import('./state.mjs');
  const { startServer } = await import('../pocketbase.mjs');
  const { registryRow, batchTag, PASSWORD } = await import('./faults.mjs');
  const { signIn, superuserToken } = await import('./state.mjs');
  const problems = [];
  const facts = {};
  const mnt = mkdtempSync(join(tmpdir(), 'azx-full-disk-'));
  const dir = join(mnt, 'pb_data');
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256m', 'tmpfs', mnt]);
  const usedKb = () => Number(execFileSync('df', ['--output=used', '-k', mnt], { encoding: 'utf8' }).trim().split('\n')[1]);
  const resize = (kb) => execFileSync('mount', ['-o', `remount,size=${kb}k`, mnt]);
  let server;
  try {
    await prepareData(dir);
    await backendCommand(dir, ['seed', '--seed', '42', '--enterprises', '60']);
    server = await startServer({ dir, rateLimits: false });
    const token = await signIn(server.url, 'users', 'regulator-330600@azx.demo', PASSWORD);
    const su = await superuserToken(server.url);
    const post = async (rows) => {
      const r = await fetch(`${server.url}/api/azx/bulk/enterprises`, {
        method: 'POST', headers: { authorization: token, 'content-type': 'application/json' }, body: JSON.stringify({ rows }),
      });
      return { status: r.status, body: await r.json().catch(() => null) };
    };
    const countTag = async (tag) => {
      const q = new URLSearchParams({ perPage: '1', filter: `uscc ~ "91330602${tag}"` });
      const r = await fetch(`${server.url}/api/collections/enterprises/records?${q}`, { headers: { authorization: su } });
      return (await r.json()).totalItems;
    };
    // the disk: what the data uses now plus a little room
    facts.diskKb = usedKb() + roomMb * 1024;
    resize(facts.diskKb);
    const acked = [];
    let refused = null;
    for (let i = 0; i < 200 && !refused; i++) {
      const tag = batchTag();
      const rows = Array.from({ length: 150 }, (_, n) => registryRow(tag, n + 1));
      const r = await post(rows);
      if (r.status === 200 && r.body.created === rows.length) acked.push(tag);
      else refused = { tag, rows, status: r.status, message: r.body?.message ?? JSON.stringify(r.body).slice(0, 200) };
    }
    facts.acknowledgedBatches = acked.length;
    facts.refused = refused ? { status: refused.status, message: refused.message } : 'never (the disk did not fill)';
    if (!refused) problems.push('the disk never filled');
    if (refused && refused.status !== 507) problems.push(`the write on a full disk answered ${refused.status}, not 507 with its reason`);
    // still up, still reading
    const health = await fetch(`${server.url}/api/health`);
    if (health.status !== 200) problems.push(`health on a full disk: ${health.status}`);
    for (const tag of acked) {
      const n = await countTag(tag);
      if (n !== 150) problems.push(`acknowledged batch ${tag}: ${n} of 150 rows`);
    }
    if (refused) {
      const n = await countTag(refused.tag);
      if (n !== 0) problems.push(`the refused batch left ${n} rows`);
      // room again: the same batch goes in once
      resize(usedKb() + 64 * 1024);
      const retry = await post(refused.rows);
      facts.retryAfterRoom = retry.status;
      if (retry.status !== 200 || retry.body.created !== refused.rows.length) problems.push(`the retry with room: ${retry.status} ${JSON.stringify(retry.body).slice(0, 200)}`);
      if ((await countTag(refused.tag)) !== 150) problems.push('the retried batch is not stored exactly once');
    }
    await server.stop();
    server = undefined;
    const audit = await auditVerify(dir);
    facts.audit = audit.out.split('\n').at(-1);
    if (!audit.ok) problems.push(`audit verify: ${audit.out}`);
    // and it starts again
    server = await startServer({ dir, rateLimits: false });
  } catch (err) {
    problems.push(`the scenario failed: ${err.stack ?? err}`);
  } finally {
    await server?.stop();
    try {
      execFileSync('umount', [mnt]);
    } catch {
      /* the namespace goes with us */
    }
    rmSync(mnt, { recursive: true, force: true });
  }
  return { name: 'a full disk during writes', facts, problems };
}

if (process.argv[1] === self) {
  const { values } = parseArgs({ options: { 'room-mb': { type: 'string', default: '4' } } });
  const roomMb = Number(values['room-mb']);
  if (process.env.AZX_FULL_DISK_INSIDE === '1') {
    console.log(JSON.stringify(await inside(roomMb)));
    process.exit(0);
  }
  const result = fullDisk({ roomMb });
  console.log(JSON.stringify(result, null, 2));
  process.exit(result.problems.length ? 1 : 0);
}
