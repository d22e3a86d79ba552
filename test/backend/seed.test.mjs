// The demo data set: `azx-server seed --seed 42` is deterministic (two fresh stores hold the same
// rows), contains every problem kind of the Suzhou bulletin, and every USCC in it is valid. A
// policy's problems are judged by the rule packs in force for its region on its period start, as
// the server resolves them (test/fixtures/packs.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUPERUSER, backendCommand, prepareData } from '../../scripts/pocketbase.mjs';
import { startTestServer } from '../fixtures/server.mjs';
import { authWithPassword, client } from '../fixtures/http.mjs';
import { isValidUscc } from '../fixtures/uscc.mjs';
import { packsInForce, policyDay, thresholds } from '../fixtures/packs.mjs';

const SEED = ['seed', '--seed', '42', '--enterprises', '300'];
const DEMO_PASSWORD = 'azx-demo-2026';
const dirs = [];
const servers = [];
/** per store: { su, lists: {collection: rows} } */
const stores = [];
/** The problem counts the seed command printed: { kind: n }. */
let printed = {};
/** a policy → the thresholds of the packs in force for it */
let termsOf;

/** Parses the "problems planted" block of the seed command's output. */
function printedProblems(stdout) {
  const block = stdout.split('problems planted')[1] ?? '';
  const out = {};
  for (const line of block.split('\n').slice(1)) {
    const m = /^ {2}([a-z_]+) +(\d+)$/.exec(line);
    if (!m) break;
    out[m[1]] = Number(m[2]);
  }
  return out;
}

/** Every row of a collection, page by page, in a stable order. */
async function listAll(api, collection, sort) {
  const rows = [];
  for (let page = 1; ; page++) {
    const r = await api.list(collection, { perPage: 500, page, sort });
    assert.equal(r.status, 200, `list ${collection}: ${JSON.stringify(r.body)}`);
    rows.push(...r.items);
    if (page >= r.body.totalPages) return rows;
  }
}

/** The business view of a row: what a regulator reads, without timestamps of the run. */
const strip = ({ created, updated, collectionId, collectionName, ...rest }) => rest;

/**
 * The overdue flags a sweep writes now (the server's cron job runs every minute) carry fresh ids:
 * events are compared by what they say, without the id.
 */
const content = (rows) => rows.map(({ id, ...rest }) => JSON.stringify(rest)).sort();

before(async () => {
  // Real time is past the seed's reference date, so hazards with a deadline in between are overdue
  // today: each store is swept as of the same instant before it is read, so a cron run that lands
  // in one store's reading and not the other's changes nothing.
  const at = new Date().toISOString();
  for (let i = 0; i < 2; i++) dirs.push(mkdtempSync(join(tmpdir(), `azx-seed-${i}-`)));
  await Promise.all(dirs.map((d) => prepareData(d)));
  const outputs = await Promise.all(dirs.map((d) => backendCommand(d, SEED)));
  printed = printedProblems(outputs[0]);
  for (const dir of dirs) {
    const server = await startTestServer({ dir });
    servers.push(server);
    const su = client(server.url, await authWithPassword(server.url, '_superusers', SUPERUSER.email, SUPERUSER.password));
    const swept = await su.request('POST', '/api/azx/hazards/sweep', { at });
    assert.equal(swept.status, 200, JSON.stringify(swept.body));
    const lists = {};
    for (const [collection, sort] of [
      ['organizations', 'id'], ['users', 'email'], ['enterprises', 'uscc'], ['policies', 'policy_no'],
      ['service_reports', 'id'], ['hazards', 'id'], ['hazard_events', 'id'],
    ]) {
      lists[collection] = (await listAll(su, collection, sort)).map(strip);
    }
    stores.push({ server, su, lists });
  }
  const { su, lists } = stores[0];
  const packsAt = await packsInForce(su, lists.policies.map(policyDay));
  termsOf = (p) => {
    const { region, day } = policyDay(p);
    return thresholds(packsAt(region, day));
  };
});

after(async () => {
  for (const s of servers) await s.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

test('the seeded store has the asked size and every kind of row', () => {
  const { lists } = stores[0];
  assert.equal(lists.enterprises.length, 300);
  for (const collection of ['organizations', 'users', 'policies', 'service_reports', 'hazards', 'hazard_events']) {
    assert.ok(lists[collection].length > 0, `${collection} is empty`);
  }
  const roles = new Set(lists.users.map((u) => u.role));
  for (const role of ['enterprise', 'insurer', 'provider', 'regulator', 'authority', 'financial_regulator', 'admin']) assert.ok(roles.has(role), `no ${role} login`);
});

for (const collection of ['organizations', 'users', 'enterprises', 'policies', 'service_reports', 'hazards', 'hazard_events']) {
  test(`seed 42 gives the same ${collection} in two fresh stores`, () => {
    const [a, b] = stores.map((s) => (collection === 'hazard_events' ? content(s.lists[collection]) : s.lists[collection]));
    assert.equal(a.length, b.length, 'same number of rows');
    assert.deepEqual(a, b);
  });
}

test('every USCC in the store is valid (enterprises, organizations, insured of policies)', () => {
  const { lists } = stores[0];
  const codes = [
    ...lists.enterprises.map((e) => ['enterprise', e.uscc]),
    ...lists.enterprises.map((e) => ['enterprise data', e.data.uscc]),
    ...lists.organizations.filter((o) => o.uscc).map((o) => ['organization', o.uscc]),
    ...lists.policies.map((p) => ['policy insured', p.data.insured?.uscc]),
  ];
  assert.ok(codes.length > 600);
  const bad = codes.filter(([, code]) => !isValidUscc(code));
  assert.deepEqual(bad, [], `${bad.length} invalid codes`);
  const enterpriseUscc = lists.enterprises.map((e) => e.uscc);
  assert.equal(new Set(enterpriseUscc).size, enterpriseUscc.length, 'USCCs are unique');
  for (const e of lists.enterprises) {
    assert.equal(e.uscc.slice(2, 4), e.region_code.slice(0, 2), `${e.uscc} registered in the province of ${e.region_code}`);
  }
});

test('derived columns agree with the data (region, city, province)', () => {
  const { lists } = stores[0];
  for (const e of lists.enterprises) {
    assert.equal(e.region_code, e.data.region_code);
    assert.equal(e.city_code, `${e.region_code.slice(0, 4)}00`);
    assert.equal(e.province_code, `${e.region_code.slice(0, 2)}0000`);
  }
  const byId = new Map(lists.enterprises.map((e) => [e.id, e]));
  for (const p of lists.policies) {
    const e = byId.get(p.enterprise);
    assert.ok(e, `policy ${p.policy_no} names an enterprise of the registry`);
    assert.deepEqual([p.region_code, p.city_code, p.industry], [e.region_code, e.city_code, e.industry], p.policy_no);
    assert.equal(p.premium, p.data.premium, p.policy_no);
  }
});

const cents = (yuan) => Math.round(yuan * 100);

/** Whether a coefficient is one a factor of the packs allows: its headcount band, or an option. */
function allowed(factor, value, persons) {
  if (factor.bands) return factor.bands.find((b) => b.max === null || persons <= b.max)?.value === value;
  return factor.options.some((o) => o.value === value);
}

test('every problem kind the seed reports is found, as often, by a query on the stored data', () => {
  const { enterprises, policies } = stores[0].lists;
  const entById = new Map(enterprises.map((e) => [e.id, e]));
  const activeEnt = new Set(policies.filter((p) => p.status === 'active').map((p) => p.enterprise));
  const renewed = new Set(policies.map((p) => p.renewal_of).filter(Boolean));
  const days = (a, b) => (Date.parse(a) - Date.parse(b)) / 86_400_000;
  const rateMisused = (p) => {
    const { rating, coverage_scope: scope = [], restrictions = [] } = p.data;
    const t = termsOf(p);
    return (
      cents(p.premium) !== cents(rating.premium_by_rate) ||
      t.factors.some((f) => rating.coefficients[f.key] !== undefined && !allowed(f, rating.coefficients[f.key], p.insured_persons)) ||
      t.statutory.some((item) => !scope.includes(item)) ||
      restrictions.length > 0
    );
  };
  const belowMinimum = (p) => termsOf(p).minCover !== undefined && p.cover_per_person < termsOf(p).minCover;
  const lowBudget = (p) => {
    const { floorPct } = termsOf(p);
    return p.prevention_clause && floorPct !== undefined && cents(p.prevention_budget) * 100 < cents(p.premium) * floorPct;
  };
  const found = {
    // 应保未保
    must_insure_uninsured: enterprises.filter((e) => e.must_insure && !activeEnt.has(e.id)).length,
    // 未全员投保
    not_fully_insured: policies.filter((p) => p.status === 'active' && p.insured_persons < entById.get(p.enterprise).headcount).length,
    // 到期未续保
    lapsed_renewal: policies.filter((p) => p.status === 'expired' && !renewed.has(p.id) && !activeEnt.has(p.enterprise)).length,
    // 未规范使用保险方案及费率机制
    rate_misused: policies.filter(rateMisused).length,
    // 未约定事故预防服务
    no_prevention_clause: policies.filter((p) => !p.prevention_clause).length,
    // 保额与投保企业人数不匹配
    cover_headcount_mismatch: policies.filter((p) => p.insured_persons !== p.headcount).length,
    // 录入不规范
    irregular_entry: policies.filter((p) => {
      const e = entById.get(p.enterprise);
      return p.data.insured.name !== e.data.name || p.data.insured.region_code !== e.region_code;
    }).length,
    // 未按时上传
    uploaded_late: policies.filter((p) => {
      const { uploadDays } = termsOf(p);
      return p.uploaded_at && uploadDays !== undefined && days(p.uploaded_at, p.period_start) > uploadDays;
    }).length,
    // 每人限额低于规定标准
    cover_below_minimum: policies.filter(belowMinimum).length,
    // 预防费用不足保费的规定比例
    low_prevention_budget: policies.filter(lowBudget).length,
  };
  assert.ok(Object.keys(printed).length >= 10, `the seed printed its problem counts: ${JSON.stringify(printed)}`);
  assert.deepEqual(found, printed, 'the stored data shows what the seed says it planted');
  const missing = Object.entries(found).filter(([, n]) => n === 0).map(([k]) => k);
  assert.deepEqual(missing, [], `found: ${JSON.stringify(found)}`);
  // problems are the exception, not the rule
  const clean = policies.filter((p) => p.prevention_clause && !lowBudget(p) && !belowMinimum(p) && !rateMisused(p));
  assert.ok(clean.length > policies.length / 2, `${clean.length} of ${policies.length} policies are clean`);
});

test('each policy states its rating, and the rating (by the factors of its packs) gives the premium_by_rate it states', () => {
  const { policies } = stores[0].lists;
  for (const p of policies) {
    const { base_rate: base, coefficients: c, premium_by_rate: byRate } = p.data.rating;
    // base rate × the coefficient of every factor of the packs × insured persons
    const product = termsOf(p).factors.reduce((x, f) => x * c[f.key], base) * p.insured_persons;
    assert.ok(Math.abs(product - byRate) <= 0.0051, `${p.policy_no}: ${product} by the rating, ${byRate} stated`);
  }
});

test('hazards of every status, and major ones among them', () => {
  const { hazards } = stores[0].lists;
  const statuses = new Set(hazards.map((h) => h.status));
  for (const s of ['found', 'notified', 'rectified', 'verified', 'escalated']) assert.ok(statuses.has(s), `no hazard ${s}`);
  assert.ok(hazards.some((h) => h.is_major), 'no major hazard');
});

test('a demo city regulator signs in and sees only its city', async () => {
  const { server, lists, su } = stores[0];
  const regulator = lists.users.find((u) => u.role === 'regulator' && u.scope_level === 'city');
  assert.ok(regulator, 'a city regulator login');
  const api = client(server.url, await authWithPassword(server.url, 'users', regulator.email, DEMO_PASSWORD));
  const seen = await listAll(api, 'policies', 'policy_no');
  const expected = lists.policies.filter((p) => p.city_code === regulator.region_scope);
  assert.ok(expected.length > 0, 'the city has policies');
  assert.deepEqual(seen.map((p) => p.id).sort(), expected.map((p) => p.id).sort());
  assert.ok((await su.list('policies', { perPage: 1 })).body.totalItems > seen.length, 'other cities exist');
});

test('seeding twice is refused and changes nothing', async () => {
  const dir = dirs[1];
  const { su, lists } = stores[1];
  await backendCommand(dir, SEED).then(
    () => {},
    () => {},
  );
  for (const collection of ['enterprises', 'policies', 'hazards']) {
    assert.equal((await su.list(collection, { perPage: 1 })).body.totalItems, lists[collection].length, collection);
  }
});

test('audit verify passes on a seeded store', async () => {
  const out = await backendCommand(dirs[0], ['audit', 'verify']).then(
    (stdout) => ({ code: 0, stdout }),
    (err) => ({ code: err.code, stdout: `${err.stdout}\n${err.stderr}` }),
  );
  assert.equal(out.code, 0, out.stdout);
});
