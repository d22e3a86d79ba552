// How every element writes numbers, money and times for people: money as 12,345.60 元
// (CNY 12,345.60 in English), counts with thousands separators, dates and times in China's time
// zone (UTC+8) in the reader's language (2026年3月2日 / 2 Mar 2026). One place, so the same
// amount never reads two ways on one screen.
import { isEnglish as english, type Locale } from './locale.js';

/** The time zone every date of AZX is read in: the notices' days are China's days. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const money = new Map<string, Intl.NumberFormat>();
const counts = new Map<string, Intl.NumberFormat>();

/** 12345.6 → "12,345.60 元" (en: "CNY 12,345.60"); not a finite number → "". */
export function formatMoney(value: unknown, locale: Locale): string {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) return '';
  const key = english(locale) ? 'en' : 'zh';
  let f = money.get(key);
  if (!f) money.set(key, (f = new Intl.NumberFormat(key === 'en' ? 'en-US' : 'zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })));
  return key === 'en' ? `CNY ${f.format(n)}` : `${f.format(n)} 元`;
}

/** 12345 → "12,345"; not a finite number → "". */
export function formatCount(value: unknown, locale: Locale): string {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n)) return '';
  const key = english(locale) ? 'en' : 'zh';
  let f = counts.get(key);
  if (!f) counts.set(key, (f = new Intl.NumberFormat(key === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 })));
  return f.format(n);
}

/** 0.8413 → "84.1%". */
export function formatPercent(share: unknown, locale: Locale, digits = 1): string {
  const n = typeof share === 'number' ? share : NaN;
  if (!Number.isFinite(n)) return '';
  return `${(n * 100).toLocaleString(english(locale) ? 'en-US' : 'zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits })}%`;
}

/**
 * A date (YYYY-MM-DD, the day itself) or an instant (RFC 3339, read in China time) as the
 * reader writes a day: 2026年3月2日 / 2 Mar 2026. Anything else is returned as it is.
 */
export function formatDate(value: unknown, locale: Locale): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) return '';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T12:00:00+08:00`) : new Date(text);
  if (Number.isNaN(day.getTime())) return text;
  return day.toLocaleDateString(english(locale) ? 'en-GB' : 'zh-CN', { timeZone: CHINA_TIME_ZONE, year: 'numeric', month: english(locale) ? 'short' : 'long', day: 'numeric' });
}

/** An instant in China time: 2026年3月2日 10:00 / 2 Mar 2026, 10:00. */
export function formatDateTime(value: unknown, locale: Locale): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) return '';
  const at = new Date(text.replace(' ', 'T'));
  if (Number.isNaN(at.getTime())) return text;
  const time = at.toLocaleTimeString(english(locale) ? 'en-GB' : 'zh-CN', { timeZone: CHINA_TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false });
  return `${formatDate(at.toISOString(), locale)}${english(locale) ? ', ' : ' '}${time}`;
}

/** The China calendar day of an instant (or today), as YYYY-MM-DD. */
export function chinaDay(at: Date = new Date()): string {
  return new Date(at.getTime() + 8 * 3600e3).toISOString().slice(0, 10);
}

/**
 * A datetime-local input's value (wall time in China) as an RFC 3339 instant with +08:00, and
 * back: the form keeps instants, the input shows China's wall clock whatever the browser's zone.
 */
export function fromChinaWallTime(local: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?$/.exec(local.trim());
  return m ? `${m[1]}T${m[2]}:${m[3] ?? '00'}+08:00` : undefined;
}

export function toChinaWallTime(instant: unknown): string {
  if (typeof instant !== 'string' || !instant) return '';
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return '';
  return new Date(at.getTime() + 8 * 3600e3).toISOString().slice(0, 16);
}
