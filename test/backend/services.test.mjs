// Prevention services on the server (internal/services): hazards entered in a service report
// become hazard records in the report's transaction, the regulator's white and black lists of
// providers refuse reports, the policy number must be the policy's, and the prevention ledger
// of a policy (GET /api/azx/services/ledger) sums delivered cost against the budget for those
// who may see the policy.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { serverBinary } from '../../scripts/pocketbase.mjs';
import { startTestServer } from '../fixtures/server.mjs';
import { createWorld } from '../fixtures/world.mjs';
import { REGIONS, serviceReportData } from '../fixtures/records.mjs';
import { assertFieldError, total } from './helpers.mjs';

let server;
/** @type {import('../fixtures/world.mjs').World} */
let world;

before(async () => {
  server = await startTestServer({ keep: true });
  world = await createWorld(server.url);
});
let stopped = false;
after(async () => {
  if (!stopped) await server?.stop();
  if (server) rmSync(server.dir, { recursive: true, force: true });
});

const hazardItem = (overrides = {}) => ({
  location: '二号车间动火作业点',
  description: '动火作业未办理作业票，现场无监护人',
  category: 'management',
  is_major: false,
  recommendation: '立即停止作业，办理动火作业票并落实专人监护',
  rectifier: { name: '李安全', mobile: '13900000002' },
  deadline: '2026-04-10',
  ...overrides,
});

let seq = 0;
/**
 * A service report body on policy A (insurer A, provider P, enterprise E1); 100 yuan by default, so
 * the file's many reports stay within the policy's budget (beyond it the server asks for a reason).
 */
function reportA(overrides = {}) {
  seq += 1;
  return {
    definition: 'service-report',
    version: world.versions.service_reports,
    policy: world.ids.policies.A,
    data: serviceReportData(world.policyNo.A, { report_no: `SR-SVC-${String(seq).padStart(4, '0')}`, cost: 100, ...overrides }),
  };
}

const ledger = async (userKey, policy) =>
  (await world.as(userKey)).request('GET', `/api/azx/services/ledger${policy === undefined ? '' : `?policy=${policy}`}`);

describe('hazards found in a service report', () => {
  test('become hazard records linked to the report, in status found, with their own audit entries', async () => {
    const insurer = await world.as('insurerA');
    const major = hazardItem({
      location: '储罐区',
      description: '液化烃储罐未设置紧急切断装置',
      category: 'unsafe_condition',
      is_major: true,
      major_criterion: { standard_id: 'HG2017', item: '第十条', title: '液化烃储罐未按标准设置紧急切断装置' },
    });
    const body = reportA({
      service_types: ['03'],
      campaign_items: ['hot_work'],
      hours: 6,
      hazards: [hazardItem(), major],
      hazards_found: 1,
      major_hazards_found: 1,
    });
    const r = await insurer.create('service_reports', body);
    assert.equal(r.status, 200, JSON.stringify(r.body));

    const found = await world.superuser.list('hazards', { filter: `service_report = "${r.body.id}"`, sort: 'created' });
    assert.equal(found.items.length, 2);
    // numbers are the server's, one sequence per county and year: not the report's number typed by the client
    const region = found.items[0].region_code;
    assert.match(r.body.data.report_no, new RegExp(`^FW-${region}-2026-\\d{6}$`), r.body.data.report_no);
    assert.notEqual(r.body.data.report_no, body.data.report_no);
    const numbers = found.items.map((h) => h.data.hazard_no);
    for (const no of numbers) assert.match(no, new RegExp(`^YH-${region}-2026-\\d{6}$`));
    assert.equal(new Set(numbers).size, 2, `two numbers: ${numbers}`);
    for (const h of found.items) {
      assert.equal(h.status, 'found');
      assert.equal(h.policy, world.ids.policies.A);
      assert.equal(h.enterprise, world.ids.enterprises.E1);
      assert.equal(h.insurer, world.ids.orgs.insurerA);
      assert.equal(h.provider, world.ids.orgs.providerP);
      assert.equal(h.data.source, 'insurer_service');
      assert.match(h.data.found_at, /^2026-03-10T/);
    }
    assert.equal(found.items.filter((h) => h.is_major).length, 1);

    // the enterprise sees the hazards of its own report in its ledger
    const e1 = await world.as('enterpriseE1');
    assert.equal((await e1.list('hazards', { filter: `service_report = "${r.body.id}"` })).items.length, 2);

    const ids = [r.body.id, ...found.items.map((h) => h.id)];
    const entries = await world.superuser.list('audit_log', { filter: ids.map((id) => `record_id = "${id}"`).join(' || ') });
    assert.deepEqual(new Set(entries.items.map((a) => a.record_id)), new Set(ids), 'the report and each hazard are in the audit chain');
    assert.ok(entries.items.every((a) => a.actor === world.ids.users.insurerA), 'written for the insurer who submitted');
  });

  test('an invalid hazard refuses the whole report at the hazard field, in both languages, and stores nothing', async () => {
    const provider = await world.as('providerP', { lang: 'en' });
    const hazardsBefore = await total(world.superuser, 'hazards');
    const reportsBefore = await total(world.superuser, 'service_reports');
    const body = reportA({
      hours: 2,
      hazards: [hazardItem(), hazardItem({ rectifier: { name: '王', mobile: '12345' }, deadline: undefined })],
      hazards_found: 2,
    });
    const r = await provider.create('service_reports', body);
    assertFieldError(r, 'data.hazards.1.rectifier.mobile', 'en');
    assertFieldError(r, 'data.hazards.1.deadline', 'en');
    assert.equal(await total(world.superuser, 'hazards'), hazardsBefore);
    assert.equal(await total(world.superuser, 'service_reports'), reportsBefore);
  });

  test('listed hazards must be counted: fewer found than listed is refused', async () => {
    const insurer = await world.as('insurerA');
    const r = await insurer.create('service_reports', reportA({ hazards: [hazardItem()], hazards_found: 0 }));
    assertFieldError(r, 'data.hazards_found');
  });

  test('a planned service lists no hazards; delivering it later records them, and recorded ones cannot change', async () => {
    const insurer = await world.as('insurerA');
    const planned = await insurer.create('service_reports', reportA({ status: 'planned', cost: 800 }));
    assert.equal(planned.status, 200, JSON.stringify(planned.body));

    const hidden = await insurer.create('service_reports', reportA({ status: 'planned', hazards: [hazardItem()], hazards_found: 1 }));
    assertFieldError(hidden, 'data.hazards');

    const delivered = { ...planned.body.data, status: 'delivered', hours: 3, cost: 900, hazards: [hazardItem()], hazards_found: 1 };
    const r = await insurer.update('service_reports', planned.body.id, { data: delivered, correction_reason: '服务已实施，登记实际情况' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal((await world.superuser.list('hazards', { filter: `service_report = "${planned.body.id}"` })).items.length, 1);

    const changed = { ...delivered, hazards: [hazardItem({ description: '改写已登记的隐患描述' })] };
    const refused = await insurer.update('service_reports', planned.body.id, { data: changed, correction_reason: '改写' });
    assertFieldError(refused, 'data.hazards.0');

    const more = { ...delivered, hazards: [hazardItem(), hazardItem({ location: '仓库' })], hazards_found: 2 };
    const added = await insurer.update('service_reports', planned.body.id, { data: more, correction_reason: '补登一条隐患' });
    assert.equal(added.status, 200, JSON.stringify(added.body));
    assert.equal((await world.superuser.list('hazards', { filter: `service_report = "${planned.body.id}"` })).items.length, 2);
  });

  test("the policy number in the report must be the selected policy's", async () => {
    const insurer = await world.as('insurerA');
    const r = await insurer.create('service_reports', reportA({ policy_no: world.policyNo.B }));
    const item = assertFieldError(r, 'data.policy_no');
    assert.equal(item.code, 'policy_mismatch');
  });
});

describe('white and black lists of providers', () => {
  const listing = (provider, list, region_code, extra = {}) => ({ provider, list, region_code, reason: '测试名单', ...extra });

  test('only a regulator of the region or an administrator keeps them; everyone signed in reads them', async () => {
    const { orgs } = world.ids;
    const hangzhou = await world.as('regulatorHangzhou', { lang: 'en' });
    const outside = await hangzhou.create('provider_listings', listing(orgs.providerP, 'black', REGIONS.yuecheng));
    assert.equal(assertFieldError(outside, 'region_code', 'en').code, 'out_of_scope');

    for (const who of ['insurerA', 'providerP', 'enterpriseE1']) {
      const r = await (await world.as(who)).create('provider_listings', listing(orgs.providerP, 'white', REGIONS.yuecheng));
      assert.notEqual(r.status, 200, `${who} cannot list providers`);
    }
    const notProvider = await (await world.as('regulatorShaoxing')).create('provider_listings', listing(orgs.insurerB, 'black', REGIONS.shaoxing));
    assert.equal(assertFieldError(notProvider, 'provider').code, 'organization_kind');

    const admin = await world.as('admin');
    const made = await admin.create('provider_listings', listing(orgs.providerQ, 'black', REGIONS.hangzhou));
    assert.equal(made.status, 200, JSON.stringify(made.body));
    assert.equal(made.body.city_code, REGIONS.hangzhou);
    assert.equal((await (await world.as('insurerA')).list('provider_listings')).items.length, 1, 'an insurer reads the lists');
    assert.equal((await world.api().list('provider_listings')).items.length, 0, 'anonymous reads nothing');

    // a regulator cannot move a listing out of its region
    const moved = await hangzhou.update('provider_listings', made.body.id, { region_code: REGIONS.yuecheng });
    assert.notEqual(moved.status, 200);
    assert.equal((await admin.remove('provider_listings', made.body.id)).status, 204);
  });

  test('a black-listed provider is refused; so is one missing from a white list kept in the region', async () => {
    const { orgs } = world.ids;
    const shaoxing = await world.as('regulatorShaoxing');
    const zhejiang = await world.as('regulatorZhejiang');
    const insurer = await world.as('insurerA', { lang: 'en' });

    const black = await shaoxing.create('provider_listings', listing(orgs.providerP, 'black', REGIONS.shaoxing, { document: '绍应急〔2026〕1号' }));
    assert.equal(black.status, 200, JSON.stringify(black.body));
    const refused = await insurer.create('service_reports', reportA());
    assert.equal(assertFieldError(refused, 'provider', 'en').code, 'provider_blacklisted');
    assert.equal((await ledger('insurerA', world.ids.policies.A)).body.provider_standing, 'blacklisted');
    assert.equal((await shaoxing.remove('provider_listings', black.body.id)).status, 204);

    // the province keeps a white list that names only provider Q
    const white = await zhejiang.create('provider_listings', listing(orgs.providerQ, 'white', REGIONS.zhejiang));
    assert.equal(white.status, 200, JSON.stringify(white.body));
    const notListed = await insurer.create('service_reports', reportA());
    assert.equal(assertFieldError(notListed, 'provider', 'en').code, 'provider_not_whitelisted');
    assert.equal((await ledger('providerP', world.ids.policies.A)).body.provider_standing, 'not_whitelisted');

    // the county lists provider P too: accepted
    const county = await shaoxing.create('provider_listings', listing(orgs.providerP, 'white', REGIONS.yuecheng));
    assert.equal(county.status, 200, JSON.stringify(county.body));
    const accepted = await insurer.create('service_reports', reportA());
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal((await ledger('insurerA', world.ids.policies.A)).body.provider_standing, 'allowed');

    for (const [who, id] of [[zhejiang, white.body.id], [shaoxing, county.body.id]]) {
      assert.equal((await who.remove('provider_listings', id)).status, 204);
    }
  });
});

describe('the prevention ledger of a policy', () => {
  test('sums delivered cost against the budget, and planned apart', async () => {
    const { policies } = world.ids;
    const reports = await world.superuser.list('service_reports', { filter: `policy = "${policies.A}"` });
    const want = { spent: 0, planned: 0 };
    for (const r of reports.items) want[r.status === 'planned' ? 'planned' : 'spent'] += r.cost;

    const r = await ledger('insurerA', policies.A);
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.budget, 4000);
    assert.equal(r.body.spent, Math.round(want.spent * 100) / 100);
    assert.equal(r.body.planned, Math.round(want.planned * 100) / 100);
    assert.equal(r.body.remaining, Math.round((4000 - want.spent) * 100) / 100);
    assert.equal(r.body.over_budget, want.spent > 4000);
    assert.ok(r.body.delivered_types.includes('01'));
    assert.ok(r.body.hazards >= 1);

    // a new delivered service moves the spent sum by its cost
    const insurer = await world.as('insurerA');
    const added = await insurer.create('service_reports', reportA({ cost: 1234.56 }));
    assert.equal(added.status, 200, JSON.stringify(added.body));
    const after = await ledger('providerP', policies.A);
    assert.equal(after.body.spent, Math.round((want.spent + 1234.56) * 100) / 100);
  });

  test('is for those who may see the policy', async () => {
    const { policies } = world.ids;
    for (const who of ['insurerA', 'providerP', 'enterpriseE1', 'regulatorShaoxing', 'regulatorZhejiang']) {
      assert.equal((await ledger(who, policies.A)).status, 200, `${who} sees the ledger of policy A`);
    }
    for (const who of ['insurerB', 'providerQ', 'enterpriseE2', 'regulatorHangzhou']) {
      assert.equal((await ledger(who, policies.A)).status, 404, `${who} does not see the ledger of policy A`);
    }
    const anonymous = await world.api().request('GET', `/api/azx/services/ledger?policy=${policies.A}`);
    assert.equal(anonymous.status, 401);
    assertFieldError(await ledger('insurerA'), 'policy');
  });
});

describe('the audit chain', () => {
  test('covers the reports, the hazards made from them, the lists and their deletions: audit verify passes', async () => {
    await server.stop(); // the folder stays (keep)
    stopped = true;
    const { code, out } = await new Promise((resolve) => {
      execFile(serverBinary, ['audit', 'verify', '--dir', server.dir], { timeout: 60_000 }, (err, stdout, stderr) => {
        resolve({ code: err ? (err.code ?? 1) : 0, out: `${stdout}\n${stderr}` });
      });
    });
    assert.equal(code, 0, out);
  });
});
