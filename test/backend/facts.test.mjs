// Issue 13: every fact a regulator counts is the server's. The upload time is stamped by the
// server; the renewal link is derived by it and a client's link to a policy it may not use is
// refused with one message whether or not that policy exists; a correction of a policy takes its
// reports, hazards and events along (parties and region) with audit entries; an enterprise's
// organization link is checked; the closed loop separates duties and needs the regulator for a
// major hazard. Last, every role tries to move the compliance figures with client-written values.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startTestServer } from '../fixtures/server.mjs';
import { createWorld } from '../fixtures/world.mjs';
import { DEFINITION_KEYS, ENTERPRISES, hazardData, policyData, serviceReportData } from '../fixtures/records.mjs';
import { assertFieldError } from './helpers.mjs';
import { evidenceForm } from './hazard-steps.mjs';

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

const policyBody = (enterprise, data, columns = {}) => ({
  definition: DEFINITION_KEYS.policies,
  version: world.versions.policies,
  data,
  enterprise,
  ...columns,
});

/** A new policy of E1 by insurer A (its own organization) for a calendar year. */
async function e1Policy(year, columns = {}) {
  const no = `AZX-FACTS-${String(++n).padStart(4, '0')}`;
  const data = policyData(ENTERPRISES.E1, { policy_no: no, period: { start: `${year}-01-01`, end: `${year}-12-31` } });
  return (await world.as('insurerA')).create('policies', policyBody(world.ids.enterprises.E1, data, { insurer: world.ids.orgs.insurerA, ...columns }));
}

const seconds = (pbDate) => Date.parse(pbDate.replace(' ', 'T'));
const workflow = JSON.parse(readFileSync(new URL('../../schemas/workflows/hazard.json', import.meta.url), 'utf8'));
/** Today in China plus some days, YYYY-MM-DD. */
const chinaDayPlus = (days) => {
  const d = new Date(Date.now() + 8 * 3600e3);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days)).toISOString().slice(0, 10);
};

describe('upload time: the server stamps it on arrival and keeps it', () => {
  test('a policy created with a backdated uploaded_at gets the time it arrived; a correction cannot move it', async () => {
    const before = Date.now();
    const r = await e1Policy(2027, { uploaded_at: '2020-01-01 00:00:00.000Z' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const stamped = seconds(r.body.uploaded_at);
    assert.ok(stamped >= before - 2000 && stamped <= Date.now() + 2000, `stamped now, got ${r.body.uploaded_at}`);

    for (const who of ['insurerA', 'superuser']) {
      const api = who === 'superuser' ? su : await world.as(who);
      const c = await api.update('policies', r.body.id, { uploaded_at: '2020-01-01 00:00:00.000Z', correction_reason: '补录上传时间' });
      assert.equal(c.status, 200, JSON.stringify(c.body));
      assert.equal(c.body.uploaded_at, r.body.uploaded_at, `${who}: the upload time is unchanged`);
    }
  });

  test('the superuser\'s own create is stamped too (only the system\'s seed brings its own clock)', async () => {
    const data = policyData(ENTERPRISES.E1, { policy_no: `AZX-FACTS-SU-${++n}`, period: { start: '2028-01-01', end: '2028-12-31' } });
    const r = await su.create('policies', policyBody(world.ids.enterprises.E1, data, { insurer: world.ids.orgs.insurerA, uploaded_at: '' }));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.ok(r.body.uploaded_at, 'an upload time is stored though none was sent');
  });
});

describe('issue date (签单日期): the insurer\'s, judged by the packs against the period start and the server\'s upload day', () => {
  const china = (ms) => new Date(ms + 8 * 3600e3).toISOString().slice(0, 10);

  test('an issue date after the start or after the upload day is refused in both languages and nothing is stored; one before both is kept', async () => {
    const year = new Date().getUTCFullYear() + 2;
    const tomorrow = china(Date.now() + 86400e3);
    for (const [issued, code] of [[`${year}-01-05`, 'issue_date_after_start'], [tomorrow, 'issue_date_in_future']]) {
      const r = await e1Policy(year, {});
      assert.equal(r.status, 200, JSON.stringify(r.body));
      const insurer = await world.as('insurerA', { lang: 'en' });
      const c = await insurer.update('policies', r.body.id, { data: { ...r.body.data, issue_date: issued }, correction_reason: '补录签单日期' });
      const item = assertFieldError(c, 'data.issue_date', 'en');
      assert.equal(item.code, code);
      assert.match(item.message_zh, /签单日期/);
      assert.match(item.message_en, new RegExp(issued));
      assert.equal((await su.view('policies', r.body.id)).body.data.issue_date, undefined, 'nothing refused was stored');
    }
    const n0 = `AZX-FACTS-ISSUE-${++n}`;
    const data = policyData(ENTERPRISES.E1, { policy_no: n0, period: { start: `${year + 1}-01-01`, end: `${year + 1}-12-31` } });
    const ok = await (await world.as('insurerA')).create('policies', policyBody(world.ids.enterprises.E1, { ...data, issue_date: china(Date.now()) }, { insurer: world.ids.orgs.insurerA }));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.data.issue_date, china(Date.now()));
  });

  test('a policy uploaded long after its start cannot leave 未按时上传 by its issue date', async () => {
    const late = async () => (await (await world.as('regulatorShaoxing')).request('GET', '/api/azx/coverage/figures?region=330600')).body.total.uploadedLate;
    const start = china(Date.now() - 200 * 86400e3);
    const end = china(Date.now() + 160 * 86400e3);
    const before = await late();
    const data = policyData(ENTERPRISES.E1, { policy_no: `AZX-FACTS-LATE-${++n}`, period: { start, end } });
    const r = await (await world.as('insurerA')).create('policies', policyBody(world.ids.enterprises.E1, { ...data, issue_date: start }, { insurer: world.ids.orgs.insurerA }));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const counted = await late();
    assert.equal(counted, before + 1, 'uploaded 200 days after the start: late');
    for (const issued of [china(Date.now()), end]) {
      await (await world.as('insurerA')).update('policies', r.body.id, { data: { ...r.body.data, issue_date: issued }, uploaded_at: `${start} 00:00:00.000Z`, correction_reason: '改签单日期' });
      assert.equal(await late(), counted, `issue date ${issued} did not move the figure`);
    }
  });
});

describe('renewal link: derived by the server, one refusal whether or not the policy exists', () => {
  test('with no link sent, the server links the same enterprise\'s latest earlier policy', async () => {
    const r = await e1Policy(2029);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const earlier = await su.list('policies', { filter: `enterprise = "${world.ids.enterprises.E1}" && period_start < "2029-01-01" && id != "${r.body.id}"`, sort: '-period_start,-id', perPage: 1 });
    assert.equal(r.body.renewal_of, earlier.items[0].id);
  });

  test('another enterprise\'s policy, another insurer\'s policy and a policy that does not exist get the same answer', async () => {
    const insurerB = await world.as('insurerB', { lang: 'en' });
    const dataB = (no) => policyData(ENTERPRISES.E1, { policy_no: no, period: { start: '2030-01-01', end: '2030-12-31' } });
    const answers = [];
    for (const named of [world.ids.policies.A /* E1's, insurer A's: B cannot read it */, world.ids.policies.B /* E2's */, 'nosuchpolicy001']) {
      const r = await insurerB.create('policies', policyBody(world.ids.enterprises.E1, dataB(`AZX-FACTS-B-${++n}`), { insurer: world.ids.orgs.insurerB, renewal_of: named }));
      answers.push(assertFieldError(r, 'renewal_of', 'en'));
    }
    assert.ok(answers.every((a) => a.code === 'renewal_not_own' && a.message_en === answers[0].message_en && a.message_zh === answers[0].message_zh),
      JSON.stringify(answers));
    // by number in the record: the same answer for A's policy and for no policy at all
    const byNo = [];
    for (const no of [world.policyNo.A, 'AZX-NO-SUCH-9999']) {
      const r = await insurerB.create('policies', policyBody(world.ids.enterprises.E1, { ...dataB(`AZX-FACTS-B-${++n}`), renewal_of: no }, { insurer: world.ids.orgs.insurerB }));
      const item = assertFieldError(r, 'data.renewal_of', 'en');
      byNo.push(item.message_en.replace(no, '#'));
    }
    assert.equal(byNo[0], byNo[1]);
    const stored = await su.list('policies', { filter: `insurer = "${world.ids.orgs.insurerB}" && period_start >= "2030-01-01"` });
    assert.equal(stored.items.length, 0, 'nothing refused was stored');
  });
});

describe('surrender of a mandatory policy (应急〔2025〕27号 Art. 16)', () => {
  test('is refused without a reason from the list and a document, in both languages; with them it is stored', async () => {
    const created = await e1Policy(2031);
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const insurer = await world.as('insurerA', { lang: 'en' });
    const data = { ...created.body.data, status: 'surrendered' };
    const bare = await insurer.update('policies', created.body.id, { data, correction_reason: '企业申请退保' });
    const item = assertFieldError(bare, 'data.surrender.reason', 'en');
    assert.equal(item.code, 'surrender_reason_required');
    const odd = await insurer.update('policies', created.body.id, { data: { ...data, surrender: { reason: 'cheaper_elsewhere', document: '退保申请书' } }, correction_reason: '企业申请退保' });
    assertFieldError(odd, 'data.surrender.reason', 'en');
    assert.equal((await su.view('policies', created.body.id)).body.status, 'active', 'nothing refused was stored');
    const ok = await insurer.update('policies', created.body.id, {
      data: { ...data, surrender: { reason: 'production_stopped', document: '全面停产决定书 绍应急〔2031〕3号' } }, correction_reason: '企业全面停产，申请退保',
    });
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.status, 'surrendered');
  });
});

describe('who must insure: derived from the industry and the packs, overridden only with a recorded reason', () => {
  test('a hazardous-chemicals enterprise marked "need not insure" is refused; an override with its reason is stored and counted', async () => {
    const shaoxing = await world.as('regulatorShaoxing', { lang: 'en' });
    const id = world.ids.enterprises.E1;
    const e1 = (await su.view('enterprises', id)).body;
    const mustInsure = async () => (await (await world.as('regulatorShaoxing')).request('GET', '/api/azx/coverage/figures?region=330600')).body.total.mustInsure;
    const before = await mustInsure();
    const flag = await shaoxing.update('enterprises', id, { data: { ...e1.data, must_insure: false }, must_insure: false, correction_reason: '改为非应保' });
    assert.equal(assertFieldError(flag, 'data.must_insure', 'en').code, 'must_insure_derived');
    const column = await shaoxing.update('enterprises', id, { must_insure: false, correction_reason: '只改列' });
    assert.equal(column.status, 200, JSON.stringify(column.body));
    assert.equal(column.body.must_insure, true, 'the column is the server\'s');
    const noReason = await shaoxing.update('enterprises', id, { data: { ...e1.data, must_insure_override: { value: false } }, correction_reason: '调整' });
    assertFieldError(noReason, 'data.must_insure_override.reason', 'en');
    const override = await shaoxing.update('enterprises', id, {
      data: { ...e1.data, must_insure: false, must_insure_override: { value: false, reason: '已停产转为仓储，经局务会认定不属应保' } }, correction_reason: '监管调整',
    });
    assert.equal(override.status, 200, JSON.stringify(override.body));
    assert.equal(override.body.must_insure, false);
    assert.equal(await mustInsure(), before - 1, 'the override counts');
    const bulletin = (await (await world.as('regulatorShaoxing')).request('GET', '/api/azx/compliance/report?region=330600')).body;
    assert.deepEqual(bulletin.mustInsureOverrides.map((o) => [o.enterprise, o.mustInsure, o.reason]), [[id, false, '已停产转为仓储，经局务会认定不属应保']],
      'the report shows the override and its reason');
    const back = await shaoxing.update('enterprises', id, { data: e1.data, correction_reason: '撤销调整' });
    assert.equal(back.status, 200, JSON.stringify(back.body));
    assert.equal(back.body.must_insure, true);
    assert.equal(await mustInsure(), before);
  });
});

describe('organization links of enterprises', () => {
  test('a regulator cannot link an enterprise to an insurer, to another enterprise\'s organization, or outside its scope', async () => {
    const shaoxing = await world.as('regulatorShaoxing', { lang: 'en' });
    const E1 = world.ids.enterprises.E1;
    const body = (organization) => ({ organization, correction_reason: '关联机构' });
    assert.equal(assertFieldError(await shaoxing.update('enterprises', E1, body(world.ids.orgs.insurerA)), 'organization', 'en').code, 'organization_kind');
    assert.equal(assertFieldError(await shaoxing.update('enterprises', E1, body(world.ids.orgs.regulatorShaoxing)), 'organization', 'en').code, 'organization_kind');
    assert.equal(assertFieldError(await shaoxing.update('enterprises', E1, body(world.ids.orgs.enterpriseE2)), 'organization', 'en').code, 'organization_taken');
    const loose = (await su.create('organizations', { kind: 'enterprise', name: '杭州某无关企业', region_code: '330106' })).body;
    assert.equal(assertFieldError(await shaoxing.update('enterprises', E1, body(loose.id)), 'organization', 'en').code, 'out_of_scope');
    const own = (await su.create('organizations', { kind: 'enterprise', name: '绍兴某新企业', region_code: '330602' })).body;
    const ok = await shaoxing.update('enterprises', E1, body(own.id));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const back = await shaoxing.update('enterprises', E1, body(world.ids.orgs.enterpriseE1));
    assert.equal(back.status, 200, JSON.stringify(back.body));
  });
});

describe('the closed loop: separation of duties, evidence, the regulator\'s sign-off', () => {
  async function hazard(extra = {}) {
    const api = await world.as('insurerA');
    const r = await api.create('hazards', {
      definition: DEFINITION_KEYS.hazards,
      version: world.versions.hazards,
      data: hazardData(`HZ-FACTS-${++n}`, extra),
      service_report: world.ids.serviceReports.A,
      policy: world.ids.policies.A,
      enterprise: world.ids.enterprises.E1,
      follow_up_due: '2020-01-01 00:00:00.000Z', // the server's: never taken from a writer
    });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return r.body.id;
  }
  const post = async (who, fields, withEvidence = true) => {
    const api = await world.as(who, { lang: 'en' });
    return withEvidence ? api.request('POST', '/api/collections/hazard_events/records', evidenceForm(fields)) : api.create('hazard_events', fields);
  };
  const statusOf = async (id) => (await su.view('hazards', id)).body.status;

  test('the insurer that rectified cannot verify its own rectification; rectifying and verifying need evidence', async () => {
    const id = await hazard();
    assert.equal((await post('insurerA', { hazard: id, action: 'notify', to_status: 'notified' }, false)).status, 200);
    assert.equal(assertFieldError(await post('insurerA', { hazard: id, action: 'rectify', to_status: 'rectified' }, false), 'evidence', 'en').code, 'hazard_evidence_required');
    assert.equal((await post('insurerA', { hazard: id, action: 'rectify', to_status: 'rectified' })).status, 200);
    assert.equal(assertFieldError(await post('insurerA', { hazard: id, action: 'verify', to_status: 'verified' }), 'action', 'en').code, 'hazard_action_not_by');
    assert.equal(assertFieldError(await post('providerP', { hazard: id, action: 'verify', to_status: 'verified' }, false), 'evidence', 'en').code, 'hazard_evidence_required');
    assert.equal(await statusOf(id), 'rectified', 'nothing refused moved the hazard');
    assert.equal((await post('providerP', { hazard: id, action: 'verify', to_status: 'verified' })).status, 200);
    assert.equal(await statusOf(id), 'verified');
  });

  test('an escalated major hazard is not verified unrectified, and only the regulator signs it off', async () => {
    const id = await hazard({ is_major: true, major_criterion: { standard_id: 'HG2017', item: '第（十）项', title: '静电接地失效' } });
    assert.equal((await post('insurerA', { hazard: id, action: 'escalate', to_status: 'escalated' }, false)).status, 200);
    const early = await post('regulatorShaoxing', { hazard: id, action: 'verify', to_status: 'verified' });
    assert.equal(early.status, 400, JSON.stringify(early.body));
    assert.equal((await post('enterpriseE1', { hazard: id, action: 'rectify', to_status: 'rectified' })).status, 200);
    for (const who of ['insurerA', 'providerP']) {
      assert.equal(assertFieldError(await post(who, { hazard: id, action: 'verify', to_status: 'verified' }), 'action', 'en').code, 'hazard_action_role', who);
    }
    assert.equal(await statusOf(id), 'rectified');
    const signed = await post('regulatorShaoxing', { hazard: id, action: 'verify', to_status: 'verified' });
    assert.equal(signed.status, 200, JSON.stringify(signed.body));
    assert.equal(await statusOf(id), 'verified');
    const h = (await su.view('hazards', id)).body;
    assert.equal(h.follow_up_due.slice(0, 10), chinaDayPlus(workflow.follow_up.days.major), 'a major hazard\'s return visit falls due after the major interval');
  });

  test('a major hazard\'s written notice names the 主要负责人 and the 实际控制人, or it is refused in both languages', async () => {
    const id = await hazard({ is_major: true, major_criterion: { standard_id: 'HG2017', item: '第（十）项', title: '静电接地失效' } });
    const notify = (who, extra, lang) => world.as(who, { lang }).then((api) => api.create('hazard_events', { hazard: id, action: 'notify', to_status: 'notified', ...extra }));
    const want = workflow.actions.find((a) => a.code === 'notify').major.recipients;
    assert.deepEqual(want, ['principal', 'actual_controller'], 'the workflow document asks for both');
    const zh = assertFieldError(await notify('insurerA', {}, 'zh-CN'), 'notified_to', 'zh');
    assert.equal(zh.code, 'hazard_recipient_required');
    assert.match(zh.message, /主要负责人和实际控制人/);
    const en = assertFieldError(await notify('providerP', { notified_to: { principal: '王厂长', actual_controller: '  ' } }, 'en'), 'notified_to', 'en');
    assert.equal(en.code, 'hazard_recipient_required');
    assert.match(en.message, /actual controller/);
    for (const bad of [{ owner: '王' }, { principal: 42, actual_controller: '李' }, { principal: '王'.repeat(101), actual_controller: '李' }, ['王厂长']]) {
      const r = await notify('insurerA', { notified_to: bad }, 'en');
      assert.equal(r.status, 400, JSON.stringify(bad));
      assert.ok(['hazard_recipient_invalid', 'hazard_recipient_required'].includes(r.body.data.notified_to?.code), JSON.stringify(r.body));
    }
    assert.equal(await statusOf(id), 'found', 'nothing refused moved the hazard');
    assert.equal((await su.list('hazard_events', { filter: `hazard = "${id}"` })).body.totalItems, 0, 'nothing refused was stored');
    const ok = await notify('insurerA', { notified_to: { principal: '王厂长', actual_controller: '王董事长' } }, 'en');
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual((await su.view('hazard_events', ok.body.id)).body.notified_to, { principal: '王厂长', actual_controller: '王董事长' });
    assert.equal(await statusOf(id), 'notified');
    // a general hazard's notice names nobody in particular
    const general = await hazard();
    assert.equal((await post('insurerA', { hazard: general, action: 'notify', to_status: 'notified' }, false)).status, 200);
  });

  test('verification schedules the return visit (回头看) by the workflow\'s interval; no client moves it; reopening clears it', async () => {
    const id = await hazard();
    assert.equal((await su.view('hazards', id)).body.follow_up_due, '', 'a new hazard has none, whatever was sent');
    assert.equal((await post('insurerA', { hazard: id, action: 'notify', to_status: 'notified' }, false)).status, 200);
    assert.equal((await post('enterpriseE1', { hazard: id, action: 'rectify', to_status: 'rectified' })).status, 200);
    assert.equal((await su.view('hazards', id)).body.follow_up_due, '', 'not before verification');
    assert.equal((await post('providerP', { hazard: id, action: 'verify', to_status: 'verified' })).status, 200);
    const due = (await su.view('hazards', id)).body.follow_up_due;
    assert.equal(due.slice(0, 10), chinaDayPlus(workflow.follow_up.days.general));
    for (const who of ['insurerA', 'providerP', 'regulatorShaoxing', 'superuser']) {
      const api = who === 'superuser' ? su : await world.as(who);
      const h = (await su.view('hazards', id)).body;
      await api.update('hazards', id, { data: h.data, follow_up_due: '2099-01-01 00:00:00.000Z', correction_reason: '推迟回头看' });
      assert.equal((await su.view('hazards', id)).body.follow_up_due, due, `${who} did not move the return visit`);
    }
    assert.equal((await post('regulatorShaoxing', { hazard: id, action: 'reopen', to_status: 'reopened', note: '回头看：隐患反弹' })).status, 200);
    assert.equal((await su.view('hazards', id)).body.follow_up_due, '', 'a reopened hazard has no return visit due');
  });
});

describe('every role tries to move the compliance figures with client-written values', () => {
  const AT = '2026-06-30';
  async function figures() {
    const api = await world.as('regulatorZhejiang');
    const r = await api.request('GET', `/api/azx/compliance/report?region=330000&at=${AT}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    return { total: r.body.total, byInsurer: r.body.byInsurer, byIndustry: r.body.byIndustry };
  }
  const forged = () => ({
    uploaded_at: '2020-01-01 00:00:00.000Z',
    renewal_of: world.ids.policies.B,
    enterprise_org: world.ids.orgs.enterpriseE2,
    region_code: '330106', city_code: '330100', province_code: '330000',
    industry: 'construction',
    insurer: world.ids.orgs.insurerB, provider: world.ids.orgs.providerQ,
    correction_reason: '试图改动统计口径',
  });

  test('policies, reports and hazards of side A, written by each role, leave the figures as they were', async () => {
    const start = await figures();
    const e1 = (await su.view('enterprises', world.ids.enterprises.E1)).body;
    const roles = ['insurerA', 'insurerB', 'providerP', 'providerQ', 'enterpriseE1', 'enterpriseE2', 'regulatorShaoxing', 'regulatorHangzhou', 'regulatorZhejiang', 'admin'];
    for (const who of roles) {
      const api = await world.as(who);
      await api.update('policies', world.ids.policies.A, forged());
      await api.update('policies', world.ids.policies.A, { ...forged(), renewal_of: undefined });
      await api.update('service_reports', world.ids.serviceReports.A, forged());
      await api.update('hazards', world.ids.hazards.A, { ...forged(), status: 'verified' });
      await api.create('hazard_events', { hazard: world.ids.hazards.A, action: 'verify', to_status: 'verified', ...forged() });
      await api.update('enterprises', world.ids.enterprises.E1, { region_code: '330106', city_code: '330100', organization: world.ids.orgs.enterpriseE2, providers: world.ids.orgs.providerQ, correction_reason: '试图改动' });
      await api.update('enterprises', world.ids.enterprises.E1, { data: { ...e1.data, must_insure: false }, must_insure: false, correction_reason: '试图改为非应保' });
      await api.create('policies', policyBody(world.ids.enterprises.E1,
        policyData(ENTERPRISES.E1, { policy_no: `AZX-FACTS-F-${++n}`, period: { start: '2026-02-01', end: '2027-01-31' } }),
        { ...forged(), insurer: world.ids.orgs.insurerB, renewal_of: world.ids.policies.B }));
      assert.deepEqual(await figures(), start, `${who} moved a figure`);
    }
    const a = (await su.view('policies', world.ids.policies.A)).body;
    assert.equal(a.insurer, world.ids.orgs.insurerA);
    assert.equal(a.city_code, '330600');
    assert.notEqual(a.uploaded_at.slice(0, 4), '2020');
  });
});

describe('the figures\' other inputs: columns the server derives, the system\'s actions, the lists beside the figures', () => {
  const AT = '2026-06-30';
  // every figure, and the lists a reader checks them against (overrides, services over budget)
  async function report() {
    const api = await world.as('regulatorZhejiang');
    const r = await api.request('GET', `/api/azx/compliance/report?region=330000&at=${AT}`);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const { total, byInsurer, byIndustry, insurersActive, mustInsureOverrides, overBudget } = r.body;
    return { total, byInsurer, byIndustry, insurersActive, mustInsureOverrides, overBudget };
  }
  const ALL = ['insurerA', 'insurerB', 'providerP', 'providerQ', 'enterpriseE1', 'enterpriseE2', 'regulatorShaoxing', 'regulatorHangzhou', 'regulatorZhejiang', 'admin'];

  test('report cost and status columns, hazard severity, deadline and closing, and system-only actions, written by each role, move nothing', async () => {
    const start = await report();
    const far = '2099-12-31 00:00:00.000Z';
    for (const who of ALL) {
      const api = await world.as(who);
      await api.update('service_reports', world.ids.serviceReports.A, {
        cost: 9999999, status: 'confirmed', over_budget_reason: '试图计入', policy: world.ids.policies.B, correction_reason: '试图改动统计口径',
      });
      await api.update('hazards', world.ids.hazards.A, {
        is_major: true, deadline: '2020-01-01 00:00:00.000Z', closed_at: far, follow_up_due: far, status: 'escalated', correction_reason: '试图改动统计口径',
      });
      for (const action of ['overdue', 'escalate', 'verify']) {
        await api.create('hazard_events', {
          hazard: world.ids.hazards.A, action, to_status: action === 'overdue' ? '' : `${action === 'verify' ? 'verified' : 'escalated'}`,
          actor: world.ids.users.regulatorZhejiang, actor_role: 'regulator', actor_org: world.ids.orgs.regulatorZhejiang,
          created: '2020-01-01 00:00:00.000Z',
        });
      }
      await api.update('policies', world.ids.policies.A, {
        uploaded_at: far, issue_date: '2099-01-01', prevention_clause: false, status: 'surrendered', period_start: '2020-01-01', period_end: '2020-12-31',
        correction_reason: '试图改动统计口径',
      });
      assert.deepEqual(await report(), start, `${who} moved a figure or a list`);
    }
  });

  test('a must-insure override moves the figures only from a regulator whose scope holds the enterprise, and its reason shows', async () => {
    const start = await report();
    const e1 = (await su.view('enterprises', world.ids.enterprises.E1)).body;
    const override = (value) => ({ data: { ...e1.data, must_insure: value, must_insure_override: { value, reason: '企业已整体停产，不再应保' } }, correction_reason: '监管调整应保口径' });
    const outside = ALL.filter((who) => !['regulatorShaoxing', 'regulatorZhejiang'].includes(who));
    for (const who of outside) {
      const api = await world.as(who);
      await api.update('enterprises', world.ids.enterprises.E1, override(!e1.must_insure));
      assert.deepEqual(await report(), start, `${who} overrode must-insure`);
    }
    const r = await (await world.as('regulatorShaoxing')).update('enterprises', world.ids.enterprises.E1, override(!e1.must_insure));
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const after = await report();
    assert.notEqual(after.total.mustInsure, start.total.mustInsure, 'the regulator in scope moved it');
    const listed = after.mustInsureOverrides.find((o) => o.enterprise === world.ids.enterprises.E1);
    assert.equal(listed?.reason, '企业已整体停产，不再应保');
    // back as it was, so the other tests see the world they expect
    const back = await su.update('enterprises', world.ids.enterprises.E1, { data: e1.data, correction_reason: '恢复' });
    assert.equal(back.status, 200, JSON.stringify(back.body));
    assert.equal((await report()).total.mustInsure, start.total.mustInsure);
  });
});

describe('proof of a service: evidence when confirmed, a reason beyond the budget', () => {
  const body = (data) => ({ definition: DEFINITION_KEYS.service_reports, version: world.versions.service_reports, data, policy: world.ids.policies.A });
  const signed = { enterprise_signer: '王主任', provider_signer: '张专家', signed_on: '2026-03-10' };
  const reportData = (overrides) => serviceReportData(world.policyNo.A, { report_no: `SR-FACTS-${++n}`, ...(overrides.status === 'confirmed' ? { confirmation: signed } : {}), ...overrides });

  test('a confirmed report without evidence is refused; with a photo it is stored', async () => {
    const insurer = await world.as('insurerA', { lang: 'en' });
    const bare = await insurer.create('service_reports', body(reportData({ status: 'confirmed', cost: 100 })));
    assert.equal(assertFieldError(bare, 'evidence', 'en').code, 'report_evidence_required');
    const form = evidenceForm({ definition: DEFINITION_KEYS.service_reports, version: world.versions.service_reports, policy: world.ids.policies.A,
      data: JSON.stringify(reportData({ status: 'confirmed', cost: 100 })) }, '签到表.png');
    const ok = await insurer.request('POST', '/api/collections/service_reports/records', form);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.evidence.length, 1);
  });

  test('9,999,999 yuan against the remaining budget needs a reason, which the ledger shows', async () => {
    const insurer = await world.as('insurerA', { lang: 'en' });
    const huge = await insurer.create('service_reports', body(reportData({ cost: 9999999 })));
    const item = assertFieldError(huge, 'data.over_budget_reason', 'en');
    assert.equal(item.code, 'over_budget_reason_required');
    assert.match(item.message_en, /9999999\.00/);
    const reason = '重大活动保障期间追加专家驻场服务，经投保单位同意';
    const ok = await insurer.create('service_reports', body(reportData({ cost: 9999999, over_budget_reason: reason })));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    const ledger = await insurer.request('GET', `/api/azx/services/ledger?policy=${world.ids.policies.A}`);
    assert.equal(ledger.status, 200, JSON.stringify(ledger.body));
    assert.equal(ledger.body.over_budget, true);
    assert.deepEqual(ledger.body.over_budget_reasons.map((x) => [x.report, x.cost, x.reason]), [[ok.body.id, 9999999, reason]]);
    const bulletin = (await (await world.as('regulatorZhejiang')).request('GET', '/api/azx/compliance/report?region=330000')).body;
    assert.deepEqual(bulletin.overBudget.map((x) => [x.report, x.cost, x.reason]), [[ok.body.id, 9999999, reason]], 'and so does the bulletin');
  });
});

// Last: it moves side A's rows to another provider and another enterprise.
describe('a correction of a policy takes its reports, hazards and events along', () => {
  test('to another provider: the new provider reads the report and hazard, the old one no longer; the enterprise\'s providers follow', async () => {
    const insurer = await world.as('insurerA');
    const r = await insurer.update('policies', world.ids.policies.A, { provider: world.ids.orgs.providerQ, correction_reason: '服务机构变更为 Q' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    const P = await world.as('providerP');
    const Q = await world.as('providerQ');
    assert.equal((await P.view('service_reports', world.ids.serviceReports.A)).status, 404);
    assert.equal((await Q.view('service_reports', world.ids.serviceReports.A)).status, 200);
    assert.equal((await Q.view('hazards', world.ids.hazards.A)).status, 200);
    const ev = await su.view('hazard_events', world.ids.hazardEvents.A);
    assert.equal(ev.body.provider, world.ids.orgs.providerQ);
    const ent = (await su.view('enterprises', world.ids.enterprises.E1)).body;
    assert.ok(ent.providers.split(' ').includes(world.ids.orgs.providerQ), ent.providers);
  });

  test('to another enterprise in another city: the region moves with it, each change is a new audit entry', async () => {
    const entriesBefore = (await su.list('audit_log', { filter: `record_id = "${world.ids.serviceReports.A}"` })).body.totalItems;
    const insurer = await world.as('insurerA');
    const data = policyData(ENTERPRISES.E2, { policy_no: world.policyNo.A, premium: 30000, prevention_budget: 6000 });
    const r = await insurer.update('policies', world.ids.policies.A, { enterprise: world.ids.enterprises.E2, data, correction_reason: '投保单位录错，改为 E2' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    for (const [collection, id] of [['service_reports', world.ids.serviceReports.A], ['hazards', world.ids.hazards.A], ['hazard_events', world.ids.hazardEvents.A]]) {
      const row = (await su.view(collection, id)).body;
      assert.equal(row.city_code, '330100', `${collection} moved to Hangzhou`);
      assert.equal(row.enterprise_org, world.ids.orgs.enterpriseE2, `${collection} belongs to E2's organization`);
    }
    const shaoxing = await world.as('regulatorShaoxing');
    const hangzhou = await world.as('regulatorHangzhou');
    assert.equal((await shaoxing.view('service_reports', world.ids.serviceReports.A)).status, 404, 'the old city no longer sees the report');
    assert.equal((await hangzhou.view('service_reports', world.ids.serviceReports.A)).status, 200);
    assert.equal((await hangzhou.view('policies', world.ids.policies.A)).status, 200);
    const entries = await su.list('audit_log', { filter: `record_id = "${world.ids.serviceReports.A}"`, sort: 'seq' });
    assert.equal(entries.body.totalItems, entriesBefore + 1, 'one new entry for the report; the earlier ones stay');
    assert.equal(entries.items.at(-1).action, 'update');
  });

  test('an enterprise corrected to another county takes its policies, reports, hazards and events along', async () => {
    const hangzhou = await world.as('regulatorHangzhou');
    const e2 = (await su.view('enterprises', world.ids.enterprises.E2)).body;
    const r = await hangzhou.update('enterprises', e2.id, { data: { ...e2.data, region_code: '330105' }, correction_reason: '注册地址更正为拱墅区' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    for (const [collection, id] of [['policies', world.ids.policies.A], ['service_reports', world.ids.serviceReports.A], ['hazards', world.ids.hazards.A], ['hazard_events', world.ids.hazardEvents.A]]) {
      assert.equal((await su.view(collection, id)).body.region_code, '330105', `${collection} follows the enterprise`);
    }
  });
});
