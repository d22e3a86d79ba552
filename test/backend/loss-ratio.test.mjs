// Issue 17, loss figures: a claim paid moves the loss ratio (赔付率 = claims paid ÷ earned
// premium) and the pure loss rate (claims paid ÷ earned sum insured) of its county, industry and
// insurer in the regulator's figures and report, the records behind the figure are the claims
// paid, and no value a client sends (on a claim, a correction or the query) can move them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../fixtures/server.mjs';
import { createWorld, publishedVersion } from '../fixtures/world.mjs';

let server;
let world;
let claimVersion;
// policy A runs 2026-01-01 → 2026-12-31; "at" half-way through it
const AT = '2026-07-02';

before(async () => {
  server = await startTestServer();
  world = await createWorld(server.url);
  claimVersion = await publishedVersion(world.superuser, 'claim');
});
after(() => server?.stop());

async function figures(who, params = {}) {
  const api = await world.as(who);
  const r = await api.request('GET', `/api/azx/coverage/figures?${new URLSearchParams({ at: AT, fresh: '1', ...params })}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

async function report(params = {}) {
  const api = await world.as('regulatorShaoxing');
  const r = await api.request('GET', `/api/azx/compliance/report?${new URLSearchParams({ region: '330600', at: AT, ...params })}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

const county = (fig, code) => fig.rows.find((r) => r.code === code);

function eventForm(fields, withDocument) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, typeof v === 'string' ? v : JSON.stringify(v));
  if (withDocument) form.append('documents', new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], { type: 'application/pdf' }), '查勘报告.pdf');
  return form;
}

test('a claim paid moves the loss ratio of its county, industry and insurer; nothing a client sends does', async () => {
  const before = await figures('regulatorShaoxing');
  const e1 = county(before, '330602');
  assert.equal(e1.claimsPaid, 0);
  assert.equal(e1.lossRatio, 0, 'premium earned, nothing paid: a ratio of 0');
  // half of policy A's period has passed by AT: half its premium is earned, half its sum insured exposed
  const policy = (await world.superuser.view('policies', world.ids.policies.A)).body;
  assert.ok(Math.abs(e1.earnedPremium - policy.premium / 2) < 0.01, `earned ${e1.earnedPremium} of ${policy.premium}`);
  const exposure = policy.cover_per_person * policy.insured_persons / 2;
  assert.ok(Math.abs(e1.earnedExposure - exposure) < 1, `exposure ${e1.earnedExposure}, want ${exposure}`);

  // the enterprise reports, claiming it was paid already: the server starts every claim at 0
  const enterprise = await world.as('enterpriseE1');
  const claim = await enterprise.create('claims', {
    definition: 'claim', version: claimVersion, policy: world.ids.policies.A, paid: 9_999_999, advance_paid: 9_999_999,
    data: {
      accident_date: '2026-06-01', place: '二号车间反应釜区', description: '反应釜泄漏引发闪爆，造成人员伤亡。',
      persons: [{ name: '张三', party: 'employee', outcome: 'death' }], rescue: 20000,
    },
  });
  assert.equal(claim.status, 200, JSON.stringify(claim.body));
  let now = county(await figures('regulatorShaoxing'), '330602');
  assert.equal(now.claims, 1, 'the claim is counted');
  assert.equal(now.claimsPaid, 0, 'a client\'s paid is never taken');

  // the insurer surveys and pays in advance: the figure moves by exactly what was paid
  const insurer = await world.as('insurerA');
  assert.equal((await insurer.create('claim_events', eventForm({ claim: claim.body.id, action: 'survey' }, true))).status, 200);
  const advance = await insurer.create('claim_events', eventForm({
    claim: claim.body.id, action: 'advance_payment', payments: [{ head: 'employee_injury', person: 0, amount: 150000 }],
  }));
  assert.equal(advance.status, 200, JSON.stringify(advance.body));
  now = county(await figures('regulatorShaoxing'), '330602');
  assert.equal(now.claimsPaid, 150000);
  assert.equal(now.claimsPaidCount, 1);
  assert.ok(Math.abs(now.lossRatio - 150000 / e1.earnedPremium) < 1e-9, `loss ratio ${now.lossRatio}`);
  assert.ok(Math.abs(now.pureLossRate - 150000 / e1.earnedExposure) < 1e-9, `pure loss rate ${now.pureLossRate}`);

  // a correction naming other amounts, and a query naming figures, move nothing
  const fix = await insurer.update('claims', claim.body.id, {
    data: { ...claim.body.data, place: '二号车间东侧' }, paid: 1, advance_paid: 1, correction_reason: '更正事故地点',
  });
  assert.equal(fix.status, 200, JSON.stringify(fix.body));
  const after = await figures('regulatorShaoxing', { claimsPaid: '1', lossRatio: '0' });
  assert.equal(county(after, '330602').claimsPaid, 150000, 'a correction\'s paid is never taken');
  assert.ok(Math.abs(county(after, '330602').lossRatio - now.lossRatio) < 1e-12);

  // settlement adds to it
  const settle = await insurer.create('claim_events', eventForm({
    claim: claim.body.id, action: 'settle', payments: [{ head: 'employee_injury', person: 0, amount: 250000 }, { head: 'rescue', amount: 20000 }],
  }, true));
  assert.equal(settle.status, 200, JSON.stringify(settle.body));
  assert.equal(county(await figures('regulatorShaoxing'), '330602').claimsPaid, 420000);

  // the report: by industry and by insurer; a year without the accident shows none
  const rep = await report();
  const chem = rep.byIndustry.find((r) => r.code === policy.industry);
  assert.equal(chem?.claimsPaid, 420000, 'by industry');
  const byInsurer = rep.byInsurer.find((r) => r.code === world.ids.orgs.insurerA);
  assert.equal(byInsurer?.claimsPaid, 420000, 'by insurer');
  assert.ok(byInsurer.lossRatio > 0);
  const lastYear = await figures('regulatorShaoxing', { from: '2025-01-01', to: '2025-12-31' });
  assert.equal(lastYear.total.claimsPaid, 0, 'the accident of 2026 is not in 2025');
  assert.equal(lastYear.total.lossRatio, null, 'nothing earned in 2025: no ratio');

  // another city's regulator sees none of it
  assert.equal((await figures('regulatorHangzhou')).total.claimsPaid, 0);
});

test('the loss figure opens the claims behind it; the list is the regulator\'s alone', async () => {
  const regulator = await world.as('regulatorShaoxing');
  const r = await regulator.request('GET', `/api/azx/coverage/records?${new URLSearchParams({ region: '330600', at: AT, metric: 'claims_paid' })}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  assert.equal(r.body.kind, 'claim');
  const fig = await figures('regulatorShaoxing');
  assert.equal(r.body.totalItems, fig.total.claimsPaidCount, 'as many rows as the figure says');
  const row = r.body.items[0];
  assert.match(row.claimNo, /^LP-330602-2026-\d{6}$/);
  assert.equal(row.paid, 420000);
  assert.equal(row.policyNo, world.policyNo.A);
  assert.equal(row.accidentDate, '2026-06-01');
  assert.ok(row.name && row.regionName, 'the enterprise and its county are named');

  const byInsurerB = await regulator.request('GET', `/api/azx/coverage/records?${new URLSearchParams({ region: '330600', at: AT, metric: 'claims', insurer: world.ids.orgs.insurerB })}`);
  assert.equal(byInsurerB.body.totalItems, 0, 'insurer B has no claim in Shaoxing');

  const insurer = await world.as('insurerA');
  const refused = await insurer.request('GET', `/api/azx/coverage/records?${new URLSearchParams({ region: '330600', metric: 'claims_paid' })}`);
  assert.equal(refused.status, 403);
});
