// The shapes the interpreter shares with Ajv's callers, and its own internals.
import type { Draft } from './dialect.js';

/** An error with exactly Ajv's fields, so code written for Ajv's errors reads these unchanged. */
export interface AjvLikeError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
  propertyName?: string;
}

/** Ajv's ValidateFunction contract: call it, then read `errors` (null when valid). */
export type ValidateLike = ((data: unknown) => boolean) & {
  errors: AjvLikeError[] | null;
  /** Formats the interpreter could not check and ignored (unknownFormats: 'ignore'). */
  ignoredFormats?: SchemaProblem[];
};

export interface InterpreterOptions {
  /** Extra string formats beside the built-in (ajv-formats "full") set, e.g. AZX_FORMATS. */
  formats?: Readonly<Record<string, (s: string) => boolean>>;
  /** Declared extra keywords (X_KEYWORDS): accepted, their value's JSON type checked. */
  keywords?: readonly { keyword: string; schemaType?: string }[];
  /** Ajv's multipleOfPrecision: a quotient within 1e-N of an integer counts as a multiple. */
  multipleOfPrecision?: number;
  /** Ajv's strict mode (default on): unknown keywords and formats are refused at compile time. */
  strict?: boolean;
  /** Check the schema against its draft's meta-schema first (default on). */
  validateSchema?: boolean;
  /**
   * A format the interpreter cannot check: refused at compile time (`'refuse'`, the default in
   * strict mode, as Ajv's strict mode does) or an annotation that always passes (`'ignore'`,
   * listed in the validate function's `ignoredFormats`).
   */
  unknownFormats?: 'refuse' | 'ignore';
}

/** One thing wrong with a schema, at its location in the schema ("#/properties/a"). */
export interface SchemaProblem {
  path: string;
  message: string;
}

/** Annotations of one instance location: what unevaluated* must not look at again. */
export interface Ev {
  props: Set<string>;
  allProps: boolean;
  items: number;
  itemSet: Set<number>;
  allItems: boolean;
}

export type Json = Record<string, unknown>;

/** One schema object, prepared once: where it is, its base URI and its keywords in Ajv's order. */
export interface SchemaNode {
  s: Json;
  path: string;
  base: string;
  steps: Step[];
  /** $ref / $dynamicRef targets, resolved at compile time. */
  ref?: Target;
  dref?: { target: Target; anchor: string | null };
  /** declared types; properties as [key, instance path step, schemaPath], computed once */
  t?: unknown[];
  props?: [string, string, string][];
  /** compiled pattern / patternProperties */
  re?: RegExp;
  pp?: [RegExp, string][];
}

export interface Target {
  s: unknown;
  path: string;
}

/** State of one validate() call. */
export interface Ctx {
  errs: AjvLikeError[];
  doc: Doc;
  scope: string[];
}

export interface Doc {
  draft: Draft;
  nodes: WeakMap<object, SchemaNode>;
  dyn: Map<string, Map<string, Target>>;
  track: boolean;
  dynamic: boolean;
  formats: Record<string, (s: string) => boolean>;
  prec: number;
  ignored: SchemaProblem[];
}

export type Step = (c: Ctx, n: SchemaNode, d: unknown, at: string, ev: Ev | null) => boolean;
