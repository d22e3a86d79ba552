// The tables of an effective rule pack the element shows and fills in from (schemas/packs/README.md
// names them): the rating factors and base rates, the minimum cover, the legal basis, the
// prevention floor and cap. Reading data by name; the rules themselves run in core's judge.
import type { EffectivePack } from '../data/index.js';

export interface RatingOption {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly value: number;
}

export interface RatingBand {
  readonly max: number | null;
  readonly zh: string;
  readonly en: string;
  readonly value: number;
}

/** A floating coefficient: chosen from options (fixed by a registry grade), or by headcount band. */
export interface RatingFactor {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  /** The registry field whose grade fixes it (standardization_level, ...). */
  readonly from_enterprise?: string;
  readonly options?: readonly RatingOption[];
  readonly bands?: readonly RatingBand[];
}

export interface BaseRates {
  readonly basis_cover: number;
  readonly rates: Readonly<Record<string, number>>;
}

export function tableValue(pack: EffectivePack, name: string): unknown {
  return pack.tables[name]?.value;
}

export function tableNumber(pack: EffectivePack, name: string): number | undefined {
  const v = tableValue(pack, name);
  return typeof v === 'number' ? v : undefined;
}

export function isExample(pack: EffectivePack, name: string): boolean {
  return pack.tables[name]?.example === true;
}

export function ratingFactors(pack: EffectivePack): readonly RatingFactor[] {
  const v = tableValue(pack, 'rating_factors');
  return Array.isArray(v) ? (v as RatingFactor[]) : [];
}

export function baseRates(pack: EffectivePack): BaseRates | undefined {
  const v = tableValue(pack, 'base_rates') as BaseRates | undefined;
  return v && typeof v.basis_cover === 'number' && v.rates ? v : undefined;
}

/** The pack of the region's narrowest jurisdiction: the one the element names. */
export function narrowestLayer(pack: EffectivePack): EffectivePack['layers'][number] | undefined {
  return pack.layers[pack.layers.length - 1];
}
