// The demo data set: `azx-server seed --seed 42` is deterministic (two fresh stores hold the same
// rows), contains every problem kind of the Suzhou bulletin, and every USCC in it is valid.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUPERUSER, backendCommand, prepareData } from '../../scripts/pocketbase.mjs';
import { startTestServer } from '../fixtures/server.mjs';
import { authWithPassword, client } from '../fixtures/http.mjs';
import { isValidUscc } from '../fixtures/uscc.mjs';

const SEED = ['seed', '--seed', '42', '--enterprises', '300'];
const DEMO_PASSWORD = 'azx-demo-2026';
const dirs = [];
const servers = [];
/** per store: { su, lists: {collection: rows} } */
const stores = [];

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

before(async () => {
  for (let i = 0; i < 2; i++) dirs.push(mkdtempSync(join(tmpdir(), `azx-seed-${i}-`)));
  await Promise.all(dirs.map((d) => prepareData(d)));
  await Promise.all(dirs.map((d) => backendCommand(d, SEED)));
  for (const dir of dirs) {
    const server = await startTestServer({ dir });
    servers.push(server);
    const su = client(server.url, await authWithPassword(server.url, '_superusers', SUPERUSER.email, SUPERUSER.password));
    const lists = {};
    for (const [collection, sort] of [
      ['organizations', 'id'], ['users', 'email'], ['enterprises', 'uscc'], ['policies', 'policy_no'],
      ['service_reports', 'id'], ['hazards', 'id'], ['hazard_events', 'id'],
    ]) {
      lists[collection] = (await listAll(su, collection, sort)).map(strip);
    }
    stores.push({ server, su, lists });
  }
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
  for (const role of ['enterprise', 'insurer', 'provider', 'regulator', 'admin']) assert.ok(roles.has(role), `no ${role} login`);
});

for (const collection of ['organizations', 'users', 'enterprises', 'policies', 'service_reports', 'hazards', 'hazard_events']) {
  test(`seed 42 gives the same ${collection} in two fresh stores`, () => {
    const [a, b] = stores.map((s) => s.lists[collection]);
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

test('every problem kind of the Suzhou bulletin is present', () => {
  const { enterprises, policies } = stores[0].lists;
  const entById = new Map(enterprises.map((e) => [e.id, e]));
  const activeEnt = new Set(policies.filter((p) => p.status === 'active').map((p) => p.enterprise));
  const renewed = new Set(policies.map((p) => p.renewal_of).filter(Boolean));
  const days = (a, b) => (Date.parse(a) - Date.parse(b)) / 86_400_000;
  const found = {
    '应保未保 must insure, not insured': enterprises.filter((e) => e.must_insure && !activeEnt.has(e.id)).length,
    '未全员投保 not everyone insured': policies.filter((p) => p.status === 'active' && p.insured_persons < entById.get(p.enterprise).headcount).length,
    '到期未续保 lapsed renewal': policies.filter((p) => p.status === 'expired' && !renewed.has(p.id) && !activeEnt.has(p.enterprise)).length,
    '未按时上传 uploaded late': policies.filter((p) => p.uploaded_at && days(p.uploaded_at, p.period_start) > 30).length,
    '限额低于 40 万 cover below the 2025 minimum': policies.filter((p) => p.legal_basis === '2025' && p.cover_per_person < 400000).length,
    '未约定预防服务 no prevention clause': policies.filter((p) => !p.prevention_clause).length,
    '预防费用不足 20% prevention budget under 20%': policies.filter((p) => p.prevention_clause && p.prevention_budget * 5 < p.premium).length,
  };
  const missing = Object.entries(found).filter(([, n]) => n === 0).map(([k]) => k);
  assert.deepEqual(missing, [], `found: ${JSON.stringify(found)}`);
  // problems are the exception, not the rule
  const clean = policies.filter((p) => p.prevention_clause && p.prevention_budget * 5 >= p.premium && p.cover_per_person >= 400000);
  assert.ok(clean.length > policies.length / 2, `${clean.length} of ${policies.length} policies are clean`);
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
