// Every word an element shows, by language: the tables AZX ships (zh-CN, en, zh-TW) and the ones
// a portal registers, which win. A word is looked up in the element's language, then in the
// languages it falls back to (`en-GB` → `en`; `zh-HK` → `zh-TW`; anything → zh-CN). A shipped
// table may come as a loader (zh-TW does): it is fetched the first time a word is looked up in
// its language, and the elements update when it arrives, so a page in zh-CN never loads it.
import { DEFAULT_LOCALE, toLocale, type Locale } from './locale.js';

/** Words by key (`<namespace>.<key>`, e.g. `form.submit`, `hazard-ledger.signIn`); `{name}` marks a value. */
export type TranslationTable = Readonly<Record<string, string>>;

type Layer = Map<string, Map<string, string>>;
const shipped: Layer = new Map();
const portal: Layer = new Map();
const listeners = new Set<() => void>();
/** Shipped tables not fetched yet, by language. */
const pending = new Map<string, (() => Promise<void>)[]>();
const loading = new Map<string, Promise<void>>();

/** A shipped table, or a loader for one that is fetched when its language is first needed. */
export type ShippedTable = Readonly<Record<string, string>> | (() => Promise<Readonly<Record<string, string>>>);

/** Languages a tag falls back to besides its own prefixes (script and region variants of Chinese). */
const ALIASES: Readonly<Record<string, string>> = {
  zh: 'zh-CN',
  'zh-Hans': 'zh-CN',
  'zh-SG': 'zh-CN',
  'zh-Hant': 'zh-TW',
  'zh-HK': 'zh-TW',
  'zh-MO': 'zh-TW',
};

const chains = new Map<Locale, readonly string[]>();

/** The languages searched for a word, nearest first: the tag, its prefixes and their aliases, zh-CN. */
export function fallbackChain(locale: Locale): readonly string[] {
  let chain = chains.get(locale);
  if (chain) return chain;
  const out: string[] = [];
  const add = (tag: string) => {
    if (!out.includes(tag)) out.push(tag);
  };
  const parts = toLocale(locale).split('-');
  for (let n = parts.length; n > 0; n--) {
    const tag = parts.slice(0, n).join('-');
    add(tag);
    const alias = ALIASES[tag];
    if (alias) add(alias);
  }
  add(DEFAULT_LOCALE);
  chains.set(locale, (chain = out));
  return chain;
}

function put(layer: Layer, lang: string, table: TranslationTable): void {
  const tag = toLocale(lang);
  let words = layer.get(tag);
  if (!words) layer.set(tag, (words = new Map()));
  for (const [key, word] of Object.entries(table)) if (typeof word === 'string') words.set(key, word);
}

/**
 * Overrides any word of any element, or adds a language. Keys are `<namespace>.<key>` as in the
 * shipped tables (`translationKeys()` lists them); a table may hold only the words it changes.
 * Elements on the page update at once.
 *
 * ```js
 * registerTranslations('zh-CN', { 'hazard-ledger.signIn': '请先登录门户' });
 * registerTranslations('ug', { 'form.submit': 'يوللاش' });
 * ```
 */
export function registerTranslations(lang: string, table: TranslationTable): void {
  put(portal, lang, table);
  notify();
}

function notify(): void {
  for (const listener of listeners) listener();
}

/** The words AZX ships for one namespace (each element's text module calls it once). */
export function registerShippedTranslations(namespace: string, tables: Readonly<Record<string, ShippedTable>>): void {
  for (const [lang, table] of Object.entries(tables)) {
    const add = (words: Readonly<Record<string, string>>) => put(shipped, lang, Object.fromEntries(Object.entries(words).map(([k, v]) => [`${namespace}.${k}`, v])));
    if (typeof table !== 'function') add(table);
    else {
      const tag = toLocale(lang);
      pending.set(tag, [...(pending.get(tag) ?? []), () => table().then(add)]);
    }
  }
}

/**
 * Fetches the shipped words of `locale` and the languages it falls back to that are not loaded
 * yet (elements do it themselves on first use; a portal awaits it to show no word in zh-CN first).
 */
export function loadTranslations(locale: Locale): Promise<void> {
  return Promise.all(fallbackChain(locale).map(load)).then(() => undefined);
}

function load(lang: string): Promise<void> {
  const loaders = pending.get(lang);
  if (!loaders) return loading.get(lang) ?? Promise.resolve();
  pending.delete(lang);
  const done = Promise.all(loaders.map((f) => f()))
    .catch((err: unknown) => console.error(`AZX: the ${lang} words could not be fetched; the nearest language's are shown`, err))
    .then(notify);
  loading.set(lang, done);
  return done;
}

/** The word for `key` in `locale` or the nearest language that has it; undefined if none has. */
export function translate(locale: Locale, key: string): string | undefined {
  const chain = fallbackChain(locale);
  // no promise per word: only a language still to fetch starts its loaders
  if (pending.size) for (const lang of chain) if (pending.has(lang)) void load(lang);
  for (const lang of chain) {
    const word = portal.get(lang)?.get(key) ?? shipped.get(lang)?.get(key);
    if (word !== undefined) return word;
  }
  return undefined;
}

/** Every key of the shipped tables (what a portal can override), sorted. */
export function translationKeys(): string[] {
  return [...(shipped.get(DEFAULT_LOCALE)?.keys() ?? [])].sort();
}

/** The languages with words, shipped or registered. */
export function translationLanguages(): string[] {
  return [...new Set([...shipped.keys(), ...portal.keys()])].sort();
}

/** Calls `listener` after every `registerTranslations`. Returns the remover. */
export function onTranslationsChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The words AZX ships in one language, by key (the generators and the docs read them). */
export function shippedWords(lang: string): Record<string, string> {
  return Object.fromEntries(shipped.get(toLocale(lang)) ?? []);
}
