/**
 * Reading the generated vocabularies (vocab.ts, from schemas/vocabularies): a closed list of
 * codes with their Chinese and English names and the attributes code reads (`booked`,
 * `overdue`...). Code branches on the codes and attributes, never on a list typed by hand.
 */
import { isEnglish } from './language.js';

/** One code of a vocabulary; any other property is an attribute. */
export interface Term {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly [attribute: string]: string | number | boolean;
}

export interface Vocabulary {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
  readonly terms: readonly Term[];
}

type CodeOf<V extends Vocabulary> = V['terms'][number]['code'];

/** The codes in the vocabulary's order. */
export function codesOf<V extends Vocabulary>(v: V): CodeOf<V>[] {
  return v.terms.map((t) => t.code);
}

/** Whether `code` is one of the vocabulary's codes (a type guard). */
export function isCode<V extends Vocabulary>(v: V, code: unknown): code is CodeOf<V> {
  return typeof code === 'string' && v.terms.some((t) => t.code === code);
}

/** The codes whose boolean attribute is true (e.g. the hazard statuses that can be overdue). */
export function codesWith<V extends Vocabulary>(v: V, attribute: string): CodeOf<V>[] {
  return v.terms.filter((t) => t[attribute] === true).map((t) => t.code);
}

/** A code's name in the locale ('en' or Chinese); the code itself when the vocabulary lacks it. */
export function termLabel(v: Vocabulary, code: string, locale: string): string {
  const t = v.terms.find((x) => x.code === code);
  return t ? (isEnglish(locale) ? t.en : t.zh) : code;
}
