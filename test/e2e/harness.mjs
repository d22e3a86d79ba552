// End-to-end harness: the demo portal (index.html) as a user meets it. Each openPortal() starts
// its own PocketBase with a small deterministic seed (the demo logins), the demo server under the
// strict Content-Security-Policy of issue 7, and /usr/bin/chromium through puppeteer-core.
// Every CSP violation and every uncaught page error is collected; a test asserts both stay empty.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/ensure.mjs';
import { backendCommand, prepareData, startServer } from '../../scripts/pocketbase.mjs';
import { startDemoServer } from '../../scripts/demo-server.mjs';
import { click, expectFocus, press, type } from './user.mjs';

export const PASSWORD = 'azx-demo-2026';

/**
 * @param {{ enterprises?: number }} [options] size of the seeded registry (300 seeds in about 2 s)
 */
export async function openPortal({ enterprises = 300 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'azx-e2e-'));
  const cleanup = [];
  try {
    await prepareData(dir);
    await backendCommand(dir, ['seed', '--seed', '42', '--enterprises', String(enterprises)]);
    const pocketbase = await startServer({ dir, rateLimits: false });
    cleanup.push(() => pocketbase.stop());
    const demo = await startDemoServer({ port: 0, pocketbaseUrl: pocketbase.url });
    cleanup.push(() => demo.stop());
    const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    cleanup.push(() => browser.close());

    /** @type {{ page: string, directive: string, blocked: string, sample: string }[]} */
    const violations = [];
    /** @type {string[]} */
    const errors = [];

    /** A page in its own browser context: its own storage, so each sign-in starts signed out. */
    async function newPage() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.exposeFunction('__azxCspViolation', (v) => violations.push(v));
      // Runs before the page's own scripts; injected by the browser, so the CSP does not block it.
      await page.evaluateOnNewDocument(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          // @ts-ignore exposed above
          window.__azxCspViolation({ page: location.href, directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
        });
      });
      page.on('pageerror', (err) => errors.push(String(err?.message ?? err)));
      page.on('console', (msg) => {
        if (msg.type() === 'error' && /Content.Security.Policy/i.test(msg.text())) {
          violations.push({ page: page.url(), directive: 'console', blocked: '', sample: msg.text() });
        }
      });
      return page;
    }

    /**
     * Opens index.html in a new page (1280×900 unless `viewport` says otherwise) and signs in
     * as a user does: the e-mail and password typed into the sign-in form, Enter pressed.
     * Resolves when the first section's heading has the focus.
     */
    async function signIn(email, page, { viewport, lang } = {}) {
      page ??= await newPage();
      if (viewport) await page.setViewport(viewport);
      await page.goto(`${demo.url}/${lang ? `?lang=${lang}` : ''}`, { waitUntil: 'domcontentloaded' });
      await page.waitForSelector('#sign-in-email');
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
      await click(page, '#sign-in-email');
      await type(page, email);
      await press(page, 'Tab');
      await type(page, PASSWORD);
      await press(page, 'Enter');
      await page.waitForSelector('#side-nav:not([hidden])', { timeout: 30_000 });
      await expectFocus(page, { tag: 'h1' }, { timeout: 30_000, step: `signed in as ${email}` });
      return page;
    }

    return {
      /** The portal's origin (http://127.0.0.1:port). */
      url: demo.url,
      /** PocketBase's origin, for direct API checks. */
      pocketbaseUrl: pocketbase.url,
      /** The data folder (for sqlite checks). */
      dir,
      browser,
      violations,
      errors,
      newPage,
      signIn,
      async close() {
        for (const stop of cleanup.reverse()) await stop().catch(() => {});
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    for (const stop of cleanup.reverse()) await stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/**
 * Goes to a section of the side navigation with the mouse (opening the menu first on a narrow
 * screen); resolves when the section is on screen and its heading has the focus.
 */
export async function openTab(page, id) {
  if (await page.$eval('#menu-button', (b) => !b.hidden)) {
    if ((await page.$eval('#menu-button', (b) => b.getAttribute('aria-expanded'))) !== 'true') await click(page, '#menu-button');
  }
  await click(page, `#${id}-link`);
  await page.waitForSelector(`#${id}:not([hidden])`);
  await expectFocus(page, `#${id}-title`, { step: `section ${id}` });
}

/** Runs fn(shadowRoot, arg) in the page against an element's shadow root. */
export async function inShadow(page, tag, fn, arg) {
  const root = await page.evaluateHandle((t) => document.querySelector(t).shadowRoot, tag);
  try {
    return await root.evaluate(fn, arg);
  } finally {
    await root.dispose();
  }
}

/**
 * In <azx-policy-entry>: searches the registry for `text` as a user does (the search box clicked,
 * the words typed, Enter), chooses the first match with the mouse and waits for its form.
 */
export async function chooseEnterprise(page, text) {
  const PE = 'azx-policy-entry >>> ';
  await click(page, `${PE}#q`);
  await type(page, text);
  await press(page, 'Enter');
  // one match is chosen by the element itself, and its list may be gone before a poll sees it
  const FORM = '[data-pointer="/policy_no"] input';
  const shown = () => page.evaluate((f) => {
    const root = document.querySelector('azx-policy-entry').shadowRoot;
    return root.querySelector('azx-form')?.shadowRoot?.querySelector(f) ? 'form' : root.querySelector('[part="results"] button') ? 'list' : '';
  }, FORM);
  await page.waitForFunction(
    (f) => {
      const root = document.querySelector('azx-policy-entry').shadowRoot;
      return root.querySelector('[part="results"] button') || root.querySelector('azx-form')?.shadowRoot?.querySelector(f);
    },
    { timeout: 15000 },
    FORM,
  );
  if ((await shown()) === 'list') {
    // the list of a single match may still be choosing itself: then its form is there anyway
    await click(page, `${PE}[part="results"] button`, { timeout: 5000 }).catch(async (err) => {
      if ((await shown()) !== 'form') throw err;
    });
  }
  await page.waitForFunction(
    () => document.querySelector('azx-policy-entry').shadowRoot.querySelector('azx-form')?.shadowRoot?.querySelector('[data-pointer="/policy_no"] input'),
    { timeout: 15000 },
  );
}
