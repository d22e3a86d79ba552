// Issue 17, risk grading: an enterprise's risk grade (风险分级) is the server's, computed by the
// packs' risk_grade computation (cn-common: industry, open and major hazards, accidents,
// standardization level) and re-computed when its hazards change; a writer's grade is not taken,
// and a regulator overrides it only with a reason.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../fixtures/server.mjs';
import { createWorld } from '../fixtures/world.mjs';
import { makeUscc } from '../fixtures/uscc.mjs';
import { DEFINITION_KEYS, REGIONS, enterpriseData, hazardData, policyData, serviceReportData } from '../fixtures/records.mjs';
import { assertFieldError } from './helpers.mjs';

let server;
let world;
let su;

before(async () => {
  server = await startTestServer();
  world = await createWorld(server.url);
  su = world.superuser;
});
after(() => server?.stop());

const body = (collection, data, columns = {}) => ({
  definition: DEFINITION_KEYS[collection],
  version: world.versions[collection],
  data,
  ...columns,
});

const MAJOR = { is_major: true, major_criterion: { standard_id: 'HG2017', item: '第（十）项', title: '静电接地失效' } };

async function grade(id) {
  return (await su.view('enterprises', id)).body.risk_grade;
}

test('the grade is computed, follows an open major hazard, and is overridden only by a regulator with a reason', async () => {
  // a level-3 chemicals plant in Shaoxing, nothing open: 2 points (cn-common example) = low,
  // whatever the writer sends
  const data = enterpriseData({
    uscc: makeUscc(REGIONS.yuecheng, 'MA2R00001'), name: '绍兴风险分级化工有限公司', region_code: REGIONS.yuecheng,
    industry: 'hazardous_chemicals', risk_grade: 'high', standardization_level: 'level_3',
  });
  const regulator = await world.as('regulatorShaoxing');
  const created = await regulator.create('enterprises', body('enterprises', data));
  assert.equal(created.status, 200, JSON.stringify(created.body));
  const id = created.body.id;
  assert.equal(await grade(id), 'low', 'the server grades it; the writer\'s "high" is not taken');

  // a major hazard found and left open: +3 = 5 points, high
  const insurer = await world.as('insurerA');
  const policy = await insurer.create('policies', body('policies', policyData(data, { policy_no: 'AZX-RISK-0001' }), {
    enterprise: id, insurer: world.ids.orgs.insurerA, provider: world.ids.orgs.providerP,
  }));
  assert.equal(policy.status, 200, JSON.stringify(policy.body));
  const report = await insurer.create('service_reports', body('service_reports', serviceReportData('AZX-RISK-0001', { report_no: 'SR-RISK-0001', cost: 10 }), {
    policy: policy.body.id,
  }));
  assert.equal(report.status, 200, JSON.stringify(report.body));
  const hazard = await insurer.create('hazards', body('hazards', hazardData('HZ-RISK-0001', MAJOR), {
    service_report: report.body.id, policy: policy.body.id, enterprise: id,
  }));
  assert.equal(hazard.status, 200, JSON.stringify(hazard.body));
  assert.equal(await grade(id), 'high', 'an open major hazard raises the grade at once');

  // a correction that types another grade keeps the computed one
  const stored = (await su.view('enterprises', id)).body;
  const typed = await regulator.update('enterprises', id, { data: { ...stored.data, risk_grade: 'low' }, correction_reason: '更正风险等级' });
  assert.equal(typed.status, 200, JSON.stringify(typed.body));
  assert.equal(await grade(id), 'high');

  // an override needs its reason; with it the regulator's grade stands
  const noReason = await regulator.update('enterprises', id, {
    data: { ...stored.data, risk_grade_override: { value: 'medium' } }, correction_reason: '监管调整风险等级',
  });
  assert.equal(assertFieldError(noReason, 'data.risk_grade_override.reason').code, 'schema_required');
  const overridden = await regulator.update('enterprises', id, {
    data: { ...stored.data, risk_grade_override: { value: 'medium', reason: '重大隐患已停产封存，待验收' } }, correction_reason: '监管调整风险等级',
  });
  assert.equal(overridden.status, 200, JSON.stringify(overridden.body));
  assert.equal(await grade(id), 'medium');
});
