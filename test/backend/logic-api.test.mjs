// JSON Logic through the API: an administrator publishes a policy version whose premium is
// computed (x-compute), whose prevention budget and insured persons are checked (x-rules) and
// whose site field exists only for construction (x-visible); the server enforces all three with
// PocketBase's usual 400 and bilingual field errors, and refuses a definition whose logic is
// malformed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../fixtures/server.mjs';
import { createWorld } from '../fixtures/world.mjs';
import { ENTERPRISES, policyData } from '../fixtures/records.mjs';
import { assertFieldError, total } from './helpers.mjs';

let server;
let world;
let su;
let version;
let counter = 0;

before(async () => {
  server = await startTestServer();
  world = await createWorld(server.url);
  su = world.superuser;
  const v1 = (await su.list('form_definitions', { filter: `key = "policy" && version = ${world.versions.policies}` })).items[0];
  const schema = structuredClone(v1.schema);
  schema.properties.rate_per_person = { type: 'number', title: '每人保费', 'x-title-en': 'Premium per person', minimum: 0 };
  schema.properties.premium['x-compute'] = { '*': [{ var: 'rate_per_person' }, { var: 'headcount' }] };
  schema.properties.site_project = {
    type: 'string', title: '施工项目', 'x-title-en': 'Construction project',
    'x-visible': { '==': [{ var: 'industry_hint' }, 'construction'] },
  };
  schema.properties.industry_hint = { type: 'string', title: '行业', 'x-title-en': 'Industry' };
  schema['x-rules'] = [
    { rule: { '>=': [{ var: 'prevention_budget' }, { '*': [0.2, { var: 'premium' }] }] },
      message: { 'zh-CN': '事故预防费用不得低于保费的 20%', en: 'The prevention budget must be at least 20% of the premium' },
      path: 'prevention_budget' },
    { rule: { '==': [{ var: 'insured_persons' }, { var: 'headcount' }] },
      message: { 'zh-CN': '参保人数应与从业人员数一致', en: 'Insured persons must equal the headcount' },
      path: 'insured_persons' },
  ];
  version = world.versions.policies + 1;
  const r = await su.create('form_definitions', { key: 'policy', version, status: 'published', title: v1.title, industry: '', schema });
  assert.equal(r.status, 200, `policy with logic: ${JSON.stringify(r.body)}`);
});
after(() => server?.stop());

function policy(overrides = {}) {
  const data = policyData(ENTERPRISES.E1, { policy_no: `AZX-LOGIC-${String(++counter).padStart(4, '0')}`, rate_per_person: 400, ...overrides });
  delete data.premium;
  if ('premium' in overrides) data.premium = overrides.premium;
  return { definition: 'policy', version, enterprise: world.ids.enterprises.E1, insurer: world.ids.orgs.insurerA, provider: world.ids.orgs.providerP, data };
}

describe('x-compute, x-rules and x-visible on the server', () => {
  test('a premium left out is computed and stored, column included', async () => {
    const api = world.api(await world.login('insurerA'));
    const body = policy({ prevention_budget: 0.2 * 400 * ENTERPRISES.E1.headcount });
    const r = await api.create('policies', body);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.data.premium, 400 * ENTERPRISES.E1.headcount);
    assert.equal(r.body.premium, 400 * ENTERPRISES.E1.headcount);
  });

  const refused = [
    { what: 'a premium typed by hand', path: 'data.premium', code: 'compute_mismatch', body: () => policy({ premium: 1, prevention_budget: 1e9 }) },
    { what: 'a budget under 20% of the premium', path: 'data.prevention_budget', code: 'rule_failed', body: () => policy({ prevention_budget: 1 }) },
    { what: 'fewer insured persons than headcount', path: 'data.insured_persons', code: 'rule_failed',
      body: () => policy({ prevention_budget: 1e9, insured_persons: ENTERPRISES.E1.headcount - 1 }) },
    { what: 'a value for a hidden field', path: 'data.site_project', code: 'hidden_field',
      body: () => policy({ prevention_budget: 1e9, industry_hint: 'transport', site_project: '某工程' }) },
  ];
  for (const c of refused) {
    for (const lang of [undefined, 'en']) {
      test(`${c.what} → 400 ${c.code} at ${c.path} (${lang ?? 'zh-CN'}), nothing stored`, async () => {
        const api = world.api(await world.login('insurerA'), { lang });
        const body = c.body();
        const r = await api.create('policies', body);
        const item = assertFieldError(r, c.path, lang);
        assert.equal(item.code, c.code);
        assert.equal(await total(su, 'policies', `policy_no = "${body.data.policy_no}"`), 0);
      });
    }
  }

  test("the rule message is the definition's own text", async () => {
    const api = world.api(await world.login('insurerA'), { lang: 'en' });
    const r = await api.create('policies', policy({ prevention_budget: 1 }));
    const item = assertFieldError(r, 'data.prevention_budget', 'en');
    assert.equal(item.message_zh, '事故预防费用不得低于保费的 20%');
    assert.equal(item.message_en, 'The prevention budget must be at least 20% of the premium');
  });

  test('a definition with malformed logic is refused when saved', async () => {
    const r = await su.create('form_definitions', {
      key: 'policy-bad-logic', version: 1, status: 'draft', title: '坏规则', industry: '',
      schema: { type: 'object', 'x-rules': [{ rule: { '>=': [{ var: 'a' }] }, message: { 'zh-CN': '甲', en: 'A' } }] },
    });
    const item = assertFieldError(r, 'schema', undefined);
    assert.equal(item.code, 'definition_logic_invalid');
    assert.match(item.message_en, /takes 2 to 2 arguments/);
  });
});
