// Server-side validation: a bad record of every kind is refused with a field-level error in
// Chinese and English, and nothing of it is stored; derived columns are the server's; corrections
// need a reason and keep the previous state; published definitions never change.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../fixtures/server.mjs';
import { createWorld } from '../fixtures/world.mjs';
import { breakUscc, makeUscc } from '../fixtures/uscc.mjs';
import { DEFINITION_KEYS, ENTERPRISES, REGIONS, enterpriseData, policyData, reprice } from '../fixtures/records.mjs';
import { assertFieldError, total } from './helpers.mjs';
import { hazardAt } from './hazard-steps.mjs';

let server;
let world;
let su;
let counter = 0;
const next = () => String(++counter).padStart(5, '0');

before(async () => {
  server = await startTestServer();
  world = await createWorld(server.url);
  su = world.superuser;
});
after(() => server?.stop());

const business = (collection, data, columns = {}) => ({
  definition: DEFINITION_KEYS[collection],
  version: world.versions[collection],
  data,
  ...columns,
});

/** A valid policy of insurer A on E1 (each with its own number). */
function goodPolicy(overrides = {}) {
  return business('policies', policyData(ENTERPRISES.E1, { policy_no: `AZX-VAL-${next()}`, ...overrides }), {
    enterprise: world.ids.enterprises.E1,
    insurer: world.ids.orgs.insurerA,
    provider: world.ids.orgs.providerP,
  });
}

/** A valid Shaoxing enterprise for the Shaoxing regulator's registry. */
function goodEnterprise(overrides = {}) {
  const uscc = makeUscc(REGIONS.yuecheng, `MA2K${next()}`);
  return business('enterprises', enterpriseData({ uscc, name: `校验测试企业${counter}`, region_code: REGIONS.yuecheng, industry: 'fireworks', ...overrides }));
}

const without = (obj, key) => {
  const copy = structuredClone(obj);
  delete copy[key];
  return copy;
};

/** The bad records: who sends it, where, and the path the error must name. */
const BAD = [
  { kind: 'missing required field (premium)', as: 'insurerA', collection: 'policies', path: 'data.premium',
    body: () => { const b = goodPolicy(); b.data = without(b.data, 'premium'); return b; } },
  { kind: 'wrong type (headcount as text)', as: 'insurerA', collection: 'policies', path: 'data.headcount',
    body: () => goodPolicy({ headcount: '五十' }) },
  { kind: 'negative money (premium)', as: 'insurerA', collection: 'policies', path: 'data.premium',
    body: () => goodPolicy({ premium: -100 }) },
  { kind: "bad USCC check character of the insured", as: 'insurerA', collection: 'policies', path: 'data.insured.uscc',
    body: () => goodPolicy({ insured: { uscc: breakUscc(ENTERPRISES.E1.uscc), name: ENTERPRISES.E1.name } }) },
  { kind: 'enum violation (legal basis)', as: 'insurerA', collection: 'policies', path: 'data.legal_basis',
    body: () => goodPolicy({ legal_basis: '1999' }) },
  { kind: 'bad USCC check character', as: 'regulatorShaoxing', collection: 'enterprises', path: 'data.uscc',
    body: () => { const b = goodEnterprise(); b.data.uscc = breakUscc(b.data.uscc); return b; } },
  { kind: 'bad region code (a typo in the county digits)', as: 'regulatorShaoxing', collection: 'enterprises', path: 'data.region_code',
    body: () => goodEnterprise({ region_code: '33060X' }) },
  { kind: 'bad region code (no such province)', as: 'regulatorZhejiang', collection: 'enterprises', path: 'data.region_code',
    body: () => goodEnterprise({ region_code: '990101' }) },
  { kind: 'bad mobile', as: 'regulatorShaoxing', collection: 'enterprises', path: 'data.principal.mobile',
    body: () => goodEnterprise({ principal: { name: '王主任', mobile: '12345678901' } }) },
  { kind: 'enum violation (risk grade)', as: 'regulatorShaoxing', collection: 'enterprises', path: 'data.risk_grade',
    body: () => goodEnterprise({ risk_grade: 'extreme' }) },
  { kind: 'unknown definition', as: 'insurerA', collection: 'policies', path: 'definition',
    body: () => ({ ...goodPolicy(), definition: 'no-such-form' }) },
  { kind: "another collection's definition", as: 'insurerA', collection: 'policies', path: 'definition',
    body: () => ({ ...goodPolicy(), definition: 'enterprise', version: world.versions.enterprises }) },
  { kind: 'unknown version', as: 'insurerA', collection: 'policies', path: 'version',
    body: () => ({ ...goodPolicy(), version: 99 }) },
  { kind: 'draft version', as: 'insurerA', collection: 'policies', path: 'version',
    body: () => ({ ...goodPolicy(), version: draftPolicyVersion }) },
  { kind: 'data not an object', as: 'insurerA', collection: 'policies', path: 'data',
    body: () => ({ ...goodPolicy(), data: ['AZX-VAL-LIST', 20000] }) },
  { kind: 'data a string', as: 'insurerA', collection: 'policies', path: 'data',
    body: () => ({ ...goodPolicy(), data: 'premium=20000' }) },
  { kind: 'data null', as: 'insurerA', collection: 'policies', path: 'data',
    body: () => ({ ...goodPolicy(), data: null }) },
];

let draftPolicyVersion;

describe('a bad record is refused with field errors in both languages and not stored', () => {
  before(async () => {
    // a draft version 2 of the policy definition: records may not name it
    const v1 = (await su.list('form_definitions', { filter: `key = "policy" && version = ${world.versions.policies}` })).items[0];
    draftPolicyVersion = world.versions.policies + 1;
    const r = await su.create('form_definitions', {
      key: 'policy', version: draftPolicyVersion, status: 'draft', title: v1.title, industry: '', schema: v1.schema,
    });
    assert.equal(r.status, 200, `draft policy v2: ${JSON.stringify(r.body)}`);
  });

  for (const bad of BAD) {
    for (const lang of [undefined, 'en']) {
      test(`${bad.kind} → 400 at ${bad.path} (${lang ?? 'default zh-CN'})`, async () => {
        const before = await total(su, bad.collection);
        const api = world.api(await world.login(bad.as), { lang });
        const r = await api.create(bad.collection, bad.body());
        assertFieldError(r, bad.path, lang);
        assert.equal(await total(su, bad.collection), before, 'nothing stored');
      });
    }
  }

  test('Accept-Language zh-CN,zh;q=0.9 gives Chinese, en-US,en;q=0.9 gives English', async () => {
    for (const [lang, key] of [['zh-CN,zh;q=0.9', 'message_zh'], ['en-US,en;q=0.9', 'message_en']]) {
      const api = world.api(await world.login('insurerA'), { lang });
      const r = await api.create('policies', goodPolicy({ premium: -1 }));
      assert.equal(r.status, 400);
      const item = r.body.data['data.premium'];
      assert.equal(item.message, item[key], `${lang}: ${JSON.stringify(item)}`);
    }
  });

  test('a record with several faults names each field', async () => {
    const api = world.api(await world.login('insurerA'), { lang: 'en' });
    const r = await api.create('policies', goodPolicy({ premium: -1, headcount: 0, legal_basis: 'x' }));
    for (const path of ['data.premium', 'data.headcount', 'data.legal_basis']) assertFieldError(r, path, 'en');
  });
});

describe('derived columns belong to the server', () => {
  test('columns forged by the client are overwritten from the data and the enterprise', async () => {
    const api = world.api(await world.login('insurerA'));
    const body = goodPolicy();
    Object.assign(body, {
      region_code: REGIONS.xihu, city_code: REGIONS.hangzhou, province_code: '110000', industry: 'fishing',
      premium: 1, cover_per_person: 1, headcount: 9999, insured_persons: 9999, policy_no: 'FORGED-0001', revision: 7,
    });
    const r = await api.create('policies', body);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const row = (await su.view('policies', r.body.id)).body;
    assert.equal(row.region_code, REGIONS.yuecheng);
    assert.equal(row.city_code, REGIONS.shaoxing);
    assert.equal(row.province_code, REGIONS.zhejiang);
    assert.equal(row.industry, ENTERPRISES.E1.industry);
    assert.equal(row.premium, body.data.premium);
    assert.equal(row.cover_per_person, body.data.cover_per_person);
    assert.equal(row.headcount, body.data.headcount);
    assert.equal(row.insured_persons, body.data.insured_persons);
    assert.equal(row.policy_no, body.data.policy_no);
    assert.equal(row.revision, 1);
  });

  test('an enterprise row takes its region columns from its data', async () => {
    const api = world.api(await world.login('regulatorShaoxing'));
    const body = goodEnterprise();
    Object.assign(body, { city_code: '330900', province_code: '110000', uscc: 'FORGED', headcount: 1 });
    const r = await api.create('enterprises', body);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const row = (await su.view('enterprises', r.body.id)).body;
    assert.deepEqual(
      [row.uscc, row.region_code, row.city_code, row.province_code, row.headcount],
      [body.data.uscc, REGIONS.yuecheng, REGIONS.shaoxing, REGIONS.zhejiang, body.data.headcount],
    );
  });
});

test('an insurer cannot create a policy for another insurer', async () => {
  const before = await total(su, 'policies');
  const api = world.api(await world.login('insurerA'));
  const body = goodPolicy();
  body.insurer = world.ids.orgs.insurerB;
  const r = await api.create('policies', body);
  assert.ok([400, 403].includes(r.status), `expected a refusal, got ${r.status} ${JSON.stringify(r.body)}`);
  assert.equal(await total(su, 'policies'), before, 'nothing stored');
});

describe('relations must agree with the record', () => {
  test("a policy's enterprise is the insured its data names", async () => {
    const before = await total(su, 'policies');
    const api = world.api(await world.login('insurerA'));
    const body = goodPolicy({ insured: { uscc: ENTERPRISES.E2.uscc, name: ENTERPRISES.E2.name } }); // enterprise column: E1
    const r = await api.create('policies', body);
    assert.equal(r.status, 400, `a policy insuring E2 attached to E1: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    assert.equal(await total(su, 'policies'), before, 'nothing stored');
  });

  for (const org of ['insurerB', 'enterpriseE2', 'regulatorHangzhou']) {
    test(`a policy's provider must be a service provider, not ${org}`, async () => {
      const before = await total(su, 'policies');
      const api = world.api(await world.login('insurerA'), { lang: 'en' });
      const r = await api.create('policies', { ...goodPolicy(), provider: world.ids.orgs[org] });
      assertFieldError(r, 'provider', 'en');
      assert.equal(await total(su, 'policies'), before, 'nothing stored');
    });
  }
});

describe('corrections', () => {
  test('an update without correction_reason is refused in both languages and changes nothing', async () => {
    const id = world.ids.policies.A;
    const before = (await su.view('policies', id)).body;
    for (const lang of [undefined, 'en']) {
      const api = world.api(await world.login('insurerA'), { lang });
      const r = await api.update('policies', id, { data: reprice(before.data, { safety_credit: 1.25 }) });
      assertFieldError(r, 'correction_reason', lang);
    }
    assert.deepEqual((await su.view('policies', id)).body, before);
    assert.equal(await total(su, 'record_versions', `record_id = "${id}"`), 0);
  });

  test('a correction with a reason keeps the previous state in record_versions and increments revision', async () => {
    const id = world.ids.policies.A;
    const before = (await su.view('policies', id)).body;
    assert.equal(before.revision, 1);
    const api = world.api(await world.login('insurerA'));
    const r = await api.update('policies', id, {
      data: reprice(before.data, { safety_credit: 1.25 }),
      correction_reason: '保费录入错误，按批单更正',
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const now = (await su.view('policies', id)).body;
    assert.equal(now.revision, 2);
    assert.equal(now.premium, 25000, 'the column follows the corrected data');
    const versions = await su.list('record_versions', { filter: `collection_name = "policies" && record_id = "${id}"` });
    assert.equal(versions.items.length, 1);
    const v = versions.items[0];
    assert.equal(v.revision, 1);
    assert.equal(v.reason, '保费录入错误，按批单更正');
    assert.equal(v.snapshot.data?.premium ?? v.snapshot.premium, 20000, `snapshot keeps the old premium: ${JSON.stringify(v.snapshot).slice(0, 300)}`);
    assert.equal(v.actor, world.ids.users.insurerA);
  });

  test('a second correction stores revision 2 and makes revision 3', async () => {
    const id = world.ids.policies.A;
    const before = (await su.view('policies', id)).body;
    const api = world.api(await world.login('insurerA'));
    const r = await api.update('policies', id, { data: { ...before.data, insured_persons: 50 }, correction_reason: '核对参保人数' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal((await su.view('policies', id)).body.revision, 3);
    const revisions = (await su.list('record_versions', { filter: `record_id = "${id}"`, sort: 'revision' })).items.map((v) => v.revision);
    assert.deepEqual(revisions, [1, 2]);
  });

  test("a city regulator cannot move an enterprise out of its region by a correction", async () => {
    const id = world.ids.enterprises.E1;
    const before = (await su.view('enterprises', id)).body;
    for (const lang of [undefined, 'en']) {
      const api = world.api(await world.login('regulatorShaoxing'), { lang });
      const r = await api.update('enterprises', id, { data: { ...before.data, region_code: REGIONS.xihu }, correction_reason: '迁址' });
      assertFieldError(r, 'data.region_code', lang);
    }
    assert.deepEqual((await su.view('enterprises', id)).body, before);
  });

  test('a correction that breaks the schema is refused and keeps no version', async () => {
    const id = world.ids.policies.B;
    const before = (await su.view('policies', id)).body;
    const api = world.api(await world.login('insurerB'), { lang: 'en' });
    const r = await api.update('policies', id, { data: { ...before.data, cover_per_person: -5 }, correction_reason: '试图改坏' });
    assertFieldError(r, 'data.cover_per_person', 'en');
    assert.deepEqual((await su.view('policies', id)).body, before);
    assert.equal(await total(su, 'record_versions', `record_id = "${id}"`), 0);
  });
});

describe('form definitions', () => {
  const newSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    properties: { note: { type: 'string', title: '备注', 'x-title-en': 'Note' } },
  };

  test("a published definition's schema cannot be changed, not even by the admin", async () => {
    const published = (await su.list('form_definitions', { filter: `key = "policy" && status = "published"` })).items[0];
    for (const actor of ['admin', 'superuser']) {
      const api = actor === 'superuser' ? su : world.api(await world.login(actor));
      const r = await api.update('form_definitions', published.id, { schema: newSchema });
      assert.ok(r.status >= 400 && r.status < 500, `${actor}: expected a refusal, got ${r.status}`);
      const now = (await su.view('form_definitions', published.id)).body;
      assert.deepEqual(now.schema, published.schema, `${actor} changed the schema`);
      assert.equal(now.hash, published.hash);
    }
  });

  test('a non-admin cannot create a definition', async () => {
    for (const actor of ['insurerA', 'regulatorZhejiang', 'enterpriseE1']) {
      const before = await total(su, 'form_definitions');
      const api = world.api(await world.login(actor));
      const r = await api.create('form_definitions', { key: `val-${next()}`, version: 1, status: 'draft', title: '测试', schema: newSchema });
      assert.ok([400, 403].includes(r.status), `${actor}: ${r.status}`);
      assert.equal(await total(su, 'form_definitions'), before, `${actor}: nothing stored`);
    }
  });

  test('an admin can create a draft with a valid schema', async () => {
    const api = world.api(await world.login('admin'));
    const r = await api.create('form_definitions', { key: `val-${next()}`, version: 1, status: 'draft', title: '测试', schema: newSchema });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  });

  test('an admin can create a draft that uses definitions, dependencies and a format the form does not check, as the form accepts it', async () => {
    // Ajv2020 (the browser) and the server both know draft-07's definitions and dependencies in a
    // 2020-12 schema; a format neither checks ("data-url", "iri") is an annotation on both sides
    const api = world.api(await world.login('admin'));
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      definitions: { hours: { type: 'number', multipleOf: 0.5 } },
      properties: {
        hours: { $ref: '#/definitions/hours', title: '学时' },
        trainer: { type: 'string', title: '讲师' },
        trainer_org: { type: 'string', title: '讲师单位' },
        scan: { type: 'string', format: 'data-url', title: '扫描件' },
        site: { type: 'string', format: 'iri', title: '网址' },
      },
      dependencies: { trainer: ['trainer_org'] },
    };
    const r = await api.create('form_definitions', { key: `val-${next()}`, version: 1, status: 'draft', title: '培训', schema });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  });

  for (const [what, schema] of [
    ['an unknown type', { type: 'nonsense' }],
    ['"x-assert-formats" with a format nobody checks', { type: 'object', 'x-assert-formats': true, properties: { scan: { type: 'string', format: 'data-url' } } }],
    ['minimum as text', { type: 'object', properties: { a: { type: 'number', minimum: 'zero' } } }],
    // definitions stay 2020-12 on the server; <azx-form> reads older drafts only for a portal's own schemas
    ['another draft', { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' }],
    ['not an object', ['type', 'object']],
  ]) {
    test(`an invalid schema (${what}) is refused with an error at schema`, async () => {
      const before = await total(su, 'form_definitions');
      for (const lang of [undefined, 'en']) {
        const api = world.api(await world.login('admin'), { lang });
        const r = await api.create('form_definitions', { key: `val-bad-${next()}`, version: 1, status: 'draft', title: '坏表单', schema });
        assertFieldError(r, 'schema', lang);
      }
      assert.equal(await total(su, 'form_definitions'), before, 'nothing stored');
    });
  }
});

describe('the hazard closed loop', () => {
  const fresh = async (side = 'A') => hazardAt(su, world, side, 'found', `HZ-VAL-${next()}`);

  test("a hazard's status cannot be set by a correction, only by an event", async () => {
    const id = await fresh();
    const before = (await su.view('hazards', id)).body;
    const api = world.api(await world.login('insurerA'), { lang: 'en' });
    const r = await api.update('hazards', id, { status: 'verified', correction_reason: '直接销号' });
    assertFieldError(r, 'status', 'en');
    assert.equal((await su.view('hazards', id)).body.status, before.status);
  });

  test('an event moves the hazard and records the status it came from, whatever the client says', async () => {
    const id = await fresh();
    const api = world.api(await world.login('providerP'));
    const r = await api.create('hazard_events', { hazard: id, action: 'notify', from_status: 'rectified', to_status: 'notified', note: '书面告知' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const event = (await su.view('hazard_events', r.body.id)).body;
    assert.equal(event.from_status, 'found');
    assert.equal(event.actor, world.ids.users.providerP);
    assert.equal((await su.view('hazards', id)).body.status, 'notified');
  });

  test('an enterprise cannot verify (close) its own hazard', async () => {
    const id = await hazardAt(su, world, 'A', 'rectified', `HZ-VAL-${next()}`);
    const before = await total(su, 'hazard_events');
    const api = world.api(await world.login('enterpriseE1'));
    const r = await api.create('hazard_events', { hazard: id, action: 'verify', to_status: 'verified', note: '自行销号' });
    assert.ok(r.status >= 400 && r.status < 500, `expected a refusal, got ${r.status}`);
    assert.equal((await su.view('hazards', id)).body.status, 'rectified');
    assert.equal(await total(su, 'hazard_events'), before, 'nothing stored');
  });

  test('a hazard cannot jump from found to verified', async () => {
    const id = await fresh();
    const api = world.api(await world.login('insurerA'));
    const r = await api.create('hazard_events', { hazard: id, action: 'verify', to_status: 'verified', note: '跳过整改' });
    assert.ok(r.status >= 400 && r.status < 500, `expected a refusal, got ${r.status}`);
    assert.equal((await su.view('hazards', id)).body.status, 'found');
  });
});
