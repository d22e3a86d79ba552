// Rule packs on the server (backend/internal/packs, schemas/packs/README.md): every policy a user
// writes is judged by the packs in force for its enterprise's region on its own period start,
// whatever the browser did; a draft for comment only warns; administrators publish new packs
// as records (immutable once published) and nobody else writes them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../fixtures/server.mjs';
import { createWorld } from '../fixtures/world.mjs';
import { makeUscc } from '../fixtures/uscc.mjs';
import { DEFINITION_KEYS, ENTERPRISES, enterpriseData, policyData } from '../fixtures/records.mjs';
import { assertBilingual, assertFieldError, total } from './helpers.mjs';

let server;
let world;
let su;
let insurer;
let admin;
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
const GUANGZHOU = enterpriseData({
  uscc: makeUscc('440106', 'MA5GD0001'), name: '广州天河化工有限公司', region_code: '440106', industry: 'hazardous_chemicals', headcount: 10,
});

before(async () => {
  server = await startTestServer();
  world = await createWorld(server.url);
  su = world.superuser;
  insurer = await world.as('insurerA');
  admin = await world.as('admin');
  for (const [key, data] of [['suzhou', SUZHOU], ['beijing', BEIJING], ['guangzhou', GUANGZHOU]]) {
    const r = await su.create('enterprises', { definition: 'enterprise', version: world.versions.enterprises, data });
    assert.equal(r.status, 200, `enterprise ${key}: ${JSON.stringify(r.body)}`);
    ents[key] = r.body.id;
  }
});
after(() => server?.stop());

const COEFS = { accident_record: 1, standardization: 0.9, safety_credit: 1, dual_prevention: 1, headcount_band: 1 };
const ONES = { ...COEFS, standardization: 1 };

const body = (enterprise, data) => ({ definition: DEFINITION_KEYS.policies, version: world.versions.policies, enterprise, data });

/** A valid Suzhou policy: base 400 at a cover of 500,000, level-2 grade 0.9, 50 persons → 18000; budget 20.5%. */
function suzhouPolicy(overrides = {}) {
  const data = policyData(SUZHOU, {
    policy_no: `AZX-PACK-SZ-${next()}`, premium: 18000, prevention_budget: 3690,
    insured: { uscc: SUZHOU.uscc, name: SUZHOU.name, region_code: '320507' },
    rating: { base_rate: 400, coefficients: COEFS, premium_by_rate: 18000 },
    coverage_scope: ['employee_injury', 'third_party_injury', 'third_party_property', 'rescue', 'medical_aid', 'investigation', 'legal'],
    ...overrides,
  });
  for (const [k, v] of Object.entries(data)) if (v === undefined) delete data[k];
  return body(ents.suzhou, data);
}

const rated = (coefficients, persons = 50, base = 400) => {
  const product = Object.values(coefficients).reduce((a, b) => a * b, 1);
  const premium = Math.round(base * product * persons * 100) / 100;
  return { premium, prevention_budget: Math.round(premium * 20.5) / 100, rating: { base_rate: base, coefficients, premium_by_rate: premium } };
};

describe('each problem of the Suzhou bulletin is refused by the server', () => {
  test('a valid Suzhou policy is stored, without warnings', async () => {
    const r = await insurer.create('policies', suzhouPolicy());
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.premium, 18000);
    assert.ok(!r.body.rule_warnings, JSON.stringify(r.body.rule_warnings));
  });

  const PROBLEMS = [
    ['cover not matching headcount (保额与投保企业人数不匹配)', 'data.insured_persons', 'cover_headcount_mismatch', /应急〔2025〕27号 第十六条/,
      () => ({ insured_persons: 45, headcount: 50, ...rated(COEFS, 45) })],
    ['not everyone insured (未全员投保)', 'data.headcount', 'not_fully_insured', /登记的 50 人/,
      () => ({ insured_persons: 40, headcount: 40, ...rated(COEFS, 40) })],
    ['no rating: premium not by the regulator’s mechanism', 'data.rating', 'rating_missing', /浮动系数/,
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
    ['cover under the 2025 minimum', 'data.cover_per_person', 'cover_below_minimum', /400000.*第十五条/,
      () => ({ cover_per_person: 350000, ...rated(COEFS, 50, 280) })],
    ['a period of two years', 'data.period.end', 'period_invalid', /366/,
      () => ({ period: { start: '2026-01-01', end: '2027-12-31' } })],
    ['the renewal of a policy that does not exist', 'data.renewal_of', 'renewal_unknown', /AZX-NO-SUCH-0001/,
      () => ({ renewal_of: 'AZX-NO-SUCH-0001' })],
  ];

  for (const [what, path, code, message, overrides] of PROBLEMS) {
    test(`refused: ${what}`, async () => {
      const b = suzhouPolicy(overrides());
      const before = await total(su, 'policies');
      for (const lang of [undefined, 'en']) {
        const api = world.api(await world.login('insurerA'), { lang });
        const item = assertFieldError(await api.create('policies', b), path, lang);
        assert.equal(item.code, code);
        assert.match(item.message_zh, message);
        assert.match(item.message_zh, /依据：/);
        assert.match(item.message_en, /source: /);
      }
      assert.equal(await total(su, 'policies'), before, 'nothing stored');
    });
  }

  test('a renewal is checked against the policy it renews: in time, or refused after a gap', async () => {
    const first = await insurer.create('policies', suzhouPolicy({ period: { start: '2025-04-01', end: '2026-03-31' } }));
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const no = first.body.data.policy_no;
    const gap = await insurer.create('policies', suzhouPolicy({ renewal_of: no, period: { start: '2026-05-01', end: '2027-04-30' } }));
    assert.equal(assertFieldError(gap, 'data.period.start').code, 'renewal_gap');
    const onTime = await insurer.create('policies', suzhouPolicy({ renewal_of: no, period: { start: '2026-04-01', end: '2027-03-31' } }));
    assert.equal(onTime.status, 200, JSON.stringify(onTime.body));
  });

  test('a correction is judged too', async () => {
    const r = await insurer.create('policies', suzhouPolicy());
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const c = await insurer.update('policies', r.body.id, { data: { ...r.body.data, prevention_budget: 1000 }, correction_reason: '更正预防费用' });
    assert.equal(assertFieldError(c, 'data.prevention_budget').code, 'prevention_budget_under_ratio');
    assert.equal((await su.view('policies', r.body.id)).body.revision, 1);
  });

  test('a superuser is held to the packs as well, and rule_warnings is the server’s', async () => {
    const b = { ...suzhouPolicy({ prevention_clause: false }), insurer: world.ids.orgs.insurerA };
    assert.equal(assertFieldError(await su.create('policies', b), 'data.prevention_clause').code, 'no_prevention_clause');
    const forged = await insurer.create('policies', { ...suzhouPolicy(), rule_warnings: [{ code: 'forged' }] });
    assert.equal(forged.status, 200, JSON.stringify(forged.body));
    assert.ok(!forged.body.rule_warnings, 'a client cannot set rule_warnings');
  });
});

describe('a record is judged by the packs in force on its own date', () => {
  const zj = (overrides) => body(world.ids.enterprises.E1, policyData(ENTERPRISES.E1, { policy_no: `AZX-PACK-ZJ-${next()}`, ...overrides }));

  test('a 2026 policy on the 2017 basis at 300,000 per person is refused', async () => {
    const r = await insurer.create('policies', zj({
      legal_basis: '2017', cover_per_person: 300000, premium: 12000, prevention_budget: 2400,
      rating: { base_rate: 240, coefficients: ONES, premium_by_rate: 12000 },
    }));
    assert.equal(assertFieldError(r, 'data.legal_basis').code, 'legal_basis_mismatch');
    assert.match(r.body.data['data.legal_basis'].message_zh, /应急〔2025〕27号/);
    assert.equal(r.body.data['data.cover_per_person'].code, 'cover_below_minimum');
    assert.match(r.body.data['data.cover_per_person'].message_zh, /400000/);
  });

  test('a 2024 policy stays valid under the rules of its time', async () => {
    const r = await insurer.create('policies', zj({
      legal_basis: '2017', period: { start: '2024-06-01', end: '2025-05-31' }, cover_per_person: 300000, premium: 12000, prevention_budget: 2400,
      rating: { base_rate: 240, coefficients: ONES, premium_by_rate: 12000 },
    }));
    assert.equal(r.status, 200, JSON.stringify(r.body));
  });

  test('the 2025 measures start on 2025-03-29', async () => {
    const old = { legal_basis: '2017', cover_per_person: 300000, premium: 12000, prevention_budget: 2400, rating: { base_rate: 240, coefficients: ONES, premium_by_rate: 12000 } };
    const last = await insurer.create('policies', zj({ ...old, period: { start: '2025-03-28', end: '2026-03-27' } }));
    assert.equal(last.status, 200, JSON.stringify(last.body));
    const first = await insurer.create('policies', zj({ ...old, period: { start: '2025-03-29', end: '2026-03-28' } }));
    assert.equal(assertFieldError(first, 'data.legal_basis').code, 'legal_basis_mismatch');
  });

  test('a 15% budget is refused in Suzhou and accepted in Zhejiang', async () => {
    assert.equal(assertFieldError(await insurer.create('policies', suzhouPolicy({ prevention_budget: 2700 })), 'data.prevention_budget').code, 'prevention_budget_under_ratio');
    const r = await insurer.create('policies', zj({ prevention_budget: 3000 }));
    assert.equal(r.status, 200, JSON.stringify(r.body));
  });

  test('the effective pack says which packs apply and for which days', async () => {
    const q = (region, date) => insurer.request('GET', `/api/azx/packs/effective?region=${region}&date=${date}`);
    const sz = await q('320507', '2026-03-01');
    assert.equal(sz.status, 200, JSON.stringify(sz.body));
    assert.deepEqual(sz.body.layers.map((l) => l.key), ['cn-common', 'cn-2025', 'js', 'js-suzhou']);
    assert.equal(sz.body.tables.prevention_budget_floor.value, 0.2);
    assert.equal(sz.body.tables.min_cover_per_person.value, 400000);
    assert.equal(sz.body.valid_from, '2025-03-29');
    assert.equal(sz.body.valid_to, null);
    assert.equal(sz.body.proposed, null);
    const old = await q('320507', '2024-06-01');
    assert.deepEqual(old.body.layers.map((l) => l.key), ['cn-2017', 'cn-common', 'js', 'js-suzhou']);
    assert.equal(old.body.tables.min_cover_per_person.value, 300000);
    assert.equal(old.body.valid_to, '2025-03-28');
    const bj = await q('110105', '2026-03-01');
    assert.deepEqual(bj.body.layers.map((l) => l.key), ['cn-common', 'cn-2025'], 'the Beijing draft is not in force');
    assert.deepEqual(bj.body.proposed.layers.map((l) => l.key), ['cn-common', 'cn-2025', 'bj']);
    for (const [region, date, field] of [['3205', '2026-03-01', 'region'], ['320507', '2026-13-01', 'date']]) {
      const bad = await q(region, date);
      assert.equal(bad.status, 400);
      assertBilingual(bad.body.data[field], field);
    }
    assert.equal((await world.api().request('GET', '/api/azx/packs/effective?region=320507&date=2026-03-01')).status, 401);
  });
});

describe('the Beijing draft for comment only warns', () => {
  const bj = (overrides) => {
    const data = policyData(BEIJING, {
      policy_no: `AZX-PACK-BJ-${next()}`, premium: 30000, prevention_budget: 6000,
      insured: { uscc: BEIJING.uscc, name: BEIJING.name, region_code: '110105' },
      rating: { base_rate: 250, coefficients: ONES, premium_by_rate: 30000 }, prevention_items: ['01', '03'], ...overrides,
    });
    return body(ents.beijing, data);
  };

  test('no hazard inspection agreed: stored, with the draft’s warning', async () => {
    const r = await insurer.create('policies', bj({ prevention_items: ['01', '05'] }));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.rule_warnings.length, 1);
    const w = r.body.rule_warnings[0];
    assert.equal(w.code, 'hazard_inspection_not_agreed');
    assert.equal(w.path, 'prevention_items');
    assert.equal(w.severity, 'warn');
    assert.match(w.message_zh, /征求意见稿/);
    assertBilingual(w, 'warning');
  });

  test('a 2024 budget over the draft’s 21% cap warns; from 2025-03-29 the national cap refuses it', async () => {
    const old = await insurer.create('policies', bj({ legal_basis: '2017', period: { start: '2024-06-01', end: '2025-05-31' }, prevention_budget: 7500 }));
    assert.equal(old.status, 200, JSON.stringify(old.body));
    assert.deepEqual(old.body.rule_warnings.map((w) => w.code), ['prevention_budget_over_cap']);
    const now = await insurer.create('policies', bj({ prevention_budget: 7500 }));
    assert.match(assertFieldError(now, 'data.prevention_budget').message_zh, /应急厅函〔2024〕322号/);
  });
});

describe('administrators publish packs; nobody else writes them', () => {
  /** Guangdong: a province the shipped packs do not know, with a higher minimum and its own base rate. */
  const guangdong = (overrides = {}) => ({
    key: 'gd', version: 1, status: 'published', title: '广东：示例规则包', title_en: 'Guangdong: example pack',
    jurisdiction: '440000', legal_status: 'in_force', effective_from: '2026-01-01', extends: 'cn-2025',
    sources: [{ id: '粤示例〔2026〕1号', title: '广东示例通知', title_en: 'Guangdong example notice' }],
    tables: {
      min_cover_per_person: { title: { zh: '每人限额下限', en: 'Least cover' }, value: 500000, source: { document: '粤示例〔2026〕1号', article: '第三条', article_en: 'Art. 3' } },
      base_rates: { title: { zh: '基准费率', en: 'Base rates' }, example: true, value: { basis_cover: 500000, rates: { hazardous_chemicals: 450 } }, source: { document: '粤示例〔2026〕1号', article: '第四条', article_en: 'Art. 4' } },
    },
    rules: [],
    tests: [],
    ...overrides,
  });

  test('an invalid pack is refused with errors by path, and nothing is stored', async () => {
    const bad = guangdong({
      status: 'draft', effective_to: '2025-01-01',
      rules: [{ code: 'x_rule', applies_to: 'policy', severity: 'refuse', path: 'cover_per_person', when: { nope: [1] },
        message: { zh: '{missing}', en: '{missing}' }, source: { document: '未列出' } }],
    });
    const r = await admin.create('rule_packs', bad);
    for (const [path, code] of [['rules.0.when', 'pack_logic_invalid'], ['rules.0.message.zh', 'pack_placeholder_unknown'],
      ['rules.0.source', 'pack_source_unknown'], ['effective_to', 'pack_dates_invalid']]) {
      assert.equal(assertFieldError(r, path).code, code, path);
    }
    const shape = await admin.create('rule_packs', guangdong({ status: 'draft', legal_status: 'maybe', tables: { 'Bad Name': {} } }));
    assert.equal(shape.status, 400);
    assert.ok(shape.body.data.legal_status && Object.keys(shape.body.data).some((k) => k.startsWith('tables')), JSON.stringify(shape.body.data));
    assert.equal(await total(su, 'rule_packs', 'key = "gd"'), 0);
  });

  test('only an administrator writes packs', async () => {
    for (const who of ['insurerA', 'regulatorZhejiang', 'enterpriseE1']) {
      const r = await (await world.as(who)).create('rule_packs', guangdong({ status: 'draft' }));
      assert.ok([400, 403].includes(r.status), `${who}: ${r.status}`);
    }
    assert.equal(await total(su, 'rule_packs', 'key = "gd"'), 0);
    const published = (await su.list('rule_packs', { filter: 'key = "cn-2025"' })).items[0];
    const r = await insurer.update('rule_packs', published.id, { tables: {} });
    assert.ok([403, 404].includes(r.status), `insurer update: ${r.status}`);
  });

  test('a published pack never changes; a draft is read by administrators only', async () => {
    const published = (await su.list('rule_packs', { filter: 'key = "cn-2025"' })).items[0];
    const r = await admin.update('rule_packs', published.id, { tables: { ...published.tables, min_cover_per_person: { ...published.tables.min_cover_per_person, value: 1 } } });
    assert.equal(assertFieldError(r, 'tables').code, 'pack_immutable');
    const draft = await admin.create('rule_packs', guangdong({ key: 'gd-draft', status: 'draft' }));
    assert.equal(draft.status, 200, JSON.stringify(draft.body));
    assert.equal((await insurer.view('rule_packs', draft.body.id)).status, 404);
    assert.equal((await insurer.view('rule_packs', published.id)).status, 200);
    assert.equal((await admin.remove('rule_packs', draft.body.id)).status, 204);
  });

  test('a province published without a release refuses with its own rule and source', async () => {
    const failing = await admin.create('rule_packs', guangdong({
      tests: [{ name: 'the higher minimum', enterprise: GUANGZHOU, record: policyData(GUANGZHOU, { cover_per_person: 450000 }),
        expect: { refuse: {} } }],
    }));
    assert.equal(assertFieldError(failing, 'tests.0').code, 'pack_test_failed');
    const r = await admin.create('rule_packs', guangdong());
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const data = policyData(GUANGZHOU, {
      policy_no: `AZX-PACK-GD-${next()}`, cover_per_person: 450000, premium: 4050, prevention_budget: 810,
      insured: { uscc: GUANGZHOU.uscc, name: GUANGZHOU.name, region_code: '440106' },
      period: { start: '2026-03-01', end: '2027-02-28' }, rating: { base_rate: 405, coefficients: ONES, premium_by_rate: 4050 },
    });
    const refused = await insurer.create('policies', body(ents.guangzhou, data));
    const item = assertFieldError(refused, 'data.cover_per_person');
    assert.equal(item.code, 'cover_below_minimum');
    assert.match(item.message_zh, /500000.*粤示例〔2026〕1号 第三条/);
    const ok = await insurer.create('policies', body(ents.guangzhou, {
      ...data, cover_per_person: 500000, premium: 4500, prevention_budget: 900, rating: { base_rate: 450, coefficients: ONES, premium_by_rate: 4500 },
    }));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
  });

  test('a changed table names its source: the publish is refused at the table without one, a copy keeps the source in force', async () => {
    // base rates other than those in force in Guangdong (gd's, published above), without a source
    const { source: _gone, ...rates } = guangdong().tables.base_rates;
    const unsourced = guangdong({ key: 'gd-nosource', tables: { ...guangdong().tables, base_rates: { ...rates, value: { basis_cover: 500000, rates: { hazardous_chemicals: 460 } } } } });
    const refused = await admin.create('rule_packs', unsourced);
    const item = assertFieldError(refused, 'tables.base_rates.source');
    assert.equal(item.code, 'pack_table_source_missing');
    assert.match(item.message_zh, /基准费率.*依据/);
    assert.match(item.message_en, /Base rates.*source/);
    assert.equal(await total(su, 'rule_packs', 'key = "gd-nosource"'), 0);
    // the dry run says so before a publish is tried
    const checked = await admin.request('POST', '/api/azx/packs/check', unsourced);
    assert.equal(checked.body.errors['tables.base_rates.source']?.code, 'pack_table_source_missing', JSON.stringify(checked.body.errors));
    // a draft may lack it while it is written
    const draft = await admin.create('rule_packs', { ...unsourced, status: 'draft' });
    assert.equal(draft.status, 200, JSON.stringify(draft.body));
    assert.equal((await admin.remove('rule_packs', draft.body.id)).status, 204);
    // a table copied unchanged needs no source of its own: a refusal under it names the source in force
    const inForce = (await admin.request('GET', '/api/azx/packs/effective?region=440000&date=2026-06-01')).body.tables.min_cover_per_person;
    const copy = guangdong({ key: 'gd-copy', effective_from: '2031-01-01', tables: { min_cover_per_person: { title: inForce.title, value: inForce.value } } });
    const r = await admin.request('POST', '/api/azx/packs/check', { ...copy, tests: [
      { name: 'under the copied minimum', region: '440106', date: '2031-03-01', enterprise: GUANGZHOU,
        record: policyData(GUANGZHOU, { cover_per_person: inForce.value - 1, period: { start: '2031-03-01', end: '2032-02-28' } }), expect: { refuse: {} } },
    ] });
    assert.deepEqual(r.body.errors, {});
    const refusal = r.body.tests[0].verdict.refusals.find((p) => p.code === 'cover_below_minimum');
    assert.ok(refusal, JSON.stringify(r.body.tests[0].verdict));
    assert.match(refusal.message_zh, /依据：\S/);
    assert.doesNotMatch(refusal.message_zh, /依据：\s*$/);
  });

  test('an administrator checks a pack without storing it', async () => {
    const r = await admin.request('POST', '/api/azx/packs/check', guangdong({ key: 'gd-check', tests: [
      { name: 'a pass', enterprise: GUANGZHOU, record: policyData(GUANGZHOU, { period: { start: '2026-03-01', end: '2027-02-28' } }), expect: { refuse: { 'rating.base_rate': 'base_rate_mismatch', 'cover_per_person': 'cover_below_minimum' } } },
    ] }));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.deepEqual(r.body.errors, {});
    assert.equal(r.body.tests.length, 1);
    assert.ok('passed' in r.body.tests[0] && Array.isArray(r.body.tests[0].verdict.refusals));
    // no published pack has a case judged in Guangdong: nothing under it to break
    assert.deepEqual([r.body.dependents, r.body.dependent_tests], [[], 0]);
    assert.equal((await insurer.request('POST', '/api/azx/packs/check', guangdong())).status, 403);
    assert.equal(await total(su, 'rule_packs', 'key = "gd-check"'), 0);
  });
});
