// The workers of the mixed-load benchmark (scripts/bench-mixed.mjs): who they are, what each
// asks, the check of each answer, and the verdict on the server's memory. Apart from the runner so
// that a test can show each check refusing a wrong answer without a server.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './paths.mjs';
import { policyBodies } from './policy-bodies.mjs';
import { api, listPaths, listReader, login, round } from './bench-http.mjs';
import { evidenceForm } from '../test/backend/hazard-steps.mjs';

// memory is flat when the last minute's RSS is at most `growth` over the minute from half-way; a
// run shorter than `minSeconds` is not judged
export const FLAT = { growth: 0.1, minSeconds: 120 };

// the policies' start (as bench-backend: a day the packs of every seeded region govern alike) and
// "today" of the figures (as the soak's)
const POLICY_START = '2026-06-01';
const AT = '2026-11-01';
const CITY = '330100';

const workflow = JSON.parse(readFileSync(join(root, 'schemas', 'workflows', 'hazard.json'), 'utf8'));

/** Who the workers are, in this order (more workers than these: the insurers again). */
export const CAST = [
  { email: 'insurer-1@azx.demo', role: 'insurer' },
  { email: `regulator-${CITY}@azx.demo`, role: 'regulator' },
  { email: 'provider-1@azx.demo', role: 'provider' },
  { email: 'enterprise-1@azx.demo', role: 'enterprise' },
  { email: 'insurer-2@azx.demo', role: 'insurer' },
  { email: 'insurer-3@azx.demo', role: 'insurer' },
  { email: 'insurer-4@azx.demo', role: 'insurer' },
  { email: 'insurer-5@azx.demo', role: 'insurer' },
];
export const castOf = (n) => (n < CAST.length ? CAST[n] : CAST.filter((c) => c.role === 'insurer')[n % 5]);

/** The column every row a role reads must hold its own value in (the list rules' one column). */
export function ownColumn(user) {
  if (user.role === 'regulator') return { field: 'city_code', value: user.region_scope };
  if (user.role === 'enterprise') return { field: 'enterprise_org', value: user.organization };
  return { field: user.role, value: user.organization }; // insurer, provider
}

/** The hazard ledger's queries as <azx-hazard-ledger> sends them: newest found first, 50 a page, no total. */
export function ledgerPaths() {
  const filters = ['', 'is_major = false', 'found_at >= "2025-07-01 00:00:00"', ...['hazardous_chemicals', 'construction', 'metal_smelting'].map((i) => `industry = "${i}"`)];
  return filters.map((f) => ({ path: `/api/collections/hazards/records?${f ? `filter=${encodeURIComponent(f)}&` : ''}sort=-found_at,-id&perPage=50&skipTotal=1` }));
}

/** The moves of the closed loop a role may take from a status (actions that need no other party's step before). */
export function movesFrom(role, status) {
  const next = workflow.transitions[status] ?? [];
  return workflow.actions.filter((a) => a.to && next.includes(a.to) && a.roles.includes(role) && !a.not_by);
}

/**
 * One worker's untimed preparation: its sign-in, the queries that have rows for it, the policies it
 * may view, and for a writer its create bodies and the hazards only it moves (`claimed` is shared).
 */
export async function prepareWorker(url, n, claimed) {
  const cast = castOf(n);
  const { token, user } = await login(url, cast.email);
  const own = ownColumn(user);
  const w = { n, email: cast.email, role: user.role, token, own, reads: [], writes: [] };
  const policyList = await listReader(url, { token, ...own, paths: listPaths(), optional: user.role !== 'insurer' });
  const ledger = await listReader(url, { token, ...own, paths: ledgerPaths() });
  w.policyPaths = policyList.paths;
  w.ledgerPaths = ledger.paths;
  w.viewIds = [...new Set(policyList.paths.flatMap((q) => q.ids))];
  w.check = policyList.check;
  if (w.policyPaths.length) w.reads.push('policy list', 'policy view');
  w.reads.push('hazard ledger');
  if (user.role === 'regulator') w.reads.push('coverage figures');
  if (user.role === 'insurer') {
    const ents = await api(url, '/api/collections/enterprises/records?perPage=50&skipTotal=1&fields=id,data', { token });
    const builder = await policyBodies({ url, token, insurer: user.organization, start: POLICY_START });
    w.bodies = [];
    for (const e of ents.json.items ?? []) w.bodies.push(await builder.body(e, '__N__'));
    if (!w.bodies.length) throw new Error(`${cast.email} sees no enterprises`);
    w.writes.push('policy create');
  }
  if (user.role === 'insurer' || user.role === 'provider') {
    // minor hazards of its own no other worker moves (a major one asks for the regulator's sign-off)
    const filter = encodeURIComponent(`${own.field} = "${own.value}" && is_major = false`);
    const r = await api(url, `/api/collections/hazards/records?filter=${filter}&sort=id&perPage=200&skipTotal=1&fields=id,status`, { token });
    if (r.status !== 200) throw new Error(`hazards of ${cast.email}: ${r.status}`);
    w.hazards = r.json.items.filter((h) => !claimed.has(h.id) && movesFrom(user.role, h.status).length).slice(0, 100);
    for (const h of w.hazards) claimed.add(h.id);
    if (w.hazards.length) w.writes.push('hazard event');
  }
  if (w.policyPaths.length === 0 && !w.writes.length) w.reads.push('hazard ledger'); // at least one read
  return w;
}

const pick = (xs) => xs[Math.floor(Math.random() * xs.length)];

/** The next request of a worker, with the check of its answer: [action, method, path, body, check]. */
export function nextRequest(w, write, serial) {
  if (write) {
    const action = pick(w.writes);
    if (action === 'policy create') {
      const policyNo = `MIX-${w.stamp}-${w.n}-${serial}`;
      const body = JSON.parse(JSON.stringify(pick(w.bodies)).replace('"__N__"', JSON.stringify(policyNo)));
      const check = (r) => {
        const ok = r.status === 200 && typeof r.json.id === 'string' && r.json.policy_no === policyNo && r.json.insurer === w.own.value;
        if (ok) w.viewIds.push(r.json.id);
        return ok;
      };
      return [action, 'POST', '/api/collections/policies/records', body, check];
    }
    const h = w.hazards[serial % w.hazards.length];
    const move = pick(movesFrom(w.role, h.status));
    const fields = { hazard: h.id, action: move.code, to_status: move.to, note: '压测：混合负载' };
    const body = move.evidence === 'required' ? evidenceForm(fields) : fields;
    const from = h.status;
    const check = (r) => {
      // moved from the status the worker knew (the server sets from_status) to the one asked
      const ok = r.status === 200 && typeof r.json.id === 'string' && r.json.from_status === from && r.json.to_status === move.to;
      if (ok) h.status = move.to;
      return ok;
    };
    return [action, 'POST', '/api/collections/hazard_events/records', body, check];
  }
  const action = pick(w.reads);
  if (action === 'policy list') {
    const q = pick(w.policyPaths);
    return [action, 'GET', q.path, undefined, (r) => w.check(r, q.industry)];
  }
  if (action === 'hazard ledger') {
    const q = pick(w.ledgerPaths);
    return [action, 'GET', q.path, undefined, (r) => w.check(r)];
  }
  if (action === 'policy view') {
    const id = pick(w.viewIds);
    return [action, 'GET', `/api/collections/policies/records/${id}`, undefined, (r) => r.status === 200 && r.json.id === id && r.json[w.own.field] === w.own.value];
  }
  return [action, 'GET', `/api/azx/coverage/figures?at=${AT}`, undefined, (r) => r.status === 200 && r.json.region?.code === w.own.value && r.json.rows?.length > 0 && !!r.json.total];
}

/** RSS of a process in MiB, from /proc (null elsewhere). */
export function rssMiB(pid) {
  try {
    return round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024);
  } catch {
    return null;
  }
}

/** The median of the RSS samples from second `from` (inclusive) to `to` (exclusive). */
function medianRss(samples, from, to) {
  const xs = samples.filter((x) => x.s >= from && x.s < to).map((x) => x.rssMiB).sort((a, b) => a - b);
  return xs.length ? xs[Math.floor((xs.length - 1) / 2)] : null;
}

/**
 * "flat", "grows" or "too short": the median RSS of the last minute against that of the minute
 * from half-way (minute 5 of 10, after the warm-up); medians, as the GC's saw-tooth moves single
 * samples by tens of MiB. The slope over the second half is reported beside it.
 */
export function memoryVerdict(samples, seconds) {
  const known = samples.filter((x) => x.rssMiB !== null);
  if (seconds < FLAT.minSeconds || known.length < 4) return { verdict: 'too short', why: `under ${FLAT.minSeconds} s of load: not judged` };
  const half = seconds / 2;
  const ref = medianRss(known, half, half + 60);
  const end = medianRss(known, seconds - 60, seconds + 1);
  const later = known.filter((x) => x.s >= half);
  const mx = later.reduce((a, x) => a + x.s, 0) / later.length;
  const my = later.reduce((a, x) => a + x.rssMiB, 0) / later.length;
  const sxx = later.reduce((a, x) => a + (x.s - mx) ** 2, 0);
  const slope = sxx ? (later.reduce((a, x) => a + (x.s - mx) * (x.rssMiB - my), 0) / sxx) * 60 : 0;
  const flat = end <= ref * (1 + FLAT.growth);
  return {
    verdict: flat ? 'flat' : 'grows',
    why: `median of the last minute ${end} MiB against ${ref} MiB in the minute from ${Math.round(half)} s (limit +${FLAT.growth * 100}%); slope over the second half ${round(slope)} MiB/min`,
  };
}
