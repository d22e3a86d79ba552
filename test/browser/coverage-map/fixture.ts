/**
 * A known regulator's world for stories and browser tests of <azx-coverage-map> and
 * <azx-compliance-report>: fixed figures for Zhejiang's cities and Hangzhou's counties, the
 * records behind them, one inspection round. A MemoryStore whose regulator methods answer from
 * these tables (MemoryStore itself leaves aggregation to the server).
 */
import {
  MemoryStore,
  StoreError,
  type ComplianceQuery,
  type ComplianceReport,
  type CoverageFigures,
  type CoverageQuery,
  type CoverageRecord,
  type CoverageRecordPage,
  type CoverageRecordsQuery,
  type Figures,
  type Finding,
  type InspectionAssignment,
  type InspectionRound,
  type RoundSamplePage,
  type NewFinding,
  type NewInspectionRound,
  type RegionRef,
} from '../../../components/data/index.js';

type Counts = Partial<Omit<Figures, 'code' | 'name'>>;

/** A row with zeros where not given and the ratios derived as the server derives them. */
export function figures(code: string, name: string, c: Counts = {}): Figures {
  const z = {
    enterprises: 0, mustInsure: 0, insured: 0, insuredMustInsure: 0, notFullyInsured: 0, policies: 0, activePolicies: 0,
    insuredByPolicies: 0, workers: 0, premium: 0, preventionBudget: 0, preventionSpent: 0, renewalsDue: 0, lapsed: 0,
    uploadedLate: 0, lowPreventionBudget: 0, noPreventionClause: 0, coverBelowMinimum: 0, coverHeadcountMismatch: 0,
    majorOpen: 0, majorOverdue: 0, sampled: 0, withProblems: 0,
    claims: 0, claimsPaidCount: 0, claimsPaid: 0, earnedPremium: 0, earnedExposure: 0,
    visitsPlanned: 0, visitsDue: 0, visitsDelivered: 0, behindPlan: 0, noAssistance: 0, ...c,
  };
  return {
    code, name, ...z,
    uninsured: z.mustInsure - z.insuredMustInsure,
    coverageRate: z.mustInsure ? z.insuredMustInsure / z.mustInsure : null,
    renewed: z.renewalsDue - z.lapsed,
    renewalRate: z.renewalsDue ? (z.renewalsDue - z.lapsed) / z.renewalsDue : null,
    preventionShare: z.premium ? z.preventionSpent / z.premium : null,
    lossRatio: z.earnedPremium ? z.claimsPaid / z.earnedPremium : null,
    pureLossRate: z.earnedExposure ? z.claimsPaid / z.earnedExposure : null,
  };
}

function sum(code: string, name: string, rows: readonly Figures[]): Figures {
  const c: Record<string, number> = {};
  for (const r of rows)
    for (const [k, v] of Object.entries(r))
      if (typeof v === 'number' && !['coverageRate', 'renewalRate', 'preventionShare', 'lossRatio', 'pureLossRate', 'uninsured', 'renewed'].includes(k)) c[k] = (c[k] ?? 0) + v;
  return figures(code, name, c as Counts);
}

/** A round's problem categories as the server names them from the packs (code, zh, en). */
export const CATEGORIES: readonly [string, string, string][] = [
  ['rate_misused', '未规范使用保险方案及费率机制', 'Rating scheme or coefficients misused'],
  ['no_prevention_clause', '未明确约定事故预防服务', 'No prevention-service clause'],
  ['cover_headcount_mismatch', '保额与投保企业人数不匹配', 'Cover does not match headcount'],
  ['irregular_entry', '录入不规范', 'Irregular data entry'],
  ['not_uploaded', '未上传系统', 'Not uploaded to the system'],
  ['not_fully_insured', '未全员投保', 'Not everyone insured'],
  ['cover_below_minimum', '每人限额低于规定标准', 'Cover per person below the minimum'],
  ['low_prevention_budget', '事故预防费用不足', 'Prevention budget below the rule'],
  ['service_perfunctory', '事故预防服务走过场', 'Prevention services perfunctory'],
  ['other', '其他', 'Other'],
];

const CITY_NAMES: readonly [string, string][] = [
  ['330100', '杭州市'], ['330200', '宁波市'], ['330300', '温州市'], ['330400', '嘉兴市'], ['330500', '湖州市'], ['330600', '绍兴市'],
  ['330700', '金华市'], ['330800', '衢州市'], ['330900', '舟山市'], ['331000', '台州市'], ['331100', '丽水市'],
];

/** City i: 100+10i must insure, of which all but (i+1) insured; other figures small and distinct. */
export const CITIES: readonly Figures[] = CITY_NAMES.map(([code, name], i) =>
  figures(code, name, {
    enterprises: 120 + 10 * i, mustInsure: 100 + 10 * i, insured: 100 + 9 * i, insuredMustInsure: 99 + 9 * i,
    notFullyInsured: i % 4, policies: 200 + 20 * i, activePolicies: 100 + 9 * i, insuredByPolicies: 100 + 9 * i,
    workers: 5000 + 321 * i, premium: 1_000_000 + 12_345.67 * i, preventionBudget: 200_000 + 2_000 * i,
    preventionSpent: 150_000 + 3_000 * i, renewalsDue: 90 + i, lapsed: i % 3, uploadedLate: (2 * i) % 7,
    lowPreventionBudget: i % 5, noPreventionClause: i % 2, majorOpen: i % 6, majorOverdue: i % 3 === 0 ? 0 : 1,
    // city i earned 500,000 and paid 100,000·i in claims: a loss ratio of 20%·i (none paid in 杭州市)
    earnedPremium: 500_000, earnedExposure: 1_000_000_000, claims: i, claimsPaidCount: i, claimsPaid: 100_000 * i,
  }),
);

export const HANGZHOU_COUNTIES: readonly Figures[] = [
  figures('330102', '上城区', { enterprises: 12, mustInsure: 10, insured: 10, insuredMustInsure: 10, activePolicies: 10, workers: 400, renewalsDue: 9 }),
  figures('330106', '西湖区', { enterprises: 20, mustInsure: 18, insured: 16, insuredMustInsure: 15, notFullyInsured: 2, activePolicies: 16, workers: 900, renewalsDue: 14, lapsed: 1, uploadedLate: 2, majorOpen: 1, majorOverdue: 1,
    visitsPlanned: 40, visitsDue: 20, visitsDelivered: 17, behindPlan: 1, noAssistance: 2 }),
  figures('330108', '滨江区', { enterprises: 8, mustInsure: 0 }),
];

export const ZHEJIANG: RegionRef = { code: '330000', name: '浙江省', level: 'province' };
const HANGZHOU: RegionRef = { code: '330100', name: '杭州市', level: 'city' };
const XIHU: RegionRef = { code: '330106', name: '西湖区', level: 'county' };

/** The records behind 西湖区's "must insure, not insured" (18 − 15 = 3). */
export const XIHU_UNINSURED: readonly CoverageRecord[] = [
  { kind: 'enterprise', enterpriseId: 'ent1', uscc: '91330106MA2XXXXX1A', name: '杭州西湖甲化工有限公司', regionCode: '330106', industry: 'hazardous_chemicals', headcount: 35, mustInsure: true },
  { kind: 'enterprise', enterpriseId: 'ent2', uscc: '91330106MA2XXXXX2B', name: '杭州西湖乙建筑有限公司', regionCode: '330106', industry: 'construction', headcount: 80, mustInsure: true },
  { kind: 'enterprise', enterpriseId: 'ent3', uscc: '91330106MA2XXXXX3C', name: '杭州西湖丙加油站', regionCode: '330106', industry: 'fuel_station', headcount: 12, mustInsure: true },
];

/** The policy behind 西湖区's "behind the service plan" (one policy in force). */
export const XIHU_BEHIND_PLAN: readonly CoverageRecord[] = [
  { kind: 'policy', enterpriseId: 'ent4', uscc: '91330106MA2XXXXX4D', name: '杭州西湖丁化工有限公司', regionCode: '330106', industry: 'hazardous_chemicals', headcount: 40, mustInsure: true,
    policyId: 'polxh1', policyNo: 'HZ-2026-0101', insurer: 'ins1', insurerName: '甲财产保险杭州分公司', status: 'active', insuredPersons: 40 },
];

/** The claims behind 宁波市's loss ratio (city 1: one claim paid 100,000). */
export const NINGBO_CLAIMS: readonly CoverageRecord[] = [
  { kind: 'claim', enterpriseId: 'ent9', uscc: '91330200MA2XXXXX9D', name: '宁波北仑甲化工有限公司', regionCode: '330206', industry: 'hazardous_chemicals', headcount: 50, mustInsure: true,
    policyId: 'polnb1', policyNo: 'NB-2026-0001', insurer: 'ins1', insurerName: '甲财产保险宁波分公司', status: 'advance_paid',
    claimId: 'clm1', claimNo: 'LP-330206-2026-000001', accidentDate: '2026-06-01', paid: 100000 },
];

export const ROUND: InspectionRound = {
  id: 'round0000000001', name: '2026 年上半年抽查', region: '330100', regionName: '杭州市', industry: '', from: '', to: '',
  seed: 2026, sampleSize: 3, population: 26, sample: ['pol1', 'pol2', 'pol3'], created: '2026-06-30 08:00:00.000Z',
  status: 'draft', source: 'drawn', unmatched: [], assignments: [],
};

export const SAMPLED: readonly CoverageRecord[] = ['pol1', 'pol2', 'pol3'].map((id, i) => ({
  kind: 'policy', enterpriseId: `e${i}`, uscc: `9133010${i}MA2XXXXXXX`, name: ['杭州甲', '杭州乙', '杭州丙'][i]! + '有限公司', regionCode: '330106',
  industry: 'construction', headcount: 40 + i, mustInsure: true, policyId: id, policyNo: `HZ-2026-00${i + 1}`, insurer: 'ins1',
  insurerName: '甲财产保险杭州分公司', status: 'active', periodStart: '2025-12-31 16:00:00.000Z', periodEnd: '2026-12-30 16:00:00.000Z', insuredPersons: 40 + i,
}));

export interface FixtureOptions {
  /** Fail every regulator call with this error (e.g. out of scope). */
  readonly refuse?: StoreError;
  /** Delay answers (ms), for the loading state. */
  readonly delay?: number;
  /** Policies in the round's sample (default the three of SAMPLED), for paging. */
  readonly sampled?: number;
}

/** A sample of n policies: SAMPLED, then generated ones. */
function sampleOf(n: number): readonly CoverageRecord[] {
  const more = Array.from({ length: Math.max(0, n - SAMPLED.length) }, (_, i) => ({ ...SAMPLED[0]!, policyId: `polx${i}`, policyNo: `HZ-2026-1${String(i).padStart(4, '0')}`, name: `杭州样本${i}有限公司` }));
  return [...SAMPLED, ...more].slice(0, n);
}

/**
 * A province round with a cross-inspection table: Shaoxing's team inspects Hangzhou (its sample,
 * SAMPLED, lies in Hangzhou), Hangzhou's inspects Ningbo. Published.
 */
export const CROSS_ROUND: InspectionRound = {
  ...ROUND, id: 'round0000000009', name: '2026 年交叉检查', region: '330000', regionName: '浙江省', status: 'published',
  assignments: [{ inspector: '330600', inspected: '330100' }, { inspector: '330100', inspected: '330200' }],
};

/** Shaoxing's city regulator, whose team CROSS_ROUND assigns to inspect Hangzhou. */
export const FIXTURE_TEAM = {
  userId: 'u-reg-sx', email: 'regulator-330600@azx.test', name: '绍兴市应急管理局', role: 'regulator', organizationId: 'org-reg-sx',
  scopeLevel: 'city', regionScope: '330600',
} as const;

/** Calls the elements made, for assertions. */
export interface Calls {
  figures: CoverageQuery[];
  records: CoverageRecordsQuery[];
  reports: ComplianceQuery[];
  draws: NewInspectionRound[];
  findings: NewFinding[];
  /** Tables saved to a draft round: [round id, lines]. */
  assignments: [string, readonly InspectionAssignment[]][];
  /** Pages of a round's sample read as a team reads them: [round id, page]. */
  samples: [string, number][];
}

/** What the bulletin lists beside its figures (issue 13): a regulator's must-insure overrides and over-budget services. */
export const MUST_INSURE_OVERRIDES = [
  { enterprise: 'ent-ov1', name: '杭州某仓储有限公司', uscc: '91330106MA2B3C4D5E', region: '330106', industry: 'hazardous_chemicals', mustInsure: false, reason: '已停产转为仓储，经局务会认定不属应保' },
] as const;
export const OVER_BUDGET = [
  { report: 'sr-ob1', reportNo: 'FW-330106-2026-000007', policy: 'pol1', insurer: 'ins1', region: '330106', cost: 9999999, reason: '重大活动保障期间追加专家驻场服务' },
] as const;

/** A province regulator a test may sign in as (most tests use the store signed out). */
export const FIXTURE_REGULATOR = {
  userId: 'u-reg-zj', email: 'regulator-zj@azx.test', name: '省应急管理厅', role: 'regulator', organizationId: 'org-reg-zj',
  scopeLevel: 'province', regionScope: '330000',
} as const;
export const FIXTURE_PASSWORD = 'fixture-password';

export class FixtureRegulatorStore extends MemoryStore {
  readonly calls: Calls = { figures: [], records: [], reports: [], draws: [], findings: [], assignments: [], samples: [] };
  readonly #opts: FixtureOptions;
  #findings: Finding[] = [];
  #rounds: InspectionRound[];
  readonly #sampled: readonly CoverageRecord[];

  constructor(opts: FixtureOptions = {}) {
    // the county the lists beside the report's figures name (overrides, services over budget),
    // which the store names to a signed-in party (FIXTURE_REGULATOR)
    super({
      // and Zhejiang's cities, which a province round's cross-inspection table picks from
      regions: [
        { code: '330106', name: '西湖区', nameEn: 'Xihu District', level: 'county', parent: '330100' },
        { code: '330000', name: '浙江省', nameEn: 'Zhejiang', level: 'province', parent: '' },
        ...CITY_NAMES.map(([code, name]) => ({ code, name, nameEn: '', level: 'city' as const, parent: '330000' })),
      ],
      users: [
        { ...FIXTURE_REGULATOR, password: FIXTURE_PASSWORD },
        { ...FIXTURE_TEAM, password: FIXTURE_PASSWORD },
      ],
    });
    this.#opts = opts;
    this.#sampled = sampleOf(opts.sampled ?? SAMPLED.length);
    this.#rounds = [{ ...ROUND, sampleSize: this.#sampled.length, sample: this.#sampled.map((s) => s.policyId!) }, CROSS_ROUND];
  }

  async #answer<T>(v: () => T): Promise<T> {
    if (this.#opts.delay) await new Promise((r) => setTimeout(r, this.#opts.delay));
    if (this.#opts.refuse) throw this.#opts.refuse;
    return v();
  }

  override coverageFigures(q: CoverageQuery = {}): Promise<CoverageFigures> {
    this.calls.figures.push(q);
    return this.#answer(() => {
      const base = { industry: q.industry ?? '', from: q.from ?? '', to: q.to ?? '', at: q.at ?? '2026-11-01', minSharePct: q.minSharePct ?? null };
      if (q.region === '330100')
        return { ...base, region: HANGZHOU, childLevel: 'county', rows: HANGZHOU_COUNTIES, total: sum('330100', '杭州市', HANGZHOU_COUNTIES), path: [ZHEJIANG, HANGZHOU] } as CoverageFigures;
      if (q.region === '330106')
        return { ...base, region: XIHU, childLevel: 'county', rows: [HANGZHOU_COUNTIES[1]!], total: HANGZHOU_COUNTIES[1]!, path: [ZHEJIANG, HANGZHOU, XIHU] } as CoverageFigures;
      if (q.region && q.region !== '330000') return { ...base, region: { code: q.region, name: q.region, level: 'city' }, childLevel: 'county', rows: [], total: figures(q.region, q.region), path: [ZHEJIANG] } as CoverageFigures;
      return { ...base, region: ZHEJIANG, childLevel: 'city', rows: CITIES, total: sum('330000', '浙江省', CITIES), path: [ZHEJIANG] } as CoverageFigures;
    });
  }

  override coverageRecords(q: CoverageRecordsQuery): Promise<CoverageRecordPage> {
    this.calls.records.push(q);
    return this.#answer(() => {
      let items: readonly CoverageRecord[] = [];
      if (q.metric === 'uninsured' && (q.region === '330106' || q.region === '330100')) items = XIHU_UNINSURED;
      if (q.metric === 'claims_paid' && q.region === '330200') items = NINGBO_CLAIMS;
      if (q.metric === 'behind_plan' && (q.region === '330106' || q.region === '330100')) items = XIHU_BEHIND_PLAN;
      if (q.metric === 'sampled') items = this.#sampled;
      if (q.metric === 'with_problems') items = this.#sampled.filter((s) => this.#findings.some((f) => f.policy === s.policyId));
      const perPage = q.perPage ?? 50;
      const page = q.page ?? 1;
      return { metric: q.metric, items: items.slice((page - 1) * perPage, page * perPage), page, perPage, totalItems: items.length, totalPages: Math.ceil(items.length / perPage) };
    });
  }

  override complianceReport(q: ComplianceQuery = {}): Promise<ComplianceReport> {
    this.calls.reports.push(q);
    return this.#answer(() => {
      // an assigned team reads no report of the province's round (the server answers 404)
      if (q.round === CROSS_ROUND.id && this.party?.regionScope !== '330000') {
        throw new StoreError({ code: 'not_found', status: 404, message_zh: '检查轮次不存在', message_en: 'The inspection round does not exist' });
      }
      const region = q.region ?? (q.round ? '330100' : '330100');
      const rows = region === '330100' ? HANGZHOU_COUNTIES : CITIES;
      const round = q.round ? this.#rounds.find((r) => r.id === q.round) : undefined;
      const withProblems = new Set(this.#findings.filter((f) => f.round === round?.id).map((f) => f.policy)).size;
      const total = { ...sum(region, region === '330100' ? '杭州市' : '浙江省', rows), ...(round ? { sampled: round.sample.length, withProblems } : {}) };
      const ofRound = this.#findings.filter((f) => f.round === round?.id);
      // the categories of the packs in force for the round (the server reads finding_categories);
      // 未全员投保 counts enterprises and stands beside the records' figure and two import flags
      const categories = CATEGORIES.map(([c, zh, en]) => ({
        category: c,
        zh,
        en,
        source: '苏应急〔2024〕132号 二（二）',
        count: ofRound.filter((f) => f.category === c).length,
        policies: new Set(ofRound.filter((f) => f.category === c).map((f) => f.policy)).size,
        unit: c === 'not_fully_insured' ? ('enterprise' as const) : ('policy' as const),
        records: c === 'not_fully_insured' ? total.notFullyInsured : null,
        flagged: c === 'not_fully_insured' ? 2 : 0,
      }));
      return {
        region: region === '330100' ? HANGZHOU : ZHEJIANG,
        childLevel: region === '330100' ? 'county' : 'city', industry: q.industry ?? '', from: q.from ?? '', to: q.to ?? '', at: q.at ?? '2026-11-01', minSharePct: q.minSharePct ?? null,
        total, rows, path: [HANGZHOU],
        insurersActive: 2,
        categories,
        byIndustry: [
          figures('construction', '建筑施工', { enterprises: 25, mustInsure: 25, insured: 22, insuredMustInsure: 22 }),
          figures('hazardous_chemicals', '危险化学品', { enterprises: 15, mustInsure: 3, insured: 4, insuredMustInsure: 3 }),
        ],
        byInsurer: [
          figures('ins1', '甲财产保险杭州分公司', { policies: 20, activePolicies: 16, workers: 800, premium: 400000, uploadedLate: 2, ...(round ? { sampled: 3, withProblems } : {}) }),
          figures('ins2', '乙人寿财险杭州分公司', { policies: 12, activePolicies: 10, workers: 500, premium: 250000 }),
        ],
        round: round
          ? {
              ...round,
              sampled: round.sample.length,
              withProblems,
              categories,
              findings: this.#findings.filter((f) => f.round === round.id),
            }
          : null,
        mustInsureOverrides: region === '330100' ? MUST_INSURE_OVERRIDES : [],
        overBudget: region === '330100' ? OVER_BUDGET : [],
      };
    });
  }

  override listInspectionRounds(): Promise<readonly InspectionRound[]> {
    // a city regulator lists its own rounds and those whose table assigns its team
    const scope = this.party?.regionScope;
    return this.#answer(() => this.#rounds.filter((r) => !scope || scope === '330000' || r.region.startsWith(scope.slice(0, 4)) || r.assignments.some((a) => a.inspector === scope)));
  }

  override setRoundAssignments(id: string, assignments: readonly InspectionAssignment[]): Promise<InspectionRound> {
    this.calls.assignments.push([id, assignments]);
    return this.#answer(() => {
      const i = this.#rounds.findIndex((r) => r.id === id);
      this.#rounds[i] = { ...this.#rounds[i]!, assignments };
      return this.#rounds[i]!;
    });
  }

  override roundSample(id: string, page = 1, perPage = 50): Promise<RoundSamplePage> {
    this.calls.samples.push([id, page]);
    return this.#answer(() => {
      const items = this.#sampled.map((s) => ({
        id: s.policyId!, policyNo: s.policyNo!, enterprise: s.enterpriseId, enterpriseName: s.name, insurer: s.insurer!, insurerName: s.insurerName!,
        region: s.regionCode, regionName: '西湖区', findings: this.#findings.filter((f) => f.round === id && f.policy === s.policyId),
      }));
      return {
        page, perPage, totalItems: items.length, items: items.slice((page - 1) * perPage, page * perPage),
        categories: CATEGORIES.map(([category, zh, en]) => ({ category, zh, en, source: '浙应急〔2020〕94号' })),
      };
    });
  }

  override drawSample(r: NewInspectionRound): Promise<InspectionRound> {
    this.calls.draws.push(r);
    return this.#answer(() => {
      const round = { ...ROUND, id: `round${String(this.#rounds.length + 1).padStart(10, '0')}`, name: r.name, seed: r.seed ?? 0, sampleSize: Math.min(3, r.size ?? 3) };
      this.#rounds = [round, ...this.#rounds];
      return round;
    });
  }

  override listFindings(roundId: string): Promise<readonly Finding[]> {
    return this.#answer(() => this.#findings.filter((f) => f.round === roundId));
  }

  override recordFinding(f: NewFinding): Promise<Finding> {
    this.calls.findings.push(f);
    return this.#answer(() => {
      const round = this.#rounds.find((r) => r.id === f.round);
      if (!round?.sample.includes(f.policy)) {
        throw new StoreError({
          code: 'validation', status: 400, message_zh: '记录未通过校验', message_en: 'The record failed validation',
          fieldErrors: { policy: { code: 'invalid_policy', message: '该保单不在本轮抽查样本中', message_zh: '该保单不在本轮抽查样本中', message_en: "This policy is not in the round's sample" } },
        });
      }
      const s = this.#sampled.find((x) => x.policyId === f.policy)!;
      const finding: Finding = { id: `f${this.#findings.length + 1}`, round: f.round, policy: f.policy, policyNo: s.policyNo ?? '', enterprise: s.enterpriseId, enterpriseName: s.name, insurer: 'ins1', category: f.category, note: f.note ?? '', created: '2026-07-01 08:00:00.000Z' };
      this.#findings.push(finding);
      return finding;
    });
  }
}

/** Tile positions of Zhejiang's cities, roughly as they lie (north at the top). */
export const ZHEJIANG_TILES = {
  '330500': { row: 1, col: 2 }, '330400': { row: 1, col: 3 },
  '330100': { row: 2, col: 2 }, '330600': { row: 2, col: 3 }, '330200': { row: 2, col: 4 }, '330900': { row: 2, col: 5 },
  '330800': { row: 3, col: 1 }, '330700': { row: 3, col: 2 }, '331000': { row: 3, col: 4 },
  '331100': { row: 4, col: 2 }, '330300': { row: 4, col: 3 },
} as const;

/** A toy GeoJSON: three squares named by code (not real boundaries). */
export const TOY_GEOJSON = {
  type: 'FeatureCollection' as const,
  features: [
    ['330102', 120.1, 30.2], ['330106', 120.2, 30.2], ['330108', 120.1, 30.3],
  ].map(([code, x, y]) => ({
    type: 'Feature' as const,
    properties: { code: code as string },
    geometry: { type: 'Polygon' as const, coordinates: [[[x as number, y as number], [(x as number) + 0.09, y as number], [(x as number) + 0.09, (y as number) + 0.09], [x as number, (y as number) + 0.09], [x as number, y as number]]] },
  })),
};
