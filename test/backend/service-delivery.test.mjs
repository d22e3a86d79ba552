// Issue 17, delivery against the service plan (事故预防服务方案): the server measures each
// policy's booked service reports against the visits its enterprise's risk grade plans (the
// packs' service_plan_by_grade, pro rata to the period past: service_delivery) and whether the
// unit had its assistance visit (帮扶, service type 08). The regulator's figures, the records
// behind them and the policy's ledger agree, and no value a client sends moves them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../fixtures/server.mjs';
import { createWorld, publishedVersion } from '../fixtures/world.mjs';
import { serviceReportData } from '../fixtures/records.mjs';

let server;
let world;
let reportVersion;

before(async () => {
  server = await startTestServer();
  world = await createWorld(server.url);
  reportVersion = await publishedVersion(world.superuser, 'service-report');
});
after(() => server?.stop());

async function county(at, params = {}) {
  const api = await world.as('regulatorShaoxing');
  const r = await api.request('GET', `/api/azx/coverage/figures?${new URLSearchParams({ at, fresh: '1', ...params })}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.rows.find((x) => x.code === '330602');
}

async function ledger(who) {
  const api = await world.as(who);
  const r = await api.request('GET', `/api/azx/services/ledger?policy=${world.ids.policies.A}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body.delivery;
}

let seq = 0;
function reportA(overrides = {}) {
  seq += 1;
  return {
    definition: 'service-report',
    version: reportVersion,
    policy: world.ids.policies.A,
    data: serviceReportData(world.policyNo.A, { report_no: `SR-DLV-${String(seq).padStart(4, '0')}`, cost: 100, ...overrides }),
  };
}

async function listed(metric, at) {
  const api = await world.as('regulatorShaoxing');
  const r = await api.request('GET', `/api/azx/coverage/records?${new URLSearchParams({ region: '330600', at, metric })}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

// policy A (2026-01-01 → 2026-12-31) of E1, graded medium by the packs (2 visits a year), has
// one delivered report (2026-03-10, items 01 and 03): none of them an assistance visit
const END = '2026-12-31';

test('a policy behind its grade\'s plan and without its 帮扶 visit is counted, listed and in its ledger', async () => {
  const grade = (await world.superuser.view('enterprises', world.ids.enterprises.E1)).body.risk_grade;
  assert.equal(grade, 'medium', 'the world\'s E1 is graded medium by the packs');
  const effective = await (await world.as('regulatorShaoxing')).request('GET', '/api/azx/packs/effective?region=330602&date=2026-01-01');
  const perYear = effective.body.tables.service_plan_by_grade.value.medium.visits;
  assert.equal(perYear, 2);

  // half-way less a day: nothing due yet, the 帮扶 visit not yet missing
  let c = await county('2026-07-02');
  assert.deepEqual([c.visitsPlanned, c.visitsDue, c.visitsDelivered, c.behindPlan, c.noAssistance], [2, 0, 1, 0, 0]);
  // past half the period (the packs' assistance_due_percent): the unit lacks its 帮扶 visit
  c = await county('2026-07-03');
  assert.deepEqual([c.visitsDue, c.behindPlan, c.noAssistance], [1, 0, 1]);
  // by the period end both visits are due and one was delivered
  c = await county(END);
  assert.deepEqual([c.visitsDue, c.visitsDelivered, c.behindPlan, c.noAssistance], [2, 1, 1, 1]);

  // the city's total is its counties' sum
  const city = await (await world.as('regulatorShaoxing')).request('GET', `/api/azx/coverage/figures?at=${END}&fresh=1`);
  for (const k of ['visitsPlanned', 'visitsDue', 'visitsDelivered', 'behindPlan', 'noAssistance']) {
    assert.equal(city.body.total[k], city.body.rows.reduce((n, r) => n + r[k], 0), `total ${k}`);
  }

  // the records behind each figure: policy A with its enterprise's name
  for (const metric of ['behind_plan', 'no_assistance']) {
    const page = await listed(metric, END);
    assert.equal(page.kind, 'policy');
    assert.deepEqual(page.items.map((r) => r.policyNo), [world.policyNo.A], metric);
    assert.ok(page.items[0].name.length > 0, 'named');
  }
  assert.equal((await listed('behind_plan', '2026-07-03')).totalItems, 0);

  // the insurer's and the enterprise's ledger say the same of the policy (today)
  for (const who of ['insurerA', 'enterpriseE1']) {
    const d = await ledger(who);
    assert.equal(d.risk_grade, 'medium');
    assert.equal(d.plan_visits, 2);
    assert.equal(d.visits_planned, 2);
    assert.equal(d.visits_delivered, 1);
    assert.equal(d.assistance_required, 1);
    assert.equal(d.assistance_delivered, 0);
  }

  // another city's regulator counts its own policies (B), never A
  const hangzhou = await world.as('regulatorHangzhou');
  const hz = await hangzhou.request('GET', `/api/azx/coverage/figures?at=${END}&fresh=1`);
  const hzList = await hangzhou.request('GET', `/api/azx/coverage/records?${new URLSearchParams({ region: '330100', at: END, metric: 'behind_plan' })}`);
  assert.equal(hzList.status, 200, JSON.stringify(hzList.body));
  assert.equal(hzList.body.totalItems, hz.body.total.behindPlan, 'the figure and its list agree');
  assert.ok(!hzList.body.items.some((r) => r.policyNo === world.policyNo.A), 'policy A is not Hangzhou\'s');
});

test('only booked reports of the policy, dated in its period by the day asked, count; no client value moves the figures', async () => {
  const insurer = await world.as('insurerA');
  const before = await county(END);

  // a planned 帮扶 visit whose client-sent columns claim it delivered: not booked, not counted
  const planned = await insurer.create('service_reports', {
    ...reportA({ service_types: ['08'], status: 'planned', service_date: '2026-11-20' }),
    status: 'delivered', service_types: ['08'], cost: 0,
  });
  assert.equal(planned.status, 200, JSON.stringify(planned.body));
  assert.equal(planned.body.status, 'planned', 'the status column is the server\'s (from the data)');
  // a delivered report without 08 whose client columns name 08: counted as a visit, not as 帮扶
  const plain = await insurer.create('service_reports', { ...reportA({ service_types: ['01'], service_date: '2026-11-21' }), service_types: ['08'] });
  assert.equal(plain.status, 200, JSON.stringify(plain.body));
  assert.deepEqual(plain.body.service_types, ['01']);

  // and a query naming figures
  let c = await county(END, { behindPlan: '0', noAssistance: '0', visitsDelivered: '99' });
  assert.equal(c.visitsDelivered, before.visitsDelivered + 1, 'only the delivered report counts');
  assert.equal(c.behindPlan, 0, 'two visits delivered of two due');
  assert.equal(c.noAssistance, 1, 'still no 帮扶 visit');

  // the 帮扶 visit delivered: correcting the planned one to delivered
  const delivered = await insurer.update('service_reports', planned.body.id, {
    data: { ...planned.body.data, status: 'delivered' }, correction_reason: '帮扶活动已实施',
  });
  assert.equal(delivered.status, 200, JSON.stringify(delivered.body));
  c = await county(END);
  assert.deepEqual([c.visitsDelivered, c.behindPlan, c.noAssistance], [before.visitsDelivered + 2, 0, 0]);
  assert.equal((await listed('no_assistance', END)).totalItems, 0);
  const d = await ledger('insurerA');
  assert.equal(d.assistance_delivered, 1);
  assert.equal(d.no_assistance, false);

  // on a day before the 帮扶 visit it did not count yet
  c = await county('2026-11-01');
  assert.equal(c.noAssistance, 1, 'the visit of 2026-11-20 is after the day asked');
  assert.equal(c.visitsDelivered, before.visitsDelivered);
});

test('the plan follows the grade: a regulator raising it to high raises the visits due', async () => {
  const regulator = await world.as('regulatorShaoxing');
  const stored = (await world.superuser.view('enterprises', world.ids.enterprises.E1)).body;
  const r = await regulator.update('enterprises', stored.id, {
    data: { ...stored.data, risk_grade_override: { value: 'high', reason: '重大危险源集中，列为高风险' } }, correction_reason: '监管调整风险等级',
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.risk_grade, 'high');
  const c = await county(END);
  assert.equal(c.visitsPlanned, 4, 'a high grade plans 4 visits a year');
  assert.equal(c.visitsDue, 4);
  assert.equal(c.behindPlan, 1, 'three delivered of four due');
  assert.equal((await ledger('insurerA')).plan_visits, 4);
});
