// Faults a server must survive without losing or doubling data: kill -9 during a bulk import and
// during hazard transitions (then a restart), and a client that drops mid-upload. (A full disk
// needs its own mount: full-disk.mjs.) Each scenario returns {name, facts, problems}; problems
// must stay empty: no partial row, no lost acknowledged write, no duplicate after a retry, an
// intact audit chain. npm test runs them small (test/backend/faults.test.mjs), npm run soak
// bigger. They run on a data folder seeded with the demo data (its logins).
import { randomBytes } from 'node:crypto';
import { startServer } from '../pocketbase.mjs';
import { rawRequest } from '../../test/fixtures/raw-http.mjs';
import { makeUscc } from '../../test/fixtures/uscc.mjs';
import { auditVerify, signIn, superuserToken } from './state.mjs';

export const PASSWORD = 'azx-demo-2026';
const REGULATOR = 'regulator-330600@azx.demo'; // Shaoxing city
const REGION = '330602'; // 越城区, in Shaoxing

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A client id PocketBase accepts (15 of [a-z0-9]): the idempotency key of a create. */
export function newKey() {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(15)].map((b) => alphabet[b % 36]).join('');
}

async function call(url, token, method, path, body) {
  const res = await fetch(url + path, {
    method,
    headers: { ...(token ? { authorization: token } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let parsed = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* keep the text */
  }
  return { status: res.status, body: parsed };
}

/** The rows' total under a filter, as the superuser sees it. */
async function count(url, su, collection, filter) {
  const q = new URLSearchParams({ perPage: '1', filter });
  const r = await call(url, su, 'GET', `/api/collections/${collection}/records?${q}`);
  if (r.status !== 200) throw new Error(`count ${collection}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
  return r.body.totalItems;
}

/** Every row under a filter (the superuser's view). */
async function all(url, su, collection, filter, fields) {
  const out = [];
  for (let page = 1; ; page++) {
    const q = new URLSearchParams({ perPage: '500', page: String(page), filter, skipTotal: '1', ...(fields ? { fields } : {}) });
    const r = await call(url, su, 'GET', `/api/collections/${collection}/records?${q}`);
    if (r.status !== 200) throw new Error(`list ${collection}: ${r.status}`);
    out.push(...r.body.items);
    if (r.body.items.length < 500) return out;
  }
}

/** A must-insure registry row of Shaoxing's 越城区; tag makes a batch's USCCs its own. */
export function registryRow(tag, n) {
  return {
    uscc: makeUscc(REGION, `${tag}${String(n).padStart(5, '0')}`),
    name: `故障演练企业${tag}-${n}号`,
    region_code: REGION,
    address: `浙江省绍兴市越城区演练路 ${n} 号`,
    industry: 'fireworks',
    headcount: 40 + (n % 60),
    must_insure: true,
    risk_grade: 'medium',
    principal: { name: '赵厂长', mobile: '13700000001' },
    safety_contact: { name: '钱安全', mobile: '13600000002' },
  };
}

const usedTags = new Set();

/** A tag of four USCC characters (no I, O, S, V, Z), never the same twice in this process. */
export function batchTag() {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  for (;;) {
    const tag = 'K' + [...randomBytes(3)].map((b) => chars[b % chars.length]).join('');
    if (!usedTags.has(tag)) {
      usedTags.add(tag);
      return tag;
    }
  }
}

const uploadRows = (url, token, rows) => call(url, token, 'POST', '/api/azx/bulk/enterprises', { rows });

const CSV_COLUMNS = [
  'uscc', 'name', 'region_code', 'address', 'industry', 'headcount', 'must_insure', 'risk_grade',
  'principal.name', 'principal.mobile', 'safety_contact.name', 'safety_contact.mobile',
];

/** Registry rows as the CSV a regulator uploads (dotted columns for the nested objects). */
export function registryCsv(rows) {
  const cell = (row, column) => column.split('.').reduce((v, k) => v?.[k], row);
  return [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => cell(r, c)).join(','))].join('\n') + '\n';
}

/** A scenario's result, with the audit chain of its data folder checked after it. */
async function withAudit(dir, result) {
  const audit = await auditVerify(dir);
  result.facts.audit = audit.out.split('\n').at(-1);
  if (!audit.ok) result.problems.push(`audit verify: ${audit.out}`);
  return result;
}

/** A running server on dir with the regulator's and the superuser's tokens and a fresh batch tag. */
async function regulatorSession(dir, start) {
  const server = await startServer({ dir, rateLimits: false, ...start });
  const tag = batchTag();
  return {
    server,
    tag,
    mine: `uscc ~ "91${REGION}${tag}"`,
    token: await signIn(server.url, 'users', REGULATOR, PASSWORD),
    su: await superuserToken(server.url),
  };
}

/**
 * kill -9 while a bulk import is being written, restart, upload again.
 * @param {{dir: string, rows?: number, start?: object}} o rows: size of the import killed mid-way
 */
export async function killDuringBulkImport({ dir, rows = 4000, start = {} }) {
  const problems = [];
  const facts = {};
  const session = await regulatorSession(dir, start);
  let { server } = session;
  try {
    const { tag, token, su, mine } = session;
    // an acknowledged upload before the crash
    const ack = Array.from({ length: 50 }, (_, i) => registryRow(tag, i + 1));
    const first = await uploadRows(server.url, token, ack);
    if (first.status !== 200 || first.body.created !== ack.length) problems.push(`the first upload: ${first.status} ${JSON.stringify(first.body).slice(0, 200)}`);
    // the one killed mid-way: kill once its first chunk is stored (or after 60 s)
    const big = Array.from({ length: rows }, (_, i) => registryRow(tag, 1000 + i));
    const t0 = Date.now();
    const pending = uploadRows(server.url, token, big).then(
      (r) => ({ answered: r.status }),
      () => ({ answered: 'no answer (connection lost)' }),
    );
    let seen = ack.length;
    while (Date.now() - t0 < 60_000 && seen === ack.length) {
      await sleep(25);
      seen = await count(server.url, su, 'enterprises', mine).catch(() => seen);
    }
    server.child.kill('SIGKILL');
    await server.exited;
    facts.killedAfterMs = Date.now() - t0;
    facts.storedWhenKilled = seen - ack.length;
    facts.bigUpload = (await pending).answered;

    server = await startServer({ dir, rateLimits: false, ...start });
    const su2 = await superuserToken(server.url);
    const token2 = await signIn(server.url, 'users', REGULATOR, PASSWORD);
    const stored = new Set((await all(server.url, su2, 'enterprises', mine, 'uscc')).map((e) => e.uscc));
    const lost = ack.filter((r) => !stored.has(r.uscc));
    if (lost.length) problems.push(`${lost.length} rows of the acknowledged upload are gone`);
    // committed chunks come in file order: the stored part of the killed upload is a prefix
    const kept = big.map((r) => stored.has(r.uscc));
    const prefix = kept.indexOf(false) === -1 ? kept.length : kept.indexOf(false);
    if (kept.slice(prefix).some(Boolean)) problems.push('the killed upload left rows after a gap (a chunk was half written)');
    facts.survivedOfKilled = prefix;

    const retry = await uploadRows(server.url, token2, big);
    facts.retry = retry.status === 200 ? { created: retry.body.created, unchanged: retry.body.unchanged, failed: retry.body.failed_count } : retry.status;
    if (retry.status !== 200 || retry.body.created + retry.body.unchanged !== big.length || retry.body.unchanged !== prefix) {
      problems.push(`the retry: ${retry.status} ${JSON.stringify(facts.retry)}`);
    }
    const after = await count(server.url, su2, 'enterprises', mine);
    if (after !== ack.length + big.length) problems.push(`after the retry ${after} rows, expected ${ack.length + big.length} (no duplicate, none missing)`);
  } finally {
    await server.stop();
  }
  return withAudit(dir, { name: 'kill -9 during a bulk import', facts, problems });
}

/**
 * kill -9 while hazards move along their loop (insurers notify found hazards, in parallel),
 * restart, retry every unanswered step with its idempotency key.
 */
export async function killDuringHazardTransitions({ dir, hazards = 40, parallel = 4, start = {} }) {
  const problems = [];
  const facts = {};
  let server = await startServer({ dir, rateLimits: false, ...start });
  const steps = [];
  try {
    const su = await superuserToken(server.url);
    // the overdue sweep first: its cron tick would escalate an overdue major hazard under our feet
    await call(server.url, su, 'POST', '/api/azx/hazards/sweep');
    const found = await all(server.url, su, 'hazards', 'status = "found"', 'id,insurer');
    // the insurers' logins (insurer-<n>@azx.demo) by organization
    const insurers = await all(server.url, su, 'users', 'role = "insurer"', 'email,organization');
    const loginOf = new Map(insurers.map((u) => [u.organization, u.email]));
    const tokens = new Map();
    for (const h of found) {
      if (steps.length >= hazards) break;
      const email = loginOf.get(h.insurer);
      if (!email) continue;
      if (!tokens.has(email)) tokens.set(email, await signIn(server.url, 'users', email, PASSWORD));
      steps.push({ hazard: h.id, token: tokens.get(email), id: newKey(), acked: false });
    }
    facts.steps = steps.length;
    if (steps.length < Math.min(hazards, 5)) problems.push(`only ${steps.length} found hazards with an insurer login`);
    let next = 0;
    let killed = false;
    const body = (s) => ({ id: s.id, hazard: s.hazard, action: 'notify', to_status: 'notified', note: '书面告知（故障演练）' });
    const worker = async () => {
      while (!killed && next < steps.length) {
        const s = steps[next++];
        const r = await call(server.url, s.token, 'POST', '/api/collections/hazard_events/records', body(s)).catch(() => null);
        if (r?.status === 200) s.acked = true;
        else if (r && !killed) problems.push(`a step before the kill: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      }
    };
    const workers = Array.from({ length: parallel }, worker);
    // kill once about half are acknowledged
    while (steps.filter((s) => s.acked).length < steps.length / 2 && next < steps.length) await sleep(5);
    killed = true;
    server.child.kill('SIGKILL');
    await server.exited;
    await Promise.all(workers);
    facts.acknowledgedBeforeKill = steps.filter((s) => s.acked).length;

    server = await startServer({ dir, rateLimits: false, ...start });
    const su2 = await superuserToken(server.url);
    const tokens2 = new Map();
    for (const [email] of tokens) tokens2.set(email, await signIn(server.url, 'users', email, PASSWORD));
    const tokenOf = (s) => tokens2.get([...tokens].find(([, t]) => t === s.token)[0]);
    const eventIds = new Set((await all(server.url, su2, 'hazard_events', `action = "notify" && note = "书面告知（故障演练）"`, 'id')).map((e) => e.id));
    const lost = steps.filter((s) => s.acked && !eventIds.has(s.id));
    if (lost.length) problems.push(`${lost.length} acknowledged steps are gone`);
    facts.committedUnanswered = steps.filter((s) => !s.acked && eventIds.has(s.id)).length;
    // retry every unanswered step with the same key: stored once, whether or not it got in before
    let duplicates = 0;
    for (const s of steps.filter((x) => !x.acked)) {
      const r = await call(server.url, tokenOf(s), 'POST', '/api/collections/hazard_events/records', body(s));
      if (r.status !== 200) {
        const stored = await call(server.url, su2, 'GET', `/api/collections/hazard_events/records/${s.id}`);
        if (stored.status !== 200) problems.push(`retry of ${s.id}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      }
    }
    // every hazard moved exactly once, and its status is its event's
    for (const s of steps) {
      const events = await count(server.url, su2, 'hazard_events', `hazard = "${s.hazard}" && action = "notify"`);
      if (events !== 1) duplicates++;
      const h = await call(server.url, su2, 'GET', `/api/collections/hazards/records/${s.hazard}`);
      if (h.body?.status !== 'notified') problems.push(`hazard ${s.hazard} is ${h.body?.status} after its notify step`);
    }
    if (duplicates) problems.push(`${duplicates} hazards have no or more than one notify step after the retries`);
  } finally {
    await server.stop();
  }
  return withAudit(dir, { name: 'kill -9 during hazard transitions', facts, problems });
}

/**
 * Clients that drop mid-upload (a multipart CSV and a JSON body cut off, the socket closed):
 * nothing of them is stored, the server goes on, and the same upload sent whole is stored once.
 */
export async function clientDropsMidUpload({ dir, rows = 300, start = {} }) {
  const problems = [];
  const facts = {};
  const { server, tag, token, su, mine } = await regulatorSession(dir, start);
  try {
    const batch = Array.from({ length: rows }, (_, i) => registryRow(tag, i + 1));
    const json = JSON.stringify({ rows: batch });
    const csv = registryCsv(batch);
    const boundary = 'azxdrop' + newKey();
    const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="registry.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
    const { port } = new URL(server.url);
    const cut = async (contentType, body) => {
      const bytes = Buffer.from(body);
      const head = [
        'POST /api/azx/bulk/enterprises HTTP/1.1', `Host: 127.0.0.1:${port}`, `Authorization: ${token}`,
        `Content-Type: ${contentType}`, `Content-Length: ${bytes.length}`, 'Connection: close',
      ].join('\r\n');
      // half the body, then the client is gone (its socket closed, no FIN-wait for an answer)
      return rawRequest(server.url, head, { body: bytes.subarray(0, bytes.length >> 1), endAfterBody: true, timeoutMs: 30_000 });
    };
    facts.multipartCut = (await cut(`multipart/form-data; boundary=${boundary}`, multipart)).status || 'closed';
    facts.jsonCut = (await cut('application/json', json)).status || 'closed';
    if (facts.multipartCut >= 500 || facts.jsonCut >= 500) problems.push(`a cut upload got a 5xx: ${JSON.stringify(facts)}`);
    const health = await call(server.url, null, 'GET', '/api/health');
    if (health.status !== 200) problems.push(`health after the drops: ${health.status}`);
    const stored = await count(server.url, su, 'enterprises', mine);
    if (stored !== 0) problems.push(`${stored} rows of the cut uploads were stored`);
    const whole = await uploadRows(server.url, token, batch);
    if (whole.status !== 200 || whole.body.created !== rows) problems.push(`the whole upload: ${whole.status} ${JSON.stringify(whole.body).slice(0, 200)}`);
    const again = await uploadRows(server.url, token, batch);
    if (again.status !== 200 || again.body.unchanged !== rows) problems.push(`sent again: ${again.status} ${JSON.stringify(again.body).slice(0, 200)}`);
    const after = await count(server.url, su, 'enterprises', mine);
    if (after !== rows) problems.push(`${after} rows after the whole upload and its repeat, expected ${rows}`);
  } finally {
    await server.stop();
  }
  return withAudit(dir, { name: 'a client drops mid-upload', facts, problems });
}
