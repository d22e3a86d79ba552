// `npm run soak`: a bounded soak on loopback. A seeded data folder, then --minutes of mixed
// traffic from every role (reads, filters, creates, uploads, realtime) with PocketBase's rate
// limits on (each virtual user its own address, as a reverse proxy would report it), reporting
// p50/p95/p99 per action, errors (target 0) and the server's memory over time; then the faults
// (kill -9 during a bulk import and during hazard transitions, a client dropping mid-upload, a
// full disk) and the restore drill on the soaked data. Exits non-zero on any error or problem.
//
//   npm run soak [-- --minutes 10 --users 12 --enterprises 2000]
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { root } from './paths.mjs';
import { ensureBackend, ensureNodeModules, pocketbaseVersion, versionOf } from './ensure.mjs';
import { machine, serverCpuSeconds } from './bench-env.mjs';

const { values: opts } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    users: { type: 'string', default: '12' },
    enterprises: { type: 'string', default: '2000' },
  },
});
const MINUTES = Number(opts.minutes);
const USERS = Number(opts.users);
const ENTERPRISES = Number(opts.enterprises);

ensureNodeModules();
ensureBackend();
const { backendCommand, prepareData, startServer } = await import('./pocketbase.mjs');
const { auditVerify, signIn, superuserToken, AT } = await import('./ops/state.mjs');
const faults = await import('./ops/faults.mjs');
const { fullDisk } = await import('./ops/full-disk.mjs');
const { restoreDrill } = await import('./ops/drill.mjs');
const { subscribeRealtime } = await import('../test/backend/hazard-steps.mjs');

const PASSWORD = faults.PASSWORD;
const work = mkdtempSync(join(tmpdir(), 'azx-soak-'));
const dir = join(work, 'pb_data');
const report = { machine: machine(), versions: {}, options: { minutes: MINUTES, users: USERS, enterprises: ENTERPRISES } };
report.versions = { node: process.version, go: versionOf('go', ['version']), pocketbase: pocketbaseVersion() };
const log = (s) => console.log(`[soak ${new Date().toISOString().slice(11, 19)}] ${s}`);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pick = (xs, rng) => xs[Math.floor(rng() * xs.length)];
const pct = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : null);

let server;
try {
  log(`seeding ${ENTERPRISES} enterprises in ${dir}`);
  await prepareData(dir);
  await backendCommand(dir, ['seed', '--seed', '42', '--enterprises', String(ENTERPRISES)]);

  // rate limits on; the client's address comes from X-Forwarded-For, as behind a proxy
  server = await startServer({ dir, env: { AZX_TRUSTED_PROXY: 'X-Forwarded-For' } });
  const su = await superuserToken(server.url);
  await fetch(`${server.url}/api/azx/hazards/sweep`, { method: 'POST', headers: { authorization: su } });
  const list = async (collection, filter, fields) => {
    const q = new URLSearchParams({ perPage: '200', filter, fields, skipTotal: '1' });
    return (await (await fetch(`${server.url}/api/collections/${collection}/records?${q}`, { headers: { authorization: su } })).json()).items;
  };
  const users = await list('users', 'role != "admin"', 'email,role,organization,scope_level,region_scope');
  const policies = await list('policies', '', 'id,insurer');
  const definitions = Object.fromEntries((await list('form_definitions', 'status = "published"', 'key,version')).map((d) => [d.key, d.version]));
  const byRole = (role, pred = () => true) => users.filter((u) => u.role === role && pred(u)).map((u) => u.email);
  const cast = [
    ...byRole('regulator', (u) => u.scope_level === 'province').map((email) => ({ email, kind: 'province' })),
    ...byRole('regulator', (u) => u.region_scope === '330600').map((email) => ({ email, kind: 'city' })),
    ...byRole('insurer').slice(0, 3).map((email) => ({ email, kind: 'insurer' })),
    ...byRole('provider').slice(0, 2).map((email) => ({ email, kind: 'provider' })),
    ...byRole('enterprise').slice(0, 2).map((email) => ({ email, kind: 'enterprise' })),
  ];
  const orgOf = new Map(users.map((u) => [u.email, u.organization]));

  const stats = new Map(); // action → latencies (ms)
  const errors = [];
  let requests = 0;
  const realtime = { connections: 0, messages: 0, errors: 0 };
  const memory = [];
  const pid = server.child.pid;
  const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

  /** One virtual user: its own address, its role's mix of actions, a realtime subscription. */
  async function virtualUser(n, until) {
    const who = cast[n % cast.length];
    const rng = Math.random;
    const ip = `10.77.${Math.floor(n / 250)}.${(n % 250) + 1}`;
    const base = { 'x-forwarded-for': ip };
    const token = await signIn(server.url, 'users', who.email, PASSWORD, base);
    const headers = { ...base, authorization: token };
    const own = policies.filter((p) => p.insurer === orgOf.get(who.email)).map((p) => p.id);
    const tag = faults.batchTag();
    let serial = 0;

    // realtime: the user's rows as they change (PocketBase's SSE)
    const live = await subscribeRealtime(server.url, token, ['enterprises', 'hazards', 'hazard_events'], {
      headers: base,
      onMessage: () => realtime.messages++,
    }).catch(() => {
      realtime.errors++;
      return null;
    });
    if (live) realtime.connections++;

    const actions = {
      province: [
        ['figures', () => ['GET', `/api/azx/coverage/figures?at=${AT}`]],
        ['figures fresh', () => ['GET', `/api/azx/coverage/figures?at=${AT}&fresh=1`]],
        ['bulletin', () => ['GET', `/api/azx/compliance/report?at=${AT}`]],
        ['filter policies', () => ['GET', `/api/collections/policies/records?perPage=50&skipTotal=1&sort=-premium,id&filter=${encodeURIComponent('status = "active" && premium > 5000')}`]],
        ['filter hazards', () => ['GET', `/api/collections/hazards/records?perPage=50&filter=${encodeURIComponent('status = "escalated" || is_major = true')}`]],
        ['drill-down list', () => ['GET', `/api/azx/coverage/records?metric=uninsured&at=${AT}&perPage=50`]],
      ],
      city: [
        ['filter enterprises', () => ['GET', `/api/collections/enterprises/records?perPage=50&filter=${encodeURIComponent('must_insure = true && headcount > 50')}`]],
        ['create enterprise', () => ['POST', '/api/collections/enterprises/records', {
          definition: 'enterprise', version: definitions.enterprise, data: faults.registryRow(tag, ++serial),
        }]],
        ['upload registry CSV', () => {
          const rows = Array.from({ length: 20 }, () => faults.registryRow(tag, ++serial));
          const form = new FormData();
          form.append('file', new Blob([faults.registryCsv(rows)]), 'registry.csv');
          return ['POST', '/api/azx/bulk/enterprises', form];
        }],
        ['deep page key', () => ['GET', `/api/azx/paging/enterprises/key?sort=${encodeURIComponent('-created,id')}&offset=${Math.floor(rng() * 500)}`]],
        ['figures', () => ['GET', `/api/azx/coverage/figures?at=${AT}`]],
      ],
      insurer: [
        ['own policies', () => ['GET', `/api/collections/policies/records?perPage=50&sort=-period_start,id&filter=${encodeURIComponent('status = "active"')}`]],
        ['view policy', () => ['GET', `/api/collections/policies/records/${pick(own, rng)}`]],
        ['prevention ledger', () => ['GET', `/api/azx/services/ledger?policy=${pick(own, rng)}`]],
        ['own hazards', () => ['GET', `/api/collections/hazards/records?perPage=50&filter=${encodeURIComponent('status = "found" || status = "notified"')}`]],
      ],
      provider: [
        ['own hazards', () => ['GET', '/api/collections/hazards/records?perPage=50&sort=-found_at,id']],
        ['own reports', () => ['GET', '/api/collections/service_reports/records?perPage=50&sort=-service_date,id']],
      ],
      enterprise: [
        ['own policies', () => ['GET', '/api/collections/policies/records?perPage=20']],
        ['own hazards', () => ['GET', '/api/collections/hazards/records?perPage=20']],
      ],
    }[who.kind];

    while (Date.now() < until) {
      const [name, make] = pick(actions, rng);
      const [method, path, body] = make();
      const init = { method, headers: { ...headers } };
      if (body instanceof FormData) init.body = body;
      else if (body) {
        init.headers['content-type'] = 'application/json';
        init.body = JSON.stringify(body);
      }
      const t0 = performance.now();
      try {
        const res = await fetch(server.url + path, init);
        const text = await res.text();
        const ms = performance.now() - t0;
        requests++;
        if (!stats.has(name)) stats.set(name, []);
        stats.get(name).push(ms);
        // every answer is checked, not only timed
        if (res.status !== 200 || (method === 'POST' && name === 'upload registry CSV' && JSON.parse(text).created !== 20)) {
          errors.push({ action: name, status: res.status, body: text.slice(0, 200) });
        }
      } catch (err) {
        errors.push({ action: name, status: 'network', body: String(err.message) });
      }
      await sleep(100 + rng() * 200);
    }
    live?.close();
  }

  log(`${USERS} virtual users (${cast.map((c) => c.kind).join(', ')}) for ${MINUTES} min; rate limits on`);
  const until = Date.now() + MINUTES * 60_000;
  const cpu0 = serverCpuSeconds(dir);
  const sampler = setInterval(() => {
    memory.push({ s: Math.round((Date.now() - (until - MINUTES * 60_000)) / 1000), rssMiB: Math.round(rss()), requests, errors: errors.length });
    const last = memory.at(-1);
    if (last.s % 60 < 10) log(`${last.s} s: ${requests} requests, ${errors.length} errors, server RSS ${last.rssMiB} MiB, realtime ${realtime.messages} messages`);
  }, 10_000);
  // a user that cannot go on is an error of the run, not the end of the others
  await Promise.all(
    Array.from({ length: USERS }, (_, n) =>
      virtualUser(n, until).catch((err) => errors.push({ action: `user ${n}`, status: 'failed', body: String(err.message).slice(0, 200) })),
    ),
  );
  clearInterval(sampler);
  const cpu1 = serverCpuSeconds(dir);

  const all = [...stats.values()].flat().sort((a, b) => a - b);
  report.load = {
    requests,
    perSecond: Math.round(requests / (MINUTES * 60)),
    errors: errors.length,
    errorSamples: errors.slice(0, 10),
    overall: { p50: pct(all, 50), p95: pct(all, 95), p99: pct(all, 99) },
    actions: Object.fromEntries([...stats].map(([k, xs]) => {
      const s = xs.sort((a, b) => a - b);
      return [k, { n: s.length, p50: Math.round(pct(s, 50)), p95: Math.round(pct(s, 95)), p99: Math.round(pct(s, 99)) }];
    })),
    realtime,
    serverCpuSeconds: cpu0 != null && cpu1 != null ? Math.round(cpu1 - cpu0) : null,
    memory,
  };
  for (const k of ['p50', 'p95', 'p99']) report.load.overall[k] = Math.round(report.load.overall[k]);
  await server.stop();
  server = undefined;
  const verified = await auditVerify(dir);
  report.load.audit = verified.out.split('\n').at(-1);
  log(`load done: ${requests} requests, ${errors.length} errors, p50/p95/p99 ${report.load.overall.p50}/${report.load.overall.p95}/${report.load.overall.p99} ms; ${report.load.audit}`);

  // the faults, full form, on the soaked data
  report.faults = [];
  for (const scenario of [
    () => faults.killDuringBulkImport({ dir, rows: 20_000 }),
    () => faults.killDuringHazardTransitions({ dir, hazards: 100, parallel: 6 }),
    () => faults.clientDropsMidUpload({ dir, rows: 2000 }),
    () => fullDisk({ roomMb: 16 }),
  ]) {
    const r = await scenario();
    report.faults.push(r);
    log(`${r.name}: ${r.problems.length ? `PROBLEMS ${JSON.stringify(r.problems)}` : 'clean'} ${JSON.stringify(r.facts)}`);
  }
  const drill = await restoreDrill({ dir, backups: join(work, 'backups') });
  report.drill = drill;
  log(`${drill.name}: ${drill.problems.length ? `PROBLEMS ${JSON.stringify(drill.problems)}` : 'clean'} ${JSON.stringify(drill.facts)}`);

  mkdirSync(join(root, '.tmp'), { recursive: true });
  const out = join(root, '.tmp', 'soak-report.json');
  writeFileSync(out, JSON.stringify(report, null, 2));
  console.log(JSON.stringify({ machine: report.machine, versions: report.versions, load: { ...report.load, memory: undefined } }, null, 2));
  console.log('memory (s: RSS MiB):', report.load.memory.map((m) => `${m.s}:${m.rssMiB}`).join(' '));
  const problems = report.faults.flatMap((f) => f.problems).concat(drill.problems, verified.ok ? [] : [verified.out]);
  console.log(`\nreport: ${out}`);
  console.log(`${errors.length} errors under load, ${problems.length} problems after faults and the drill`);
  process.exitCode = errors.length || problems.length || realtime.errors ? 1 : 0;
} catch (err) {
  console.error(`\n✗ soak failed: ${err.stack ?? err}`);
  process.exitCode = 1;
} finally {
  await server?.stop();
  rmSync(work, { recursive: true, force: true });
  process.exit(process.exitCode ?? 0);
}
