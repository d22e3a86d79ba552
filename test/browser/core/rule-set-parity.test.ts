/**
 * Every test case of every published rule pack, judged in the browser (core's judge over the
 * effective pack the server gives) and by the server (POST /api/azx/packs/judge): the same
 * refusals and warnings, in the same words, the same computed values, and what the pack's own
 * test expects. The Go test (backend/internal/packs, TestShippedPacks) runs the same cases.
 */
import { expect } from '@open-wc/testing';
import { judge, type RuleVerdict } from '../../../components/data/rules.js';
import type { EffectivePack } from '../../../components/data/index.js';
import { world } from '../setup/world.js';

type Json = Record<string, unknown>;

interface PackTest {
  readonly name: string;
  readonly region?: string;
  readonly date?: string;
  readonly enterprise: Json;
  readonly record: Json;
  readonly previous?: unknown;
  readonly today?: string;
  readonly expect: { readonly refuse?: Record<string, string>; readonly warn?: Record<string, string>; readonly computed?: Json };
}

async function api<T>(path: string, token: string, body?: unknown): Promise<T> {
  const res = await fetch((await world()).url + path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: token, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `${path}: ${res.status}`).to.equal(200);
  return (await res.json()) as T;
}

const byPath = (list: RuleVerdict['refusals']) => Object.fromEntries(list.map((p) => [p.path, p.code]));

/** JSON with object keys sorted (the server writes maps sorted, the browser in insertion order). */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as Json).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );
}

describe('rule packs: the browser judges as the server does', () => {
  it('every published pack’s test cases', async function () {
    this.timeout(60000);
    const w = await world();
    const login = await fetch(`${w.url}/api/collections/users/auth-with-password`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ identity: w.users.insurerA.email, password: w.users.insurerA.password }),
    });
    const token = ((await login.json()) as { token: string }).token;
    const packs = await api<{ items: Json[] }>(`/api/collections/rule_packs/records?perPage=200&filter=${encodeURIComponent('status="published"')}`, token);
    const packsByKey = new Map<string, EffectivePack>();
    const mismatches: string[] = [];
    const codes = new Set<string>();
    const fired = new Set<string>();
    let cases = 0;
    for (const pack of packs.items) {
      for (const r of (pack['rules'] as { code: string }[] | null) ?? []) codes.add(r.code);
      for (const t of (pack['tests'] as PackTest[] | null) ?? []) {
        cases++;
        const region = t.region || String(t.enterprise['region_code'] ?? '') || String(pack['jurisdiction']);
        const date = t.date || String((t.record['period'] as Json | undefined)?.['start'] ?? '') || String(pack['effective_from']);
        const key = `${region}@${date}`;
        if (!packsByKey.has(key)) packsByKey.set(key, await api<EffectivePack>(`/api/azx/packs/effective?region=${region}&date=${date}`, token));
        const mine = judge(packsByKey.get(key)!, 'policy', { record: t.record, enterprise: t.enterprise, previous: t.previous ?? null, date, today: t.today ?? null });
        const server = await api<{ verdict: RuleVerdict }>('/api/azx/packs/judge', token, {
          region, date, enterprise: t.enterprise, record: t.record, previous: t.previous ?? null, today: t.today ?? '',
        });
        const name = `${String(pack['key'])}: ${t.name}`;
        const same = (what: string, a: unknown, b: unknown) => {
          if (canonical(a) !== canonical(b)) mismatches.push(`${name}: ${what}\n  browser ${canonical(a)}\n  server  ${canonical(b)}`);
        };
        same('refusals', mine.refusals, server.verdict.refusals);
        same('warnings', mine.warnings, server.verdict.warnings);
        same('computed', mine.computed, server.verdict.computed);
        same('expected refusals', byPath(mine.refusals), t.expect.refuse ?? {});
        same('expected warnings', byPath(mine.warnings), t.expect.warn ?? {});
        for (const [k, v] of Object.entries(t.expect.computed ?? {})) same(`computed.${k}`, mine.computed[k] ?? null, v);
        for (const p of [...mine.refusals, ...mine.warnings]) fired.add(p.code);
      }
    }
    expect(mismatches, mismatches.join('\n')).to.deep.equal([]);
    expect(cases).to.be.at.least(50);
    expect([...codes].filter((c) => !fired.has(c)), 'rules no test case fires').to.deep.equal([]);
  });
});
