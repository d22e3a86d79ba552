// What every e2e step can be held to, beyond its own assertions: axe-core over the whole page
// (shadow roots included, best-practice rules on, zero violations), no page-level horizontal
// scrolling, no raw codes or the other language in the visible text, messages inside the
// viewport, and a screenshot for review.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { root } from '../../scripts/paths.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Screenshots for review (git-ignored: .tmp/ is). */
export const SCREENSHOTS = join(root, '.tmp', 'screenshots', 'e2e');

/**
 * Runs axe-core in the page: every WCAG 2.x A/AA rule, best practices, and the experimental
 * rule that a control's accessible name contains its visible label (WCAG 2.5.3). Evaluated
 * through the DevTools protocol, which the page's CSP does not govern, so the portal's own
 * policy stays strict. Fails listing each violation with where it is.
 */
export async function axe(page, where) {
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(async () => {
    // @ts-ignore injected above
    const r = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      rules: { 'label-content-name-mismatch': { enabled: true } },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`),
    }));
  });
  assert.deepEqual(results, [], `axe at ${where}:\n${results.map((v) => `- ${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n')}`);
}

/** The page scrolls only vertically: nothing is wider than the viewport (WCAG 1.4.10). */
export async function noHorizontalOverflow(page, where) {
  const { scroll, width, widest } = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    // the widest elements sticking out, to say what to fix
    const out = [];
    const walk = (rootNode) => {
      for (const el of rootNode.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > width + 1) out.push(`${el.localName}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} → ${Math.round(r.right)}px`);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return { scroll: document.documentElement.scrollWidth, width, widest: out.slice(0, 8) };
  });
  assert.ok(scroll <= width, `${where}: the page is ${scroll}px wide in a ${width}px viewport; sticking out: ${widest.join(', ')}`);
}

/**
 * The text a user can see, with the language each piece is marked with: every visible text
 * node, shadow roots included, with the nearest lang above it (across shadow hosts).
 */
export async function visibleText(page) {
  return page.evaluate(() => {
    const out = [];
    const langOf = (node) => {
      for (let n = node; n; n = n.parentNode ?? n.host) {
        if (n.nodeType === 1 && n.hasAttribute('lang')) return n.getAttribute('lang');
      }
      return '';
    };
    const up = (n) => (n.parentNode instanceof ShadowRoot ? n.parentNode.host : n.parentNode);
    const shown = (el) => {
      for (let n = el; n && n.nodeType === 1; n = up(n)) {
        if (n.hidden || (n.getAttribute('aria-hidden') === 'true' && n.localName !== 'html')) return false;
        // identifiers typed as they are (definition and field keys): not words of either language
        if (['code', 'kbd', 'samp'].includes(n.localName)) return false;
      }
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden' || s.display === 'none') return false;
      const r = el.getBoundingClientRect();
      // visually hidden text (clip 1px) is for screen readers: it counts, in its language
      return r.width > 0 && r.height > 0;
    };
    const walk = (rootNode) => {
      const tw = document.createTreeWalker(rootNode, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let n = tw.nextNode(); n; n = tw.nextNode()) {
        if (n.nodeType === 1) {
          if (['script', 'style', 'template'].includes(n.localName)) continue;
          if (n.shadowRoot) walk(n.shadowRoot);
          if (n.localName === 'input' && ['button', 'submit'].includes(n.type) && shown(n)) out.push({ text: n.value, lang: langOf(n) });
          if ((n.localName === 'input' || n.localName === 'textarea') && n.placeholder && !n.value && shown(n)) out.push({ text: n.placeholder, lang: langOf(n) });
          continue;
        }
        const text = n.textContent.trim();
        const parent = n.parentElement ?? n.parentNode?.host;
        if (!text || !parent || parent.closest?.('option') && !parent.closest('select')?.matches(':focus')) {
          // the options of a closed select are not on screen, but its chosen one is
          if (parent?.localName === 'option' && parent.selected && shown(parent.closest('select'))) out.push({ text, lang: langOf(parent) });
          continue;
        }
        if (shown(parent)) out.push({ text, lang: langOf(parent) });
      }
    };
    walk(document.body);
    return out;
  });
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
/** A word of Latin letters that is not a code, a unit or a proper noun AZX leaves as it is. */
const LATIN_WORD = /[A-Za-z]{2,}/g;
/** Latin tokens that stay in Chinese text: standards, formats, units, brands, identifiers. */
const ZH_KEEPS = new Set(['AZX', 'Excel', 'WPS', 'Esc', 'Tab', 'Enter', 'GB', 'AQ', 'USCC', 'CSV', 'XLSX', 'PDF', 'PNG', 'JPG', 'JPEG', 'ID', 'TZ', 'YH', 'FW', 'OK', 'PICC', 'CPIC', 'GBT', 'JSON', 'Logic', 'Schema', 'PocketBase']);
/** snake_case words are codes a user should never see. */
const SNAKE = /\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b/;
/** A bare GB/T 2260 code: six digits on their own (inside a number such as YH-330602-… is fine). */
const BARE_REGION = /(?<![\w.,-])[1-8]\d{5}(?![\w.,-])/;

/**
 * In zh: no snake_case code, no bare region code, and Latin words only in an element marked
 * lang="en" or among the tokens Chinese text keeps. In en: no Chinese character outside an
 * element marked as Chinese (lang="zh…": proper names such as enterprises and people).
 * `allow` lists more text that may appear (e.g. a login e-mail).
 */
export async function languageIsClean(page, locale, where, { allow = [] } = {}) {
  const pieces = await visibleText(page);
  const problems = [];
  for (const { text, lang } of pieces) {
    if (allow.some((a) => (a instanceof RegExp ? a.test(text) : text.includes(a)))) continue;
    const marked = lang.toLowerCase();
    if (SNAKE.test(text)) problems.push(`code: “${text}”`);
    if (locale === 'zh') {
      if (BARE_REGION.test(text)) problems.push(`region code: “${text}”`);
      if (marked.startsWith('en')) continue;
      const words = (text.replace(/[\w.+-]*@[\w.-]+/g, '').match(LATIN_WORD) ?? []).filter((w) => !ZH_KEEPS.has(w) && !/^[A-Z0-9]+$/.test(w));
      if (words.length) problems.push(`English in zh (${marked || 'no lang'}): “${text}”`);
    } else {
      if (marked.startsWith('zh')) continue;
      if (HAN.test(text)) problems.push(`Chinese in en (${marked || 'no lang'}): “${text}”`);
    }
  }
  const unique = [...new Set(problems)];
  assert.deepEqual(unique, [], `${where} (${locale}):\n  ${unique.slice(0, 30).join('\n  ')}`);
}

/** A message that just appeared is on screen: inside the viewport, not under the fold. */
export async function inViewport(page, selector, where) {
  const handle = await page.$(selector);
  assert.ok(handle, `${where}: ${selector} is not in the page`);
  const box = await handle.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: innerHeight, width: r.width, text: e.textContent.trim().slice(0, 60) };
  });
  await handle.dispose();
  // a px of slack: scrollIntoView({ block: 'nearest' }) may leave a sub-pixel edge past the viewport
  assert.ok(box.width > 0 && box.top >= -1 && box.bottom <= box.height + 1, `${where}: “${box.text}” is at ${Math.round(box.top)}–${Math.round(box.bottom)}px, outside the ${box.height}px viewport`);
}

/** Saves a full-page screenshot for review: .tmp/screenshots/e2e/<name>.png. */
export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '-')}.png`), fullPage: true });
}

/** Every check of a settled screen at once. */
export async function checkScreen(page, { locale = 'zh', where, shot = true, allow = [] }) {
  if (shot) await screenshot(page, where);
  await noHorizontalOverflow(page, where);
  await languageIsClean(page, locale, where, { allow });
  await axe(page, where);
}
