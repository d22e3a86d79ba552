/**
 * What regulators read (<azx-coverage-map>, <azx-compliance-report>): figures aggregated on the
 * server per region, industry or insurer, the records behind each figure, inspection rounds
 * with their seeded sample of policies, and the findings recorded against sampled policies.
 * Shapes follow backend/internal/coverage (GET /api/azx/coverage/..., /api/azx/compliance/...).
 */

import type { BulkFailure } from './bulk.js';
import type { RegionLevel, RoundStatus } from './vocab.js';

export interface RegionRef {
  /** Six-digit GB/T 2260 code. */
  readonly code: string;
  /** The division's name, or its code when the server knows no name. */
  readonly name: string;
  readonly level: RegionLevel;
}

/** What every figure is filtered by. Dates are calendar dates (YYYY-MM-DD, Beijing time). */
export interface CoverageQuery {
  /** The region whose figures are asked for; default: the regulator's own scope. */
  readonly region?: string;
  /** One industry code (e.g. "hazardous_chemicals"); default: all. */
  readonly industry?: string;
  /** A period window: policies in force during it. Both or neither. */
  readonly from?: string;
  readonly to?: string;
  /** "Today" for overdue deadlines; default: the server's today. */
  readonly at?: string;
  /**
   * A minimum prevention budget to judge every policy by, percent of premium; default: each
   * policy by the floor of the rule packs in force for it (Suzhou sets one; most regions none).
   */
  readonly minSharePct?: number;
}

/** One row of figures: a region, an industry or an insurer (`code`, `name`). */
export interface Figures {
  readonly code: string;
  readonly name: string;
  readonly enterprises: number;
  readonly mustInsure: number;
  /** Enterprises with a policy in force (now, or during the window). */
  readonly insured: number;
  readonly insuredMustInsure: number;
  /** Must insure but not insured (应保未保). */
  readonly uninsured: number;
  /** insuredMustInsure / mustInsure; null when nobody must insure. */
  readonly coverageRate: number | null;
  /** Insured, but the policy names fewer persons than the registry's headcount (未全员投保). */
  readonly notFullyInsured: number;
  /** Policies (in the window). */
  readonly policies: number;
  /** Policies in force. */
  readonly activePolicies: number;
  /** Distinct enterprises of the policies in force (per insurer: the insurer's insured). */
  readonly insuredByPolicies: number;
  /** Persons insured by the policies in force. */
  readonly workers: number;
  /** Yuan. */
  readonly premium: number;
  readonly preventionBudget: number;
  /** Delivered or confirmed prevention services' cost, yuan. */
  readonly preventionSpent: number;
  /** preventionSpent / premium; null without premium. */
  readonly preventionShare: number | null;
  /** Expired policies. */
  readonly renewalsDue: number;
  readonly renewed: number;
  /** Expired, not renewed, and the enterprise has no policy in force (到期未续保). */
  readonly lapsed: number;
  /** renewed / renewalsDue; null when none was due. */
  readonly renewalRate: number | null;
  /** Uploaded later after the period start than the rule packs in force for it allow, or not at all (未按时上传). */
  readonly uploadedLate: number;
  /** Prevention budget below the floor of the rule packs in force for the policy (or the share asked for). */
  readonly lowPreventionBudget: number;
  readonly noPreventionClause: number;
  /** Cover per person under the minimum of the rule packs in force on the policy's start. */
  readonly coverBelowMinimum: number;
  /** Insured persons ≠ the headcount the policy states. */
  readonly coverHeadcountMismatch: number;
  /**
   * Delivery against the service plan of the policies in force: the visits their enterprises'
   * risk grades plan over their periods, those due by `at` (pro rata, as the rule packs'
   * service_delivery says), those delivered (booked reports in the period).
   */
  readonly visitsPlanned: number;
  readonly visitsDue: number;
  readonly visitsDelivered: number;
  /** Policies in force with fewer visits delivered than due (未按服务方案开展服务). */
  readonly behindPlan: number;
  /** Policies in force past the packs' share of their period without their assistance visit (帮扶). */
  readonly noAssistance: number;
  /** Major hazards not yet verified closed. */
  readonly majorOpen: number;
  /** Of those, past their deadline without a rectification. */
  readonly majorOverdue: number;
  /** Claims whose accident falls in the window (every claim without one). */
  readonly claims: number;
  /** Of those, the claims paid anything (advance payment or settlement). */
  readonly claimsPaidCount: number;
  /** What those claims were paid, yuan. */
  readonly claimsPaid: number;
  /** Premium earned: each policy's premium pro rata to its period in the window and past by `at`. */
  readonly earnedPremium: number;
  /** Sum insured (cover per person × insured persons) earned the same way. */
  readonly earnedExposure: number;
  /** 赔付率: claimsPaid / earnedPremium; null when nothing was earned. */
  readonly lossRatio: number | null;
  /** 纯风险损失率: claimsPaid / earnedExposure; null when nothing was exposed. */
  readonly pureLossRate: number | null;
  /** Reports with a round only: policies sampled, and those with at least one finding. */
  readonly sampled: number;
  readonly withProblems: number;
}

/** A region's figures broken down by its children (a county: by itself). */
export interface CoverageFigures {
  readonly region: RegionRef;
  readonly childLevel: RegionLevel;
  readonly industry: string;
  /** The window as asked ("" without one). */
  readonly from: string;
  readonly to: string;
  readonly at: string;
  /** The share asked for; null: each policy judged by its packs' floor. */
  readonly minSharePct: number | null;
  readonly total: Figures;
  /** Children by code; known divisions without data show as zeros. */
  readonly rows: readonly Figures[];
  /** From the regulator's scope down to `region`, for a breadcrumb. */
  readonly path: readonly RegionRef[];
}

/** Metrics whose records can be listed; `finding:<category>` needs a round. */
export type CoverageMetric =
  | 'enterprises'
  | 'must_insure'
  | 'insured'
  | 'insured_must_insure'
  | 'uninsured'
  | 'not_fully_insured'
  | 'policies'
  | 'active'
  | 'renewals_due'
  | 'lapsed'
  | 'uploaded_late'
  | 'low_prevention_budget'
  | 'no_prevention_clause'
  | 'cover_below_minimum'
  | 'cover_headcount_mismatch'
  | 'major_open'
  | 'major_overdue'
  | 'claims'
  | 'claims_paid'
  | 'behind_plan'
  | 'no_assistance'
  | 'sampled'
  | 'with_problems'
  | `finding:${string}`;

export interface CoverageRecordsQuery extends CoverageQuery {
  readonly metric: CoverageMetric;
  /** Only this insurer's policies (policy metrics). */
  readonly insurer?: string;
  /** An inspection round (needed by `sampled`, `with_problems`, `finding:*`). */
  readonly round?: string;
  /** 1-based; default 1. */
  readonly page?: number;
  /** Default 50, at most 500. */
  readonly perPage?: number;
}

/** One record behind a figure: an enterprise, or a policy, hazard or claim with its enterprise. */
export interface CoverageRecord {
  readonly kind: 'enterprise' | 'policy' | 'hazard' | 'claim';
  readonly enterpriseId: string;
  readonly uscc: string;
  readonly name: string;
  readonly regionCode: string;
  /** The region's name (the server's reference data); the code when it knows none. */
  readonly regionName?: string;
  readonly industry: string;
  /** The industry's name (the server's reference data). */
  readonly industryName?: string;
  readonly headcount: number;
  readonly mustInsure: boolean;
  readonly policyId?: string;
  readonly policyNo?: string;
  readonly insurer?: string;
  readonly insurerName?: string;
  readonly status?: string;
  readonly periodStart?: string;
  readonly periodEnd?: string;
  readonly insuredPersons?: number;
  readonly premium?: number;
  readonly preventionBudget?: number;
  readonly uploadedAt?: string;
  readonly hazardId?: string;
  readonly deadline?: string;
  readonly claimId?: string;
  readonly claimNo?: string;
  /** The accident's day, YYYY-MM-DD. */
  readonly accidentDate?: string;
  /** Paid on the claim so far, yuan. */
  readonly paid?: number;
}

export interface CoverageRecordPage {
  readonly metric: CoverageMetric;
  readonly items: readonly CoverageRecord[];
  readonly page: number;
  readonly perPage: number;
  readonly totalItems: number;
  readonly totalPages: number;
}

/**
 * A problem category an inspector records: a code of the rule packs in force for the round's
 * region (their finding_categories table, e.g. "rate_misused"); the round names them in its summary.
 */
export type FindingCategory = string;

/** A problem category of a round's packs, in their words, with the notice it comes from. */
export interface RoundCategory {
  readonly category: FindingCategory;
  readonly zh: string;
  readonly en: string;
  /** The notice the category comes from ('' when none). */
  readonly source: string;
}

/** A round's category, the packs' words for it, and its findings. */
export interface CategoryCount extends RoundCategory {
  readonly count: number;
  /** Distinct policies with a finding of it. */
  readonly policies: number;
  /** The records' figure set beside the inspectors' count (a Figures field), when the packs name one. */
  readonly figure?: keyof Figures;
  /** The pack rules whose import flags count toward it. */
  readonly rules?: readonly string[];
  /** What it counts: enterprises (家企业) or policies (份保单). */
  readonly unit: 'enterprise' | 'policy';
  /** The region's records figure for it (null: the packs name none). */
  readonly records: number | null;
  /** Policies of the region a bulk import flagged with its rules. */
  readonly flagged: number;
}

/** A pack rule broken by imported records of the region (bulk import mode), with its source. */
export interface RuleCount {
  readonly rule: string;
  readonly source: string;
  readonly count: number;
  readonly policies: number;
}

/** One line of a cross-inspection table: the inspector region's team inspects the inspected region in this round only. */
export interface InspectionAssignment {
  readonly inspector: string;
  readonly inspected: string;
}

/** An inspection round: a reproducible sample of policies. */
export interface InspectionRound {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly regionName: string;
  readonly industry: string;
  readonly from: string;
  readonly to: string;
  readonly seed: number;
  readonly sampleSize: number;
  /** How many policies the sample was drawn from. */
  readonly population: number;
  /** Sampled policy ids in draw order. */
  readonly sample: readonly string[];
  readonly created: string;
  /** A draft is deleted; a published round is what the bulletin rests on. */
  readonly status: RoundStatus;
  /** Drawn by the server, or the inspectors' own list of policy numbers. */
  readonly source: 'drawn' | 'list';
  /** Numbers of the inspectors' list no stored policy has (never uploaded). */
  readonly unmatched: readonly string[];
  readonly assignments: readonly InspectionAssignment[];
}

export interface NewInspectionRound {
  readonly name: string;
  /** Default: the regulator's scope. */
  readonly region?: string;
  readonly industry?: string;
  readonly from?: string;
  readonly to?: string;
  /** Same seed over the same population → same sample. */
  readonly seed?: number;
  /** 1–5000. */
  readonly size?: number;
  /** The inspectors' own list of policy numbers (instead of a drawn sample). */
  readonly policies?: readonly string[];
  /** Cross-inspection: which region's team inspects which region in this round. */
  readonly assignments?: readonly InspectionAssignment[];
}

export interface Finding {
  readonly id: string;
  readonly round: string;
  readonly policy: string;
  readonly policyNo: string;
  readonly enterprise: string;
  readonly enterpriseName: string;
  readonly insurer: string;
  readonly category: FindingCategory;
  readonly note: string;
  readonly created: string;
}

export interface NewFinding {
  readonly round: string;
  /** Must be one of the round's sampled policies. */
  readonly policy: string;
  readonly category: FindingCategory;
  readonly note?: string;
}

/**
 * The answer to the inspectors' findings sheet (POST /api/azx/compliance/rounds/{id}/findings/import),
 * in the shape of a bulk upload's: refused rows were not stored; a row the round already holds
 * (same policy, category and note) is `unchanged`.
 */
export interface FindingsSheetResult {
  readonly created: number;
  readonly unchanged: number;
  readonly failed: readonly BulkFailure[];
  /** What the file was read as: `utf-8`, `gb18030`, `xlsx`. */
  readonly encoding: string;
}

/** One sampled policy as the round's inspectors page through it, with its findings so far. */
export interface SampledPolicy {
  readonly id: string;
  readonly policyNo: string;
  readonly enterprise: string;
  readonly enterpriseName: string;
  readonly insurer: string;
  readonly insurerName: string;
  readonly region: string;
  /** The region's name (the server's reference data). */
  readonly regionName: string;
  readonly findings: readonly Finding[];
}

/**
 * A page of a round's sample (GET /api/azx/compliance/rounds/{id}/sample): every sampled policy
 * the caller may inspect, in sample order — a cross-inspection team only those of the regions
 * the round's table assigns it — and the categories a finding may name.
 */
export interface RoundSamplePage {
  readonly page: number;
  readonly perPage: number;
  readonly totalItems: number;
  readonly items: readonly SampledPolicy[];
  readonly categories: readonly RoundCategory[];
}

export interface RoundSummary extends InspectionRound {
  readonly sampled: number;
  readonly withProblems: number;
  /** Every category of the region's packs, in their order (then any no pack lists any more), with findings and distinct policies. */
  readonly categories: readonly CategoryCount[];
  readonly findings: readonly Finding[];
}

export interface ComplianceQuery extends CoverageQuery {
  /** The round whose sample and findings the report includes; its region, industry and period are the defaults. */
  readonly round?: string;
  /** Insurers by name (pinyin) or by size (policies in force); default: by id. */
  readonly insurers?: 'name' | 'size';
}

/** The bulletin: the region's figures, by industry and by insurer, and the round's findings. */
export interface ComplianceReport extends CoverageFigures {
  readonly insurersActive: number;
  readonly byIndustry: readonly Figures[];
  readonly byInsurer: readonly Figures[];
  readonly round: RoundSummary | null;
  /** Every problem category of the region's packs: the inspectors' counts beside the records'. */
  readonly categories?: readonly CategoryCount[];
  /** The region's import flags by rule. */
  readonly systemFindings?: readonly RuleCount[];
  /** Enterprises whose must-insure flag a regulator set against the packs, with the recorded reason. */
  readonly mustInsureOverrides: readonly MustInsureOverride[];
  /** Services booked beyond their policy's remaining prevention budget, with the recorded reason. */
  readonly overBudget: readonly OverBudgetService[];
}

/** An enterprise whose must_insure is a regulator's judgement (data.must_insure_override), not the packs'. */
export interface MustInsureOverride {
  readonly enterprise: string;
  readonly name: string;
  readonly uscc: string;
  readonly region: string;
  readonly industry: string;
  readonly mustInsure: boolean;
  readonly reason: string;
}

/** A service report whose cost went beyond its policy's remaining prevention budget (data.over_budget_reason). */
export interface OverBudgetService {
  readonly report: string;
  readonly reportNo: string;
  readonly policy: string;
  readonly insurer: string;
  readonly region: string;
  readonly cost: number;
  readonly reason: string;
}
