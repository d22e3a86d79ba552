// The renderer registry (the tester/rank pattern of JSON Forms): for each
// schema node the renderer whose tester returns the highest rank wins; on a
// tie the one registered last wins, so a portal can override a built-in.
import type { FieldContext } from './field.js';
import type { JsonSchema } from './schema.js';
import { enumOptions, primaryType } from './schema.js';

export const NOT_APPLICABLE = -1;

export interface TesterContext {
  pointer: string;
  root: JsonSchema;
}

/** How well a renderer fits a node: NOT_APPLICABLE, or a rank (higher wins). */
export type Tester = (schema: JsonSchema, context: TesterContext) => number;
/** Returns anything Lit can render (usually an html`` template). */
export type Renderer = (field: FieldContext) => unknown;

export interface RendererEntry {
  name: string;
  tester: Tester;
  render: Renderer;
}

export type Predicate = (schema: JsonSchema, context: TesterContext) => boolean;

export const rankWith = (rank: number, predicate: Predicate): Tester => (schema, context) =>
  predicate(schema, context) ? rank : NOT_APPLICABLE;
export const and = (...ps: Predicate[]): Predicate => (s, c) => ps.every((p) => p(s, c));
export const isType = (type: string): Predicate => (s) => primaryType(s) === type;
export const hasFormat = (format: string): Predicate => (s) => s.format === format;
export const hasWidget = (widget: string): Predicate => (s) => s['x-widget'] === widget;
export const isEnum: Predicate = (s) => enumOptions(s, 'zh-CN') !== undefined;

const entries: { entry: RendererEntry; seq: number }[] = [];
const listeners = new Set<() => void>();
let seq = 0;

/** Add a renderer; returns a function that removes it again. */
export function registerRenderer(entry: RendererEntry): () => void {
  const item = { entry, seq: seq++ };
  entries.push(item);
  notify();
  return () => {
    const i = entries.indexOf(item);
    if (i >= 0) {
      entries.splice(i, 1);
      notify();
    }
  };
}

export function findRenderer(schema: JsonSchema, context: TesterContext): RendererEntry | undefined {
  let best: { entry: RendererEntry; rank: number; seq: number } | undefined;
  for (const { entry, seq: s } of entries) {
    const rank = entry.tester(schema, context);
    if (rank === NOT_APPLICABLE) continue;
    if (!best || rank > best.rank || (rank === best.rank && s > best.seq)) best = { entry, rank, seq: s };
  }
  return best?.entry;
}

/** Forms re-render when renderers are added or removed after they rendered. */
export function onRegistryChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const l of listeners) l();
}
