// The demo portal itself: each role signs in and sees the sections of its role, with no CSP
// violation and no uncaught error.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { openPortal } from './harness.mjs';

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

  it('shows an insurer the policy tabs, and keyboard arrows move between tabs', async () => {
    const page = await portal.signIn('insurer-1@azx.demo');
    const tabs = await page.$$eval('#sections-nav [role="tab"]', (t) => t.map((x) => x.id));
    assert.ok(tabs.includes('records-tab'), `tabs: ${tabs}`);
    await page.focus('#sections-nav [aria-selected="true"]');
    const first = await page.evaluate(() => document.activeElement?.id);
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => document.activeElement?.id);
    assert.notEqual(first, second);
    const visible = await page.$eval(`#${second.replace(/-tab$/, '')}`, (p) => !p.hidden);
    assert.equal(visible, true);
    await page.close();
  });

  it('lists to a city regulator only the policies of its city, by the names of its counties', async () => {
    const page = await portal.signIn('regulator-330600@azx.demo');
    await page.click('#records-tab');
    await page.waitForSelector('#policy-rows tr');
    const regions = await page.$$eval('#policy-rows tr td:nth-child(2)', (cells) => cells.map((c) => c.textContent));
    assert.ok(regions.length > 0, 'the regulator sees policies');
    const shaoxing = countyNames('330600');
    for (const r of regions) assert.ok(shaoxing.has(r ?? ''), `${r} is not a county of Shaoxing`);
    await page.close();
  });

  it('records no CSP violation and no uncaught error', () => {
    assert.deepEqual(portal.violations, []);
    assert.deepEqual(portal.errors, []);
  });
});
