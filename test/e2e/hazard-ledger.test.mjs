// The hazard closed loop in the demo portal, by keyboard alone (index.html under the strict CSP):
// the insurer opens the written notice in its dialog and notifies; the enterprise rectifies,
// first forgetting the evidence (the focus goes to the file field, which says why), then with a
// photo; the insurer verifies on the return visit. A major hazard refused, and another overdue,
// are escalated and the Shaoxing regulator sees each at once. The focus is asserted after every
// step; each screen passes axe, the reflow and the language checks; messages appear in view.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { PASSWORD, openPortal } from './harness.mjs';
import { expectFocus, find, focused, press, tabTo, textOf, type, until } from './user.mjs';
import { axe, checkScreen, inViewport } from './checks.mjs';

const L = 'azx-hazard-ledger';

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

/** The ledger from the side navigation, by keyboard: its heading has the focus, its count is in. */
async function toLedger(page) {
  await tabTo(page, '#hazard-ledger-link', { back: true, max: 80 });
  await press(page, 'Enter');
  await expectFocus(page, '#hazard-ledger-title', { step: 'the ledger section' });
  await until(page, (tag) => document.querySelector(tag)?.shadowRoot?.querySelector('.count')?.textContent.startsWith('共'), L);
}

/**
 * Searches a hazard number and opens it, by keyboard: Tab to the search, type, the skip link to
 * the first row (a handful of stops instead of every filter), Enter. Returns the stops taken.
 */
async function openByKeyboard(page, no) {
  await tabTo(page, `${L} >>> input[name="search"]`);
  await type(page, no);
  await until(page, ([tag, n]) => {
    const rows = [...document.querySelector(tag).shadowRoot.querySelectorAll('.rows button.link')];
    return rows.length === 1 && rows[0].textContent.trim() === n;
  }, [L, no], { message: `the search finds ${no}` });
  const stops = await tabTo(page, `${L} >>> button.skip`, { back: true });
  await press(page, 'Enter');
  await expectFocus(page, { name: new RegExp(`${no}$`), role: 'button' }, { step: 'the skip link lands on the row' });
  await press(page, 'Enter');
  await expectFocus(page, `${L} >>> #detail-title`, { step: `the detail of ${no}` });
  await until(page, (tag) => document.querySelector(tag).shadowRoot.querySelector('.history li, .history'), L);
  return stops;
}

/** Chooses an action, writes its note and submits, by keyboard; resolves when the status shows `expect`. */
async function actByKeyboard(page, action, note, expect, { file } = {}) {
  await tabTo(page, `${L} >>> .actions button[data-action="${action}"]`);
  await press(page, 'Enter');
  await expectFocus(page, `${L} >>> #action-note`, { step: `${action}: the form opens on its note` });
  await type(page, note);
  // a major hazard's notice names the principal and the actual controller it went to, by keyboard
  for (const code of await page.$$eval(`${L} >>> .action-form input[data-recipient]`, (inputs) => inputs.map((i) => i.dataset.recipient))) {
    await press(page, 'Tab');
    await expectFocus(page, `${L} >>> #action-recipient-${code}`, { step: `${action}: Tab to the ${code}` });
    await type(page, '王建国');
  }
  if (file) {
    await press(page, 'Tab');
    await expectFocus(page, `${L} >>> #action-evidence`, { step: `${action}: Tab to the evidence` });
    // the file chooser is the operating system's: the file goes in as a chosen one would
    await (await find(page, `${L} >>> #action-evidence`)).uploadFile(file);
  }
  await tabTo(page, `${L} >>> .action-form button[type="submit"]`);
  await press(page, 'Enter');
  await until(page, ([tag, s]) => {
    const root = document.querySelector(tag).shadowRoot;
    return !root.querySelector('.action-form') && root.querySelector('.detail-head [part~="status"]')?.textContent.trim() === s;
  }, [L, expect], { message: `${action} reaches ${expect}` });
  await expectFocus(page, `${L} >>> #detail-title`, { step: `${action}: the focus on the hazard's heading` });
  await inViewport(page, `${L} >>> .detail .message`, `${action} recorded`);
  assert.match(await textOf(page, `${L} >>> .detail .message`), /^已记录：/);
}

describe('hazard closed loop in the demo portal, by keyboard', () => {
  /** @type {Awaited<ReturnType<typeof openPortal>>} */
  let portal;
  let su;
  let own;
  let shaoxing;

  /** A hazard recorded by an insurer through the API; its number is the server's. */
  async function recordHazard(party, extra = {}) {
    const token = await login(portal.pocketbaseUrl, 'users', party.insurerEmail);
    const r = await api(portal.pocketbaseUrl, '/api/collections/hazards/records', {
      token,
      body: {
        definition: 'hazard',
        version: party.version,
        policy: party.policy.id,
        enterprise: party.policy.enterprise,
        data: {
          source: 'insurer_service', found_at: new Date(Date.now() - 3600e3).toISOString(),
          location: '二号甲类仓库', description: '储罐区静电接地线断开', category: 'unsafe_condition', is_major: false,
          recommendation: '立即恢复静电接地并定期检测', rectifier: { name: '李安全', mobile: '13900000002' },
          deadline: chinaDate(10), ...extra,
        },
      },
    });
    assert.match(r.data.hazard_no, /^YH-\d{6}-\d{4}-\d{6}$/, 'numbered by the server');
    return r.data.hazard_no;
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

  it('notice in a modal dialog, notify, rectify after a refusal for missing evidence, verify: focus after every step', async () => {
    const no = await recordHazard(own);

    const insurer = await portal.signIn(own.insurerEmail);
    await toLedger(insurer);
    const stops = await openByKeyboard(insurer, no);
    assert.ok(stops <= 3, `the skip link is ${stops} stops back from the search`);
    await checkScreen(insurer, { where: 'insurer: a hazard found' });

    // the written notice: a modal dialog with the focus inside; Escape closes it and the focus returns
    await tabTo(insurer, `${L} >>> [part~="notice-button"]`);
    await press(insurer, 'Enter');
    await until(insurer, (tag) => document.querySelector(tag).shadowRoot.querySelector('dialog.notice-sheet')?.open, L);
    const inside = await focused(insurer);
    assert.ok(inside.hosts.includes(L) && ['button'].includes(inside.tag), `the focus moved into the dialog: ${JSON.stringify(inside)}`);
    const notice = (await textOf(insurer, `${L} >>> .notice`)).replace(/\s/g, '');
    assert.match(notice, /事故隐患整改告知书/);
    assert.match(notice, new RegExp(`编号：${no}-TZ`));
    await axe(insurer, 'the notice dialog');
    await press(insurer, 'Escape');
    await until(insurer, (tag) => !document.querySelector(tag).shadowRoot.querySelector('dialog.notice-sheet'), L);
    await expectFocus(insurer, `${L} >>> [part~="notice-button"]`, { step: 'Escape closes the notice' });

    await actByKeyboard(insurer, 'notify', '已送达隐患整改告知书', '已书面告知');

    // the enterprise forgets the evidence first: the file field takes the focus and says why
    const enterprise = await portal.signIn('enterprise-1@azx.demo');
    await toLedger(enterprise);
    await openByKeyboard(enterprise, no);
    await tabTo(enterprise, `${L} >>> .actions button[data-action="rectify"]`);
    await press(enterprise, 'Enter');
    await expectFocus(enterprise, `${L} >>> #action-note`, { step: 'rectify: the note' });
    await type(enterprise, '已恢复静电接地，检测合格');
    await tabTo(enterprise, `${L} >>> .action-form button[type="submit"]`);
    await press(enterprise, 'Enter');
    await expectFocus(enterprise, `${L} >>> #action-evidence`, { step: 'a rectification without evidence' });
    const field = await find(enterprise, `${L} >>> #action-evidence`);
    assert.equal(await field.evaluate((e) => e.getAttribute('aria-invalid')), 'true');
    assert.equal(await field.evaluate((e) => e.getAttribute('aria-describedby')), 'action-evidence-error');
    assert.match(await textOf(enterprise, `${L} >>> #action-evidence-error`), /证明材料/);
    await inViewport(enterprise, `${L} >>> #action-evidence-error`, 'the missing evidence');
    await checkScreen(enterprise, { where: 'enterprise: a rectification refused for its evidence' });
    const photo = join(mkdtempSync(join(tmpdir(), 'azx-e2e-hazard-')), '整改后.png');
    writeFileSync(photo, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
    await field.uploadFile(photo);
    await tabTo(enterprise, `${L} >>> .action-form button[type="submit"]`);
    await press(enterprise, 'Enter');
    await until(enterprise, (tag) => document.querySelector(tag).shadowRoot.querySelector('.detail-head [part~="status"]')?.textContent.trim() === '已整改待复查', L);
    await expectFocus(enterprise, `${L} >>> #detail-title`, { step: 'rectified' });

    // back to the list: the focus on the hazard's row
    await tabTo(enterprise, `${L} >>> .detail-head .back`, { back: true });
    await press(enterprise, 'Enter');
    await expectFocus(enterprise, { name: new RegExp(`${no}$`), role: 'button' }, { step: 'back on the row' });

    await actByKeyboardAfterOpen(insurer, no, photo);
    await insurer.close();
    await enterprise.close();
  });

  /** The insurer, whose detail was open all along, verifies on the return visit. */
  async function actByKeyboardAfterOpen(page, no, photo) {
    await until(page, (tag) => document.querySelector(tag).shadowRoot.querySelector('.detail-head [part~="status"]')?.textContent.trim() === '已整改待复查', L, { message: 'the realtime status' });
    // verifying takes its evidence too (the return visit's photo)
    await actByKeyboard(page, 'verify', '回头看：整改到位，予以销号', '已复查销号', { file: photo });
    await until(page, (tag) => document.querySelectorAll(tag).length && document.querySelector(tag).shadowRoot.querySelectorAll('.history li').length === 3, L);
    const history = await page.$$eval(`${L} >>> .history li`, (lis) => lis.map((li) => li.dataset.action));
    assert.deepEqual(history, ['notify', 'rectify', 'verify']);
    assert.equal((await page.$$(`${L} >>> .history li[data-action="rectify"] .files button`)).length, 1, `${no}: the rectification carries its photo`);
  }

  it('a major hazard refused, and another overdue, are escalated and regulator-330600 sees each at once', async () => {
    const major = { is_major: true, major_criterion: { standard_id: 'HG2017', item: '第（十）项', title: '静电接地失效' } };
    const refused = await recordHazard(shaoxing, major);
    const overdue = await recordHazard(shaoxing, { ...major, deadline: chinaDate(0) });

    const regulator = await portal.signIn('regulator-330600@azx.demo');
    await toLedger(regulator);

    const insurer = await portal.signIn(shaoxing.insurerEmail);
    await toLedger(insurer);
    await openByKeyboard(insurer, refused);
    await actByKeyboard(insurer, 'notify', '已送达隐患整改告知书', '已书面告知');
    await actByKeyboard(insurer, 'refuse', '企业拒绝签收并拒不整改', '已上报监管');

    await until(regulator, ([tag, n]) => document.querySelector(tag).shadowRoot.querySelector('.alerts')?.textContent.includes(n), [L, refused]);
    // the deadline passes with nobody acting: the cron job's sweep (run as of two days later)
    const sweep = await api(portal.pocketbaseUrl, '/api/azx/hazards/sweep', { token: su, body: { at: new Date(Date.now() + 2 * 86400e3).toISOString() } });
    assert.ok(sweep.escalated >= 1, JSON.stringify(sweep));
    await until(regulator, ([tag, n]) => document.querySelector(tag).shadowRoot.querySelector('.alerts')?.textContent.includes(n), [L, overdue]);
    assert.equal(await regulator.$eval(`${L} >>> .alerts`, (a) => a.getAttribute('role')), 'alert');
    await inViewport(regulator, `${L} >>> .alerts`, 'the escalation alert');
    await checkScreen(regulator, { where: 'regulator: escalation alerts' });

    // the regulator opens it from the alert, by keyboard
    await tabTo(regulator, { name: new RegExp(overdue) });
    await press(regulator, 'Enter');
    await expectFocus(regulator, `${L} >>> #detail-title`, { step: 'opened from the alert' });
    await until(regulator, (tag) => document.querySelector(tag).shadowRoot.querySelector('.history li[data-action="overdue"]'), L);
    const entry = await textOf(regulator, `${L} >>> .history li[data-action="overdue"]`);
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
