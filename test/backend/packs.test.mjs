// The server enforces the rule pack of a policy's region (backend/internal/packs) on every write
// by a user, whatever the browser did: each problem of the Suzhou 2024 bulletin is refused with a
// field error naming the rule and its source in Chinese and English, and nothing is stored.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startTestServer } from '../fixtures/server.mjs';
import { createWorld } from '../fixtures/world.mjs';
import { makeUscc } from '../fixtures/uscc.mjs';
import { DEFINITION_KEYS, ENTERPRISES, enterpriseData, policyData } from '../fixtures/records.mjs';
import { assertFieldError, total } from './helpers.mjs';

let server;
let world;
let su;
let insurer;
let counter = 0;
const next = () => String(++counter).padStart(4, '0');
const ents = {};

const SUZHOU = enterpriseData({
  uscc: makeUscc('320507', 'MA1XC0001'), name: '苏州相城化工有限公司', region_code: '320507',
  industry: 'hazardous_chemicals', headcount: 50, standardization_level: 'level_2',
});
const BEIJING = enterpriseData({
  uscc: makeUscc('110105', 'MA01BJ003'), name: '北京朝阳建工有限公司', region_code: '110105', industry: 'construction', headcount: 120,
});

before(async () => {
  server = await startTestServer();
  world = await createWorld(server.url);
  su = world.superuser;
  insurer = world.api(await world.login('insurerA'));
  for (const [key, data] of [['suzhou', SUZHOU], ['beijing', BEIJING]]) {
    const r = await su.create('enterprises', { definition: 'enterprise', version: world.versions.enterprises, data });
    assert.equal(r.status, 200, `enterprise ${key}: ${JSON.stringify(r.body)}`);
    ents[key] = r.body.id;
  }
});
after(() => server?.stop());

const COEFS = { accident_record: 1, standardization: 0.9, safety_credit: 1, dual_prevention: 1, headcount_band: 1 };

/** A valid Suzhou policy: base 400 at a cover of 500,000, level-2 grade 0.9, 50 persons → 18000; budget 20.5%. */
function suzhouPolicy(overrides = {}) {
  const data = policyData(SUZHOU, {
    policy_no: `AZX-PACK-SZ-${next()}`, premium: 18000, prevention_budget: 3690,
    insured: { uscc: SUZHOU.uscc, name: SUZHOU.name, region_code: '320507' },
    rating: { base_rate: 400, coefficients: COEFS, premium_by_rate: 18000 },
    coverage_scope: ['employee_injury', 'third_party_injury', 'third_party_property', 'rescue', 'medical_aid', 'investigation', 'legal'],
    ...overrides,
  });
  return { definition: DEFINITION_KEYS.policies, version: world.versions.policies, enterprise: ents.suzhou, data };
}

const rated = (coefficients, persons = 50, base = 400) => {
  const product = Object.values(coefficients).reduce((a, b) => a * b, 1);
  const premium = Math.round(base * product * persons * 100) / 100;
  return { premium, prevention_budget: Math.round(premium * 20.5) / 100, rating: { base_rate: base, coefficients, premium_by_rate: premium } };
};

describe('the Suzhou pack on the server', () => {
  test('a valid Suzhou policy is stored', async () => {
    const r = await insurer.create('policies', suzhouPolicy());
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.premium, 18000);
  });

  const PROBLEMS = [
    ['cover not matching headcount (保额与投保企业人数不匹配)', 'data.insured_persons', 'cover_headcount_mismatch', /苏应急〔2024〕132号/,
      () => ({ insured_persons: 45, headcount: 50, ...rated(COEFS, 45) })],
    ['not everyone insured (未全员投保)', 'data.headcount', 'not_fully_insured', /登记的 50 人/,
      () => ({ insured_persons: 40, headcount: 40, ...rated(COEFS, 40) })],
    ['no rating: premium not by the regulator’s mechanism', 'data.rating', 'rating_missing', /系数核算保费/,
      () => ({ rating: undefined })],
    ['a coefficient the regulator does not list', 'data.rating.coefficients.accident_record', 'coefficient_not_allowed', /0\.85/,
      () => rated({ ...COEFS, accident_record: 0.85 })],
    ['a grade coefficient other than the registry’s', 'data.rating.coefficients.standardization', 'coefficient_not_registry', /标准化/,
      () => rated({ ...COEFS, standardization: 0.8 })],
    ['a premium below the rating (unapproved discount)', 'data.premium', 'premium_mismatch', /18000/,
      () => ({ premium: 15000, prevention_budget: 3100 })],
    ['a forged premium by rate', 'data.rating.premium_by_rate', 'premium_by_rate_mismatch', /18000/,
      () => ({ rating: { base_rate: 400, coefficients: COEFS, premium_by_rate: 15000 } })],
    ['a base rate not the pack’s', 'data.rating.base_rate', 'base_rate_mismatch', /400/,
      () => rated(COEFS, 50, 300)],
    ['restrictions added (增加限制条件)', 'data.restrictions', 'restrictions_added', /限制条件/,
      () => ({ restrictions: ['仅承保白班作业期间发生的事故'] })],
    ['a statutory cover item cut (删减保障内容)', 'data.coverage_scope', 'coverage_cut', /抢险救援费用/,
      () => ({ coverage_scope: ['employee_injury', 'third_party_injury'] })],
    ['no prevention clause', 'data.prevention_clause', 'no_prevention_clause', /事故预防服务/,
      () => ({ prevention_clause: false })],
    ['a prevention budget under 20% of the premium', 'data.prevention_budget', 'prevention_budget_under_ratio', /至少 3600 元.*苏应急〔2024〕132号/,
      () => ({ prevention_budget: 3599.99 })],
    ['a budget over the national 21% cap for a high-risk industry', 'data.prevention_budget', 'prevention_budget_over_cap', /应急厅函〔2024〕322号/,
      () => ({ prevention_budget: 3781 })],
    ['irregular entry: a short name', 'data.insured.name', 'irregular_name', /苏州相城化工有限公司/,
      () => ({ insured: { uscc: SUZHOU.uscc, name: '苏州相城化工' } })],
    ['irregular entry: the city for the county', 'data.insured.region_code', 'irregular_region', /320507/,
      () => ({ insured: { uscc: SUZHOU.uscc, name: SUZHOU.name, region_code: '320500' } })],
    ['cover under the 2025 minimum', 'data.cover_per_person', 'cover_below_minimum', /400000/,
      () => ({ cover_per_person: 350000, ...rated(COEFS, 50, 280) })],
    ['a period of two years', 'data.period.end', 'period_invalid', /366/,
      () => ({ period: { start: '2026-01-01', end: '2027-12-31' } })],
    ['the renewal of a policy that does not exist', 'data.renewal_of', 'renewal_unknown', /AZX-NO-SUCH-0001/,
      () => ({ renewal_of: 'AZX-NO-SUCH-0001' })],
  ];

  for (const [what, path, code, message, overrides] of PROBLEMS) {
    test(`refused: ${what}`, async () => {
      const body = suzhouPolicy(overrides());
      for (const [k, v] of Object.entries(body.data)) if (v === undefined) delete body.data[k];
      const before = await total(su, 'policies');
      for (const lang of [undefined, 'en']) {
        const api = world.api(await world.login('insurerA'), { lang });
        const item = assertFieldError(await api.create('policies', body), path, lang);
        assert.equal(item.code, code);
        assert.match(item.message_zh, message);
        assert.match(item.message_zh, /依据：/);
        assert.match(item.message_en, /source: /);
      }
      assert.equal(await total(su, 'policies'), before, 'nothing stored');
    });
  }

  test('a renewal is checked against the policy it renews: in time, or refused after a gap', async () => {
    const first = await insurer.create('policies', suzhouPolicy({ period: { start: '2025-01-01', end: '2025-12-31' } }));
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const no = first.body.data.policy_no;
    const gap = await insurer.create('policies', suzhouPolicy({ renewal_of: no, period: { start: '2026-02-01', end: '2027-01-31' } }));
    assert.equal(assertFieldError(gap, 'data.period.start').code, 'renewal_gap');
    const onTime = await insurer.create('policies', suzhouPolicy({ renewal_of: no, period: { start: '2026-01-01', end: '2026-12-31' } }));
    assert.equal(onTime.status, 200, JSON.stringify(onTime.body));
  });

  test('a correction is checked too', async () => {
    const r = await insurer.create('policies', suzhouPolicy());
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const c = await insurer.update('policies', r.body.id, { data: { ...r.body.data, prevention_budget: 1000 }, correction_reason: '更正预防费用' });
    assert.equal(assertFieldError(c, 'data.prevention_budget').code, 'prevention_budget_under_ratio');
    assert.equal((await su.view('policies', r.body.id)).body.revision, 1);
  });

  test('a superuser is held to the pack as well', async () => {
    const body = { ...suzhouPolicy({ prevention_clause: false }), insurer: world.ids.orgs.insurerA };
    assert.equal(assertFieldError(await su.create('policies', body), 'data.prevention_clause').code, 'no_prevention_clause');
  });
});

describe('the pack follows the region', () => {
  test('a 15% budget is refused in Suzhou and accepted in Zhejiang under the national pack', async () => {
    const sz = await insurer.create('policies', suzhouPolicy({ prevention_budget: 2700 }));
    assert.equal(assertFieldError(sz, 'data.prevention_budget').code, 'prevention_budget_under_ratio');
    const zj = {
      definition: DEFINITION_KEYS.policies, version: world.versions.policies, enterprise: world.ids.enterprises.E1,
      data: policyData(ENTERPRISES.E1, { policy_no: `AZX-PACK-ZJ-${next()}`, prevention_budget: 3000 }),
    };
    const r = await insurer.create('policies', zj);
    assert.equal(r.status, 200, JSON.stringify(r.body));
  });

  test('Beijing: a construction budget over 21% is refused with the Beijing notice as its source', async () => {
    const data = policyData(BEIJING, {
      policy_no: `AZX-PACK-BJ-${next()}`, premium: 30000, prevention_budget: 9000,
      rating: { base_rate: 250, coefficients: { ...COEFS, standardization: 1 }, premium_by_rate: 30000 },
    });
    const r = await insurer.create('policies', { definition: DEFINITION_KEYS.policies, version: world.versions.policies, enterprise: ents.beijing, data });
    const item = assertFieldError(r, 'data.prevention_budget');
    assert.equal(item.code, 'prevention_budget_over_cap');
    assert.match(item.message_zh, /北京市安责险通知/);
    const ok = await insurer.create('policies', {
      definition: DEFINITION_KEYS.policies, version: world.versions.policies, enterprise: ents.beijing,
      data: { ...data, policy_no: `AZX-PACK-BJ-${next()}`, prevention_budget: 6000 },
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
  });

  test('the browser and the server read the same packs', () => {
    for (const f of ['national', 'suzhou', 'beijing', 'messages', 'cases']) {
      const a = readFileSync(new URL(`../../schemas/packs/${f}.json`, import.meta.url), 'utf8');
      const b = readFileSync(new URL(`../../backend/internal/packs/data/${f}.json`, import.meta.url), 'utf8');
      assert.equal(a, b, `schemas/packs/${f}.json is the server's`);
    }
  });
});
