// A rule set judged with JSON Logic: named computations, then rules, each a `when` that is truthy
// when the record breaks it, reported at a path with a message in both languages. The server
// merges the rule packs of a region and day into such a set (backend/internal/packs) and judges
// every record it stores with it the same way (evaluate.go), so what the browser shows is what the
// server will say. This module knows no rule; the packs are data (schemas/packs/README.md).
import jsonLogic from 'json-logic-js';
import { installOperations } from '../core/logic-operations.js';
import type { PackProblem, PackVerdict, RuleSet, RuleSetRule } from './rule-packs.js';

// Installed here, not by a bare `import './logic.js'`: the package's sideEffects list lets a bundler
// drop a bare import, and a page without <azx-form> would then judge packs without AZX's operations.
installOperations(jsonLogic);

/** A rule set with the same set as it would be if the drafts for comment were in force. */
export interface JudgedRuleSet extends RuleSet {
  readonly proposed?: RuleSet | null;
}

/** What the logic reads besides the tables (the server's packs.Context). */
export interface RuleContext {
  readonly record: unknown;
  readonly enterprise: unknown;
  /** null: renews nothing (or the renewed policy is not visible here); {found: false}: names none of the enterprise's. */
  readonly previous: unknown;
  /** The record's own day, YYYY-MM-DD (a policy's period start). */
  readonly date: string;
  /** The day the record reaches the server (its upload day; in the browser, China's today); null or absent: a rule on it does not fire. */
  readonly today?: string | null;
}

/** A refusal or warning, and a record's verdict: the shapes the server answers with (data/rule-packs.ts). */
export type RuleProblem = PackProblem;
export type RuleVerdict = PackVerdict;

type Scope = Record<string, unknown>;

function apply(logic: unknown, scope: Scope): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: jsonLogic.apply(logic, scope) };
  } catch {
    return { ok: false };
  }
}

/** One JSON Logic value with AZX's operations; undefined when it cannot be evaluated. */
export function evaluateLogic(logic: unknown, data: unknown): unknown {
  const r = apply(logic, data as Scope);
  return r.ok ? r.value : undefined;
}

/** A parameter's value as a message shows it: String(v), nothing for null. */
function text(logic: unknown, scope: Scope): string {
  const r = apply(logic, scope);
  return r.ok && r.value !== null && r.value !== undefined ? String(r.value) : '';
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_, k: string) => values[k] ?? '');
}

function problem(rule: RuleSetRule, scope: Scope): RuleProblem {
  const zh: Record<string, string> = { source: rule.source_text.zh, pack: rule.layer_title.zh };
  const en: Record<string, string> = { source: rule.source_text.en, pack: rule.layer_title.en };
  for (const [k, l] of Object.entries(rule.params ?? {})) zh[k] = en[k] = text(l, scope);
  for (const [k, l] of Object.entries(rule.params_en ?? {})) en[k] = text(l, scope);
  return {
    path: fill(rule.path, zh),
    code: rule.code,
    severity: rule.severity,
    layer: rule.layer,
    message_zh: fill(rule.message.zh, zh),
    message_en: fill(rule.message.en, en),
  };
}

function judgeSet(set: RuleSet, kind: string, ctx: RuleContext): RuleVerdict {
  const computed: Record<string, unknown> = {};
  const data: Scope = { ...ctx, tables: set.tables, computed };
  for (const c of set.computations) {
    const r = apply(c.logic, data);
    computed[c.name] = r.ok && r.value !== undefined ? r.value : null;
  }
  const refusals: RuleProblem[] = [];
  let warnings: RuleProblem[] = [];
  const taken = new Set<string>();
  const warned = new Set<string>();
  for (const rule of set.rules) {
    if (rule.applies_to !== kind) continue;
    let scopes: Scope[] = [data];
    if (rule.each !== undefined && rule.each !== null) {
      const items = apply(rule.each, data);
      scopes = items.ok && Array.isArray(items.value) ? items.value.map((item: unknown) => ({ ...data, item })) : [];
    }
    for (let scope of scopes) {
      if (rule.let && Object.keys(rule.let).length > 0) {
        const values: Record<string, unknown> = {};
        for (const [k, l] of Object.entries(rule.let)) {
          const r = apply(l, scope);
          values[k] = r.ok && r.value !== undefined ? r.value : null;
        }
        scope = { ...scope, let: values };
      }
      const r = apply(rule.when, scope);
      // a rule that cannot be evaluated counts as broken, as on the server
      if (r.ok && !jsonLogic.truthy(r.value)) continue;
      const p = problem(rule, scope);
      if (rule.severity === 'refuse') {
        if (!taken.has(p.path)) {
          taken.add(p.path);
          refusals.push(p);
        }
      } else if (!warned.has(p.path)) {
        warned.add(p.path);
        warnings.push(p);
      }
    }
  }
  if (refusals.length > 0) warnings = warnings.filter((w) => !taken.has(w.path));
  return { computed, refusals, warnings };
}

/**
 * Runs the computations and the rules of one kind of record ("policy") over ctx. Refusals come
 * from the packs in force; what the drafts for comment would refuse besides only warns. One
 * problem per path, the first in rule order.
 */
export function judge(set: JudgedRuleSet, kind: string, ctx: RuleContext): RuleVerdict {
  const v = judgeSet(set, kind, ctx);
  if (!set.proposed) return v;
  const p = judgeSet(set.proposed, kind, ctx);
  const refused = new Set(v.refusals.map((r) => r.path));
  const warned = new Set(v.warnings.map((w) => w.path));
  const warnings = [...v.warnings];
  for (const pr of [...p.refusals, ...p.warnings]) {
    if (refused.has(pr.path) || warned.has(pr.path)) continue;
    warned.add(pr.path);
    warnings.push({ ...pr, severity: 'warn' });
  }
  return { ...v, warnings };
}

