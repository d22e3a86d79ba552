// The premium as the pack's computations give it (base_rate, premium), with the breakdown the
// element shows, and the policy judged by the pack's rules: the same JSON Logic the server runs.
import { evaluateLogic, judge, type RuleContext, type RuleVerdict } from '../data/rule-set.js';
import type { EffectivePack } from '../data/index.js';
import { ratingFactors, type RatingBand, type RatingFactor, type RatingOption } from './tables.js';

type Data = Record<string, unknown>;

export interface RatingLine {
  readonly factor: RatingFactor;
  readonly value: number;
  /** The option or band it comes from, when the pack lists it. */
  readonly label?: { readonly zh: string; readonly en: string };
  /** Fixed by the registry (a grade) or by the insured persons (a band): not a free choice. */
  readonly fixed: boolean;
}

export interface Rated {
  /** The policy as it will be stored: the fields, and the rating and premium once they compute. */
  readonly record: Data;
  readonly verdict: RuleVerdict;
  readonly lines: readonly RatingLine[];
  /** Base rate at the policy's cover, and the premium by the rating (yuan). */
  readonly base?: number;
  readonly premium?: number;
}

/** The option a registry grade fixes for a factor, if the registry records the grade. */
export function registryOption(f: RatingFactor, enterprise: Data): RatingOption | undefined {
  const grade = f.from_enterprise ? enterprise[f.from_enterprise] : undefined;
  return typeof grade === 'string' && grade !== '' ? f.options?.find((o) => o.code === grade) : undefined;
}

/** The band of a number of insured persons (the pack's own `tier` look-up). */
export function bandOf(f: RatingFactor, persons: number): RatingBand | undefined {
  if (!f.bands) return undefined;
  return (evaluateLogic({ tier: [persons, { var: 'bands' }, 'max'] }, { bands: f.bands }) ?? undefined) as RatingBand | undefined;
}

/** A first choice of each coefficient: the registry's grade or the band, else the neutral 1, else the first. */
export function defaultCoefficients(pack: EffectivePack, enterprise: Data, persons: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of ratingFactors(pack)) {
    const fixed = f.bands ? bandOf(f, persons) : registryOption(f, enterprise);
    const neutral = f.options?.find((o) => o.value === 1) ?? f.options?.[0];
    out[f.key] = (fixed ?? neutral)?.value ?? 1;
  }
  return out;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

/**
 * Rates the policy's fields with the chosen coefficients (a band follows the insured persons)
 * and judges the result: the base rate first (it scales with the cover), then the premium.
 */
export function rate(pack: EffectivePack, ctx: Omit<RuleContext, 'record'>, fields: Data, chosen: Readonly<Record<string, number>>): Rated {
  const enterprise = (ctx.enterprise ?? {}) as Data;
  const persons = Math.trunc(num(fields['insured_persons']) ?? 0);
  const coefficients: Record<string, number> = {};
  const lines: RatingLine[] = [];
  for (const f of ratingFactors(pack)) {
    const band = bandOf(f, persons);
    const value = band ? band.value : (chosen[f.key] ?? 1);
    coefficients[f.key] = value;
    const option = band ?? f.options?.find((o) => o.value === value);
    lines.push({ factor: f, value, label: option && { zh: option.zh, en: option.en }, fixed: band !== undefined || registryOption(f, enterprise) !== undefined });
  }
  const run = (record: Data) => judge(pack, 'policy', { ...ctx, record });
  const { premium: _p, rating: _r, ...rest } = fields;
  const base = num(run({ ...rest, rating: { coefficients } }).computed['base_rate']);
  if (base === undefined) return { record: rest, verdict: run(rest), lines };
  const premium = num(run({ ...rest, rating: { base_rate: base, coefficients } }).computed['premium']);
  if (premium === undefined) return { record: rest, verdict: run(rest), lines, base };
  const record = { ...rest, premium, rating: { base_rate: base, coefficients, premium_by_rate: premium } };
  return { record, verdict: run(record), lines, base, premium };
}
