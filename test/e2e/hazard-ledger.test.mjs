// The hazard closed loop in the demo portal (index.html under the strict CSP): the insurer
// records a hazard, prints the rectification notice and notifies, the enterprise rectifies with a photo, the
// insurer verifies on the return visit (回头看); a major hazard that is refused, and another that
// goes overdue, are escalated and the Shaoxing regulator (regulator-330600) sees each at once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { PASSWORD, openPortal, openTab } from './harness.mjs';

const LEDGER = 'azx-hazard-ledger';

/** Runs fn(shadowRoot, arg) in the page against the ledger's shadow root (no eval: the CSP forbids it). */
async function inLedger(page, fn, arg) {
  const root = await page.evaluateHandle((tag) => document.querySelector(tag).shadowRoot, LEDGER);
  try {
    return await root.evaluate(fn, arg);
  } finally {
    await root.dispose();
  }
}

async function api(url, path, { token, body, method } = {}) {
  const res = await fetch(url + path, {
    method: method ?? (body ? 'POST' : 'GET'),
    headers: { ...(body ? { 'Content-Type': 'application/json' } : {}), ...(token ? { Authorization: token } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const login = async (url, collection, identity) =>
  (await api(url, `/api/collections/${collection}/auth-with-password`, { body: { identity, password: PASSWORD } })).token;

const chinaDate = (days = 0) => new Date(Date.now() + 8 * 3600e3 + days * 86400e3).toISOString().slice(0, 10);

/** Opens the ledger tab, searches a hazard number and opens its detail. */
async function openHazard(page, hazardNo) {
  await openTab(page, 'hazard-ledger');
  await page.waitForFunction((tag) => document.querySelector(tag)?.shadowRoot?.querySelector('.count')?.textContent.startsWith('共'), { timeout: 20000 }, LEDGER);
  await inLedger(page, (root, no) => {
    const input = root.querySelector('[name="search"]');
    input.value = no;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, hazardNo);
  await page.waitForFunction(
    (tag, no) => [...document.querySelector(tag).shadowRoot.querySelectorAll('.rows button.link')].some((b) => b.textContent.trim() === no),
    { timeout: 20000 }, LEDGER, hazardNo,
  );
  await inLedger(page, (root, no) => [...root.querySelectorAll('.rows button.link')].find((b) => b.textContent.trim() === no).click(), hazardNo);
  await page.waitForFunction((tag) => document.querySelector(tag).shadowRoot.querySelector('.history li, .history'), { timeout: 20000 }, LEDGER);
}

/** Takes an action in the open detail: note, optional evidence file; resolves when the status badge shows `expect`. */
async function act(page, action, note, expectStatus, file) {
  await inLedger(page, (root, a) => root.querySelector(`[data-action="${a}"]`).click(), action);
  await page.waitForFunction((tag) => document.querySelector(tag).shadowRoot.querySelector('.action-form'), {}, LEDGER);
  await inLedger(page, (root, n) => (root.querySelector('.action-form textarea').value = n), note);
  if (file) {
    const input = await page.evaluateHandle((tag) => document.querySelector(tag).shadowRoot.querySelector('.action-form input[type="file"]'), LEDGER);
    await input.asElement().uploadFile(file);
  }
  await inLedger(page, (root) => root.querySelector('.action-form').requestSubmit());
  await page.waitForFunction(
    (tag, s) => {
      const root = document.querySelector(tag).shadowRoot;
      // stored (the form has closed), and the status shown is the new one
      return !root.querySelector('.action-form') && root.querySelector('.detail-head .badge')?.textContent.trim() === s;
    },
    { timeout: 20000 }, LEDGER, expectStatus,
  );
}

describe('hazard closed loop in the demo portal', () => {
  /** @type {Awaited<ReturnType<typeof openPortal>>} */
  let portal;
  let su;
  /** The enterprise login's policy and the insurer login that underwrote it. */
  let own;
  /** A Shaoxing policy and its insurer login, for the escalation. */
  let shaoxing;

  /** A hazard recorded by an insurer through the API (the service report element records them in the portal). */
  async function recordHazard(party, no, extra = {}) {
    const token = await login(portal.pocketbaseUrl, 'users', party.insurerEmail);
    return api(portal.pocketbaseUrl, '/api/collections/hazards/records', {
      token,
      body: {
        definition: 'hazard',
        version: party.version,
        policy: party.policy.id,
        enterprise: party.policy.enterprise,
        data: {
          hazard_no: no, source: 'insurer_service', found_at: new Date(Date.now() - 3600e3).toISOString(),
          location: '二号甲类仓库', description: '储罐区静电接地线断开', category: 'unsafe_condition', is_major: false,
          recommendation: '立即恢复静电接地并定期检测', rectifier: { name: '李安全', mobile: '13900000002' },
          deadline: chinaDate(10), ...extra,
        },
      },
    });
  }

  async function partyOf(filter) {
    const pol = (await api(portal.pocketbaseUrl, `/api/collections/policies/records?perPage=1&sort=-period_start&filter=${encodeURIComponent(filter)}`, { token: su })).items[0];
    assert.ok(pol, `a policy for ${filter}`);
    const users = (await api(portal.pocketbaseUrl, `/api/collections/users/records?perPage=1&filter=${encodeURIComponent(`role = "insurer" && organization = "${pol.insurer}"`)}`, { token: su })).items;
    assert.ok(users[0], `an insurer login for ${pol.insurer}`);
    const defs = (await api(portal.pocketbaseUrl, `/api/collections/form_definitions/records?sort=-version&filter=${encodeURIComponent('key = "hazard" && status = "published"')}`, { token: su })).items;
    return { policy: pol, insurerEmail: users[0].email, version: defs[0].version };
  }

  before(async () => {
    portal = await openPortal();
    su = await login(portal.pocketbaseUrl, '_superusers', 'superuser@azx.demo');
    const ent = (await api(portal.pocketbaseUrl, `/api/collections/users/records?filter=${encodeURIComponent('email = "enterprise-1@azx.demo"')}`, { token: su })).items[0];
    own = await partyOf(`enterprise_org = "${ent.organization}" && status = "active"`);
    shaoxing = await partyOf('city_code = "330600" && status = "active"');
  });
  after(async () => {
    await portal?.close();
  });

  it('insurer notifies in writing, the enterprise rectifies with a photo, the insurer verifies on the return visit', async () => {
    const no = `HZ-E2E-LOOP-${Date.now().toString(36).toUpperCase()}`;

    // the insurer records the hazard found, against the enterprise's policy
    const insurer = await portal.signIn(own.insurerEmail);
    await openTab(insurer, 'hazard-ledger');
    await insurer.waitForFunction((tag) => document.querySelector(tag)?.shadowRoot?.querySelector('.record-button'), { timeout: 20000 }, LEDGER);
    await inLedger(insurer, (root) => root.querySelector('.record-button').click());
    await insurer.waitForFunction((tag) => document.querySelector(tag).shadowRoot.querySelector('[name="record-policy-no"]'), { timeout: 20000 }, LEDGER);
    await inLedger(insurer, (root, policyNo) => {
      const input = root.querySelector('[name="record-policy-no"]');
      input.value = policyNo;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, own.policy.policy_no);
    await insurer.waitForFunction((tag) => document.querySelector(tag).shadowRoot.querySelector('azx-form')?.shadowRoot?.querySelector('[part~="submit"]'), { timeout: 20000 }, LEDGER);
    await inLedger(insurer, (root, value) => {
      const form = root.querySelector('azx-form');
      form.value = value;
    }, {
      hazard_no: no, source: 'insurer_service', found_at: new Date(Date.now() - 3600e3).toISOString().replace(/\.\d+Z$/, 'Z'),
      location: '二号甲类仓库', description: '储罐区静电接地线断开', category: 'unsafe_condition', is_major: false,
      recommendation: '立即恢复静电接地并定期检测', rectifier: { name: '李安全', mobile: '13900000002' }, deadline: chinaDate(10),
    });
    await inLedger(insurer, (root) => root.querySelector('azx-form').shadowRoot.querySelector('[part~="submit"]').click());
    await insurer.waitForFunction((tag, n) => document.querySelector(tag).shadowRoot.querySelector('#detail-title')?.textContent.trim() === n, { timeout: 20000 }, LEDGER, no);
    await insurer.waitForFunction((tag) => document.querySelector(tag).shadowRoot.querySelector('.detail-head .badge')?.textContent.trim() === '已发现', { timeout: 20000 }, LEDGER);
    await inLedger(insurer, (root) => root.querySelector('.detail-head button:last-of-type').click());
    await insurer.waitForFunction((tag) => document.querySelector(tag).shadowRoot.querySelector('.notice'), {}, LEDGER);
    const notice = await inLedger(insurer, (root) => root.querySelector('.notice').textContent.replace(/\s+/g, ''));
    assert.match(notice, /事故隐患整改告知书/);
    assert.match(notice, new RegExp(`编号：${no}-TZ`));
    assert.match(notice, /二号甲类仓库/);
    assert.match(notice, new RegExp(`${chinaDate(10).slice(0, 4)}年`));
    await act(insurer, 'notify', '已送达隐患整改告知书', '已书面告知');

    const enterprise = await portal.signIn('enterprise-1@azx.demo');
    await openHazard(enterprise, no);
    const buttons = await inLedger(enterprise, (root) => [...root.querySelectorAll('.actions button')].map((b) => b.dataset.action));
    assert.deepEqual(buttons, ['rectify', 'note'], 'the enterprise may only rectify (or add a note)');
    const photo = join(mkdtempSync(join(tmpdir(), 'azx-e2e-hazard-')), '整改后.png');
    writeFileSync(photo, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
    await act(enterprise, 'rectify', '已恢复静电接地，检测合格', '已整改待复查', photo);

    await insurer.reload();
    await insurer.waitForSelector('#sections-nav [role="tab"][aria-selected="true"]');
    await openHazard(insurer, no);
    await act(insurer, 'verify', '回头看：整改到位，予以销号', '已复查销号', photo);
    await insurer.waitForFunction((tag) => document.querySelector(tag).shadowRoot.querySelectorAll('.history li').length === 3, { timeout: 20000 }, LEDGER);
    const history = await inLedger(insurer, (root) => [...root.querySelectorAll('.history li')].map((li) => li.dataset.action));
    assert.deepEqual(history, ['notify', 'rectify', 'verify']);
    const evidence = await inLedger(insurer, (root) => root.querySelectorAll('.history li[data-action="rectify"] .files button').length);
    assert.equal(evidence, 1, 'the rectification carries its photo');
    await insurer.close();
    await enterprise.close();
  });

  it('a major hazard refused, and another overdue, are escalated and regulator-330600 sees each at once', async () => {
    const stamp = Date.now().toString(36).toUpperCase();
    const major = { is_major: true, major_criterion: { standard_id: 'HG2017', item: '第（十）项', title: '静电接地失效' } };
    const refused = `HZ-E2E-REFUSED-${stamp}`;
    const overdue = `HZ-E2E-OVERDUE-${stamp}`;
    await recordHazard(shaoxing, refused, major);
    await recordHazard(shaoxing, overdue, { ...major, deadline: chinaDate(0) });

    const regulator = await portal.signIn('regulator-330600@azx.demo');
    await openTab(regulator, 'hazard-ledger');
    await regulator.waitForFunction((tag) => document.querySelector(tag)?.shadowRoot?.querySelector('.count')?.textContent.startsWith('共'), { timeout: 20000 }, LEDGER);

    const insurer = await portal.signIn(shaoxing.insurerEmail);
    await openHazard(insurer, refused);
    await act(insurer, 'notify', '已送达隐患整改告知书', '已书面告知');
    await act(insurer, 'refuse', '企业拒绝签收并拒不整改', '已上报监管');

    await regulator.waitForFunction(
      (tag, no) => document.querySelector(tag).shadowRoot.querySelector('.alerts')?.textContent.includes(no),
      { timeout: 20000 }, LEDGER, refused,
    );

    // the deadline passes with nobody acting: the cron job's sweep (run as of two days later)
    const sweep = await api(portal.pocketbaseUrl, '/api/azx/hazards/sweep', { token: su, body: { at: new Date(Date.now() + 2 * 86400e3).toISOString() } });
    assert.ok(sweep.escalated >= 1, JSON.stringify(sweep));
    await regulator.waitForFunction(
      (tag, no) => document.querySelector(tag).shadowRoot.querySelector('.alerts')?.textContent.includes(no),
      { timeout: 20000 }, LEDGER, overdue,
    );
    const alert = await inLedger(regulator, (root) => root.querySelector('.alerts').getAttribute('role'));
    assert.equal(alert, 'alert');

    // the regulator opens it from the alert: escalated by the system, history kept
    await inLedger(regulator, (root, no) => [...root.querySelectorAll('.alerts button.link')].find((b) => b.textContent.includes(no)).click(), overdue);
    await regulator.waitForFunction((tag) => document.querySelector(tag).shadowRoot.querySelector('.history li[data-action="overdue"]'), { timeout: 20000 }, LEDGER);
    const entry = await inLedger(regulator, (root) => root.querySelector('.history li[data-action="overdue"]').textContent.replace(/\s+/g, ' '));
    assert.match(entry, /已发现 → 已上报监管/);
    assert.match(entry, /系统/);
    await regulator.close();
    await insurer.close();
  });

  it('records no CSP violation and no uncaught error', () => {
    assert.deepEqual(portal.violations, []);
    assert.deepEqual(portal.errors, []);
  });
});
