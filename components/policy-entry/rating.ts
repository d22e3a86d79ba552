// The premium as the pack rates it, with the breakdown the element shows.
import { FACTOR_ORDER, bandValue, hundredths, type FactorKey, type Pack, type PackOption } from './pack.js';
import { baseRateFen, fen, premiumFen } from './money.js';
import type { RegistryEnterprise } from './rules.js';

export interface Rating {
  readonly base_rate: number;
  readonly coefficients: Readonly<Record<FactorKey, number>>;
  readonly premium_by_rate: number;
}

export interface RatingLine {
  readonly key: FactorKey;
  /** The coefficient in hundredths. */
  readonly h: number;
  /** The option or band it comes from, when the pack lists it. */
  readonly label?: { readonly zh: string; readonly en: string };
  /** Fixed by the registry (grade) or by the insured persons (band): not a free choice. */
  readonly fixed: boolean;
}

export interface Breakdown {
  readonly rateFen: number | undefined;
  readonly baseFen: number | undefined;
  readonly lines: readonly RatingLine[];
  readonly persons: number;
  readonly premiumFen: number | undefined;
}

/** The option the registry's grade fixes for a factor, if the registry records the grade. */
export function registryOption(pack: Pack, ent: RegistryEnterprise, key: FactorKey): PackOption | undefined {
  const f = pack.coefficients[key];
  const field = f?.from_enterprise;
  const g = field ? (ent as unknown as Record<string, unknown>)[field] : undefined;
  return typeof g === 'string' && g !== '' ? f?.options?.find((o) => o.code === g) : undefined;
}

/** A sensible first choice of each coefficient: the registry's grade, else the neutral 1. */
export function defaultCoefficients(pack: Pack, ent: RegistryEnterprise, persons: number): Record<FactorKey, number> {
  const out = {} as Record<FactorKey, number>;
  for (const key of FACTOR_ORDER) {
    const f = pack.coefficients[key];
    if (!f) continue;
    if (f.bands) {
      out[key] = (bandValue(pack, persons) ?? 100) / 100;
      continue;
    }
    const fixed = registryOption(pack, ent, key);
    const neutral = f.options?.find((o) => o.value === 1) ?? f.options?.[0];
    out[key] = (fixed ?? neutral)?.value ?? 1;
  }
  return out;
}

/** The breakdown of the premium for a cover, persons and chosen coefficients. */
export function breakdown(pack: Pack, ent: RegistryEnterprise, cover: number | undefined, persons: number, coefficients: Readonly<Record<string, number>>): Breakdown {
  const rate = pack.base_rates.rates[ent.industry];
  const baseFen = rate !== undefined && cover !== undefined && cover > 0 ? baseRateFen(rate, cover, pack.base_rates.basis_cover) : undefined;
  const lines: RatingLine[] = [];
  for (const key of FACTOR_ORDER) {
    const f = pack.coefficients[key];
    if (!f) continue;
    const v = coefficients[key] ?? 1;
    const { h } = hundredths(v);
    if (f.bands) {
      const band = f.bands.find((b) => b.max === null || persons <= b.max);
      lines.push({ key, h, label: band && { zh: band.title, en: band.title_en }, fixed: true });
      continue;
    }
    const o = f.options?.find((x) => hundredths(x.value).h === h);
    lines.push({ key, h, label: o && { zh: o.title, en: o.title_en }, fixed: registryOption(pack, ent, key) !== undefined });
  }
  const premium = baseFen !== undefined && persons > 0 ? premiumFen(baseFen, lines.map((l) => l.h), persons) : undefined;
  return { rateFen: rate !== undefined ? fen(rate) : undefined, baseFen, lines, persons, premiumFen: premium };
}

/** The rating object stored in the policy (yuan and plain coefficients). */
export function ratingOf(b: Breakdown): Rating | undefined {
  if (b.baseFen === undefined || b.premiumFen === undefined) return undefined;
  const coefficients = Object.fromEntries(b.lines.map((l) => [l.key, l.h / 100])) as Record<FactorKey, number>;
  return { base_rate: b.baseFen / 100, coefficients, premium_by_rate: b.premiumFen / 100 };
}
