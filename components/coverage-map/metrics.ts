import type { CoverageMetric, Figures } from '../data/store.js';
import { isEnglish, type Locale } from '../core/locale.js';

/** A figure the map can colour by and the table shows. */
export interface MapMetric {
  readonly key: MapMetricKey;
  readonly zh: string;
  readonly en: string;
  /** rate: a share 0–1 shown in percent; count: a whole number; money: yuan. */
  readonly kind: 'rate' | 'count' | 'money';
  /** Whether a larger value is worse (darker on the map). */
  readonly higherIsWorse: boolean;
  /** The records listed when the figure is opened. */
  readonly records: CoverageMetric;
  /** A rate's class bounds when the coverage bounds (60%…95%) do not fit it. */
  readonly bounds?: readonly number[];
  /**
   * A rate shown as a number of per mille, its label saying ‰ (a pure loss rate is thousandths
   * of the sum insured, 0.0% as a percentage): on screen, in print and in the CSV alike.
   */
  readonly permille?: boolean;
}

export type MapMetricKey =
  | 'coverageRate'
  | 'uninsured'
  | 'notFullyInsured'
  | 'renewalRate'
  | 'lapsed'
  | 'uploadedLate'
  | 'preventionShare'
  | 'lowPreventionBudget'
  | 'majorOpen'
  | 'majorOverdue'
  | 'lossRatio'
  | 'pureLossRate'
  | 'claimsPaidCount'
  | 'enterprises'
  | 'mustInsure'
  | 'insuredMustInsure'
  | 'workers';

/** The metrics of the issue, in the order the table shows them. */
export const METRICS: readonly MapMetric[] = [
  { key: 'coverageRate', zh: '参保率', en: 'Coverage rate', kind: 'rate', higherIsWorse: false, records: 'uninsured' },
  { key: 'enterprises', zh: '企业数', en: 'Enterprises', kind: 'count', higherIsWorse: false, records: 'enterprises' },
  { key: 'mustInsure', zh: '应保企业', en: 'Must insure', kind: 'count', higherIsWorse: false, records: 'must_insure' },
  { key: 'insuredMustInsure', zh: '应保已保', en: 'Must insure, insured', kind: 'count', higherIsWorse: false, records: 'insured_must_insure' },
  { key: 'uninsured', zh: '应保未保', en: 'Must insure, not insured', kind: 'count', higherIsWorse: true, records: 'uninsured' },
  { key: 'notFullyInsured', zh: '未全员投保', en: 'Not everyone insured', kind: 'count', higherIsWorse: true, records: 'not_fully_insured' },
  { key: 'workers', zh: '保障从业人员', en: 'Workers covered', kind: 'count', higherIsWorse: false, records: 'active' },
  { key: 'renewalRate', zh: '续保率', en: 'Renewal rate', kind: 'rate', higherIsWorse: false, records: 'lapsed' },
  { key: 'lapsed', zh: '到期未续保', en: 'Lapsed renewals', kind: 'count', higherIsWorse: true, records: 'lapsed' },
  { key: 'uploadedLate', zh: '未按时上传', en: 'Not uploaded on time', kind: 'count', higherIsWorse: true, records: 'uploaded_late' },
  { key: 'preventionShare', zh: '预防费用占保费', en: 'Prevention spending / premium', kind: 'rate', higherIsWorse: false, records: 'low_prevention_budget' },
  { key: 'lowPreventionBudget', zh: '预防费用不足', en: 'Prevention budget below the rule', kind: 'count', higherIsWorse: true, records: 'low_prevention_budget' },
  { key: 'majorOpen', zh: '未闭环重大隐患', en: 'Open major hazards', kind: 'count', higherIsWorse: true, records: 'major_open' },
  { key: 'majorOverdue', zh: '逾期重大隐患', en: 'Overdue major hazards', kind: 'count', higherIsWorse: true, records: 'major_overdue' },
  // the server's definitions: backend/internal/coverage/losses.go
  { key: 'lossRatio', zh: '赔付率', en: 'Loss ratio', kind: 'rate', higherIsWorse: true, records: 'claims_paid', bounds: [0.3, 0.5, 0.7, 1, Infinity] },
  { key: 'pureLossRate', zh: '纯风险损失率（‰）', en: 'Pure loss rate (‰)', kind: 'rate', higherIsWorse: true, records: 'claims_paid', permille: true, bounds: [0.0001, 0.0002, 0.0005, 0.001, Infinity] },
  { key: 'claimsPaidCount', zh: '已赔付案件', en: 'Claims paid', kind: 'count', higherIsWorse: true, records: 'claims_paid' },
];

export function metricOf(key: string): MapMetric {
  return METRICS.find((m) => m.key === key) ?? METRICS[0]!;
}

/**
 * The figure whose records a metric's list holds: a rate opens the count behind it (参保率 →
 * 应保未保), so the list is titled by what it lists.
 */
export function listMetric(m: MapMetric): MapMetric {
  return m.kind === 'count' ? m : (METRICS.find((x) => x.kind === 'count' && x.records === m.records) ?? m);
}

export function metricLabel(m: MapMetric, locale: Locale): string {
  return isEnglish(locale) ? m.en : m.zh;
}

export function valueOf(f: Figures, m: MapMetric): number | null {
  const v = f[m.key];
  return typeof v === 'number' ? v : null;
}

/** The value as a table prints and exports it: a per-mille rate as its number of ‰. */
export function tableValue(f: Figures, m: MapMetric): number | null {
  const v = valueOf(f, m);
  return v !== null && m.permille ? v * 1000 : v;
}

/** A figure as people read it: 93.4% / 1,234 / ¥12,345.00; "—" when there is nothing to divide. */
export function formatValue(v: number | null, m: MapMetric, locale: Locale): string {
  if (v === null) return '—';
  const tag = isEnglish(locale) ? 'en-US' : 'zh-CN';
  if (m.kind === 'rate' && m.permille) return (v * 1000).toLocaleString(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (m.kind === 'rate') return `${(Math.round(v * 1000) / 10).toLocaleString(tag, { minimumFractionDigits: 1 })}%`;
  if (m.kind === 'money') return formatYuan(v, locale);
  return v.toLocaleString(tag);
}

/** An amount in yuan: ¥12,345.00. */
export function formatYuan(v: number, locale: Locale): string {
  return v.toLocaleString(isEnglish(locale) ? 'en-US' : 'zh-CN', { style: 'currency', currency: 'CNY' });
}

/** Number of colour classes on the map and in the legend. */
export const CLASSES = 5;

/** Upper bounds of the classes: fixed for rates (what a regulator reads), equal steps up to the largest count. */
export function breaks(m: MapMetric, values: readonly (number | null)[]): readonly number[] {
  if (m.kind === 'rate') return m.bounds ?? [0.6, 0.8, 0.9, 0.95, Infinity];
  const max = Math.max(0, ...values.filter((v): v is number => v !== null));
  if (max === 0) return [0, 0, 0, 0, Infinity];
  const step = Math.max(1, Math.ceil(max / (CLASSES - 1)));
  return [0, step, 2 * step, 3 * step, Infinity];
}

/**
 * The class of a value, 0 (best) … CLASSES-1 (worst); -1 for no value. Rates below the first
 * bound are worst when higher is better; counts of 0 are class 0.
 */
export function classOf(v: number | null, m: MapMetric, bounds: readonly number[]): number {
  if (v === null) return -1;
  let i = 0;
  if (m.kind === 'rate') {
    while (i < bounds.length - 1 && v >= bounds[i]!) i++;
    return m.higherIsWorse ? i : CLASSES - 1 - i;
  }
  while (i < bounds.length - 1 && v > bounds[i]!) i++;
  return m.higherIsWorse ? i : CLASSES - 1 - i;
}

/** The legend's label of class i. */
export function classLabel(i: number, m: MapMetric, bounds: readonly number[], locale: Locale): string {
  const fmt = (v: number) => formatValue(v, m, locale);
  // classes are listed worst-to-best when higher is better, so map the index back to a bound
  const b = m.higherIsWorse ? i : CLASSES - 1 - i;
  const lo = b === 0 ? null : bounds[b - 1]!;
  const hi = bounds[b]!;
  if (m.kind === 'rate') {
    if (lo === null) return `< ${fmt(hi)}`;
    if (hi === Infinity) return `≥ ${fmt(lo)}`;
    return `${fmt(lo)} – ${fmt(hi)}`;
  }
  if (lo === null) return fmt(hi);
  if (hi === Infinity) return `> ${fmt(lo)}`;
  return lo + 1 === hi ? fmt(hi) : `${fmt(lo + 1)} – ${fmt(hi)}`;
}
