// What must survive a backup and restore, a crash or a full disk: the row count of every
// collection, the regulators' figures and report, and an intact audit chain. Shared by the
// restore drill and fault tests (npm test) and the soak (npm run soak).
import { execFile } from 'node:child_process';
import { serverBinary, SUPERUSER } from '../pocketbase.mjs';

/** The seed's reference date: figures asked "as of" it do not move with the clock. */
export const AT = '2026-11-01';

async function json(url, init) {
  const r = await fetch(url, init);
  const body = await r.json().catch(() => null);
  if (!r.ok) throw new Error(`${init?.method ?? 'GET'} ${url}: ${r.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

/** A sign-in's token; headers (a forwarded address) are sent along. */
export async function signIn(url, collection, identity, password, headers = {}) {
  const body = await json(`${url}/api/collections/${collection}/auth-with-password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ identity, password }),
  });
  return body.token;
}

export const superuserToken = (url) => signIn(url, '_superusers', SUPERUSER.email, SUPERUSER.password);

/** Row counts of every collection (PocketBase's own _ collections aside), read by the superuser. */
export async function counts(url, token) {
  const headers = { authorization: token };
  const { items } = await json(`${url}/api/collections?perPage=500&fields=name,type`, { headers });
  const out = {};
  for (const { name, type } of items.sort((a, b) => a.name.localeCompare(b.name))) {
    if (name.startsWith('_') || type === 'view') continue;
    out[name] = (await json(`${url}/api/collections/${name}/records?perPage=1`, { headers })).totalItems;
  }
  return out;
}

/**
 * The province regulator's figures and bulletin, freshly computed (regulator is a login of the
 * demo seed, password azx-demo-2026).
 */
export async function figures(url, regulator = 'regulator-zj@azx.demo') {
  const token = await signIn(url, 'users', regulator, 'azx-demo-2026');
  const get = (path) => json(`${url}${path}`, { headers: { authorization: token } });
  return {
    figures: await get(`/api/azx/coverage/figures?at=${AT}&fresh=1`),
    report: await get(`/api/azx/compliance/report?at=${AT}&fresh=1`),
  };
}

/** Runs `azx-server audit verify` on a data folder: {ok, entries, records, out}. */
export function auditVerify(dir, binary = serverBinary) {
  return new Promise((resolve) => {
    execFile(binary, ['audit', 'verify', '--dir', dir], { timeout: 300_000, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const out = `${stdout}${stderr}`;
      const m = /audit chain intact: (\d+) entries, (\d+) records/.exec(out);
      resolve({ ok: !err && !!m, entries: Number(m?.[1] ?? 0), records: Number(m?.[2] ?? 0), out: out.trim().split('\n').slice(-5).join('\n') });
    });
  });
}
