/**
 * What validators generated ahead of time by Ajv (scripts/validators.mjs, Ajv's standalone
 * code) need at run time, and where they register. Generated code is plain JavaScript in a
 * same-origin module: it runs under a Content-Security-Policy without 'unsafe-eval', and the
 * page ships no Ajv compiler.
 */
import { AZX_FORMATS } from '../formats.js';
import { FORMATS } from '../interpreter/formats.js';
import { equal as jsonEqual } from '../interpreter/equal.js';
import { schemaHash } from './hash.js';

/** Ajv's runtime/ucs2length: string length in code points, as JSON Schema counts it. */
export function ucs2length(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Ajv's runtime/equal (fast-deep-equal) for JSON values. */
export const equal = jsonEqual;

/**
 * Every format a definition may name: ajv-formats' full set and ours (uscc, cn-region, cn-mobile).
 * The interpreter's table is its prototype, so the rare formats are here once loaded
 * (interpreter/formats.ts loadRareFormats; the form loads them before it compiles a schema that
 * names one). Look formats up by name: the object's own keys are ours only.
 */
export const formats: Readonly<Record<string, (s: string) => boolean>> = Object.assign(Object.create(FORMATS) as Record<string, (s: string) => boolean>, AZX_FORMATS);

export interface PrecompiledError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** An Ajv-generated validate function: true, or false with `errors` set. */
export type PrecompiledValidate = ((data: unknown) => boolean) & { errors?: PrecompiledError[] | null };

const registry = new Map<string, PrecompiledValidate>();

/** Called by each generated module when it is imported. */
export function registerPrecompiled(hash: string, validate: PrecompiledValidate): void {
  registry.set(hash, validate);
}

/** The generated validator for exactly this schema, if its module was imported (callers cache per schema). */
export function precompiledFor(schema: object): PrecompiledValidate | undefined {
  return registry.size ? registry.get(schemaHash(schema)) : undefined;
}
