// The demo portal's shell, as a keyboard user meets it under the strict CSP: the skip link, the
// sign-in page and its demo logins, a refused sign-in, the side navigation (a menu on a phone),
// the language switch and signing out; the focus is asserted after every step, and axe, the
// reflow and the language checks hold on each screen.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPortal } from './harness.mjs';
import { expectFocus, find, focused, press, tabTo, textOf, type, until } from './user.mjs';
import { axe, checkScreen, inViewport, languageIsClean } from './checks.mjs';

/** Names of the counties of a city, from the shipped reference data. */
function countyNames(city) {
  const { regions } = JSON.parse(readFileSync(new URL('../../schemas/reference/regions.json', import.meta.url), 'utf8'));
  return new Set(regions.filter((r) => r.parent === city).map((r) => r.name));
}

describe('demo portal (index.html) under a strict Content-Security-Policy', () => {
  /** @type {Awaited<ReturnType<typeof openPortal>>} */
  let portal;
  before(async () => {
    portal = await openPortal();
  });
  after(async () => {
    await portal?.close();
  });

  it('serves index.html with the strict policy header', async () => {
    const res = await fetch(portal.url + '/');
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /style-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline/);
  });

  it('signs in with the keyboard alone: skip link, a refused password, a demo login, the first section', async () => {
    const page = await portal.newPage();
    await page.goto(portal.url + '/', { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    await checkScreen(page, { where: 'sign-in page', allow: [/@azx\.demo/] });

    await press(page, 'Tab');
    await expectFocus(page, '#skip-link', { step: 'the first Tab reaches the skip link' });
    assert.equal(await page.$eval('#skip-link', (a) => a.getBoundingClientRect().top >= 0), true, 'the skip link shows when focused');
    await press(page, 'Enter');
    await expectFocus(page, '#main', { step: 'the skip link moves to the main content' });

    // a wrong password: the message is on screen, the field says it is invalid, the focus is on it
    await tabTo(page, '#sign-in-email');
    await type(page, 'insurer-1@azx.demo');
    await press(page, 'Tab');
    await expectFocus(page, '#sign-in-password', { step: 'Tab to the password' });
    await type(page, 'not-the-password');
    await press(page, 'Enter');
    await until(page, () => document.querySelector('#sign-in-error')?.textContent, undefined, { message: 'the refusal shows' });
    await inViewport(page, '#sign-in-error', 'a refused sign-in');
    await expectFocus(page, '#sign-in-email', { step: 'after the refusal' });
    assert.equal(await page.$eval('#sign-in-email', (i) => i.getAttribute('aria-invalid')), 'true');
    assert.match(await textOf(page, '#sign-in-error'), /登录失败/);

    // the demo logins: "use this login" fills the form and puts the focus on the sign-in button
    const stops = await tabTo(page, { name: /使用此账号：provider-1@azx\.demo/ });
    assert.ok(stops <= 12, `${stops} stops from the e-mail to the provider's login`);
    await press(page, 'Enter');
    await expectFocus(page, '#sign-in-submit', { step: 'after choosing a demo login' });
    await press(page, 'Enter');
    await page.waitForSelector('#side-nav:not([hidden])');
    await expectFocus(page, { tag: 'h1' }, { step: 'signed in', timeout: 20000 });
    const heading = await focused(page);
    assert.equal(heading.name, await page.$eval('#nav-list a[aria-current="page"]', (a) => a.textContent), 'the heading of the section the navigation marks');
    await page.close();
  });

  it('moves between sections and switches language with the keyboard; the focus lands on each new heading', async () => {
    const page = await portal.signIn('insurer-1@azx.demo');
    const links = await page.$$eval('#nav-list a', (as) => as.map((a) => a.id));
    assert.ok(links.includes('policies-link') && links.includes('policy-entry-link'), links.join());
    await tabTo(page, '#policies-link', { back: true });
    await press(page, 'Enter');
    await expectFocus(page, '#policies-title', { step: 'the policies section' });
    assert.equal(await page.$eval('#policies-link', (a) => a.getAttribute('aria-current')), 'page');
    assert.match(await page.title(), /^保单 · /);

    await tabTo(page, '#language', { back: true });
    await press(page, 'Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await expectFocus(page, '#language', { step: 'after switching to English' });
    await until(page, () => document.querySelector('#policies-title')?.textContent === 'Policies');
    await page.waitForFunction(() => document.querySelector('#policy-list')?.shadowRoot?.querySelector('tbody tr'));
    await languageIsClean(page, 'en', 'policies in English');
    await axe(page, 'policies in English');
    await press(page, 'Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await expectFocus(page, '#language', { step: 'back to Chinese' });

    // signing out: the sign-in page, its heading has the focus, the status says so once
    await tabTo(page, '#sign-out', { back: true });
    await press(page, 'Enter');
    await expectFocus(page, '#sign-in-title', { step: 'signed out' });
    assert.equal(await textOf(page, '#status'), '已退出登录。');
    await inViewport(page, '#status', 'signed out');
    await page.close();
  });

  it('on a phone the navigation is a menu: it opens with Enter, closes with Escape, and a choice lands on the heading', async () => {
    const page = await portal.signIn('regulator-330600@azx.demo', undefined, { viewport: { width: 390, height: 844, isMobile: true, hasTouch: true } });
    assert.equal(await page.$eval('#menu-button', (b) => b.getAttribute('aria-expanded')), 'false');
    assert.equal(await page.$eval('#nav-list', (l) => l.hidden), true, 'the folded menu is out of the tab order');
    await tabTo(page, '#menu-button', { back: true });
    await press(page, 'Enter');
    assert.equal(await page.$eval('#menu-button', (b) => b.getAttribute('aria-expanded')), 'true');
    await press(page, 'Escape');
    assert.equal(await page.$eval('#menu-button', (b) => b.getAttribute('aria-expanded')), 'false');
    await expectFocus(page, '#menu-button', { step: 'Escape closes the menu' });
    await press(page, 'Enter');
    await tabTo(page, '#policies-link');
    await press(page, 'Enter');
    await expectFocus(page, '#policies-title', { step: 'a section chosen from the menu' });
    assert.equal(await page.$eval('#menu-button', (b) => b.getAttribute('aria-expanded')), 'false', 'the menu folds after a choice');
    await page.waitForFunction(() => document.querySelector('#policy-list')?.shadowRoot?.querySelector('tbody tr'));
    await checkScreen(page, { where: 'phone: a city regulator\'s policies' });
    await page.close();
  });

  it('lists to a city regulator only the policies of its city, by the names of its counties', async () => {
    const page = await portal.signIn('regulator-330600@azx.demo');
    await tabTo(page, '#policies-link', { back: true });
    await press(page, 'Enter');
    await page.waitForFunction(() => document.querySelector('#policy-list')?.shadowRoot?.querySelector('tbody tr'));
    const regions = await page.$$eval('#policy-list >>> tbody tr td:nth-child(3)', (cells) =>
      cells.map((c) => c.textContent.replace(c.querySelector('.cell-label')?.textContent ?? '', '').trim()));
    assert.ok(regions.length > 0, 'the regulator sees policies');
    const shaoxing = countyNames('330600');
    for (const r of regions) assert.ok(shaoxing.has(r), `${r} is not a county of Shaoxing`);
    await find(page, '#policy-list >>> #count');
    await page.close();
  });

  it('records no CSP violation and no uncaught error', () => {
    assert.deepEqual(portal.violations, []);
    assert.deepEqual(portal.errors, []);
  });
});

