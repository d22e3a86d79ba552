// Jurisdiction rule packs, the same files the server embeds (pack-data.ts is generated from
// backend/internal/packs/data/*.json), and the choice of a pack by region.
import { PACK_FILES } from './pack-data.js';

export interface PackOption {
  readonly code: string;
  readonly title: string;
  readonly title_en: string;
  readonly value: number;
}

export interface PackBand {
  readonly max: number | null;
  readonly title: string;
  readonly title_en: string;
  readonly value: number;
}

export interface PackFactor {
  readonly title: string;
  readonly title_en: string;
  readonly example?: boolean;
  /** The registry field whose grade fixes this coefficient (standardization_level, ...). */
  readonly from_enterprise?: string;
  readonly options?: readonly PackOption[];
  readonly bands?: readonly PackBand[];
}

export interface PackSource {
  readonly source: string;
  readonly source_en: string;
}

export interface PackRatio {
  readonly min?: number;
  readonly min_source?: string;
  readonly min_source_en?: string;
  readonly max?: number;
  /** "high_risk": the cap binds only the high-risk industries. */
  readonly max_applies_to?: string;
  readonly max_source?: string;
  readonly max_source_en?: string;
}

export interface Pack {
  readonly id: string;
  readonly title: string;
  readonly title_en: string;
  /** GB/T 2260 prefixes the pack governs ("3205" Suzhou); empty for the national default. */
  readonly regions: readonly string[];
  readonly effective_from: string;
  readonly note: string;
  readonly high_risk_industries: readonly string[];
  readonly cover_minimum: Readonly<Record<string, number | string>>;
  readonly base_rates: {
    readonly example: boolean;
    readonly basis_cover: number;
    readonly note: string;
    readonly note_en: string;
    readonly rates: Readonly<Record<string, number>>;
  };
  readonly coefficients: Readonly<Record<string, PackFactor>>;
  readonly prevention_ratio: PackRatio;
  readonly statutory_scope: readonly string[];
  readonly scope_titles?: Readonly<Record<string, { readonly title: string; readonly title_en: string }>>;
  readonly max_period_days: number;
  readonly long_period_industries: readonly string[];
  readonly rules: Readonly<Record<string, PackSource>>;
}

export interface MessageTemplate {
  readonly rule: string;
  readonly zh: string;
  readonly en: string;
}

/** The order coefficients are listed and multiplied in (the server's FactorOrder). */
export const FACTOR_ORDER = ['accident_record', 'standardization', 'safety_credit', 'dual_prevention', 'headcount_band'] as const;
export type FactorKey = (typeof FACTOR_ORDER)[number];

const packs = new Map<string, Pack>();
for (const [name, file] of Object.entries(PACK_FILES)) {
  if (name !== 'messages' && name !== 'cases') packs.set(name, file as Pack);
}

export const MESSAGES = (PACK_FILES['messages'] as { messages: Readonly<Record<string, MessageTemplate>> }).messages;

/** Every pack, by id. */
export function allPacks(): readonly Pack[] {
  return [...packs.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export function getPack(id: string): Pack | undefined {
  return packs.get(id);
}

/**
 * The pack of a region: the longest `regions` prefix that matches (320507 → suzhou,
 * 110105 → beijing), else the deployment's `fallback`, else national (as the server decides).
 */
export function packForRegion(region: string, fallback = 'national'): Pack {
  let best: Pack | undefined;
  let bestLen = 0;
  for (const p of allPacks()) {
    for (const prefix of p.regions) {
      if (region.startsWith(prefix) && prefix.length > bestLen) {
        best = p;
        bestLen = prefix.length;
      }
    }
  }
  return best ?? packs.get(fallback) ?? packs.get('national')!;
}

/** The headcount-band coefficient (hundredths) for a number of insured persons. */
export function bandValue(pack: Pack, persons: number): number | undefined {
  const f = pack.coefficients['headcount_band'];
  for (const b of f?.bands ?? []) {
    if (b.max === null || persons <= b.max) return hundredths(b.value).h;
  }
  return undefined;
}

/** A coefficient in hundredths (0.95 → 95); clean is false with more than two decimals. */
export function hundredths(c: number): { h: number; clean: boolean } {
  const h = Math.round(c * 100);
  return { h, clean: Math.abs(c * 100 - h) < 1e-6 };
}
