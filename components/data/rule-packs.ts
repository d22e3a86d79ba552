// Rule packs as the server gives them (backend/internal/packs, schemas/packs/README.md): the packs
// in force for a region on a day, merged. rule-set.ts judges records with them.
import type { DefinitionStatus, PackLegalStatus } from './vocab.js';

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
  /** What it computes, in both languages (packs may say). */
  readonly title?: RuleText;
  readonly logic: unknown;
}

export interface RuleSetRule extends RuleFields {
  /** The pack that wrote the rule, and its title ({pack}). */
  readonly layer: string;
  readonly layer_title: RuleText;
  /** Where the rule comes from, as text ({source}). */
  readonly source_text: RuleText;
}

/** A rule's own fields, as a pack writes it and as a merged rule set carries it. */
export interface RuleFields {
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

// ── what administrators edit (rule_packs records; schemas/packs/README.md) ─────────────────

/** A document a pack cites. */
export interface PackSource {
  readonly id: string;
  readonly title: string;
  readonly title_en?: string;
  readonly short_en?: string;
  readonly issued?: string;
}

/** Where a table or rule comes from: a listed document and article, or the source of a table. */
export interface PackCitation {
  readonly document?: string;
  readonly article?: string;
  readonly article_en?: string;
  readonly table?: string;
}

export interface PackTable {
  readonly title: RuleText;
  readonly value: unknown;
  readonly source?: PackCitation;
  readonly example?: boolean;
  readonly note?: RuleText;
}

/** A rule as written in a pack (RuleSetRule is the same merged, with its layer and source as text). */
export interface PackRule extends RuleFields {
  readonly title?: RuleText;
  readonly source: PackCitation;
}

/** "This sample policy must be refused with code X": judged by the packs as if this one were published. */
export interface PackTestCase {
  readonly name: string;
  readonly region?: string;
  readonly date?: string;
  readonly enterprise: Readonly<Record<string, unknown>>;
  readonly record: Readonly<Record<string, unknown>>;
  readonly previous?: unknown;
  /** The day the record reaches the server; without it a rule on today does not fire. */
  readonly today?: string;
  readonly expect: {
    /** path → code; {} expects none. */
    readonly refuse?: Readonly<Record<string, string>>;
    readonly warn?: Readonly<Record<string, string>>;
    readonly computed?: Readonly<Record<string, unknown>>;
  };
}

/** The document of one pack version: what an administrator writes. */
export interface PackDocument {
  readonly key: string;
  readonly title: string;
  readonly title_en: string;
  /** 000000 (national) or a GB/T 2260 code. */
  readonly jurisdiction: string;
  readonly legal_status: PackLegalStatus;
  readonly effective_from: string;
  readonly effective_to: string | null;
  readonly extends: string | null;
  readonly note?: unknown;
  readonly sources: readonly PackSource[];
  readonly tables: Readonly<Record<string, PackTable>>;
  readonly computations: readonly RuleSetComputation[];
  readonly rules: readonly PackRule[];
  readonly tests: readonly PackTestCase[];
}

/** One stored version of a pack (`rule_packs`). */
export interface RulePack extends PackDocument {
  readonly id: string;
  readonly version: number;
  readonly status: DefinitionStatus;
  /** ISO 8601; empty for drafts. */
  readonly publishedAt: string;
}

/** A refusal or warning of a judged record. */
export interface PackProblem {
  readonly path: string;
  readonly code: string;
  readonly severity: 'refuse' | 'warn';
  readonly layer: string;
  readonly message_zh: string;
  readonly message_en: string;
}

/** A record judged: the computed values, the refusals and the warnings. */
export interface PackVerdict {
  readonly computed: Readonly<Record<string, unknown>>;
  readonly refusals: readonly PackProblem[];
  readonly warnings: readonly PackProblem[];
}

/** One test case run by the server (POST /api/azx/packs/check). */
export interface PackTestResult {
  readonly name: string;
  readonly region: string;
  readonly date: string;
  readonly passed: boolean;
  readonly verdict: PackVerdict;
  /** What differs from the case's expectation, in words. */
  readonly diffs?: readonly string[];
}

/** The server's dry run of a pack: the errors a save would give, and its tests' verdicts. */
export interface PackCheck {
  /** By path in the document (`tables.min_cover_per_person.value`, `rules.2.when`…). */
  readonly errors: Readonly<Record<string, { readonly code: string; readonly message: string; readonly message_zh: string; readonly message_en: string }>>;
  readonly tests: readonly PackTestResult[];
  /** Published packs some of whose cases this version would make fail. */
  readonly dependents?: readonly { readonly key: string; readonly version: number; readonly failed: readonly PackTestResult[] }[];
  readonly dependent_tests?: number;
}
