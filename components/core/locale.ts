// The two UI languages. Anything that is not English falls back to zh-CN.
export type Locale = 'zh-CN' | 'en';

export function toLocale(lang: string | null | undefined): Locale {
  return lang && /^en\b/i.test(lang) ? 'en' : 'zh-CN';
}
