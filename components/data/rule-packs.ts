// Rule packs as the server gives them (backend/internal/packs, schemas/packs/README.md): the packs
// in force for a region on a day, merged. core/rule-set.ts judges records with them.
import type { PackLegalStatus } from './vocab.js';

export interface RuleText {
  readonly zh: string;
  readonly en: string;
}

export interface RuleSetTable {
  readonly title: RuleText;
  readonly value: unknown;
  readonly example?: boolean;
  readonly note?: RuleText;
}

export interface RuleSetComputation {
  readonly name: string;
  readonly logic: unknown;
}

export interface RuleSetRule {
  readonly code: string;
  /** The kind of record it judges ("policy"). */
  readonly applies_to: string;
  readonly severity: 'refuse' | 'warn';
  /** Optional list: the rule is judged once per item, the item at {"var": "item"}. */
  readonly each?: unknown;
  /** Values each judgement reads as {"var": "let.<name>"}; they do not see each other. */
  readonly let?: Readonly<Record<string, unknown>>;
  readonly when: unknown;
  /** Dotted path in the record, with {param} placeholders. */
  readonly path: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly params_en?: Readonly<Record<string, unknown>>;
  readonly message: RuleText;
  /** The pack that wrote the rule, and its title ({pack}). */
  readonly layer: string;
  readonly layer_title: RuleText;
  /** Where the rule comes from, as text ({source}). */
  readonly source_text: RuleText;
}

/** Tables, computations and rules of layered packs, merged. */
export interface RuleSet {
  readonly tables: Readonly<Record<string, RuleSetTable>>;
  readonly computations: readonly RuleSetComputation[];
  readonly rules: readonly RuleSetRule[];
}

/** One pack of an effective pack. */
export interface PackLayer {
  readonly key: string;
  readonly version: number;
  readonly title: string;
  readonly title_en: string;
  /** 000000 (national) or a GB/T 2260 code. */
  readonly jurisdiction: string;
  readonly legal_status: PackLegalStatus;
  readonly effective_from: string;
  readonly effective_to: string | null;
  readonly extends: string | null;
}

/** What applies to a region on a day (GET /api/azx/packs/effective?region&date). */
export interface EffectivePack extends RuleSet {
  readonly region: string;
  readonly date: string;
  /** The days around `date` on which the same packs apply ('' / null: open-ended). */
  readonly valid_from: string;
  readonly valid_to: string | null;
  /** The packs in force, widest first. */
  readonly layers: readonly PackLayer[];
  /** The same with the drafts for comment: what they add only warns; null when there are none. */
  readonly proposed: (RuleSet & { readonly layers: readonly PackLayer[] }) | null;
}

/** Whether an effective pack answers for a day (its packs are the same throughout). */
export function packCovers(pack: EffectivePack, day: string): boolean {
  return day >= pack.valid_from && (pack.valid_to === null || day <= pack.valid_to);
}
