// What the Node-driven benchmarks (bench-backend.mjs, bench-mixed.mjs) share: a JSON call to the
// API, a sign-in, percentiles, and the filtered policy lists with the check that every row timed
// is the caller's own (an empty page would be quick and wrong, so a timed page must have rows).

export const PASSWORD = 'azx-demo-2026';

export function round(x) {
  return Math.round(x * 10) / 10;
}

/** The p-th percentile of ascending numbers (NaN when there are none). */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

/** One API call with a JSON body (or a FormData one); the answer's status and parsed body. */
export async function api(url, path, { token, method = 'GET', body } = {}) {
  const form = body instanceof FormData;
  const res = await fetch(url + path, {
    method,
    headers: { ...(form || body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: token } : {}) },
    body: body === undefined || form ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = { raw: text };
  }
  return { status: res.status, json };
}

export async function login(url, email) {
  const r = await api(url, '/api/collections/users/auth-with-password', {
    method: 'POST',
    body: { identity: email, password: PASSWORD },
  });
  if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${JSON.stringify(r.json)}`);
  return { token: r.json.token, user: r.json.record };
}

export const INDUSTRIES = ['hazardous_chemicals', 'construction', 'transport', 'metal_smelting', 'fuel_station', 'hazchem_user'];
const PERIODS = [
  ['2024-01-01', '2024-12-31'],
  ['2025-01-01', '2025-06-30'],
  ['2025-07-01', '2025-12-31'],
  ['2026-01-01', '2026-10-31'],
];

/** The policy list queries: filter by industry and period start, newest first, 50 a page, no total. */
export function listPaths(pin = '') {
  const paths = [];
  for (const [from, to] of PERIODS) {
    for (const industry of INDUSTRIES) {
      const filter = `${pin}industry = "${industry}" && period_start >= "${from} 00:00:00" && period_start <= "${to} 23:59:59"`;
      paths.push({ industry, path: `/api/collections/policies/records?filter=${encodeURIComponent(filter)}&sort=-period_start&perPage=50&skipTotal=1` });
    }
  }
  return paths;
}

/** The check of a list page: 200, rows, every one with `field` = `value` (and of `industry` when given). */
export function ownRows(field, value) {
  return (r, industry) =>
    r.status === 200 && r.json.items?.length > 0 && r.json.items.every((it) => it[field] === value && (!industry || it.industry === industry));
}

/**
 * A list reader: its token, the column its rows must all hold (`field` = `value`: its own rows),
 * and the queries (`{path, industry?}`, the policy lists by default) that have rows for it, found
 * untimed; a timed page must then have rows, all the caller's (and of the query's industry).
 * With `optional`, a caller none of whose queries has rows gets no query instead of an error.
 */
export async function listReader(url, { token, field, value, pin, paths = listPaths(pin), optional = false }) {
  const check = ownRows(field, value);
  const found = [];
  for (const q of paths) {
    const r = await api(url, q.path, { token });
    if (r.status !== 200) throw new Error(`list ${q.path}: ${r.status} ${JSON.stringify(r.json).slice(0, 300)}`);
    if (r.json.items.length > 0) {
      if (!check(r, q.industry)) throw new Error(`list ${q.path}: rows of others or of another industry`);
      found.push({ ...q, ids: r.json.items.map((it) => it.id) });
    }
  }
  if (found.length === 0 && !optional) throw new Error(`no list query has rows for ${field} = ${value}`);
  return { token, field, value, paths: found, check };
}
