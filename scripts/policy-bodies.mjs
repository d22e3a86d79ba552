// Valid policy create requests for benchmarks, built from what the server holds now: the
// published policy definition and the rule packs in force for each enterprise's region, rated
// with the element's own code (components/policy-entry/rating.ts, compiled here by esbuild) so a
// body is what <azx-policy-entry> would send. A body the packs refuse is never timed.
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import { root } from './paths.mjs';

let ratingModule;

/** components/policy-entry/rating.ts as a Node module (it imports core's judge, nothing of the DOM). */
async function rating() {
  if (!ratingModule) {
    const out = buildSync({
      entryPoints: [join(root, 'components', 'policy-entry', 'rating.ts')],
      bundle: true,
      format: 'esm',
      platform: 'node',
      write: false,
      logLevel: 'silent',
    });
    ratingModule = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  }
  return ratingModule;
}

async function get(url, path, token) {
  const res = await fetch(url + path, { headers: { authorization: token } });
  const json = await res.json();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

/**
 * A builder of valid policy bodies for the enterprises an insurer sees: `body(enterprise, policyNo)`
 * gives {definition, version, enterprise, insurer, data} or throws when the packs refuse it.
 * @param {{url: string, token: string, insurer: string, start: string}} o
 */
export async function policyBodies({ url, token, insurer, start }) {
  const { rate, defaultCoefficients } = await rating();
  const defs = await get(url, `/api/collections/form_definitions/records?filter=${encodeURIComponent('key="policy" && status="published"')}&sort=-version&perPage=1`, token);
  const version = defs.items?.[0]?.version;
  if (!version) throw new Error('no published policy definition');
  const packs = new Map();
  const packOf = async (region) => {
    if (!packs.has(region)) packs.set(region, await get(url, `/api/azx/packs/effective?region=${region}&date=${start}`, token));
    return packs.get(region);
  };
  const end = new Date(Date.UTC(Number(start.slice(0, 4)) + 1, Number(start.slice(5, 7)) - 1, Number(start.slice(8, 10)) - 1)).toISOString().slice(0, 10);
  return {
    version,
    /** @param {{id: string, data: Record<string, unknown>}} e an enterprises record */
    async body(e, policyNo) {
      const d = e.data;
      const pack = await packOf(String(d.region_code));
      const tables = pack.tables;
      const headcount = Math.max(1, Number(d.headcount) || 1);
      const fields = {
        policy_no: policyNo,
        legal_basis: tables.legal_basis?.value,
        status: 'active',
        insured: { uscc: d.uscc, name: d.name, region_code: d.region_code },
        period: { start, end },
        headcount,
        insured_persons: headcount,
        cover_per_person: tables.min_cover_per_person?.value,
        coverage_scope: (tables.statutory_cover?.value ?? []).map((c) => c.code),
        prevention_clause: true,
        prevention_items: ['01', '03'],
      };
      const ctx = { enterprise: d, previous: null, date: start };
      const first = rate(pack, ctx, fields, defaultCoefficients(pack, d, headcount));
      const record = { ...first.record, prevention_budget: first.verdict.computed.suggested_prevention_budget };
      const rated = rate(pack, ctx, record, defaultCoefficients(pack, d, headcount));
      if (rated.verdict.refusals.length > 0) {
        throw new Error(`${d.name}: the packs refuse the body: ${rated.verdict.refusals.map((p) => p.code).join(', ')}`);
      }
      return { definition: 'policy', version, enterprise: e.id, insurer, data: rated.record };
    },
  };
}
