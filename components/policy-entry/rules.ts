// The rule-pack checks of a policy, a line-for-line port of backend/internal/packs/check.go:
// both run the parity corpus schemas/packs/cases.json, so the browser refuses exactly what the
// server will refuse, with the same messages.
import { FACTOR_ORDER, MESSAGES, bandValue, hundredths, type Pack } from './pack.js';
import { baseRateFen, coef, fen, percent, premiumFen, ratioFen, yuan } from './money.js';

/** What the registry says about the insured (the enterprises row). */
export interface RegistryEnterprise {
  readonly name: string;
  readonly region_code: string;
  readonly industry: string;
  readonly headcount: number;
  readonly standardization_level?: string;
  readonly safety_credit?: string;
  readonly dual_prevention?: string;
}

/** The policy a renewal names: found false when the enterprise has no such policy. */
export interface PreviousPolicy {
  readonly found: boolean;
  /** YYYY-MM-DD */
  readonly end: string;
}

/** One refused rule: its path inside data, code and message in both languages. */
export interface Problem {
  readonly path: string;
  readonly code: string;
  readonly zh: string;
  readonly en: string;
}

type Params = Record<string, string>;
type Data = Readonly<Record<string, unknown>>;

function at(data: unknown, ...path: string[]): unknown {
  let cur = data;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !(k in cur)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

function numAt(data: unknown, ...path: string[]): number | undefined {
  const v = at(data, ...path);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function strAt(data: unknown, ...path: string[]): string {
  const v = at(data, ...path);
  return typeof v === 'string' ? v : '';
}

/** A YYYY-MM-DD date as UTC milliseconds, or undefined when it is not a real date. */
export function dayOf(s: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === s ? t : undefined;
}

const DAY = 86_400_000;

function fill(template: string, ps: Params, suffix: string): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => ps[k + suffix] ?? ps[k] ?? '');
}

function grade(ent: RegistryEnterprise, field: string | undefined): string {
  switch (field) {
    case 'standardization_level':
      return ent.standardization_level ?? '';
    case 'safety_credit':
      return ent.safety_credit ?? '';
    case 'dual_prevention':
      return ent.dual_prevention ?? '';
  }
  return '';
}

class Checker {
  readonly out: Problem[] = [];
  readonly #seen = new Set<string>();
  constructor(readonly pack: Pack) {}

  add(path: string, code: string, ps: Params = {}): void {
    if (this.#seen.has(path)) return;
    this.#seen.add(path);
    const m = MESSAGES[code]!;
    const r = this.pack.prevention_ratio;
    let src = this.pack.rules[m.rule] ?? { source: '', source_en: '' };
    if (code === 'prevention_budget_under_ratio') src = { source: r.min_source ?? '', source_en: r.min_source_en ?? '' };
    if (code === 'prevention_budget_over_cap') src = { source: r.max_source ?? '', source_en: r.max_source_en ?? '' };
    const all: Params = { ...ps, source: src.source, 'source|en': src.source_en, pack: this.pack.title, 'pack|en': this.pack.title_en };
    this.out.push({ path, code, zh: fill(m.zh, all, ''), en: fill(m.en, all, '|en') });
  }
}

/**
 * Every rule of the pack on a policy's data for an enterprise of the registry; prev is the
 * renewed policy (undefined when the record renews none). No problems: the policy may be stored.
 */
export function checkPolicy(pack: Pack, ent: RegistryEnterprise, data: Data, prev?: PreviousPolicy | null): Problem[] {
  const c = new Checker(pack);

  const headcount = numAt(data, 'headcount');
  const insured = numAt(data, 'insured_persons');
  if (headcount !== undefined && insured !== undefined && insured !== headcount) {
    c.add('insured_persons', 'cover_headcount_mismatch', { insured: String(insured), headcount: String(headcount) });
  }
  if (headcount !== undefined && ent.headcount > 0 && Math.trunc(headcount) < ent.headcount) {
    c.add('headcount', 'not_fully_insured', { headcount: String(headcount), registry: String(ent.headcount) });
  }

  const cover = numAt(data, 'cover_per_person');
  if (cover !== undefined) {
    const min = pack.cover_minimum[strAt(data, 'legal_basis')];
    if (typeof min === 'number' && fen(cover) < fen(min)) c.add('cover_per_person', 'cover_below_minimum', { minimum: yuan(fen(min)) });
  }

  rating(c, ent, data, cover, insured);

  const scope = at(data, 'coverage_scope');
  if (scope !== undefined) {
    const list = Array.isArray(scope) ? scope : [];
    const missing = pack.statutory_scope.filter((item) => !list.includes(item));
    const title = (item: string) => pack.scope_titles?.[item] ?? { title: item, title_en: item };
    if (missing.length > 0) {
      c.add('coverage_scope', 'coverage_cut', {
        missing: missing.map((m) => title(m).title).join('、'),
        'missing|en': missing.map((m) => title(m).title_en).join(', '),
      });
    }
  }

  if (at(data, 'prevention_clause') === false) c.add('prevention_clause', 'no_prevention_clause');
  const premium = numAt(data, 'premium');
  const budget = numAt(data, 'prevention_budget');
  if (premium !== undefined && budget !== undefined && premium > 0) {
    const r = pack.prevention_ratio;
    if (r.min !== undefined) {
      const want = ratioFen(fen(premium), r.min, true);
      if (fen(budget) < want) c.add('prevention_budget', 'prevention_budget_under_ratio', { ratio: percent(r.min), expected: yuan(want) });
    }
    if (r.max !== undefined && (r.max_applies_to !== 'high_risk' || pack.high_risk_industries.includes(ent.industry))) {
      const cap = ratioFen(fen(premium), r.max, false);
      if (fen(budget) > cap) c.add('prevention_budget', 'prevention_budget_over_cap', { ratio: percent(r.max), expected: yuan(cap) });
    }
  }

  const name = strAt(data, 'insured', 'name');
  if (name !== '' && ent.name !== '' && name !== ent.name) c.add('insured.name', 'irregular_name', { expected: ent.name });
  const region = strAt(data, 'insured', 'region_code');
  if (region !== '' && ent.region_code !== '' && region !== ent.region_code) {
    c.add('insured.region_code', 'irregular_region', { expected: ent.region_code });
  }
  const start = dayOf(strAt(data, 'period', 'start'));
  const end = dayOf(strAt(data, 'period', 'end'));
  if (start !== undefined && end !== undefined) {
    const days = Math.trunc((end - start) / DAY) + 1;
    const long = pack.long_period_industries.includes(ent.industry);
    if (!(end > start) || (!long && pack.max_period_days > 0 && days > pack.max_period_days)) {
      c.add('period.end', 'period_invalid', { days: String(pack.max_period_days) });
    }
  }

  const no = strAt(data, 'renewal_of');
  if (no !== '' && prev) {
    if (!prev.found) {
      c.add('renewal_of', 'renewal_unknown', { policy: no });
    } else {
      const prevEnd = dayOf(prev.end);
      if (prevEnd !== undefined && start !== undefined) {
        const due = prevEnd + DAY;
        if (start > due) c.add('period.start', 'renewal_gap', { expected: new Date(due).toISOString().slice(0, 10) });
      }
    }
  }
  return c.out;
}

function rating(c: Checker, ent: RegistryEnterprise, data: Data, cover: number | undefined, insured: number | undefined): void {
  const p = c.pack;
  const r = at(data, 'rating');
  if (r === undefined) {
    c.add('rating', 'rating_missing');
    return;
  }
  const base = numAt(r, 'base_rate');
  const rate = p.base_rates.rates[ent.industry];
  if (rate !== undefined && base !== undefined && cover !== undefined) {
    const want = baseRateFen(rate, cover, p.base_rates.basis_cover);
    if (fen(base) !== want) c.add('rating.base_rate', 'base_rate_mismatch', { expected: yuan(want), industry: ent.industry, cover: yuan(fen(cover)) });
  }
  const restrictions = at(data, 'restrictions');
  if (Array.isArray(restrictions) && restrictions.length > 0) c.add('restrictions', 'restrictions_added');

  const coefs: number[] = [];
  let complete = base !== undefined;
  for (const key of FACTOR_ORDER) {
    const f = p.coefficients[key];
    if (!f) continue;
    const path = `rating.coefficients.${key}`;
    const v = numAt(r, 'coefficients', key);
    if (v === undefined) {
      c.add(path, 'rating_missing');
      complete = false;
      continue;
    }
    const { h, clean } = hundredths(v);
    coefs.push(h);
    const ps: Params = { factor: f.title, 'factor|en': f.title_en, value: String(v) };
    if (f.bands && f.bands.length > 0) {
      const want = bandValue(p, Math.trunc(insured ?? 0));
      if (want !== undefined && insured !== undefined && (!clean || h !== want)) {
        c.add(path, 'coefficient_not_registry', { ...ps, expected: coef(want) });
      }
      continue;
    }
    const options = f.options ?? [];
    const found = clean && options.some((o) => hundredths(o.value).h === h);
    const g = grade(ent, f.from_enterprise);
    const fromRegistry = g !== '' ? options.find((o) => o.code === g) : undefined;
    if (!found) {
      c.add(path, 'coefficient_not_allowed', { ...ps, allowed: options.map((o) => coef(hundredths(o.value).h)).join(' / ') });
    } else if (fromRegistry && hundredths(fromRegistry.value).h !== h) {
      c.add(path, 'coefficient_not_registry', { ...ps, expected: coef(hundredths(fromRegistry.value).h) });
    }
  }
  if (!complete || insured === undefined || base === undefined) return;
  const want = premiumFen(fen(base), coefs, Math.trunc(insured));
  const byRate = numAt(r, 'premium_by_rate');
  if (byRate !== undefined && fen(byRate) !== want) c.add('rating.premium_by_rate', 'premium_by_rate_mismatch', { expected: yuan(want) });
  const premium = numAt(data, 'premium');
  if (premium !== undefined && fen(premium) !== want) {
    c.add('premium', 'premium_mismatch', { premium: yuan(fen(premium)), expected: yuan(want) });
  }
}
