// Issue 17, claims: the enterprise reports an accident on its policy; the server copies the
// policy's parties, counts deaths and injuries, judges seriousness and the stage's deadline by
// the packs, refuses an accident outside the period; claim events (survey, advance payment,
// settlement, refusal) alone move a claim, each payment within the policy's limits per person,
// per head claimed and in aggregate; the history is append-only; each party sees its own.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../fixtures/server.mjs';
import { createWorld, publishedVersion } from '../fixtures/world.mjs';
import { assertFieldError } from './helpers.mjs';
import { ENTERPRISES, policyData, reprice } from '../fixtures/records.mjs';

let server;
let world;
let su;
let claimVersion;

before(async () => {
  server = await startTestServer();
  world = await createWorld(server.url);
  su = world.superuser;
  claimVersion = await publishedVersion(su, 'claim');
});
after(() => server?.stop());

const person = (name, outcome, party = 'employee') => ({ name, party, outcome });

/** A claim body on the world's policy A (E1, insurer A, 2026, 500,000 per person, 50 insured). */
const claimBody = (data = {}, columns = {}) => ({
  definition: 'claim',
  version: claimVersion,
  policy: world.ids.policies.A,
  data: {
    accident_date: '2026-06-01',
    place: '二号车间反应釜区',
    description: '反应釜泄漏引发闪爆，造成人员伤亡。',
    persons: [person('张三', 'death'), person('李四', 'injury'), person('王五', 'injury', 'third_party')],
    rescue: 20000,
    third_party_property: 50000,
    ...data,
  },
  ...columns,
});

/** A claim event as multipart, with one document when asked. */
function eventForm(fields, withDocument) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, typeof v === 'string' ? v : JSON.stringify(v));
  if (withDocument) form.append('documents', new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], { type: 'application/pdf' }), '查勘报告.pdf');
  return form;
}

async function report(data, columns) {
  const enterprise = await world.as('enterpriseE1');
  const r = await enterprise.create('claims', claimBody(data, columns));
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

describe('a claim is reported on a policy', () => {
  test('the enterprise reports its accident: parties, counts, seriousness, number and deadline are the server\'s', async () => {
    const c = await report({}, { status: 'settled', paid: 999999, insurer: world.ids.orgs.insurerB, deaths: 0 });
    assert.equal(c.status, 'reported', 'a claim starts reported whatever the client sends');
    assert.equal(c.paid, 0);
    assert.equal(c.insurer, world.ids.orgs.insurerA, 'the insurer is the policy\'s');
    assert.equal(c.enterprise, world.ids.enterprises.E1);
    assert.equal(c.region_code, '330602');
    assert.equal(c.deaths, 1);
    assert.equal(c.injuries, 2);
    assert.equal(c.serious, true, 'a death makes the accident serious (cn-common serious_accident)');
    assert.match(c.data.claim_no, /^LP-330602-2026-\d{6}$/);
    assert.equal(c.claim_no, c.data.claim_no, 'the number is in its column too');
    assert.match(c.stage_due, /^\d{4}-\d{2}-\d{2}$/, 'the survey has a deadline');
  });

  test('an accident outside the policy period is refused in both languages, and nothing is stored', async () => {
    const enterprise = await world.as('enterpriseE1', { lang: 'en' });
    const before = (await su.list('claims')).items.length;
    const r = await enterprise.create('claims', claimBody({ accident_date: '2025-12-31' }));
    const item = assertFieldError(r, 'data.accident_date', 'en');
    assert.equal(item.code, 'claim_outside_period');
    assert.match(item.message_zh, /2026-01-01/);
    const bad = await enterprise.create('claims', claimBody({ persons: [{ name: '赵六', party: 'visitor', outcome: 'death' }] }));
    assert.equal(bad.status, 400);
    assert.equal((await su.list('claims')).items.length, before, 'nothing refused was stored');
  });

  test('another enterprise or another insurer cannot report on the policy', async () => {
    for (const who of ['enterpriseE2', 'insurerB']) {
      const r = await (await world.as(who)).create('claims', claimBody());
      assert.notEqual(r.status, 200, `${who}: ${JSON.stringify(r.body)}`);
    }
  });
});

describe('claim events move the claim; payments stay within cover', () => {
  test('survey, advance payment and settlement, each checked, then nothing more', async () => {
    const c = await report();
    const insurer = await world.as('insurerA', { lang: 'en' });
    const enterprise = await world.as('enterpriseE1');

    const byEnterprise = await enterprise.create('claim_events', eventForm({ claim: c.id, action: 'survey' }, true));
    assert.notEqual(byEnterprise.status, 200, 'the enterprise does not survey its own claim');

    const noDocs = await insurer.create('claim_events', eventForm({ claim: c.id, action: 'survey' }, false));
    assert.equal(assertFieldError(noDocs, 'documents', 'en').code, 'claim_documents_required');

    const settleEarly = await insurer.create('claim_events', eventForm({ claim: c.id, action: 'settle', payments: [{ head: 'rescue', amount: 100 }] }, true));
    assert.equal(assertFieldError(settleEarly, 'action', 'en').code, 'claim_action_state');

    const survey = await insurer.create('claim_events', eventForm({ claim: c.id, action: 'survey', note: '现场查勘完毕' }, true));
    assert.equal(survey.status, 200, JSON.stringify(survey.body));
    assert.equal(survey.body.from_status, 'reported');
    assert.equal(survey.body.to_status, 'surveyed');
    assert.equal(survey.body.actor, world.ids.users.insurerA);

    const overPerson = await insurer.create('claim_events', eventForm({
      claim: c.id, action: 'advance_payment', payments: [{ head: 'employee_injury', person: 0, amount: 500000.01 }],
    }));
    const item = assertFieldError(overPerson, 'payments.0.amount', 'en');
    assert.equal(item.code, 'claim_over_person_limit');
    assert.match(item.message_en, /500000\.00/);

    const wrongParty = await insurer.create('claim_events', eventForm({
      claim: c.id, action: 'advance_payment', payments: [{ head: 'employee_injury', person: 2, amount: 1000 }],
    }));
    assert.equal(assertFieldError(wrongParty, 'payments.0.person', 'en').code, 'claim_payment_person');

    const notCover = await insurer.create('claim_events', eventForm({
      claim: c.id, action: 'advance_payment', payments: [{ head: 'bonus', amount: 1000 }],
    }));
    assert.equal(assertFieldError(notCover, 'payments.0.head', 'en').code, 'claim_payment_head');

    const advance = await insurer.create('claim_events', eventForm({
      claim: c.id, action: 'advance_payment', payments: [{ head: 'employee_injury', person: 0, amount: 200000 }],
    }));
    assert.equal(advance.status, 200, JSON.stringify(advance.body));
    assert.equal(advance.body.amount, 200000);
    let stored = (await su.view('claims', c.id)).body;
    assert.equal(stored.status, 'advance_paid');
    assert.equal(stored.advance_paid, 200000);

    // the person's limit counts what was paid before
    const overAfter = await insurer.create('claim_events', eventForm({
      claim: c.id, action: 'settle', payments: [{ head: 'employee_injury', person: 0, amount: 300000.01 }],
    }, true));
    assert.equal(assertFieldError(overAfter, 'payments.0.amount', 'en').code, 'claim_over_person_limit');

    const overClaimed = await insurer.create('claim_events', eventForm({
      claim: c.id, action: 'settle', payments: [{ head: 'rescue', amount: 20000.5 }],
    }, true));
    assert.equal(assertFieldError(overClaimed, 'payments.0.amount', 'en').code, 'claim_over_claimed');

    const settle = await insurer.create('claim_events', eventForm({
      claim: c.id, action: 'settle', payments: [
        { head: 'employee_injury', person: 0, amount: 300000 },
        { head: 'employee_injury', person: 1, amount: 12000 },
        { head: 'third_party_injury', person: 2, amount: 8000 },
        { head: 'rescue', amount: 20000 },
        { head: 'third_party_property', amount: 45000 },
      ],
    }, true));
    assert.equal(settle.status, 200, JSON.stringify(settle.body));
    stored = (await su.view('claims', c.id)).body;
    assert.equal(stored.status, 'settled');
    assert.equal(stored.paid, 585000);
    assert.equal(stored.stage_due, '', 'a settled claim has no deadline');

    const again = await insurer.create('claim_events', eventForm({ claim: c.id, action: 'decline', note: '重复' }));
    assert.equal(assertFieldError(again, 'action', 'en').code, 'claim_action_state');
  });

  test('an accident with no death and few injuries is not paid in advance; a refusal says why', async () => {
    const c = await report({ persons: [person('周七', 'injury')], rescue: 0, third_party_property: 0 });
    assert.equal(c.serious, false);
    const insurer = await world.as('insurerA', { lang: 'en' });
    const advance = await insurer.create('claim_events', eventForm({ claim: c.id, action: 'advance_payment', payments: [{ head: 'employee_injury', person: 0, amount: 1000 }] }));
    assert.equal(assertFieldError(advance, 'action', 'en').code, 'claim_not_serious');
    const bare = await insurer.create('claim_events', eventForm({ claim: c.id, action: 'decline' }));
    assert.equal(assertFieldError(bare, 'note', 'en').code, 'claim_note_required');
    const decline = await insurer.create('claim_events', eventForm({ claim: c.id, action: 'decline', note: '非生产安全事故' }));
    assert.equal(decline.status, 200, JSON.stringify(decline.body));
    assert.equal((await su.view('claims', c.id)).body.status, 'declined');
  });

  test('all claims of a policy together stay within its aggregate (limit per person × insured persons)', async () => {
    const persons = Array.from({ length: 51 }, (_, i) => person(`员工${String(i + 1).padStart(2, '0')}`, 'death'));
    const c = await report({ persons, rescue: 0, third_party_property: 0 });
    const insurer = await world.as('insurerA', { lang: 'en' });
    const payments = persons.map((_, i) => ({ head: 'employee_injury', person: i, amount: 500000 }));
    const r = await insurer.create('claim_events', eventForm({ claim: c.id, action: 'advance_payment', payments }));
    const item = assertFieldError(r, 'payments', 'en');
    assert.equal(item.code, 'claim_over_aggregate');
    assert.equal((await su.view('claims', c.id)).body.paid, 0, 'nothing refused was paid');
  });
});

describe('the history is append-only and the claim\'s facts are the server\'s', () => {
  test('nobody changes or deletes a claim event or a claim; a correction keeps status and amounts', async () => {
    const c = await report();
    const insurer = await world.as('insurerA');
    const survey = await insurer.create('claim_events', eventForm({ claim: c.id, action: 'survey' }, true));
    assert.equal(survey.status, 200, JSON.stringify(survey.body));
    for (const api of [insurer, su]) {
      assert.notEqual((await api.update('claim_events', survey.body.id, { note: '改写' })).status, 200);
      assert.notEqual((await api.remove('claim_events', survey.body.id)).status, 204);
      assert.notEqual((await api.remove('claims', c.id)).status, 204);
    }
    const fix = await insurer.update('claims', c.id, {
      data: { ...c.data, place: '二号车间东侧' }, status: 'settled', paid: 1, correction_reason: '更正事故地点',
    });
    assert.equal(fix.status, 200, JSON.stringify(fix.body));
    assert.equal(fix.body.status, 'surveyed');
    assert.equal(fix.body.paid, 0);
    assert.equal(fix.body.revision, 2);
    const noReason = await insurer.update('claims', c.id, { data: c.data });
    assert.equal(assertFieldError(noReason, 'correction_reason').code, 'correction_reason_required');
  });

  test('each party sees its own claims: the enterprise, the insurer, the regulator in scope, the oversight roles of its region and industry; nobody else', async () => {
    const c = await report();
    const survey = await (await world.as('insurerA')).create('claim_events', eventForm({ claim: c.id, action: 'survey' }, true));
    assert.equal(survey.status, 200, JSON.stringify(survey.body));
    const expect = {
      enterpriseE1: true, insurerA: true, regulatorShaoxing: true, regulatorZhejiang: true,
      authorityChemicals: true, financialZhejiang: true,
      enterpriseE2: false, insurerB: false, regulatorHangzhou: false, providerP: false, authorityConstruction: false,
    };
    for (const [who, sees] of Object.entries(expect)) {
      const api = await world.as(who);
      assert.equal((await api.view('claims', c.id)).status === 200, sees, `${who} views the claim`);
      const events = await api.list('claim_events', { filter: `claim = "${c.id}"` });
      assert.equal(events.status, 200);
      assert.equal(events.items.length, sees ? 1 : 0, `${who} sees the claim's history`);
    }
  });

  test('the oversight roles only read: they report no claim and take no step', async () => {
    const c = await report();
    for (const who of ['authorityChemicals', 'financialZhejiang']) {
      const api = await world.as(who);
      const before = (await su.list('claims')).body.totalItems;
      const r = await api.create('claims', claimBody());
      assert.ok([400, 403, 404].includes(r.status), `${who} reports: ${r.status}`);
      assert.equal((await su.list('claims')).body.totalItems, before, 'nothing stored');
      const step = await api.create('claim_events', eventForm({ claim: c.id, action: 'survey' }, true));
      assert.ok([400, 403, 404].includes(step.status), `${who} surveys: ${step.status}`);
      const fix = await api.update('claims', c.id, { data: { ...c.data, place: '改写' }, correction_reason: '越权更正' });
      assert.ok([400, 403, 404].includes(fix.status), `${who} corrects: ${fix.status}`);
    }
    assert.equal((await su.view('claims', c.id)).body.status, 'reported');
  });
});

describe('experience rating: the renewal\'s accident coefficient follows the claims', () => {
  test('after a fatal accident, next year\'s renewal is rated 1.3 (cn-common); the insurer cannot choose 1 or lower', async () => {
    await report(); // a death on policy A in 2026 (and the claims above)
    const insurer = await world.as('insurerA', { lang: 'en' });
    const renewal = (coefficient) => ({
      definition: 'policy',
      version: world.versions.policies,
      enterprise: world.ids.enterprises.E1,
      insurer: world.ids.orgs.insurerA,
      data: reprice(policyData(ENTERPRISES.E1, {
        policy_no: `AZX-CLAIMS-RENEW-${String(coefficient).replace('.', '')}`,
        period: { start: '2027-01-01', end: '2027-12-31' },
        renewal_of: world.policyNo.A,
      }), { accident_record: coefficient }),
    });
    for (const lower of [1, 0.9]) {
      const r = await insurer.create('policies', renewal(lower));
      const item = assertFieldError(r, 'data.rating.coefficients.accident_record', 'en');
      assert.equal(item.code, 'accident_record_not_experience');
      assert.match(item.message_en, /must be 1\.3/);
    }
    const ok = await insurer.create('policies', renewal(1.3));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.data.rating.coefficients.accident_record, 1.3);
    // a correction cannot lower it either
    const lowered = await insurer.update('policies', ok.body.id, { data: renewal(1).data, correction_reason: '下调事故系数' });
    assert.equal(assertFieldError(lowered, 'data.rating.coefficients.accident_record', 'en').code, 'accident_record_not_experience');
  });
});
