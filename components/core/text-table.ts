// One lookup for every element's UI words: the locale's template for a key, with its {name}
// placeholders filled in (a missing value leaves them empty). Each element keeps its own words.
import type { Locale } from './locale.js';

export type TextVars = Readonly<Record<string, string | number>>;

/** The text function of a pair of word lists (Chinese first, English with the same keys). */
export function textTable<K extends string>(zh: Readonly<Record<K, string>>, en: Readonly<Record<K, string>>): (locale: Locale, key: K, vars?: TextVars) => string {
  return (locale, key, vars = {}) => (locale === 'en' ? en : zh)[key].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
