// Which language an element speaks: its own `lang`, else the nearest `lang` up the tree (across
// shadow roots), else `<html lang>`, else zh-CN (lang-controller.ts updates it when they change).

/** A BCP 47 language tag as an element resolved it (`zh-CN`, `en`, `zh-TW`, `en-GB`...). */
export type Locale = string;

/** English words and English content (schema `x-title-en`, the server's `message_en`). */
export { isEnglish } from '../data/language.js';

export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** A tag in its usual case (`zh-hant-hk` → `zh-Hant-HK`); empty or blank gives zh-CN. */
export function toLocale(lang: string | null | undefined): Locale {
  const tag = (lang ?? '').trim().replace(/_/g, '-');
  if (!tag) return DEFAULT_LOCALE;
  return tag
    .split('-')
    .map((part, i) => (i === 0 ? part.toLowerCase() : part.length === 4 ? part[0]!.toUpperCase() + part.slice(1).toLowerCase() : part.length === 2 ? part.toUpperCase() : part.toLowerCase()))
    .join('-');
}

/** The language of `el`: the first non-empty `lang` from it up to the document, across shadow roots. */
export function localeOf(el: Element): Locale {
  for (let node: Node | null = el; node; ) {
    // `.lang` of an AZX element is its property (set without the attribute too); of others, the attribute
    const lang = node instanceof HTMLElement ? node.lang : node instanceof Element ? node.getAttribute('lang') : null;
    if (lang) return toLocale(lang);
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return DEFAULT_LOCALE;
}

/** The `lang` property every element declares: reflected when set, never written as `lang=""`. */
export const LANG_PROPERTY = { reflect: true, converter: { toAttribute: (v: string) => v || null } } as const;
