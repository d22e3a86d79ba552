// A user at the keyboard and the mouse: every e2e test drives the portal through this, never
// through element.click(), form.requestSubmit() or value assignments. Clicks are puppeteer's
// mouse at the point where the element is drawn, after checking that nothing covers it there;
// keys are puppeteer's keyboard, delivered to whatever has the focus, as a person's would be.
// Selectors may pierce shadow roots with `>>>` (puppeteer's deep combinator).
import assert from 'node:assert/strict';

export const WAIT = 20_000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The first element matching a selector, once there. Polled: waitForSelector watches the
 * document's mutations, which a re-render inside a shadow root is not.
 */
export async function find(page, selector, { timeout = WAIT, visible = false } = {}) {
  const until = Date.now() + timeout;
  for (;;) {
    const handle = await page.$(selector);
    if (handle && (!visible || (await handle.evaluate(isShown)))) return handle;
    await handle?.dispose();
    if (Date.now() > until) throw new Error(`nothing ${visible ? 'visible ' : ''}matches ${selector} within ${timeout} ms`);
    await sleep(50);
  }
}

/** In the page: the element is drawn (has a box, not hidden by CSS). */
function isShown(el) {
  const r = el.getBoundingClientRect();
  const s = getComputedStyle(el);
  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
}

/** Polls fn in the page until it returns something truthy; its last value on timeout is in the error. */
export async function until(page, fn, arg, { timeout = WAIT, message = '' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await page.evaluate(fn, arg).catch((err) => `error: ${err.message}`);
    if (last && !(typeof last === 'string' && last.startsWith('error: '))) return last;
    if (Date.now() > end) throw new Error(`${message || 'condition'} not met within ${timeout} ms (last: ${JSON.stringify(last)})`);
    await sleep(50);
  }
}

/** In the page: the element that has the focus, inside shadow roots. */
function deepActive() {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/**
 * Where the focus is, as assistive technology reports it: Chromium's accessibility node of the
 * focused element (role and computed name), with its tag, id and the shadow hosts above it.
 */
export async function focused(page) {
  const handle = await page.evaluateHandle(deepActive);
  const el = handle.asElement();
  if (!el) return { tag: 'none', id: '', hosts: [], role: '', name: '' };
  const info = await el.evaluate((e) => {
    const hosts = [];
    for (let n = e.getRootNode(); n instanceof ShadowRoot; n = n.host.getRootNode()) hosts.unshift(n.host.localName);
    return { tag: e.localName, id: e.id, hosts, text: (e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 80) };
  });
  const node = await page.accessibility.snapshot({ root: el, interestingOnly: false }).catch(() => null);
  await handle.dispose();
  return { ...info, role: node?.role ?? '', name: node?.name ?? '' };
}

const describe = (f) => `${[...f.hosts, `${f.tag}${f.id ? `#${f.id}` : ''}`].join(' > ')} (${f.role} “${f.name}”)`;

/**
 * Asserts where the focus is: `want` is a selector (the focused element must match it, shadow
 * roots pierced), or `{ name, role, tag, host }` matched against focused() (name: string or RegExp).
 * Waits briefly: focus often moves after the update that follows a key.
 */
export async function expectFocus(page, want, { timeout = 5000, step = '' } = {}) {
  const end = Date.now() + timeout;
  let now;
  for (;;) {
    now = await focused(page);
    if (await matches(page, now, want)) return now;
    if (Date.now() > end) break;
    await sleep(50);
  }
  assert.fail(`${step ? `${step}: ` : ''}focus is on ${describe(now)}, expected ${typeof want === 'string' ? want : JSON.stringify(want, (k, v) => (v instanceof RegExp ? String(v) : v))}`);
}

async function matches(page, now, want) {
  if (typeof want === 'string') {
    const target = await page.$(want);
    if (!target) return false;
    const same = await page.evaluateHandle(deepActive).then(async (h) => {
      const r = await h.evaluate((a, t) => a === t, target);
      await h.dispose();
      return r;
    });
    await target.dispose();
    return same;
  }
  const text = (v, pattern) => (pattern instanceof RegExp ? pattern.test(v) : v === pattern);
  if (want.name !== undefined && !text(now.name, want.name)) return false;
  if (want.role !== undefined && now.role !== want.role) return false;
  if (want.tag !== undefined && now.tag !== want.tag) return false;
  if (want.host !== undefined && !now.hosts.includes(want.host)) return false;
  return true;
}

/** Asserts the focus did not fall back to <body> (content under it disappeared). */
export async function expectFocusNotLost(page, step = '') {
  const now = await focused(page);
  assert.ok(!['body', 'html', 'none'].includes(now.tag), `${step ? `${step}: ` : ''}the focus was lost to <${now.tag}>`);
  return now;
}

/**
 * Clicks an element with the mouse where it is drawn: scrolled into view as a wheel would, then
 * refused if another element covers that point (a test must not click what a user cannot).
 */
export async function click(page, selector, { timeout = WAIT, at = 'center' } = {}) {
  const handle = typeof selector === 'string' ? await find(page, selector, { timeout, visible: true }) : selector;
  const end = Date.now() + timeout;
  for (;;) {
    await handle.evaluate((e) => e.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
    // `start`: a few pixels in from the start edge, where a field's first part is (a date's first digits)
    const point = await (at === 'start'
      ? handle.boundingBox().then((b) => (b ? { x: b.x + Math.min(8, b.width / 4), y: b.y + b.height / 2 } : null))
      : handle.clickablePoint()
    ).catch(() => null);
    const hit = point
      ? await handle.evaluate((target, { x, y }) => {
          let at = document.elementFromPoint(x, y);
          while (at?.shadowRoot) {
            const inner = at.shadowRoot.elementFromPoint(x, y);
            if (!inner || inner === at) break;
            at = inner;
          }
          // a slotted or inner node of the target counts as the target
          for (let n = at; n; n = n.assignedSlot ?? n.parentNode ?? n.host) if (n === target) return '';
          return at ? `${at.localName}${at.id ? `#${at.id}` : ''}.${at.className}` : 'nothing';
        }, point)
      : 'no clickable point';
    if (hit === '') {
      await page.mouse.click(point.x, point.y);
      return handle;
    }
    if (Date.now() > end) throw new Error(`cannot click ${typeof selector === 'string' ? selector : 'the element'}: covered by ${hit}`);
    await sleep(50);
  }
}

/** Presses a key (or a chord such as Control+A / Shift+Tab) on whatever has the focus. */
export async function press(page, key, times = 1) {
  for (let i = 0; i < times; i++) {
    const parts = key.split('+');
    const main = parts.pop();
    for (const m of parts) await page.keyboard.down(m);
    await page.keyboard.press(main);
    for (const m of parts.reverse()) await page.keyboard.up(m);
  }
}

/** Types text into whatever has the focus, key by key. */
export async function type(page, text) {
  await page.keyboard.type(String(text));
}

/**
 * Clicks into a field, replaces what it holds by typing, and leaves it with Tab (as a user
 * moving to the next field does; that commits the value).
 */
export async function fill(page, selector, text, { leave = true } = {}) {
  await click(page, selector);
  await press(page, 'Control+A');
  await press(page, 'Delete');
  await type(page, text);
  if (leave) await press(page, 'Tab');
}

/**
 * Presses Tab (or Shift+Tab) until the focus is on `want` (see expectFocus); fails after `max`
 * stops. Returns how many stops it took: keyboard users pay every one of them.
 */
export async function tabTo(page, want, { max = 60, back = false } = {}) {
  for (let stops = 1; stops <= max; stops++) {
    await press(page, back ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (await matches(page, now, want)) return stops;
  }
  const now = await focused(page);
  assert.fail(`${JSON.stringify(want, (k, v) => (v instanceof RegExp ? String(v) : v))} not reached with ${max} × ${back ? 'Shift+Tab' : 'Tab'}; focus on ${describe(now)}`);
}

/**
 * Types a day (YYYY-MM-DD) into a date input as a person does: clicks its first part and types
 * the digits in the order the browser's locale shows them (12/17/2026 in en-US, 2026/12/17 in
 * zh-CN), then leaves it with Tab. Fails when the field does not then hold the day.
 */
export async function typeDate(page, selector, iso) {
  const input = await click(page, selector, { at: 'start' });
  const [y, m, d] = iso.split('-');
  const order = await page.evaluate(() =>
    new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2026, 11, 17)).map((p) => p.type).filter((t) => t !== 'literal'),
  );
  await type(page, order.map((part) => ({ year: y, month: m, day: d })[part] ?? '').join(''));
  await press(page, 'Tab');
  const value = await input.evaluate((e) => e.value);
  assert.equal(value, iso, `${typeof selector === 'string' ? selector : 'the date'} holds the day typed`);
}

/** Ticks (or unticks) the checkbox or radio of a group whose label contains `label`, with the mouse. */
export async function tick(page, group, label) {
  await find(page, `${group} label`, { visible: true });
  for (const l of await page.$$(`${group} label`)) {
    if ((await l.evaluate((e) => e.textContent)).includes(label)) return click(page, (await l.$('input')) ?? l);
  }
  assert.fail(`${group} has no choice “${label}”`);
}

/** Picks the option of a focused or clicked <select> whose text contains `label`, with the keyboard. */
export async function choose(page, selector, label) {
  const select = await find(page, selector, { visible: true });
  const { index, current } = await select.evaluate((s, l) => ({
    index: [...s.options].findIndex((o) => o.textContent.includes(l)),
    current: s.selectedIndex,
  }), label);
  assert.ok(index >= 0, `${selector} offers “${label}”`);
  await select.focus();
  // a closed select moves its choice with the arrow keys and fires change, as Chromium does for a user
  const steps = index - Math.max(current, 0);
  if (current < 0) await press(page, 'ArrowDown');
  await press(page, steps >= 0 ? 'ArrowDown' : 'ArrowUp', Math.abs(steps));
  const now = await select.evaluate((s) => s.selectedIndex);
  assert.equal(now, index, `${selector}: the arrow keys reached option ${index}`);
}

/** Text of the first match, whitespace squashed. */
export async function textOf(page, selector) {
  const handle = await find(page, selector);
  const text = await handle.evaluate((e) => e.textContent ?? '');
  await handle.dispose();
  return text.replace(/\s+/g, ' ').trim();
}
