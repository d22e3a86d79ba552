// One lookup for every element's UI words: the words of a namespace in the element's language
// (through the translations registry, so a portal can change any of them), with `{name}`
// placeholders filled in (a missing value leaves them empty). Each element keeps its own words.
import type { Locale } from './locale.js';
import { registerShippedTranslations, translate, type ShippedTable } from './translations.js';

export type TextVars = Readonly<Record<string, string | number>>;

/** A namespace's text function; `.template` gives a word with its `{name}` placeholders unfilled. */
export interface TextFunction<K extends string> {
  (locale: Locale, key: K, vars?: TextVars): string;
  template(locale: Locale, key: K): string;
}

/**
 * Registers a namespace's shipped words (zh-CN, en and the same keys in any other language, as a
 * table or a loader fetched on first use) and returns its text function.
 */
export function textTable<K extends string>(
  namespace: string,
  tables: { readonly 'zh-CN': Readonly<Record<K, string>>; readonly en: Readonly<Record<K, string>> } & Readonly<Record<string, Readonly<Partial<Record<K, string>>> | (() => Promise<Readonly<Partial<Record<K, string>>>>)>>,
): TextFunction<K> {
  registerShippedTranslations(namespace, tables as Readonly<Record<string, ShippedTable>>);
  const template = (locale: Locale, key: K) => translate(locale, `${namespace}.${key}`) ?? key;
  const text = (locale: Locale, key: K, vars: TextVars = {}) => template(locale, key).replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
  return Object.assign(text, { template });
}
