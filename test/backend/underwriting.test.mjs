// Issue 17, underwriting fields: the commission rate is checked against the pack's cap (2025
// Art. 14), the unit declares the premium its own (Art. 6), and an optional pre-underwriting
// assessment's major findings must be rectified before cover where the pack requires it (Shaoxing).
// Each through the API as the insurer sends it, refused in both languages and never stored.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../fixtures/server.mjs';
import { createWorld } from '../fixtures/world.mjs';
import { DEFINITION_KEYS, ENTERPRISES, policyData } from '../fixtures/records.mjs';
import { assertFieldError, total } from './helpers.mjs';

let server;
let world;
let su;
let n = 0;

before(async () => {
  server = await startTestServer();
  world = await createWorld(server.url);
  su = world.superuser;
});
after(() => server?.stop());

/** A policy of insurer A on E1 (Shaoxing, 2026) with data overrides. */
function policy(overrides = {}) {
  return {
    definition: DEFINITION_KEYS.policies,
    version: world.versions.policies,
    data: policyData(ENTERPRISES.E1, { policy_no: `AZX-UW-${String(++n).padStart(4, '0')}`, ...overrides }),
    enterprise: world.ids.enterprises.E1,
    insurer: world.ids.orgs.insurerA,
    provider: world.ids.orgs.providerP,
  };
}

/** Posts as insurer A; a refusal must name path with code and store nothing. */
async function expectRefused(body, path, code, lang = 'zh') {
  const before = await total(su, 'policies');
  const r = await (await world.as('insurerA', { lang })).create('policies', body);
  const item = assertFieldError(r, path, lang);
  assert.equal(item.code, code);
  assert.equal(await total(su, 'policies'), before, 'nothing stored');
  return item;
}

async function expectStored(body) {
  const r = await (await world.as('insurerA')).create('policies', body);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

test('a commission above the pack cap (5%, 2025 Art. 14) is refused at the field; 5% is written', async () => {
  const item = await expectRefused(policy({ commission_rate: 0.08 }), 'data.commission_rate', 'commission_over_cap', 'en');
  assert.match(item.message, /5%/);
  assert.match(item.message, /Art\. 14/);
  await expectRefused(policy({ commission_rate: 1.5 }), 'data.commission_rate', 'schema_maximum');
  const stored = await expectStored(policy({ commission_rate: 0.05 }));
  assert.equal(stored.data.commission_rate, 0.05);
});

test('a premium declared charged to the workers is refused (Art. 6); the unit\'s declaration is kept', async () => {
  const item = await expectRefused(policy({ premium_borne_by_unit: false }), 'data.premium_borne_by_unit', 'premium_charged_to_workers');
  assert.match(item.message, /摊派给从业人员/);
  const stored = await expectStored(policy({ premium_borne_by_unit: true }));
  assert.equal(stored.data.premium_borne_by_unit, true);
});

test('in Shaoxing a major risk found before cover must be rectified first; a minor open finding does not stop cover', async () => {
  const assessment = (rectified) => ({
    assessed_on: '2025-12-15',
    assessor: '绍兴平安安全技术服务有限公司',
    findings: [
      { description: '储罐区未设置可燃气体报警装置', major: true, rectified },
      { description: '消防通道堆放杂物', major: false },
    ],
  });
  const item = await expectRefused(policy({ pre_assessment: assessment(false) }), 'data.pre_assessment.findings', 'cover_before_rectification', 'en');
  assert.match(item.message, /rectified before cover/);
  const stored = await expectStored(policy({ pre_assessment: assessment(true) }));
  assert.equal(stored.data.pre_assessment.findings.length, 2);
  // the assessment is optional, and without a date it is not an assessment
  await expectStored(policy());
  await expectRefused(policy({ pre_assessment: { findings: [] } }), 'data.pre_assessment.assessed_on', 'schema_required');
});

test('outside Shaoxing the same unrectified finding is written: the requirement is the pack\'s, not the code\'s', async () => {
  const r = await (await world.as('insurerB')).create('policies', {
    definition: DEFINITION_KEYS.policies,
    version: world.versions.policies,
    data: policyData(ENTERPRISES.E2, {
      policy_no: `AZX-UW-${String(++n).padStart(4, '0')}`,
      premium: 30000,
      prevention_budget: 6000,
      pre_assessment: { assessed_on: '2025-12-15', findings: [{ description: '塔吊限位器失效', major: true, rectified: false }] },
    }),
    enterprise: world.ids.enterprises.E2,
    insurer: world.ids.orgs.insurerB,
    provider: world.ids.orgs.providerQ,
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
});

test('the service plan follows the server\'s risk grade: fewer services a year than the grade\'s plan are refused', async () => {
  const e1 = (await su.view('enterprises', world.ids.enterprises.E1)).body;
  // E1 registered itself as "high"; the server grades a chemicals plant without standardization
  // and one open minor hazard medium (cn-common's example points), whose plan is 2 visits a year
  assert.equal(e1.data.risk_grade, 'high');
  assert.equal(e1.risk_grade, 'medium');
  const item = await expectRefused(policy({ service_frequency: 1 }), 'data.service_frequency', 'service_frequency_below_plan');
  assert.match(item.message, /中风险单位.*至少 2 次/);
  await expectStored(policy({ service_frequency: 2 }));
});
