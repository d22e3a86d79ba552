/**
 * A province's bulletin at full size, for the print and export tests: eleven cities whose
 * figures add up, nine industries and ten insurers that partition them, and five problem lists
 * of 264 to 385 records each (the element loads the first 200 of each). Figures have the float
 * noise of sums (2772794.979999999), and more enterprises are insured than must insure (366 /
 * 328 in a city), as in the data that misprinted before.
 */
import type { ComplianceQuery, ComplianceReport, CoverageRecord, CoverageRecordPage, CoverageRecordsQuery, Figures } from '../../../components/data/index.js';
import { CITIES, FixtureRegulatorStore, ZHEJIANG, figures } from '../coverage-map/fixture.js';

export const PROVINCE_CITIES: readonly Figures[] = CITIES.map((c, i) => {
  const mustInsure = 1000 + 97 * i;
  const insuredMustInsure = mustInsure - (30 + i);
  const insured = insuredMustInsure + 38 + i;
  const premium = 2772794.979999999 + 10000.1 * i;
  return figures(c.code, c.name, {
    enterprises: mustInsure + 300,
    mustInsure,
    insuredMustInsure,
    insured,
    notFullyInsured: 20 + i,
    policies: insured + 40,
    activePolicies: insured + 5,
    insuredByPolicies: insured,
    workers: 30000 + 1234 * i,
    premium,
    preventionBudget: premium * 0.2,
    preventionSpent: premium * 0.15,
    renewalsDue: 100 + i,
    lapsed: 25 + i,
    uploadedLate: 22 + 2 * i,
    lowPreventionBudget: 19 + i,
  });
});

const KEYS = ['enterprises', 'mustInsure', 'insuredMustInsure', 'insured', 'notFullyInsured', 'policies', 'activePolicies', 'insuredByPolicies', 'workers', 'premium', 'preventionBudget', 'preventionSpent', 'renewalsDue', 'lapsed', 'uploadedLate', 'lowPreventionBudget'] as const;

function total(rows: readonly Figures[], code: string, name: string): Figures {
  const c: Record<string, number> = {};
  for (const k of KEYS) c[k] = rows.reduce((n, r) => n + (r[k] as number), 0);
  return figures(code, name, c);
}

export const PROVINCE_TOTAL = total(PROVINCE_CITIES, '330000', '浙江省');

/** Whole parts of `n` by weights, the last taking the rest, so they add up exactly. */
function split(n: number, weights: readonly number[], whole = true): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => (whole ? Math.floor((n * w) / sum) : Math.round(((n * w) / sum) * 100) / 100));
  parts[parts.length - 1] = n - parts.slice(0, -1).reduce((a, b) => a + b, 0);
  return parts;
}

function partition(names: readonly [string, string][], weights: readonly number[], keys: readonly (typeof KEYS)[number][]): Figures[] {
  const columns = Object.fromEntries(keys.map((k) => [k, split(PROVINCE_TOTAL[k] as number, weights, k !== 'premium' && k !== 'preventionBudget' && k !== 'preventionSpent')]));
  return names.map(([code, name], i) => figures(code, name, Object.fromEntries(keys.map((k) => [k, columns[k]![i]!]))));
}

export const PROVINCE_INDUSTRIES = partition(
  [
    ['construction', '建筑施工'], ['hazardous_chemicals', '危险化学品'], ['non_coal_mining', '非煤矿山'], ['fireworks', '烟花爆竹'], ['transport', '交通运输'],
    ['metal_smelting', '金属冶炼'], ['fishing', '渔业生产'], ['civil_explosives', '民用爆炸物品'], ['fuel_station', '加油站'],
  ],
  [30, 20, 8, 3, 15, 9, 6, 1, 8],
  ['enterprises', 'mustInsure', 'insuredMustInsure', 'insured'],
);

const INSURERS: readonly [string, string][] = [
  ['ins01', '中国人民财产保险股份有限公司浙江省分公司'], ['ins02', '中国平安财产保险股份有限公司浙江分公司'], ['ins03', '中国太平洋财产保险股份有限公司浙江分公司'],
  ['ins04', '中华联合财产保险股份有限公司浙江分公司'], ['ins05', '中国大地财产保险股份有限公司浙江分公司'], ['ins06', '阳光财产保险股份有限公司浙江省分公司'],
  ['ins07', '太平财产保险有限公司浙江分公司'], ['ins08', '中国人寿财产保险股份有限公司浙江省分公司'], ['ins09', '浙商财产保险股份有限公司'], ['ins10', '永安财产保险股份有限公司浙江分公司'],
];

export const PROVINCE_INSURERS = partition(INSURERS, [25, 20, 15, 10, 8, 7, 6, 5, 3, 1], ['policies', 'activePolicies', 'insuredByPolicies', 'workers', 'premium', 'preventionBudget', 'preventionSpent', 'lapsed', 'uploadedLate', 'lowPreventionBudget']);

const METRIC_TOTALS: Readonly<Record<string, keyof Figures>> = {
  lapsed: 'lapsed',
  not_fully_insured: 'notFullyInsured',
  uploaded_late: 'uploadedLate',
  uninsured: 'uninsured',
  low_prevention_budget: 'lowPreventionBudget',
};

const TRADES = ['建筑工程', '化工', '矿业', '运输', '金属制品', '水产', '石油销售'];

function record(metric: string, i: number): CoverageRecord {
  const city = PROVINCE_CITIES[i % PROVINCE_CITIES.length]!;
  const county = `${city.code.slice(0, 4)}0${(i % 9) + 1}`;
  const enterprise = {
    kind: 'enterprise' as const,
    enterpriseId: `e${metric}${i}`,
    uscc: `91${county}MA2${String(100000000 + i * 7919).slice(-8)}X`,
    name: `${city.name.slice(0, 2)}${['东方', '恒通', '宏达', '永安', '华盛', '金源', '瑞丰'][i % 7]}${TRADES[i % TRADES.length]}有限公司`,
    regionCode: county,
    regionName: `${city.name}第${(i % 9) + 1}区`,
    industry: PROVINCE_INDUSTRIES[i % 9]!.code,
    industryName: PROVINCE_INDUSTRIES[i % 9]!.name,
    headcount: 20 + (i % 180),
    mustInsure: true,
  };
  if (metric === 'uninsured' || metric === 'not_fully_insured') return { ...enterprise, ...(metric === 'not_fully_insured' ? { insuredPersons: 10 + (i % 170) } : {}) };
  const [insurer, insurerName] = INSURERS[i % INSURERS.length]!;
  const premium = 12345.6 + i * 10.01;
  return {
    ...enterprise,
    kind: 'policy',
    policyId: `p${metric}${i}`,
    policyNo: `AZX-${county}-2025-${String(i + 1).padStart(6, '0')}`,
    insurer,
    insurerName,
    status: metric === 'lapsed' ? 'expired' : 'active',
    periodStart: '2024-12-31 16:00:00.000Z',
    periodEnd: '2025-12-30 16:00:00.000Z',
    insuredPersons: 20 + (i % 180),
    premium,
    preventionBudget: premium * 0.12,
    ...(metric === 'uploaded_late' ? { uploadedAt: i % 5 ? '2025-03-14 02:00:00.000Z' : '' } : { uploadedAt: '2025-01-02 02:00:00.000Z' }),
  };
}

export class ProvinceStore extends FixtureRegulatorStore {
  override complianceReport(q: ComplianceQuery = {}): Promise<ComplianceReport> {
    if (q.region !== '330000') return super.complianceReport(q);
    this.calls.reports.push(q);
    return Promise.resolve({
      region: ZHEJIANG,
      childLevel: 'city',
      industry: '',
      from: '',
      to: '',
      at: '2026-11-30',
      minSharePct: 20,
      total: PROVINCE_TOTAL,
      rows: PROVINCE_CITIES,
      path: [ZHEJIANG],
      insurersActive: PROVINCE_INSURERS.length,
      byIndustry: PROVINCE_INDUSTRIES,
      byInsurer: PROVINCE_INSURERS,
      round: null,
      mustInsureOverrides: [],
      overBudget: [],
    });
  }

  override coverageRecords(q: CoverageRecordsQuery): Promise<CoverageRecordPage> {
    const figure = METRIC_TOTALS[q.metric];
    if (q.region !== '330000' || !figure) return super.coverageRecords(q);
    this.calls.records.push(q);
    const totalItems = PROVINCE_TOTAL[figure] as number;
    const perPage = q.perPage ?? 50;
    const page = q.page ?? 1;
    const from = (page - 1) * perPage;
    const items = Array.from({ length: Math.max(0, Math.min(perPage, totalItems - from)) }, (_, i) => record(q.metric, from + i));
    return Promise.resolve({ metric: q.metric, items, page, perPage, totalItems, totalPages: Math.ceil(totalItems / perPage) });
  }
}
