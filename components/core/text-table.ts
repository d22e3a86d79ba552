// One lookup for every element's UI words: the words of a namespace in the element's language
// (through the translations registry, so a portal can change any of them), with `{name}`
// placeholders filled in (a missing value leaves them empty). Each element keeps its own words.
import type { Locale } from './locale.js';
import { registerShippedTranslations, translate } from './translations.js';

export type TextVars = Readonly<Record<string, string | number>>;

/**
 * Registers a namespace's shipped words (zh-CN, en and the same keys in any other language) and
 * returns its text function.
 */
export function textTable<K extends string>(
  namespace: string,
  tables: { readonly 'zh-CN': Readonly<Record<K, string>>; readonly en: Readonly<Record<K, string>> } & Readonly<Record<string, Readonly<Partial<Record<K, string>>>>>,
): (locale: Locale, key: K, vars?: TextVars) => string {
  registerShippedTranslations(namespace, tables as Readonly<Record<string, Readonly<Record<string, string>>>>);
  return (locale, key, vars = {}) => (translate(locale, `${namespace}.${key}`) ?? key).replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
