// Coverage figures and compliance reports (GET /api/azx/coverage/..., /api/azx/compliance/...):
// on a seeded store, every figure equals what the raw rows say (an oracle computed here from the
// records the superuser lists), every figure's list has that many rows, and a regulator reads only
// its own region. A policy's thresholds are those of the rule packs in force for its region on
// its period start, as the server resolves them (test/fixtures/packs.mjs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUPERUSER, backendCommand, prepareData } from '../../scripts/pocketbase.mjs';
import { startTestServer } from '../fixtures/server.mjs';
import { authWithPassword, client } from '../fixtures/http.mjs';
import { packsInForce, policyDay, thresholds } from '../fixtures/packs.mjs';

const PASSWORD = 'azx-demo-2026';
const AT = '2026-11-01';
let dir;
let server;
let raw;
/** (region, day) → the thresholds of the packs in force there then */
let termsAt;
const api = {};

async function listAll(su, collection) {
  const rows = [];
  for (let page = 1; ; page++) {
    const r = await su.list(collection, { perPage: 500, page, sort: 'id' });
    assert.equal(r.status, 200, `list ${collection}`);
    rows.push(...r.items);
    if (page >= r.body.totalPages) return rows;
  }
}

async function signIn(email, lang) {
  return client(server.url, await authWithPassword(server.url, 'users', email, PASSWORD), { lang });
}

const get = (who, path, query = {}) => who.request('GET', `${path}?${new URLSearchParams(query)}`);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'azx-coverage-'));
  await prepareData(dir);
  await backendCommand(dir, ['seed', '--seed', '5', '--enterprises', '300']);
  server = await startTestServer({ dir });
  const su = client(server.url, await authWithPassword(server.url, '_superusers', SUPERUSER.email, SUPERUSER.password));
  raw = {};
  for (const c of ['enterprises', 'policies', 'service_reports', 'hazards', 'organizations']) raw[c] = await listAll(su, c);
  const packsAt = await packsInForce(su, raw.policies.map(policyDay));
  termsAt = (p) => {
    const { region, day } = policyDay(p);
    return thresholds(packsAt(region, day));
  };
  api.su = su;
  api.province = await signIn('regulator-zj@azx.demo');
  api.shaoxing = await signIn('regulator-330600@azx.demo');
  api.hangzhou = await signIn('regulator-330100@azx.demo');
  api.xihu = await signIn('regulator-330106@azx.demo');
  api.insurer = await signIn('insurer-1@azx.demo');
  api.shaoxingEn = await signIn('regulator-330600@azx.demo', 'en');
});

after(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const seconds = (s) => Math.floor(Date.parse(s.replace(' ', 'T')) / 1000);
const fen = (x) => Math.round(x * 100);

/** The figures of every group, computed from the raw rows the way DOMAIN.md defines them. */
function oracle(key, { inRegion = () => true, industry = '' } = {}) {
  const ents = raw.enterprises.filter((e) => inRegion(e) && (!industry || e.industry === industry));
  const pols = raw.policies.filter((p) => inRegion(p) && (!industry || p.industry === industry));
  const byEnt = new Map(raw.enterprises.map((e) => [e.id, e]));
  const active = new Map();
  for (const p of raw.policies) if (p.status === 'active') active.set(p.enterprise, [...(active.get(p.enterprise) ?? []), p]);
  const renewed = new Set(raw.policies.map((p) => p.renewal_of).filter(Boolean));
  const out = new Map();
  const g = (k) => {
    if (!out.has(k)) {
      out.set(k, {
        enterprises: 0, mustInsure: 0, insured: 0, insuredMustInsure: 0, notFullyInsured: 0, policies: 0, activePolicies: 0,
        workers: 0, premium: 0, preventionBudget: 0, preventionSpent: 0, renewalsDue: 0, lapsed: 0, uploadedLate: 0,
        lowPreventionBudget: 0, noPreventionClause: 0, coverBelowMinimum: 0, coverHeadcountMismatch: 0, majorOpen: 0, majorOverdue: 0,
      });
    }
    return out.get(k);
  };
  for (const e of ents) {
    const f = g(key(e));
    const act = active.get(e.id) ?? [];
    f.enterprises++;
    if (e.must_insure) f.mustInsure++;
    if (act.length) {
      f.insured++;
      if (e.must_insure) f.insuredMustInsure++;
      if (act.some((p) => p.insured_persons < e.headcount)) f.notFullyInsured++;
    }
  }
  for (const p of pols) {
    const f = g(key(p));
    f.policies++;
    f.premium += fen(p.premium);
    f.preventionBudget += fen(p.prevention_budget);
    if (p.status === 'active') {
      f.activePolicies++;
      f.workers += p.insured_persons;
    }
    if (p.status === 'expired') {
      f.renewalsDue++;
      if (!renewed.has(p.id) && !(active.get(p.enterprise) ?? []).length) f.lapsed++;
    }
    const t = termsAt(p);
    const late = t.uploadDays !== undefined && seconds(p.uploaded_at) - seconds(p.period_start) > t.uploadDays * 86400;
    if (!p.uploaded_at || late) f.uploadedLate++;
    if (p.prevention_clause && t.floorPct !== undefined && fen(p.prevention_budget) * 100 < fen(p.premium) * t.floorPct) f.lowPreventionBudget++;
    if (!p.prevention_clause) f.noPreventionClause++;
    if (t.minCover !== undefined && p.cover_per_person < t.minCover) f.coverBelowMinimum++;
    if (p.insured_persons !== p.headcount) f.coverHeadcountMismatch++;
    assert.ok(byEnt.has(p.enterprise));
  }
  for (const s of raw.service_reports) {
    if (!inRegion(s) || (industry && s.industry !== industry)) continue;
    if (s.status === 'delivered' || s.status === 'confirmed') g(key(s)).preventionSpent += fen(s.cost);
  }
  for (const h of raw.hazards) {
    if (!inRegion(h) || (industry && h.industry !== industry) || !h.is_major) continue;
    const f = g(key(h));
    if (h.status !== 'verified') f.majorOpen++;
    if (['found', 'notified', 'reopened', 'escalated'].includes(h.status) && h.deadline && h.deadline < `${AT} 00:00:00.000Z`) f.majorOverdue++;
  }
  return out;
}

/** Compares a server row with the oracle's, money to the fen, ratios from the counts. */
function assertFigures(got, want, where) {
  const w = want ?? oracle(() => '').get('') ?? {};
  for (const [k, v] of Object.entries(w)) {
    const g = ['premium', 'preventionBudget', 'preventionSpent'].includes(k) ? fen(got[k]) : got[k];
    assert.equal(g, v, `${where}: ${k}`);
  }
  assert.equal(got.uninsured, w.mustInsure - w.insuredMustInsure, `${where}: uninsured`);
  assert.equal(got.coverageRate, w.mustInsure ? w.insuredMustInsure / w.mustInsure : null, `${where}: coverageRate`);
  assert.equal(got.renewalRate, w.renewalsDue ? (w.renewalsDue - w.lapsed) / w.renewalsDue : null, `${where}: renewalRate`);
}

const EMPTY = {
  enterprises: 0, mustInsure: 0, insured: 0, insuredMustInsure: 0, notFullyInsured: 0, policies: 0, activePolicies: 0, workers: 0,
  premium: 0, preventionBudget: 0, preventionSpent: 0, renewalsDue: 0, lapsed: 0, uploadedLate: 0, lowPreventionBudget: 0,
  noPreventionClause: 0, coverBelowMinimum: 0, coverHeadcountMismatch: 0, majorOpen: 0, majorOverdue: 0,
};

test('the province regulator sees every city, each figure equal to the raw rows', async () => {
  const r = await get(api.province, '/api/azx/coverage/figures', { at: AT });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.region.code, '330000');
  assert.equal(r.body.childLevel, 'city');
  assert.equal(r.body.rows.length, 11);
  const want = oracle((x) => x.city_code);
  for (const row of r.body.rows) assertFigures(row, want.get(row.code) ?? EMPTY, row.code);
  assertFigures(r.body.total, oracle(() => 'all').get('all'), 'province total');
  assert.ok(r.body.total.uninsured > 0 && r.body.total.lapsed > 0 && r.body.total.majorOpen > 0, 'the seed plants problems');
});

test('a city regulator sees its counties, filtered by industry and period, each figure exact', async () => {
  const r = await get(api.shaoxing, '/api/azx/coverage/figures', { at: AT });
  assert.equal(r.status, 200);
  assert.equal(r.body.region.code, '330600');
  assert.deepEqual(r.body.path.map((p) => p.code), ['330600']);
  const inCity = (x) => x.city_code === '330600';
  const want = oracle((x) => x.region_code, { inRegion: inCity });
  for (const row of r.body.rows) {
    assert.equal(row.code.slice(0, 4), '3306');
    assertFigures(row, want.get(row.code) ?? EMPTY, row.code);
  }
  const chem = await get(api.shaoxing, '/api/azx/coverage/figures', { at: AT, industry: 'hazardous_chemicals' });
  assertFigures(chem.body.total, oracle(() => 't', { inRegion: inCity, industry: 'hazardous_chemicals' }).get('t') ?? EMPTY, 'chemicals');

  // a window counts the policies in force during it
  const win = await get(api.shaoxing, '/api/azx/coverage/figures', { at: AT, from: '2025-01-01', to: '2025-12-31' });
  assert.equal(win.status, 200);
  const from = Date.parse('2025-01-01T00:00:00+08:00');
  const to = Date.parse('2025-12-31T23:59:59.999+08:00');
  const overl = raw.policies.filter((p) => inCity(p) && Date.parse(p.period_start.replace(' ', 'T')) <= to && Date.parse(p.period_end.replace(' ', 'T')) >= from);
  assert.equal(win.body.total.policies, overl.length);
  assert.equal(win.body.total.insured, new Set(overl.filter((p) => p.status === 'active' || p.status === 'expired').map((p) => p.enterprise)).size);
  assert.equal(win.body.from, '2025-01-01');
});

test('every figure opens the records behind it, as many as the figure says', async () => {
  const fig = (await get(api.shaoxing, '/api/azx/coverage/figures', { at: AT })).body.total;
  const metrics = {
    enterprises: fig.enterprises, must_insure: fig.mustInsure, insured: fig.insured, uninsured: fig.uninsured,
    not_fully_insured: fig.notFullyInsured, policies: fig.policies, active: fig.activePolicies, lapsed: fig.lapsed,
    renewals_due: fig.renewalsDue, uploaded_late: fig.uploadedLate, low_prevention_budget: fig.lowPreventionBudget,
    no_prevention_clause: fig.noPreventionClause, cover_below_minimum: fig.coverBelowMinimum,
    cover_headcount_mismatch: fig.coverHeadcountMismatch, major_open: fig.majorOpen, major_overdue: fig.majorOverdue,
  };
  for (const [metric, n] of Object.entries(metrics)) {
    const r = await get(api.shaoxing, '/api/azx/coverage/records', { metric, at: AT, perPage: '500' });
    assert.equal(r.status, 200, metric);
    assert.equal(r.body.totalItems, n, metric);
    assert.equal(r.body.items.length, n, metric);
    for (const row of r.body.items) assert.equal(row.regionCode.slice(0, 4), '3306', `${metric} ${row.uscc}`);
  }
  // the uninsured are exactly the must-insure enterprises without a policy in force
  const uninsured = (await get(api.shaoxing, '/api/azx/coverage/records', { metric: 'uninsured', perPage: '500' })).body.items.map((x) => x.enterpriseId).sort();
  const active = new Set(raw.policies.filter((p) => p.status === 'active').map((p) => p.enterprise));
  const want = raw.enterprises.filter((e) => e.city_code === '330600' && e.must_insure && !active.has(e.id)).map((e) => e.id).sort();
  assert.deepEqual(uninsured, want);
});

test('a regulator cannot read another region; other roles get 403, strangers 401', async () => {
  for (const [path, q] of [
    ['/api/azx/coverage/figures', { region: '330100' }],
    ['/api/azx/coverage/records', { region: '330100', metric: 'uninsured' }],
    ['/api/azx/compliance/report', { region: '330100' }],
    ['/api/azx/compliance/rounds', { region: '330100' }],
    ['/api/azx/coverage/figures', { region: '330000' }],
  ]) {
    const r = await get(api.shaoxing, path, q);
    assert.equal(r.status, 403, `${path} ${JSON.stringify(q)}`);
    assert.equal(r.body.code, 'out_of_scope');
    assert.match(r.body.message_zh, /辖区/);
    assert.match(r.body.message_en, /scope/);
  }
  const county = await get(api.xihu, '/api/azx/coverage/figures', { region: '330100' });
  assert.equal(county.status, 403);
  const own = await get(api.xihu, '/api/azx/coverage/figures', { at: AT });
  assert.equal(own.status, 200);
  assert.deepEqual(own.body.rows.map((r) => r.code), ['330106']);
  assertFigures(own.body.total, oracle(() => 'x', { inRegion: (x) => x.region_code === '330106' }).get('x') ?? EMPTY, 'Xihu');
  assert.equal((await get(api.insurer, '/api/azx/coverage/figures')).status, 403);
  assert.equal((await get(client(server.url), '/api/azx/coverage/figures')).status, 401);
  // the province reads Shaoxing's counties too
  const prov = await get(api.province, '/api/azx/coverage/figures', { region: '330600', at: AT });
  assert.equal(prov.status, 200);
  assert.deepEqual(prov.body.path.map((p) => p.code), ['330000', '330600']);
});

test('bad parameters are refused field by field, in both languages', async () => {
  for (const [q, field] of [
    [{ from: '2026-01-01' }, 'to'],
    [{ from: '2026-02-01', to: '2026-01-01' }, 'to'],
    [{ at: 'soon' }, 'at'],
    [{ min_share: 'abc' }, 'min_share'],
    [{ region: '33060X' }, 'region'],
    [{ industry: 'x" OR 1' }, 'industry'],
  ]) {
    const r = await get(api.shaoxingEn, '/api/azx/coverage/figures', q);
    assert.equal(r.status, 400, JSON.stringify(q));
    assert.ok(r.body.data[field]?.message_zh && r.body.data[field]?.message_en, JSON.stringify(r.body));
    assert.equal(r.body.message, r.body.message_en);
  }
  const metric = await get(api.shaoxing, '/api/azx/coverage/records', { metric: 'nonsense' });
  assert.equal(metric.status, 400);
  assert.ok(metric.body.data.metric);
});

test('an inspection round: a reproducible sample, findings only on sampled policies, all in the report', async () => {
  const draw = (body) => api.shaoxing.request('POST', '/api/azx/compliance/rounds', body);
  const a = await draw({ name: '2026 年度抽查', seed: 2026, size: 12 });
  assert.equal(a.status, 200, JSON.stringify(a.body));
  const b = await draw({ name: '复核', seed: 2026, size: 12 });
  assert.deepEqual(b.body.sample, a.body.sample, 'same seed, same population → same sample');
  const c = await draw({ name: '另一种子', seed: 7, size: 12 });
  assert.notDeepEqual(c.body.sample, a.body.sample);
  const population = raw.policies.filter((p) => p.city_code === '330600' && p.status === 'active').map((p) => p.id);
  assert.equal(a.body.population, population.length);
  for (const id of a.body.sample) assert.ok(population.includes(id), `${id} is an active Shaoxing policy`);

  for (const [body, field] of [[{ name: '', seed: 1, size: 3 }, 'name'], [{ name: 'x', seed: -1, size: 3 }, 'seed'], [{ name: 'x', seed: 1, size: 0 }, 'size']]) {
    const r = await draw(body);
    assert.equal(r.status, 400);
    assert.ok(r.body.data[field], field);
  }
  assert.equal((await api.hangzhou.request('POST', '/api/azx/compliance/rounds', { name: 'x', seed: 1, size: 3, region: '330600' })).status, 403);

  const round = a.body.id;
  const find = (body, who = api.shaoxing) => who.request('POST', `/api/azx/compliance/rounds/${round}/findings`, body);
  const outside = raw.policies.find((p) => p.city_code === '330600' && !a.body.sample.includes(p.id));
  const refused = await find({ policy: outside.id, category: 'rate_misused' });
  assert.equal(refused.status, 400);
  assert.match(refused.body.data.policy.message_zh, /样本/);
  assert.equal((await find({ policy: a.body.sample[0], category: 'invented' })).status, 400);
  assert.equal((await find({ policy: a.body.sample[0], category: 'rate_misused' }, api.hangzhou)).status, 404);
  for (const [i, category] of [[0, 'rate_misused'], [0, 'no_prevention_clause'], [1, 'rate_misused'], [2, 'irregular_entry']]) {
    const r = await find({ policy: a.body.sample[i], category, note: '抽查发现' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }

  const rep = await get(api.shaoxing, '/api/azx/compliance/report', { round, at: AT });
  assert.equal(rep.status, 200, JSON.stringify(rep.body));
  const R = rep.body;
  assert.equal(R.round.sampled, 12);
  assert.equal(R.round.withProblems, 3);
  assert.equal(R.round.findings.length, 4);
  const cat = Object.fromEntries(R.round.categories.map((x) => [x.category, x]));
  assert.deepEqual([cat.rate_misused.count, cat.rate_misused.policies, cat.no_prevention_clause.count, cat.irregular_entry.count, cat.other.count], [2, 2, 1, 1, 0]);
  assert.equal(R.byInsurer.reduce((n, f) => n + f.sampled, 0), 12);
  assert.equal(R.byInsurer.reduce((n, f) => n + f.withProblems, 0), 3);
  assert.equal(R.rows.reduce((n, f) => n + f.withProblems, 0), 3);
  // by insurer and by industry, from the raw rows
  const inCity = (x) => x.city_code === '330600';
  const insurers = oracle((p) => p.insurer, { inRegion: inCity });
  for (const f of R.byInsurer) {
    assert.equal(f.activePolicies, insurers.get(f.code).activePolicies, f.code);
    assert.equal(f.uploadedLate, insurers.get(f.code).uploadedLate, f.code);
    assert.equal(f.name, raw.organizations.find((o) => o.id === f.code).name);
  }
  assert.equal(R.insurersActive, new Set(raw.policies.filter((p) => inCity(p) && p.status === 'active').map((p) => p.insurer)).size);
  const industries = oracle((e) => e.industry, { inRegion: inCity });
  for (const f of R.byIndustry) assert.equal(f.insured, industries.get(f.code).insured, f.code);
  assertFigures(R.total, oracle(() => 't', { inRegion: inCity }).get('t'), 'report total');
  // the numbers of the round link to their policies
  const withProblems = await get(api.shaoxing, '/api/azx/coverage/records', { round, metric: 'with_problems' });
  assert.deepEqual(withProblems.body.items.map((x) => x.policyId).sort(), a.body.sample.slice(0, 3).sort());
  const rate = await get(api.shaoxing, '/api/azx/coverage/records', { round, metric: 'finding:rate_misused' });
  assert.equal(rate.body.totalItems, 2);

  // through the collection API: rounds and findings are read by regulators of the region only, written by nobody
  assert.equal((await api.shaoxing.list('inspection_rounds')).items.length, 3);
  assert.equal((await api.province.list('findings')).items.length, 4);
  assert.equal((await api.hangzhou.list('inspection_rounds')).items.length, 0);
  assert.equal((await api.insurer.list('findings')).items.length, 0);
  assert.equal((await api.shaoxing.create('findings', { round, policy: a.body.sample[3], category: 'other' })).status, 403);
  assert.equal((await api.shaoxing.create('inspection_rounds', { name: 'x', region_code: '330600' })).status, 403);
});

test('a cross-inspection table: every faulty line refused at its own field in the caller\'s words, a draft\'s table replaced, the team reads its part with the categories', async () => {
  const policies = raw.policies.filter((p) => p.status === 'active' && ['330600', '330100'].includes(p.city_code)).map((p) => p.policy_no);
  const draw = (who, assignments) => who.request('POST', '/api/azx/compliance/rounds', { name: '交叉检查', policies, assignments });
  const provinceEn = await signIn('regulator-zj@azx.demo', 'en');
  const bad = await draw(provinceEn, [
    { inspector: '330100', inspected: '330600' },
    { inspector: '330200', inspected: '330200' },
    { inspector: '330300', inspected: '330600' },
    { inspector: '320500', inspected: '' },
  ]);
  assert.equal(bad.status, 400, JSON.stringify(bad.body));
  assert.deepEqual(Object.keys(bad.body.data).sort(), ['assignments.1.inspected', 'assignments.2.inspected', 'assignments.3.inspected', 'assignments.3.inspector']);
  assert.equal(bad.body.data['assignments.1.inspected'].message, 'A region cannot inspect itself');
  assert.equal(bad.body.data['assignments.2.inspected'].message_zh, '该地区已由第 1 行分配检查');
  assert.equal(bad.body.message, 'Lines 2, 3, 4 of the cross-inspection table were refused');

  const round = await draw(api.province, [{ inspector: '330100', inspected: '330600' }]);
  assert.equal(round.status, 200, JSON.stringify(round.body));
  const set = (who, assignments) => who.request('POST', `/api/azx/compliance/rounds/${round.body.id}/assignments`, { assignments });
  assert.equal((await set(api.hangzhou, [])).status, 404, 'a team does not edit the table');
  const again = await set(api.province, [{ inspector: '330600', inspected: '330600' }]);
  assert.equal(again.status, 400);
  assert.ok(again.body.data['assignments.0.inspected'].message_zh);
  const edited = await set(api.province, [{ inspector: '330100', inspected: '330600' }, { inspector: '330600', inspected: '330100' }]);
  assert.equal(edited.status, 200, JSON.stringify(edited.body));
  assert.equal(edited.body.assignments.length, 2);

  const sample = await get(api.hangzhou, `/api/azx/compliance/rounds/${round.body.id}/sample`, { perPage: 500 });
  assert.equal(sample.status, 200, JSON.stringify(sample.body));
  assert.ok(sample.body.items.length > 0 && sample.body.items.every((x) => x.region.startsWith('3306')), 'only Shaoxing\'s policies');
  assert.ok(sample.body.categories.some((c) => c.category === 'rate_misused' && c.zh));
  assert.equal((await get(api.xihu, `/api/azx/compliance/rounds/${round.body.id}/sample`)).status, 404, 'a county the table names not');

  assert.equal((await api.province.request('POST', `/api/azx/compliance/rounds/${round.body.id}/publish`, {})).status, 200);
  const published = await set(api.province, []);
  assert.equal(published.status, 400);
  assert.equal(published.body.code, 'round_published');
});
