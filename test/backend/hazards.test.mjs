// The hazard closed loop on the server: each role's step, refusals with zh+en messages, every
// step an appended hazard_events row, the overdue sweep (cron job) and escalation that the
// region's regulator sees at once (realtime), and the ledger's derived search columns.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../fixtures/server.mjs';
import { createWorld } from '../fixtures/world.mjs';
import { DEFINITION_KEYS, hazardData } from '../fixtures/records.mjs';
import { assertFieldError, total } from './helpers.mjs';
import { HAZARD_EVENT_STEPS, evidenceForm, subscribeRealtime } from './hazard-steps.mjs';

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

/** Today's date in China (deadlines are Chinese calendar days), shifted by days. */
function chinaDate(days = 0) {
  return new Date(Date.now() + 8 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);
}

const MAJOR = { is_major: true, major_criterion: { standard_id: 'HG2017', item: '第（十）项', title: '静电接地失效' } };

/** A hazard on side A (E1, insurer A, provider P, Shaoxing), recorded by insurer A. */
async function newHazard(overrides = {}) {
  const api = await world.as('insurerA');
  const r = await api.create('hazards', {
    definition: DEFINITION_KEYS.hazards,
    version: world.versions.hazards,
    data: hazardData(`HZ-LOOP-${String(++n).padStart(4, '0')}`, { found_at: `${chinaDate(-1)}T02:00:00Z`, deadline: chinaDate(5), ...overrides }),
    service_report: world.ids.serviceReports.A,
    policy: world.ids.policies.A,
    enterprise: world.ids.enterprises.E1,
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
}

/**
 * Posts a hazard event; a rectification or verification carries an evidence photo, a notice names
 * the principal and the actual controller it went to (the workflow requires both of a major hazard's).
 */
async function step(userKey, hazard, action, to_status, extra = {}, lang) {
  const api = await world.as(userKey, lang ? { lang } : undefined);
  const notified = action === 'notify' ? { notified_to: { principal: '王厂长', actual_controller: '王董事长' } } : {};
  const fields = { hazard, action, to_status, note: `${action} 测试`, ...notified, ...extra };
  if (action === 'rectify' || action === 'verify') return api.request('POST', '/api/collections/hazard_events/records', evidenceForm(fields));
  return api.create('hazard_events', fields);
}

async function status(id) {
  return (await su.view('hazards', id)).body.status;
}

describe('the closed loop, each role its step', () => {
  test('insurer notifies, the enterprise rectifies with evidence, the insurer verifies; every step is an appended event', async () => {
    const h = await newHazard();
    assert.equal(h.status, 'found');
    assert.equal((await step('insurerA', h.id, 'notify', 'notified')).status, 200);
    const api = await world.as('enterpriseE1');
    const rect = await api.request('POST', '/api/collections/hazard_events/records',
      evidenceForm({ hazard: h.id, action: 'rectify', to_status: 'rectified', note: '已恢复静电接地' }));
    assert.equal(rect.status, 200, JSON.stringify(rect.body));
    assert.equal(rect.body.evidence.length, 1, 'the evidence file is kept with the event');
    assert.equal((await step('insurerA', h.id, 'verify', 'verified', { note: '回头看：整改到位' })).status, 200);
    const row = (await su.view('hazards', h.id)).body;
    assert.equal(row.status, 'verified');
    assert.equal(row.revision, 1, 'moves are not corrections: the hazard row keeps revision 1');
    const events = await su.list('hazard_events', { filter: `hazard = "${h.id}"`, sort: 'created' });
    assert.deepEqual(events.items.map((e) => [e.action, e.from_status, e.to_status]), [
      ['notify', 'found', 'notified'], ['rectify', 'notified', 'rectified'], ['verify', 'rectified', 'verified'],
    ]);
    assert.equal(events.items[1].actor, world.ids.users.enterpriseE1, 'the actor is the signed-in user');
    // who did each step, readable by the hazard's parties (users are private): the server's copy
    assert.deepEqual(events.items.map((e) => [e.actor_role, e.actor_org]), [
      ['insurer', world.ids.orgs.insurerA], ['enterprise', world.ids.orgs.enterpriseE1], ['insurer', world.ids.orgs.insurerA],
    ]);
  });

  test('the actor\'s role and organization are the server\'s, whatever the client sends', async () => {
    const h = await newHazard();
    const r = await step('insurerA', h.id, 'notify', 'notified', { actor_role: 'regulator', actor_org: world.ids.orgs.insurerB });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.actor_role, 'insurer');
    assert.equal(r.body.actor_org, world.ids.orgs.insurerA);
  });

  test('a failed return visit reopens the hazard and it is rectified again', async () => {
    const h = await newHazard();
    await step('insurerA', h.id, 'notify', 'notified');
    await step('providerP', h.id, 'rectify', 'rectified');
    assert.equal((await step('providerP', h.id, 'reopen', 'reopened', { note: '回头看：接地线仍未固定' })).status, 200);
    assert.equal(await status(h.id), 'reopened');
    assert.equal((await step('enterpriseE1', h.id, 'rectify', 'rectified')).status, 200);
    assert.equal(await status(h.id), 'rectified');
  });
});

describe('refusals, in Chinese and English, store nothing', () => {
  test('an illegal transition (found → verified) is refused at to_status', async () => {
    const h = await newHazard();
    const before = await total(su, 'hazard_events');
    const r = await step('insurerA', h.id, 'verify', 'verified', {}, 'en');
    const err = assertFieldError(r, 'to_status', 'en');
    assert.equal(err.code, 'hazard_transition');
    assert.match(err.message_zh, /已发现.*已复查销号/);
    assert.equal(await total(su, 'hazard_events'), before);
    assert.equal(await status(h.id), 'found');
  });

  test('the enterprise cannot notify itself, nor record its own refusal', async () => {
    const h = await newHazard();
    const notify = assertFieldError(await step('enterpriseE1', h.id, 'notify', 'notified'), 'to_status');
    assert.equal(notify.code, 'hazard_transition_role');
    const refuse = assertFieldError(await step('enterpriseE1', h.id, 'refuse', ''), 'action');
    assert.equal(refuse.code, 'hazard_action_role');
    assert.match(refuse.message_en, /enterprise/);
  });

  test('a regulator cannot rectify; an insurer of another region cannot touch the hazard', async () => {
    const h = await newHazard();
    await step('insurerA', h.id, 'notify', 'notified');
    assert.equal(assertFieldError(await step('regulatorShaoxing', h.id, 'rectify', 'rectified'), 'to_status').code, 'hazard_transition_role');
    const other = await step('insurerB', h.id, 'escalate', 'escalated');
    assert.ok(other.status === 400 || other.status === 403 || other.status === 404, `insurer B refused: ${other.status}`);
    assert.equal(await status(h.id), 'notified');
  });

  test('an action must move the hazard where that action goes, and must be known', async () => {
    const h = await newHazard();
    await step('insurerA', h.id, 'notify', 'notified');
    const mismatch = assertFieldError(await step('insurerA', h.id, 'notify', 'rectified'), 'to_status');
    assert.equal(mismatch.code, 'hazard_action_status');
    const unknown = assertFieldError(await step('insurerA', h.id, 'delete', ''), 'action');
    assert.equal(unknown.code, 'hazard_action_unknown');
    assert.equal(await status(h.id), 'notified');
  });

  test('rectifying a hazard, major or not, needs evidence', async () => {
    const h = await newHazard(MAJOR);
    await step('insurerA', h.id, 'notify', 'notified');
    const bare = await (await world.as('enterpriseE1')).create('hazard_events', { hazard: h.id, action: 'rectify', to_status: 'rectified' });
    const err = assertFieldError(bare, 'evidence');
    assert.equal(err.code, 'hazard_evidence_required');
    const api = await world.as('enterpriseE1');
    const ok = await api.request('POST', '/api/collections/hazard_events/records',
      evidenceForm({ hazard: h.id, action: 'rectify', to_status: 'rectified' }));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
  });

  test('a hazard event is never edited or deleted', async () => {
    const h = await newHazard();
    const ev = (await step('insurerA', h.id, 'notify', 'notified')).body;
    const api = await world.as('insurerA');
    assert.notEqual((await api.update('hazard_events', ev.id, { note: '改写' })).status, 200);
    assert.notEqual((await api.remove('hazard_events', ev.id)).status, 204);
    assert.equal((await su.view('hazard_events', ev.id)).body.note, 'notify 测试');
  });
});

describe('refused or overdue major hazards are escalated', () => {
  test('a recorded refusal escalates a major hazard, and the Shaoxing regulator is told at once', async () => {
    const h = await newHazard(MAJOR);
    await step('insurerA', h.id, 'notify', 'notified');
    const feed = await subscribeRealtime(server.url, await world.login('regulatorShaoxing'), 'hazards');
    const hangzhou = await subscribeRealtime(server.url, await world.login('regulatorHangzhou'), 'hazards');
    try {
      const r = await step('insurerA', h.id, 'refuse', 'escalated', { note: '企业拒不整改' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const msg = await feed.next((m) => m.record?.id === h.id && m.record.status === 'escalated', 5000);
      assert.equal(msg.action, 'update');
      assert.equal(await hangzhou.next((m) => m.record?.id === h.id, 700).catch(() => null), null, 'Hangzhou is not told');
    } finally {
      feed.close();
      hangzhou.close();
    }
    const seen = await (await world.as('regulatorShaoxing')).list('hazards', { filter: `status = "escalated" && is_major = true && id = "${h.id}"` });
    assert.equal(seen.items.length, 1);
  });

  test('an escalated major hazard reaches the industry authority of its industry and region at once, no other oversight role', async () => {
    const h = await newHazard(MAJOR);
    const minor = await newHazard();
    await step('insurerA', h.id, 'notify', 'notified');
    const chemicals = await subscribeRealtime(server.url, await world.login('authorityChemicals'), 'hazards');
    const construction = await subscribeRealtime(server.url, await world.login('authorityConstruction'), 'hazards');
    const financial = await subscribeRealtime(server.url, await world.login('financialZhejiang'), 'hazards');
    try {
      const r = await step('insurerA', h.id, 'refuse', 'escalated', { note: '企业拒不整改' });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const msg = await chemicals.next((m) => m.record?.id === h.id && m.record.status === 'escalated', 5000);
      assert.equal(msg.action, 'update');
      assert.equal(await construction.next((m) => m.record?.id === h.id, 700).catch(() => null), null, 'another industry is not told');
      assert.equal(await financial.next((m) => m.record?.id === h.id, 300).catch(() => null), null, 'the financial regulator is not told');
    } finally {
      chemicals.close();
      construction.close();
      financial.close();
    }
    const seen = await (await world.as('authorityChemicals')).list('hazards', { filter: `id = "${h.id}" || id = "${minor.id}"` });
    assert.deepEqual(seen.items.map((i) => i.id), [h.id], 'the authority reads the major hazard, not the minor one');
    const events = await (await world.as('authorityChemicals')).list('hazard_events', { filter: `hazard = "${h.id}"` });
    assert.equal(events.items.length, 0, 'nor the enterprise-internal steps and their evidence');
  });

  test('a refusal of a minor hazard is recorded without escalation', async () => {
    const h = await newHazard();
    await step('insurerA', h.id, 'notify', 'notified');
    assert.equal(assertFieldError(await step('insurerA', h.id, 'refuse', 'escalated'), 'to_status').code, 'hazard_action_status');
    assert.equal((await step('insurerA', h.id, 'refuse', '')).status, 200);
    assert.equal(await status(h.id), 'notified');
  });

  test('the sweep flags open hazards past their deadline once; a major one is escalated by the system', async () => {
    const minor = await newHazard({ deadline: chinaDate(0) });
    const major = await newHazard({ ...MAJOR, deadline: chinaDate(0) });
    const done = await newHazard({ deadline: chinaDate(0) });
    await step('insurerA', major.id, 'notify', 'notified');
    await step('insurerA', done.id, 'notify', 'notified');
    await step('enterpriseE1', done.id, 'rectify', 'rectified');
    const sweep = (at) => su.request('POST', '/api/azx/hazards/sweep', { at });
    const today = await sweep(new Date().toISOString());
    assert.equal(today.status, 200);
    assert.equal(await status(major.id), 'notified', 'not overdue on its deadline day');

    const later = new Date(Date.now() + 2 * 86400e3).toISOString();
    const first = await sweep(later);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    assert.ok(first.body.flagged >= 2 && first.body.escalated >= 1, JSON.stringify(first.body));
    assert.equal(await status(major.id), 'escalated');
    assert.equal(await status(minor.id), 'found', 'a minor hazard is flagged, not escalated');
    assert.equal(await status(done.id), 'rectified', 'a rectified hazard is not overdue');
    const flags = await su.list('hazard_events', { filter: `action = "overdue" && (hazard = "${minor.id}" || hazard = "${major.id}" || hazard = "${done.id}")` });
    assert.deepEqual(flags.items.map((e) => [e.hazard, e.to_status, e.actor]).sort(), [
      [major.id, 'escalated', ''], [minor.id, '', ''],
    ].sort());
    const again = await sweep(later);
    assert.equal(again.body.flagged, 0, 'flagged once');
    // the world's hazard was recorded after its deadline (history), never flagged
    const worldFlags = await su.list('hazard_events', { filter: `action = "overdue" && hazard = "${world.ids.hazards.A}"` });
    assert.equal(worldFlags.items.length, 0);
  });

  test('the sweep is a cron job superusers can list; other users cannot run it', async () => {
    const crons = await su.request('GET', '/api/crons');
    assert.ok(crons.body.some((j) => j.id === 'azx_hazard_overdue'), JSON.stringify(crons.body));
    const api = await world.as('regulatorShaoxing');
    assert.notEqual((await api.request('POST', '/api/azx/hazards/sweep', {})).status, 200);
    assert.equal((await su.request('POST', '/api/azx/hazards/sweep', { at: 'tomorrow' })).status, 400);
  });

  test('nobody posts an overdue flag through the API', async () => {
    const h = await newHazard();
    const r = await step('insurerA', h.id, 'overdue', '');
    assert.equal(assertFieldError(r, 'action').code, 'hazard_action_role');
  });
});

describe('a major hazard names its determination standard', () => {
  test('is_major without major_criterion is refused and not stored', async () => {
    const before = await total(su, 'hazards');
    const api = await world.as('insurerA', { lang: 'en' });
    const r = await api.create('hazards', {
      definition: DEFINITION_KEYS.hazards,
      version: world.versions.hazards,
      data: hazardData('HZ-MAJOR-NOCRIT', { is_major: true }),
      service_report: world.ids.serviceReports.A,
      enterprise: world.ids.enterprises.E1,
    });
    assertFieldError(r, 'data.major_criterion', 'en');
    assert.equal(await total(su, 'hazards'), before);
  });
});

describe('search columns of the ledger', () => {
  test('search_text and enterprise_name are the server\'s, and a search finds the hazard', async () => {
    const api = await world.as('insurerA');
    const r = await api.create('hazards', {
      definition: DEFINITION_KEYS.hazards,
      version: world.versions.hazards,
      data: hazardData('HZ-SEARCH-0001', { location: '二号甲类仓库' }),
      service_report: world.ids.serviceReports.A,
      enterprise: world.ids.enterprises.E1,
      search_text: '伪造',
      enterprise_name: '伪造企业',
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.match(r.body.enterprise_name, /绍兴越城化工有限公司/);
    // the number is the server's, not the one typed; the search finds it
    assert.match(r.body.data.hazard_no, /^YH-\d{6}-\d{4}-\d{6}$/);
    assert.match(r.body.search_text, new RegExp(`${r.body.data.hazard_no}.*二号甲类仓库`));
    assert.doesNotMatch(r.body.search_text, /伪造|HZ-SEARCH-0001/);
    const found = await api.list('hazards', { filter: 'search_text ~ "甲类仓库"' });
    assert.deepEqual(found.items.map((h) => h.id), [r.body.id]);
  });
});

describe('hazard numbers are the server\'s', () => {
  const create = async (api, overrides = {}) =>
    api.create('hazards', {
      definition: DEFINITION_KEYS.hazards,
      version: world.versions.hazards,
      data: hazardData('YH-001', overrides),
      service_report: world.ids.serviceReports.A,
    });

  test('a typed number is replaced by the next of the county and year, concurrent creates included', async () => {
    const api = await world.as('insurerA');
    const results = await Promise.all(Array.from({ length: 12 }, () => create(api)));
    for (const r of results) assert.equal(r.status, 200, JSON.stringify(r.body));
    const region = results[0].body.region_code;
    const year = new Date(Date.parse(results[0].body.data.found_at) + 8 * 3600e3).getUTCFullYear();
    const seqs = results.map((r) => {
      const m = new RegExp(`^YH-${region}-${year}-(\\d{6})$`).exec(r.body.data.hazard_no);
      assert.ok(m, r.body.data.hazard_no);
      return Number(m[1]);
    }).sort((a, b) => a - b);
    // twelve writes at once: twelve numbers, one after the other
    assert.deepEqual(seqs, Array.from({ length: 12 }, (_, i) => seqs[0] + i));
  });

  test('a correction cannot move the number', async () => {
    const api = await world.as('insurerA');
    const r = await create(api);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const fixed = await api.update('hazards', r.body.id, {
      data: { ...r.body.data, hazard_no: 'YH-330602-2026-999999', location: '三号仓库' },
      correction_reason: '部位写错',
    });
    assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
    assert.equal(fixed.body.data.hazard_no, r.body.data.hazard_no);
    assert.equal(fixed.body.data.location, '三号仓库');
  });
});
