// A province the product has never served, onboarded end to end with no restart and no release
// (issue 12): the administrator writes Guangdong's pack in <azx-pack-editor> on the national 2025
// measures (a higher minimum cover, its own base rate, its source) and publishes it; creates an
// insurer and a provincial regulator through the API; the regulator registers an enterprise in
// Guangzhou; the insurer's policy under the minimum is refused in the portal and by the server
// with the new pack's message naming its source; the coverage map and the bulletin name
// Guangdong's places. Under the strict CSP, with no page error.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chooseEnterprise, inShadow, openPortal, openTab, PASSWORD } from './harness.mjs';
import { choose, click, fill, press, typeDate } from './user.mjs';
import { authWithPassword, client } from '../fixtures/http.mjs';
import { makeUscc } from '../fixtures/uscc.mjs';
import { enterpriseData, policyData } from '../fixtures/records.mjs';

const PE = 'azx-pack-editor >>> ';
const SOURCE = '粤示例〔2026〕1号';
const ENTERPRISE = enterpriseData({
  uscc: makeUscc('440106', 'MA5GD0001'), name: '广州天河示例化工有限公司', region_code: '440106',
  industry: 'hazardous_chemicals', headcount: 10, address: '广东省广州市天河区示例路 1 号',
});

/**
 * Waits for a selector inside the pack editor, polling every frame (a pierce selector's wait
 * watches the page's own DOM, so a change inside the shadow root alone would go unseen).
 */
async function inEditor(page, selector, timeout = 30000) {
  await page.waitForFunction((s) => document.querySelector('azx-pack-editor')?.shadowRoot?.querySelector(s), { timeout }, selector);
}

describe('onboarding Guangdong without a restart or a release', () => {
  /** @type {Awaited<ReturnType<typeof openPortal>>} */
  let portal;
  before(async () => {
    portal = await openPortal({ enterprises: 100 });
  });
  after(async () => {
    await portal?.close();
  });

  it('the administrator writes and publishes Guangdong’s pack in the pack editor', async () => {
    const page = await portal.signIn('admin@azx.demo');
    await openTab(page, 'pack-editor');
    await inEditor(page, `tr[data-key="cn-2025"]`, 20000);
    assert.equal(await page.$(`${PE}tr[data-key="gd"]`), null, 'no pack for Guangdong yet');

    await fill(page, `${PE}#new-jurisdiction`, '440000');
    await fill(page, `${PE}#new-key`, 'gd');
    await choose(page, `${PE}#new-extends`, '应急〔2025〕27号');
    await fill(page, `${PE}#new-title`, '广东：安全生产责任保险实施办法（示例）');
    await fill(page, `${PE}#new-title-en`, 'Guangdong: implementing rules (example)');
    await typeDate(page, `${PE}#new-from`, '2026-01-01');
    await click(page, `${PE}form.new-pack button[type="submit"]`);
    // the first reads of a fresh server wait for its coverage index to load
    await inEditor(page, `#tab-general[aria-selected="true"]`, 60000).catch(async (err) => {
      const text = await inShadow(page, 'azx-pack-editor', (root) => root.textContent.replace(/\s+/g, ' ').slice(-1500));
      throw new Error(`the new pack did not open: ${text}`, { cause: err });
    });

    await click(page, `${PE}button.add-source`);
    await inEditor(page, `#source-0-id`);
    await fill(page, `${PE}#source-0-id`, SOURCE);
    await fill(page, `${PE}#source-0-title`, '广东省安全生产责任保险实施办法（示例）');
    await fill(page, `${PE}#source-0-title_en`, 'Guangdong implementing rules (example)');

    // the tables in force, overridden here and edited as tables; arrow keys move between tabs
    await click(page, `${PE}#tab-general`);
    await press(page, 'ArrowRight');
    await inEditor(page, `#tab-tables[aria-selected="true"]`);
    await inEditor(page, `tr[data-table="min_cover_per_person"] button.override`, 15000);
    await click(page, `${PE}tr[data-table="min_cover_per_person"] button.override`);
    const cover = `${PE}fieldset[data-table="min_cover_per_person"]`;
    await inEditor(page, `fieldset[data-table="min_cover_per_person"] input[type="number"]`);
    await fill(page, `${cover} input[type="number"]`, '500000');
    await choose(page, `${cover} select[id$="-document"]`, SOURCE);
    await inEditor(page, `fieldset[data-table="min_cover_per_person"] input[id$="-article"]`);
    await fill(page, `${cover} input[id$="-article"]`, '第三条');
    await fill(page, `${cover} input[id$="-article_en"]`, 'Art. 3');
    await click(page, `${PE}tr[data-table="base_rates"] button.override`);
    const rates = `${PE}fieldset[data-table="base_rates"]`;
    await inEditor(page, `fieldset[data-table="base_rates"] table.entries`);
    await fill(page, `${rates} input[id$="-hazardous_chemicals"]`, '450');
    await choose(page, `${rates} select[id$="-document"]`, SOURCE);

    await click(page, `${PE}#tab-publish`);
    await inEditor(page, `table.diff`);
    const changes = await page.$$eval(`${PE}table.diff tbody tr`, (rows) => rows.map((r) => r.textContent.replace(/\s+/g, ' ')));
    assert.ok(changes.some((c) => c.includes('tables.min_cover_per_person') && c.includes('500000')), changes.join('\n'));
    await click(page, `${PE}button.publish`);
    await page.waitForFunction((s) => document.querySelector(s.split(' >>> ')[0])?.shadowRoot?.querySelector('tr[data-key="gd"]')?.textContent.includes('已发布'),
      { timeout: 20000 }, PE);
    const row = await page.$eval(`${PE}tr[data-key="gd"]`, (tr) => tr.textContent);
    assert.match(row, /广东省/);
    await page.close();
  });

  it('an insurer there is refused by the new pack, in the portal and by the server, naming its source', async () => {
    // the administrator's accounts for Guangdong, through the API
    const adminApi = client(portal.pocketbaseUrl, await authWithPassword(portal.pocketbaseUrl, 'users', 'admin@azx.demo', PASSWORD));
    const org = async (body) => {
      const r = await adminApi.create('organizations', body);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return r.body.id;
    };
    const insurerOrg = await org({ kind: 'insurer', name: '粤甲财产保险股份有限公司广州分公司', uscc: makeUscc('440100', 'MA5GD0002'), region_code: '440100' });
    const regulatorOrg = await org({ kind: 'regulator', name: '广东省应急管理厅', region_code: '440000' });
    const user = async (email, body) => {
      const r = await adminApi.create('users', { email, password: PASSWORD, passwordConfirm: PASSWORD, verified: true, ...body });
      assert.equal(r.status, 200, JSON.stringify(r.body));
    };
    await user('insurer-gd@azx.demo', { name: '粤甲保险 录入员', role: 'insurer', organization: insurerOrg });
    await user('regulator-440000@azx.demo', { name: '广东 监管员', role: 'regulator', organization: regulatorOrg, scope_level: 'province', region_scope: '440000' });

    // the provincial regulator registers an enterprise in Guangzhou
    const regulatorApi = client(portal.pocketbaseUrl, await authWithPassword(portal.pocketbaseUrl, 'users', 'regulator-440000@azx.demo', PASSWORD));
    const defs = await regulatorApi.list('form_definitions', { filter: 'key = "enterprise" && status = "published"', sort: '-version' });
    const ent = await regulatorApi.create('enterprises', { definition: 'enterprise', version: defs.items[0].version, data: ENTERPRISE });
    assert.equal(ent.status, 200, JSON.stringify(ent.body));

    // the portal: the policy entry rates by Guangdong's pack and refuses a cover under its minimum
    const page = await portal.signIn('insurer-gd@azx.demo');
    await openTab(page, 'policy-entry');
    await chooseEnterprise(page, '广州天河示例');
    const chosen = await page.evaluate(() => {
      const root = document.querySelector('azx-policy-entry').shadowRoot;
      return {
        packs: root.querySelector('[data-packs]')?.getAttribute('data-packs') ?? '',
        value: root.querySelector('azx-form').value,
        breakdown: root.querySelector('[part="breakdown"]')?.textContent.replace(/\s+/g, ' ') ?? '',
      };
    });
    assert.match(chosen.packs, /\bgd\b/, `Guangdong's pack applies: ${chosen.packs}`);
    assert.equal(chosen.value.cover_per_person, 500000, 'the default cover is Guangdong’s minimum');
    assert.match(chosen.breakdown, /450/, `rated at Guangdong’s own base rate: ${chosen.breakdown}`);

    const field = (pointer) => `azx-policy-entry >>> azx-form >>> [data-pointer="${pointer}"] input`;
    await fill(page, field('/policy_no'), 'E2E-GD-2026-0001');
    await fill(page, field('/cover_per_person'), '450000');
    await click(page, 'azx-policy-entry >>> azx-form .form-actions button[type="submit"]');
    await page.waitForFunction(
      () => document.querySelector('azx-policy-entry').shadowRoot.querySelector('[part="problems"] li[data-code="cover_below_minimum"]'),
      { timeout: 15000 },
    );
    const message = await page.evaluate(() =>
      document.querySelector('azx-policy-entry').shadowRoot.querySelector('[part="problems"] li[data-code="cover_below_minimum"]').textContent);
    assert.match(message, /500000/);
    assert.match(message, new RegExp(`${SOURCE} 第三条`));
    await page.close();

    // the server, whatever the browser does, refuses the same policy with the same source
    const insurerApi = client(portal.pocketbaseUrl, await authWithPassword(portal.pocketbaseUrl, 'users', 'insurer-gd@azx.demo', PASSWORD));
    const policyDefs = await insurerApi.list('form_definitions', { filter: 'key = "policy" && status = "published"', sort: '-version' });
    const data = policyData(ENTERPRISE, {
      policy_no: 'E2E-GD-2026-0003', cover_per_person: 450000, period: { start: '2026-03-01', end: '2027-02-28' },
      insured: { uscc: ENTERPRISE.uscc, name: ENTERPRISE.name, region_code: '440106' },
    });
    const refused = await insurerApi.create('policies', { definition: 'policy', version: policyDefs.items[0].version, enterprise: ent.body.id, data });
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    const err = refused.body.data['data.cover_per_person'];
    assert.equal(err?.code, 'cover_below_minimum', JSON.stringify(refused.body.data));
    assert.match(err.message_zh, new RegExp(`${SOURCE} 第三条`));
    assert.match(err.message_en, /Art\. 3/);
  });

  it('the coverage map and the bulletin name Guangdong’s places', async () => {
    const page = await portal.signIn('regulator-440000@azx.demo');
    await openTab(page, 'coverage-map');
    await page.waitForFunction(() => document.querySelector('azx-coverage-map')?.shadowRoot?.querySelectorAll('[part="tile"]').length > 0, { timeout: 20000 });
    const map = await inShadow(page, 'azx-coverage-map', (root) => ({
      text: root.textContent,
      tiles: [...root.querySelectorAll('[part="tile"]')].map((b) => `${b.dataset.code} ${b.textContent.replace(/\s+/g, ' ')}`),
    }));
    assert.ok(map.tiles.some((t) => t.startsWith('440100') && t.includes('广州市')), map.tiles.join('\n'));
    assert.match(map.text, /广东省/);
    assert.doesNotMatch(map.text, /关于44\d{4}/);
    await openTab(page, 'compliance-report');
    await page.waitForFunction(() => document.querySelector('azx-compliance-report')?.report, { timeout: 20000 });
    const title = await inShadow(page, 'azx-compliance-report', (root) => root.querySelector('h1').textContent);
    assert.equal(title, '关于广东省安全生产责任保险工作开展情况的通报');
    await page.close();
  });

  it('raised no CSP violation and no page error', () => {
    assert.deepEqual(portal.violations, []);
    assert.deepEqual(portal.errors, []);
  });
});
