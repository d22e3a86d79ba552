// Days and numbers as an official document writes them.
import type { Locale } from '../locale.js';
import { kit } from './kit.js';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today in China (UTC+8), YYYY-MM-DD: the day a document is dated when nobody says otherwise. */
export function chinaToday(at: Date = new Date()): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** An instant (RFC 3339, or PocketBase's "2026-03-02 01:02:03.000Z") as its China day; a day stays. */
export function chinaDay(value: string): string {
  const text = value.trim();
  if (DAY.test(text)) return text;
  const at = Date.parse(text.replace(' ', 'T'));
  return Number.isNaN(at) ? '' : chinaToday(new Date(at));
}

/**
 * A 成文日期 as GB/T 9704-2012 writes it: the year in full, month and day without a leading zero,
 * in Arabic numerals (2026年12月7日; the 1999 edition's 二〇二六年十二月七日 is no longer the form).
 * English: 7 December 2026. Not a day: returned as it is.
 */
export function documentDate(day: string, locale: Locale = 'zh-CN'): string {
  const m = DAY.exec(chinaDay(day) || day);
  if (!m) return day;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (kit().isEnglish(locale)) {
    return new Date(Date.UTC(y, mo - 1, d)).toLocaleDateString('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
  }
  return `${y}年${mo}月${d}日`;
}

/**
 * A 发文字号: the issuing body's code, the year in 六角括号 and the serial without 第 or leading
 * zeros (浙应急〔2026〕12号). Without a serial, the place for it is left blank to fill in.
 */
export function documentNumber(code: string, year: number | string, serial?: number): string {
  return `${code}〔${year}〕${serial === undefined ? '\u3000\u3000' : String(serial)}号`;
}
