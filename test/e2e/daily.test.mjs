// A day in the life of each role (issue 19's "done means"), in the demo portal under the strict
// CSP, at a desktop's 1280×800 and a phone's 360×740: the insurer, the provider, the enterprise,
// the city and the province regulator and the administrator sign in, visit every section their
// role has and do the day's main task there, by mouse and keyboard only (user.mjs). After every
// step: the focus is somewhere (never <body>), the page does not scroll sideways, no raw code and
// no English shows in zh (no Chinese in en, apart from names), axe finds nothing, a screenshot
// goes to .tmp/screenshots/e2e/ for review, and each message is inside the viewport as it appears.
// The roles run side by side, each in its own browser context, against one PocketBase.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPortal, openTab } from './harness.mjs';
import { click, expectFocus, expectFocusNotLost, fill, find, press, tabTo, type, until } from './user.mjs';
import { checkScreen, inViewport } from './checks.mjs';

const SIZES = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 360, height: 740, isMobile: true, hasTouch: true },
};

/** Login e-mails show on screen as they are. */
const ALLOW = [/@azx\.demo/];

/**
 * When a section's content has arrived, by its element: in the page, true once its list, form or
 * figures are on screen (not a loading line).
 */
const READY = {
  'policy-entry': () => document.querySelector('#policy-entry-element')?.shadowRoot?.querySelector('#q'),
  // the count, or that nothing matches (the administrator sees no business records)
  policies: () => /\d|没有|No records/.test(document.querySelector('#policy-list')?.shadowRoot?.querySelector('#count')?.textContent ?? ''),
  services: () => /\d|没有|No records/.test(document.querySelector('#service-list')?.shadowRoot?.querySelector('#count')?.textContent ?? ''),
  'industry-policy': () => document.querySelector('#industry-policy-list')?.shadowRoot?.querySelector('#count')?.textContent,
  'service-report': () => {
    const root = document.querySelector('#service-report-element')?.shadowRoot;
    return root?.querySelector('[part~="ledger"], [part="picker"]') || /没有|No /.test(root?.textContent ?? '');
  },
  'hazard-ledger': () => /^(共|\d)/.test(document.querySelector('#hazard-ledger-element')?.shadowRoot?.querySelector('.count')?.textContent.trim() ?? ''),
  'coverage-map': () => document.querySelector('#coverage-map-element')?.shadowRoot?.querySelector('[part="tile"], [part="table"]'),
  'compliance-report': () => {
    const root = document.querySelector('#compliance-report azx-compliance-report')?.shadowRoot;
    return root && !/正在加载|Loading/.test(root.textContent) && root.querySelector('table, [part="error"]');
  },
  'schema-editor': () => document.querySelector('#schema-editor azx-schema-editor')?.shadowRoot?.querySelector('li, button'),
  'pack-editor': () => document.querySelector('#pack-editor azx-pack-editor')?.shadowRoot?.querySelector('li, table, button'),
};

/**
 * One step of the day done: nothing left loading in the section, then every check of the screen
 * (focus, reflow, words, axe, the screenshot).
 */
async function settled(page, run, step, { locale = 'zh' } = {}) {
  const where = `${run.name}: ${step}`;
  await until(page, () => !document.querySelector('main')?.getAttribute('aria-busy'), undefined, { message: `${where}: loaded` });
  await expectFocusNotLost(page, where);
  await checkScreen(page, { where, locale, allow: ALLOW });
  run.steps += 1;
}

/** Goes to a section by the side navigation (the menu on a phone) and waits for its content. */
async function visit(page, run, id) {
  await openTab(page, id);
  const ready = READY[id];
  if (ready) await until(page, ready, undefined, { message: `${run.name}: ${id} shows its content`, timeout: 30_000 });
  await settled(page, run, id);
}

/** Takes the next print of the page over (no dialog), keeping the isolated document's HTML. */
async function catchPrint(page) {
  await page.evaluate(() => {
    document.addEventListener('azx-print', (e) => {
      // @ts-ignore kept for the test
      window.__azxPrinted = e.detail.html();
      e.preventDefault();
    }, { once: true, capture: true });
  });
  return async () => {
    // @ts-ignore kept above
    const html = await until(page, () => window.__azxPrinted);
    await page.evaluate(() => {
      // @ts-ignore kept above
      delete window.__azxPrinted;
    });
    return String(html).replace(/<!--[^>]*-->/g, '');
  };
}

/** In a record list: opens the first record with the mouse; its detail's heading takes the focus. */
async function openFirstRecord(page, run, list) {
  await click(page, `${list} >>> tbody tr button.open`);
  await expectFocus(page, `${list} >>> #detail-title`, { step: `${run.name}: a record opened` });
  await settled(page, run, `${list} record`);
}

// ── each role's day ───────────────────────────────────────────────────────────────────────

const PE = '#policy-entry-element >>> ';

const DAYS = {
  /** Enters a policy (the saved message beside the button, in view), prints it, reads the lists. */
  async insurer(page, run) {
    await visit(page, run, 'policy-entry');
    await click(page, `${PE}#q`);
    await type(page, '有限公司');
    await press(page, 'Enter');
    await find(page, `${PE}[part="results"] button`, { visible: true });
    await settled(page, run, 'enterprises found');
    await tabTo(page, `${PE}[part="results"] button`, { max: 5 });
    await press(page, 'Enter');
    await expectFocus(page, `${PE}#enterprise-title`, { step: `${run.name}: the enterprise chosen` });
    await settled(page, run, 'enterprise chosen');
    await fill(page, `${PE}azx-form >>> [data-pointer="/policy_no"] input`, `DAY-${run.size.toUpperCase()}-2026-0001`);
    await click(page, `${PE}.form-actions button[type="submit"]`);
    await find(page, `${PE}.saved`, { visible: true });
    await inViewport(page, `${PE}.saved`, `${run.name}: the policy saved`);
    await expectFocus(page, `${PE}.form-actions button[type="submit"]`, { step: `${run.name}: saved` });
    await settled(page, run, 'policy saved');
    const printed = await catchPrint(page);
    await click(page, `${PE}.saved [part~="print"]`);
    const html = await printed();
    assert.match(html, /<h1[^>]*>安全生产责任保险保单<\/h1>/);
    assert.ok(html.includes(`DAY-${run.size.toUpperCase()}-2026-0001`), 'the printed policy is the one saved');
    await expectFocusNotLost(page, `${run.name}: printed`);
    await visit(page, run, 'policies');
    await openFirstRecord(page, run, '#policy-list');
    await visit(page, run, 'industry-policy');
    await visit(page, run, 'service-report');
    await visit(page, run, 'services');
    await visit(page, run, 'hazard-ledger');
  },

  /**
   * Presses 提交 on an empty service report: the focus goes to the first missing field (the first
   * box of a group), its error in view; the form's summary lists what else is missing.
   */
  async provider(page, run) {
    await visit(page, run, 'service-report');
    const SR = '#service-report-element >>> ';
    await click(page, `${SR}[part="submit"]`);
    const at = await until(page, () => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a?.closest('[aria-invalid="true"]') && a.closest('[data-pointer]')?.dataset.pointer;
    }, undefined, { message: `${run.name}: the focus on the first missing field` });
    await inViewport(page, `${SR}azx-form >>> [data-pointer="${at}"] [part="error"]`, `${run.name}: the error at ${at}`);
    await find(page, `${SR}azx-form >>> [part="summary"]`, { visible: true });
    await settled(page, run, 'service refused by the form');
    await visit(page, run, 'services');
    await visit(page, run, 'policies');
    await visit(page, run, 'hazard-ledger');
  },

  /** Reads its policy, its services and its hazards; opens a hazard. */
  async enterprise(page, run) {
    await visit(page, run, 'policies');
    await openFirstRecord(page, run, '#policy-list');
    await visit(page, run, 'services');
    await visit(page, run, 'hazard-ledger');
    const HL = '#hazard-ledger-element >>> ';
    const rows = await page.$$(`${HL}.rows button.link`);
    if (rows.length) {
      await click(page, rows[0]);
      await expectFocus(page, `${HL}#detail-title`, { step: `${run.name}: a hazard opened` });
      await settled(page, run, 'hazard opened');
    }
  },

  /** The city's coverage, a county's records behind a figure, the bulletin, the lists. */
  async cityRegulator(page, run) {
    await visit(page, run, 'coverage-map');
    const MAP = '#coverage-map-element >>> ';
    await tabTo(page, `${MAP}[part="tile"][tabindex="0"]`, { max: 20 });
    // Enter on a county goes down to it, Enter on it again lists its records
    const depth = () => document.querySelector('#coverage-map-element').shadowRoot.querySelectorAll('[part="path"] li').length;
    const before = await page.evaluate(depth);
    await press(page, 'Enter');
    await until(page, (n) => document.querySelector('#coverage-map-element').shadowRoot.querySelectorAll('[part="path"] li').length > n, before, { message: `${run.name}: down to a county` });
    await expectFocus(page, `${MAP}[part="tile"][tabindex="0"]`, { step: `${run.name}: a county` });
    await settled(page, run, 'county');
    await press(page, 'Enter');
    await find(page, `${MAP}[part="records"]`, { visible: true });
    await expectFocus(page, `${MAP}#records-title`, { step: `${run.name}: the records behind a figure` });
    await inViewport(page, `${MAP}#records-title`, `${run.name}: the records' heading`);
    await settled(page, run, 'records behind a figure');
    await visit(page, run, 'compliance-report');
    await visit(page, run, 'policies');
    await visit(page, run, 'services');
    await visit(page, run, 'hazard-ledger');
  },

  /** The province's figures as a table, printed alone; the bulletin; the lists. */
  async provinceRegulator(page, run) {
    await visit(page, run, 'coverage-map');
    const MAP = '#coverage-map-element >>> ';
    const table = (await page.$$(`${MAP}[part="toolbar"] button`)).length
      ? await page.evaluateHandle(() => [...document.querySelector('#coverage-map-element').shadowRoot.querySelectorAll('[part="toolbar"] button')].find((b) => /表格|Table/.test(b.textContent)))
      : null;
    assert.ok(table?.asElement(), 'the table view button');
    await click(page, table.asElement());
    await find(page, `${MAP}[part="table"]`, { visible: true });
    await settled(page, run, 'coverage table');
    const printed = await catchPrint(page);
    const print = await page.evaluateHandle(() => [...document.querySelector('#coverage-map-element').shadowRoot.querySelectorAll('[part="toolbar"] button')].find((b) => b.textContent.trim() === '打印'));
    await click(page, print.asElement());
    const html = await printed();
    assert.match(html, /<h1[^>]*>浙江省安全生产责任保险参保情况<\/h1>/);
    await expectFocusNotLost(page, `${run.name}: printed`);
    await visit(page, run, 'compliance-report');
    await visit(page, run, 'policies');
    await visit(page, run, 'hazard-ledger');
  },

  /** The definitions, the rule packs, the lists. */
  async admin(page, run) {
    await visit(page, run, 'schema-editor');
    await visit(page, run, 'pack-editor');
    await visit(page, run, 'policies');
    await visit(page, run, 'hazard-ledger');
  },
};

const ROLES = [
  ['insurer', 'insurer-1@azx.demo', DAYS.insurer],
  ['provider', 'provider-1@azx.demo', DAYS.provider],
  ['enterprise', 'enterprise-1@azx.demo', DAYS.enterprise],
  ['city regulator', 'regulator-330600@azx.demo', DAYS.cityRegulator],
  ['province regulator', 'regulator-zj@azx.demo', DAYS.provinceRegulator],
  ['admin', 'admin@azx.demo', DAYS.admin],
];

describe('a day in the life of each role, at desktop and phone sizes', () => {
  /** @type {Awaited<ReturnType<typeof openPortal>>} */
  let portal;
  const started = Date.now();
  const timings = [];
  before(async () => {
    portal = await openPortal();
  });
  after(async () => {
    await portal?.close();
    console.log(`day in the life: ${timings.length} runs in ${((Date.now() - started) / 1000).toFixed(1)} s (${timings.map((t) => `${t.name} ${t.steps} steps ${t.s} s`).join('; ')})`);
  });

  // three roles at a time, each in its own browser context (its own sign-in)
  describe('the roles, side by side', { concurrency: 3 }, () => {
    for (const size of Object.keys(SIZES)) {
      for (const [role, email, day] of ROLES) {
        it(`${role} at ${size} size`, async () => {
          const run = { name: `${role} (${size})`, size, steps: 0 };
          const t0 = Date.now();
          const page = await portal.newPage();
          try {
            await portal.signIn(email, page, { viewport: SIZES[size] });
            await settled(page, run, 'signed in');
            await day(page, run);
            if (size === 'desktop') {
              // the same screen in English: the switch keeps the focus, nothing Chinese but names
              await tabTo(page, '#language', { back: true, max: 150 });
              await press(page, 'Enter');
              await page.waitForFunction(() => document.documentElement.lang === 'en');
              await expectFocus(page, '#language', { step: `${run.name}: switched to English` });
              await settled(page, run, 'in English', { locale: 'en' });
            }
          } finally {
            timings.push({ name: run.name, steps: run.steps, s: ((Date.now() - t0) / 1000).toFixed(1) });
            await page.close();
          }
        });
      }
    }
  });

  it('records no CSP violation and no uncaught error', () => {
    assert.deepEqual(portal.violations, []);
    assert.deepEqual(portal.errors, []);
  });
});
