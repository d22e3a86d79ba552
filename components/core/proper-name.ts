// Names of places, enterprises, organizations and people are proper names: they stay as written
// (the reference data has no English names for most counties). On a page in another language a
// Chinese name is marked lang="zh-CN", so a screen reader reads it in Chinese and the page's
// language stays honest about every fragment.
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from './locale.js';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** The lang a fragment holding this name needs on a page in `locale` (nothing when none). */
export function nameLang(text: string, locale: Locale): 'zh-CN' | typeof nothing {
  return !/^zh\b/i.test(locale) && HAN.test(text) ? 'zh-CN' : nothing;
}

/** The name as text, wrapped in <span lang="zh-CN"> when it is Chinese on a non-Chinese page. */
export function properName(text: string, locale: Locale): string | TemplateResult {
  return nameLang(text, locale) === nothing ? text : html`<span lang="zh-CN">${text}</span>`;
}

/**
 * A sentence with names in it, e.g. the words "Work-safety liability insurance in {region}"
 * with region 绍兴市: the text around each name stays text, each name is a proper name.
 * `fill` is the element's word function called with a marker for each name.
 */
export function withNames(locale: Locale, fill: (vars: Record<string, string>) => string, names: Record<string, string>): (string | TemplateResult)[] {
  const markers = Object.fromEntries(Object.keys(names).map((k, i) => [k, `\u0000${i}\u0000`]));
  const keys = Object.keys(names);
  return fill(markers)
    .split(/\u0000(\d+)\u0000/)
    .map((part, i) => (i % 2 === 1 ? properName(names[keys[Number(part)]!] ?? '', locale) : part));
}
