// Who may list, view, create, update and delete what: every role (plus anonymous) × every
// collection × every operation, against a real azx-server, generated from one expectation table
// so that cross-tenant attempts (the other insurer's policy, the other city's data, the other
// enterprise's rows, the other provider's assignments) are checked the same way as own rows.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../fixtures/server.mjs';
import { createWorld } from '../fixtures/world.mjs';
import { makeUscc } from '../fixtures/uscc.mjs';
import {
  DEFINITION_KEYS,
  ENTERPRISES,
  PASSWORD,
  REGIONS,
  enterpriseData,
  hazardData,
  policyData,
  serviceReportData,
} from '../fixtures/records.mjs';
import { HAZARD_EVENT_STEPS, evidenceForm, hazardAt } from './hazard-steps.mjs';

/** The actors: a role, and the sides (A = Shaoxing world rows, B = Hangzhou rows) they are party to. */
const ACTORS = {
  anonymous: { role: null, sides: [] },
  enterpriseE1: { role: 'enterprise', sides: ['A'] },
  enterpriseE2: { role: 'enterprise', sides: ['B'] },
  insurerA: { role: 'insurer', sides: ['A'] },
  insurerB: { role: 'insurer', sides: ['B'] },
  providerP: { role: 'provider', sides: ['A'] },
  providerQ: { role: 'provider', sides: ['B'] },
  regulatorShaoxing: { role: 'regulator', sides: ['A'] },
  regulatorHangzhou: { role: 'regulator', sides: ['B'] },
  regulatorZhejiang: { role: 'regulator', sides: ['A', 'B'] },
  // read-only oversight (issue 17): only the collections of `reads`, on the sides of their region
  // and industry; the world's hazards are not major, so the authority sees none of them, and the
  // financial regulator never sees hazards, service records or their evidence
  authorityConstruction: { role: 'authority', sides: ['B'], reads: ['enterprises', 'policies'] },
  authorityChemicals: { role: 'authority', sides: ['A'], reads: ['enterprises', 'policies'] },
  financialZhejiang: { role: 'financial_regulator', sides: ['A', 'B'], reads: ['enterprises', 'policies'] },
  admin: { role: 'admin', sides: [] },
};
const ACTOR_NAMES = Object.keys(ACTORS);
const SIDES = ['A', 'B'];
const BUSINESS = ['enterprises', 'policies', 'service_reports', 'hazards', 'hazard_events'];
const COLLECTIONS = ['organizations', 'users', 'form_definitions', ...BUSINESS, 'record_versions', 'audit_log'];

/** Who the world rows of each side belong to. */
const SIDE = {
  A: { enterprise: 'E1', insurer: 'insurerA', provider: 'providerP', otherInsurer: 'insurerB', region: REGIONS.yuecheng, data: ENTERPRISES.E1 },
  B: { enterprise: 'E2', insurer: 'insurerB', provider: 'providerQ', otherInsurer: 'insurerA', region: REGIONS.xihu, data: ENTERPRISES.E2 },
};

// ---- the expectation table -------------------------------------------------------------------

const party = (actor, side) => ACTORS[actor].sides.includes(side);
const role = (actor) => ACTORS[actor].role;

/** May actor read a business row of side? (README: who reads) */
function canReadBusiness(actor, collection, side) {
  if (collection === 'enterprises' && role(actor) === 'insurer') return true; // registry look-up
  const reads = ACTORS[actor].reads;
  if (reads && !reads.includes(collection)) return false;
  return party(actor, side);
}

/** May actor create a business row on side? (README: who writes) */
function canCreateBusiness(actor, collection, side) {
  const r = role(actor);
  // any insurer may underwrite any enterprise, as long as it names itself the insurer
  if (collection === 'policies') return r === 'insurer';
  if (!party(actor, side) || ACTORS[actor].reads) return false; // oversight roles only read
  switch (collection) {
    case 'enterprises':
      return r === 'regulator';
    case 'service_reports':
    case 'hazards':
      return r === 'insurer' || r === 'provider';
    case 'hazard_events':
      return r !== 'admin' && r !== null;
    default:
      throw new Error(collection);
  }
}

/** May actor correct a business row of side? hazard_events are never updated. */
function canUpdateBusiness(actor, collection, side) {
  if (collection === 'hazard_events') return false;
  if (collection === 'policies') return role(actor) === 'insurer' && party(actor, side);
  return canCreateBusiness(actor, collection, side);
}

// ---- the server and the world ------------------------------------------------------------------

let server;
let world;
let su;
let draftDefinition;
let counter = 0;
const next = () => String(++counter).padStart(5, '0');

before(async () => {
  server = await startTestServer();
  world = await createWorld(server.url);
  su = world.superuser;
  await Promise.all(ACTOR_NAMES.filter((a) => a !== 'anonymous').map((a) => world.login(a)));
  // an unpublished definition: only admins may see it
  const draft = await su.create('form_definitions', definitionBody(`matrix-draft`));
  assert.equal(draft.status, 200, `draft definition: ${JSON.stringify(draft.body)}`);
  draftDefinition = draft.body.id;
  // one correction, so that record_versions has a row to see
  const policy = (await su.view('policies', world.ids.policies.A)).body;
  const corrected = await su.update('policies', policy.id, {
    data: { ...policy.data, product_name: '安全生产责任保险（2025版）' },
    correction_reason: '补录保险产品名称',
  });
  assert.equal(corrected.status, 200, `correction: ${JSON.stringify(corrected.body)}`);
});

after(async () => {
  await server?.stop();
  const perRole = {};
  for (const c of CASES) perRole[c.actor] = (perRole[c.actor] ?? 0) + 1;
  console.log(
    `access matrix: ${CASES.length} cases (${Object.entries(perRole).map(([a, n]) => `${a} ${n}`).join(', ')})`,
  );
});

async function as(actor) {
  if (actor === 'superuser') return su;
  if (actor === 'anonymous') return world.api();
  return world.api(await world.login(actor)); // cached since before()
}

async function total(collection) {
  const r = await su.list(collection, { perPage: 1 });
  assert.equal(r.status, 200);
  return r.body.totalItems;
}

/** Ids of the world's rows of a business collection, by side. */
function worldRow(collection, side) {
  const ids = world.ids;
  return {
    enterprises: ids.enterprises[SIDE[side].enterprise],
    policies: ids.policies[side],
    service_reports: ids.serviceReports[side],
    hazards: ids.hazards[side],
    hazard_events: ids.hazardEvents[side],
  }[collection];
}

// ---- bodies of the write attempts --------------------------------------------------------------

function definitionBody(key) {
  return {
    key,
    version: 1,
    status: 'draft',
    title: '矩阵测试表单',
    industry: '',
    schema: {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      properties: { note: { type: 'string', title: '备注' } },
    },
  };
}

const business = (collection, data, columns = {}) => ({
  definition: DEFINITION_KEYS[collection],
  version: world.versions[collection],
  data,
  ...columns,
});

/** A valid new business row on side, as the actor would send it (its own organization where it names one). */
async function businessBody(actor, collection, side) {
  const n = next();
  const s = SIDE[side];
  const ids = world.ids;
  switch (collection) {
    case 'enterprises': {
      const uscc = makeUscc(s.region, `MA2M${n}`);
      return business('enterprises', enterpriseData({ uscc, name: `矩阵测试企业${n}`, region_code: s.region, industry: 'fireworks' }));
    }
    case 'policies': {
      // an insurer names itself; anyone else names the side's insurer
      const insurer = role(actor) === 'insurer' ? ids.orgs[actor] : ids.orgs[s.insurer];
      return business('policies', policyData(s.data, { policy_no: `AZX-MATRIX-${n}` }), {
        enterprise: ids.enterprises[s.enterprise],
        insurer,
        provider: ids.orgs[s.provider],
      });
    }
    case 'service_reports':
      // a small cost: the many reports of the matrix stay within the policy's prevention budget
      return business('service_reports', serviceReportData(world.policyNo[side], { report_no: `SR-MATRIX-${n}`, cost: 10 }), {
        policy: ids.policies[side],
      });
    case 'hazards':
      return business('hazards', hazardData(`HZ-MATRIX-${n}`), {
        service_report: ids.serviceReports[side],
        policy: ids.policies[side],
        enterprise: ids.enterprises[s.enterprise],
      });
    case 'hazard_events': {
      const step = HAZARD_EVENT_STEPS[role(actor)] ?? HAZARD_EVENT_STEPS.insurer;
      const hazard = await hazardAt(su, world, side, step.from_status, `HZ-MATRIX-${n}`);
      return { hazard, action: step.action, from_status: step.from_status, to_status: step.to_status, note: '矩阵测试' };
    }
    default:
      throw new Error(collection);
  }
}

/** A correction of the world row: a harmless data change with a reason. */
async function correctionBody(collection, id) {
  const row = (await su.view(collection, id)).body;
  const n = next();
  const change = {
    enterprises: { address: `浙江省测试路 ${n} 号` },
    policies: { product_name: `安责险产品${n}` },
    service_reports: { measures: `整改措施${n}` },
    hazards: { basis: `GB 30871-2022 第 ${n} 条` },
  }[collection];
  return { data: { ...row.data, ...change }, correction_reason: `矩阵测试更正 ${n}` };
}

// ---- assertions --------------------------------------------------------------------------------

const DENIED = [400, 403, 404];

function assertDenied(r, what) {
  assert.ok(DENIED.includes(r.status), `${what}: expected a refusal, got ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
}
function assertAllowed(r, what) {
  assert.equal(r.status, 200, `${what}: expected success, got ${r.status} ${JSON.stringify(r.body).slice(0, 500)}`);
}

/** A create attempt: allowed → stored; denied → refused and nothing stored. */
async function expectCreate(actor, collection, body, allowed) {
  const before = await total(collection);
  const api = await as(actor);
  // a rectification carries its evidence (the workflow requires it), so only access decides
  const r = collection === 'hazard_events' && body.action === 'rectify'
    ? await api.request('POST', '/api/collections/hazard_events/records', evidenceForm(body))
    : await api.create(collection, body);
  if (allowed) {
    assertAllowed(r, `create ${collection} as ${actor}`);
    assert.equal(await total(collection), before + 1, 'one row stored');
  } else {
    assertDenied(r, `create ${collection} as ${actor}`);
    assert.equal(await total(collection), before, 'nothing stored');
  }
  return r;
}

/** An update attempt: allowed → changed; denied → refused and the row unchanged. */
async function expectUpdate(actor, collection, id, body, allowed) {
  const before = (await su.view(collection, id)).body;
  const r = await (await as(actor)).update(collection, id, body);
  const afterRow = (await su.view(collection, id)).body;
  if (allowed) {
    assertAllowed(r, `update ${collection} as ${actor}`);
    assert.notEqual(afterRow.updated, before.updated, 'row changed');
  } else {
    assertDenied(r, `update ${collection} as ${actor}`);
    assert.deepEqual(afterRow, before, 'row unchanged');
  }
}

/** A delete attempt: allowed → gone; denied → refused and still there. */
async function expectDelete(actor, collection, id, allowed) {
  const r = await (await as(actor)).remove(collection, id);
  const still = await su.view(collection, id);
  if (allowed) {
    assert.equal(r.status, 204, `delete ${collection} as ${actor}: ${r.status} ${JSON.stringify(r.body)}`);
    assert.equal(still.status, 404, 'row gone');
  } else {
    assert.ok([403, 404].includes(r.status), `delete ${collection} as ${actor}: expected a refusal, got ${r.status}`);
    assert.equal(still.status, 200, 'row still there');
  }
}

// ---- the cases ---------------------------------------------------------------------------------

/** @type {{actor: string, collection: string, op: string, what: string, allowed: boolean, run: () => Promise<void>}[]} */
const CASES = [];
function add(actor, collection, op, what, allowed, run) {
  CASES.push({ actor, collection, op, what, allowed, run });
}

// list: exactly the visible rows
for (const actor of ACTOR_NAMES) {
  const signedIn = actor !== 'anonymous';
  const isAdmin = role(actor) === 'admin';
  for (const collection of COLLECTIONS) {
    let describe;
    let expected;
    if (BUSINESS.includes(collection)) {
      const sides = SIDES.filter((s) => canReadBusiness(actor, collection, s));
      describe = sides.length ? `sees ${sides.map((s) => `${s}'s`).join(' and ')} rows only` : 'sees nothing';
      expected = async () => sides.map((s) => worldRow(collection, s));
    } else if (collection === 'organizations') {
      describe = signedIn ? 'sees every organization' : 'sees nothing';
      expected = async () => (signedIn ? Object.values(world.ids.orgs) : []);
    } else if (collection === 'users') {
      describe = isAdmin ? 'sees every user' : signedIn ? 'sees only itself' : 'sees nothing';
      expected = async () =>
        isAdmin ? (await su.list('users')).items.map((u) => u.id) : signedIn ? [world.ids.users[actor]] : [];
    } else if (collection === 'form_definitions') {
      describe = isAdmin ? 'sees drafts too' : signedIn ? 'sees published and retired only' : 'sees nothing';
      expected = async () =>
        signedIn
          ? (await su.list('form_definitions')).items.filter((d) => isAdmin || d.status !== 'draft').map((d) => d.id)
          : [];
    } else {
      describe = isAdmin ? 'sees every row' : 'sees nothing';
      expected = async () => (isAdmin ? (await su.list(collection)).items.map((d) => d.id) : []);
    }
    add(actor, collection, 'list', describe, true, async () => {
      const want = (await expected()).sort();
      const r = await (await as(actor)).list(collection);
      assert.equal(r.status, 200, `list ${collection}: ${r.status} ${JSON.stringify(r.body)}`);
      assert.deepEqual(r.items.map((i) => i.id).sort(), want);
      if (isAdmin && !BUSINESS.includes(collection)) assert.ok(want.length > 0, 'the admin case must see something');
    });
  }
}

// filters through relations cannot peek at rows the caller may not list
for (const [actor, collection, filter, label] of [
  ['insurerA', 'enterprises', 'policies_via_enterprise.premium ?> 25000', "filtered on insurer B's premiums"],
  ['insurerA', 'organizations', 'policies_via_insurer.policy_no ?= "AZX-WORLD-B-0001"', "filtered on insurer B's policy number"],
  ['insurerA', 'enterprises', 'hazards_via_enterprise.is_major ?= false && hazards_via_enterprise.city_code ?= "330100"', "filtered on insurer B's hazards"],
  ['enterpriseE1', 'organizations', 'users_via_organization.role ?= "admin"', "filtered on other users' roles"],
  ['regulatorShaoxing', 'organizations', '@collection.policies.insurer ?= id && @collection.policies.city_code ?= "330100"', 'filtered with @collection on Hangzhou policies'],
]) {
  add(actor, collection, 'list', label + ' finds nothing', true, async () => {
    const r = await (await as(actor)).list(collection, { filter });
    assert.ok([200, 400, 403].includes(r.status), `${r.status}`);
    assert.deepEqual(r.items, [], `leaked: ${JSON.stringify(r.items.map((i) => i.name ?? i.id))}`);
  });
}

// view: one own row and one foreign row per collection
for (const actor of ACTOR_NAMES) {
  const signedIn = actor !== 'anonymous';
  const isAdmin = role(actor) === 'admin';
  const targets = [];
  for (const side of SIDES) {
    for (const collection of BUSINESS) {
      targets.push([collection, `${side}'s row`, () => worldRow(collection, side), canReadBusiness(actor, collection, side)]);
    }
  }
  targets.push(
    ['organizations', "insurer B's organization", () => world.ids.orgs.insurerB, signedIn],
    ['users', 'its own user', () => world.ids.users[signedIn ? actor : 'insurerA'], signedIn],
    ['users', "provider Q's user", () => world.ids.users.providerQ, isAdmin || actor === 'providerQ'],
    ['form_definitions', 'the published policy definition', async () =>
      (await su.list('form_definitions', { filter: `key = "policy" && status = "published"` })).items[0].id, signedIn],
    ['form_definitions', 'a draft definition', () => draftDefinition, isAdmin],
    ['record_versions', 'a version row', async () => (await su.list('record_versions')).items[0].id, isAdmin],
    ['audit_log', 'an audit entry', async () => (await su.list('audit_log')).items[0].id, isAdmin],
  );
  for (const [collection, label, id, allowed] of targets) {
    add(actor, collection, 'view', label, allowed, async () => {
      const target = await id();
      assert.ok(target, `no ${label} to view`);
      const r = await (await as(actor)).view(collection, target);
      if (allowed) assertAllowed(r, `view ${collection}`);
      else assert.equal(r.status, 404, `view ${collection} ${label}: expected 404, got ${r.status}`);
      if (allowed) assert.equal(r.body.id, target);
    });
  }
}

// create
for (const actor of ACTOR_NAMES) {
  const isAdmin = role(actor) === 'admin';
  for (const side of SIDES) {
    for (const collection of BUSINESS) {
      const allowed = canCreateBusiness(actor, collection, side);
      add(actor, collection, 'create', `on ${side}'s side`, allowed, async () => {
        await expectCreate(actor, collection, await businessBody(actor, collection, side), allowed);
      });
    }
  }
  add(actor, 'organizations', 'create', 'a new organization', isAdmin, async () => {
    await expectCreate(actor, 'organizations', { kind: 'provider', name: `矩阵服务机构${next()}`, region_code: REGIONS.shaoxing }, isAdmin);
  });
  add(actor, 'users', 'create', 'a new user (sign-up)', isAdmin, async () => {
    const n = next();
    await expectCreate(actor, 'users', {
      email: `matrix${n}@world.test`, password: PASSWORD, passwordConfirm: PASSWORD,
      name: `矩阵用户${n}`, role: 'enterprise', organization: world.ids.orgs.enterpriseE1,
    }, isAdmin);
  });
  add(actor, 'form_definitions', 'a draft definition', isAdmin, async () => {
    await expectCreate(actor, 'form_definitions', definitionBody(`matrix-${next()}`), isAdmin);
  });
}
// the server alone writes record_versions and audit_log: not even the superuser through the API
for (const actor of [...ACTOR_NAMES, 'superuser']) {
  add(actor, 'record_versions', 'create', 'a forged version', false, async () => {
    await expectCreate(actor, 'record_versions', {
      collection_name: 'policies', record_id: world.ids.policies.A, revision: 99, snapshot: { forged: true }, reason: '伪造',
    }, false);
  });
  add(actor, 'audit_log', 'create', 'a forged entry', false, async () => {
    await expectCreate(actor, 'audit_log', {
      seq: 999999, at: new Date().toISOString(), actor: 'forger', collection_name: 'policies',
      record_id: world.ids.policies.A, action: 'delete', record_hash: 'x', prev_hash: 'y', hash: 'z',
    }, false);
  });
}

// forged relation and derived columns: the rule must judge the server's values, not the client's
add('insurerA', 'policies', 'create', "naming insurer B as the insurer", false, async () => {
  const body = await businessBody('insurerA', 'policies', 'B');
  body.insurer = world.ids.orgs.insurerB;
  await expectCreate('insurerA', 'policies', body, false);
});
add('providerQ', 'service_reports', 'create', "on P's policy with forged insurer/provider columns", false, async () => {
  const body = await businessBody('providerQ', 'service_reports', 'A');
  Object.assign(body, { insurer: world.ids.orgs.insurerB, provider: world.ids.orgs.providerQ, enterprise: world.ids.enterprises.E2 });
  await expectCreate('providerQ', 'service_reports', body, false);
});
add('providerQ', 'hazards', 'create', "on P's report with forged insurer/provider columns", false, async () => {
  const body = await businessBody('providerQ', 'hazards', 'A');
  Object.assign(body, { insurer: world.ids.orgs.insurerB, provider: world.ids.orgs.providerQ });
  await expectCreate('providerQ', 'hazards', body, false);
});
add('regulatorShaoxing', 'enterprises', 'create', 'in Hangzhou with forged Shaoxing region columns', false, async () => {
  const body = await businessBody('regulatorShaoxing', 'enterprises', 'B');
  Object.assign(body, { region_code: REGIONS.yuecheng, city_code: REGIONS.shaoxing, province_code: REGIONS.zhejiang });
  await expectCreate('regulatorShaoxing', 'enterprises', body, false);
});
add('regulatorShaoxing', 'hazard_events', 'create', "on a Hangzhou hazard with forged Shaoxing region columns", false, async () => {
  const body = await businessBody('regulatorShaoxing', 'hazard_events', 'B');
  Object.assign(body, { region_code: REGIONS.yuecheng, city_code: REGIONS.shaoxing, province_code: REGIONS.zhejiang });
  await expectCreate('regulatorShaoxing', 'hazard_events', body, false);
});

// update
for (const actor of ACTOR_NAMES) {
  const isAdmin = role(actor) === 'admin';
  for (const side of SIDES) {
    for (const collection of BUSINESS) {
      const allowed = canUpdateBusiness(actor, collection, side);
      add(actor, collection, 'update', `${side}'s row`, allowed, async () => {
        const id = worldRow(collection, side);
        const body = collection === 'hazard_events' ? { note: '改写历史' } : await correctionBody(collection, id);
        await expectUpdate(actor, collection, id, body, allowed);
      });
    }
  }
  add(actor, 'organizations', 'update', "insurer B's organization", isAdmin, async () => {
    await expectUpdate(actor, 'organizations', world.ids.orgs.insurerB, { name: `乙财产保险股份有限公司杭州分公司${next()}` }, isAdmin);
  });
  if (isAdmin) {
    add(actor, 'users', 'update', "provider Q's user", true, async () => {
      await expectUpdate(actor, 'users', world.ids.users.providerQ, { name: `Q 服务机构 专家${next()}` }, true);
    });
  } else {
    const self = actor === 'anonymous' ? 'insurerA' : actor;
    add(actor, 'users', 'update', 'itself to role admin', false, async () => {
      await expectUpdate(actor, 'users', world.ids.users[self], { role: 'admin' }, false);
    });
    add(actor, 'users', 'update', "itself into another organization", false, async () => {
      await expectUpdate(actor, 'users', world.ids.users[self], { organization: world.ids.orgs.insurerB }, false);
    });
  }
  add(actor, 'form_definitions', 'update', 'a draft title', isAdmin, async () => {
    await expectUpdate(actor, 'form_definitions', draftDefinition, { title: `矩阵测试表单${next()}` }, isAdmin);
  });
}
for (const actor of [...ACTOR_NAMES, 'superuser']) {
  add(actor, 'record_versions', 'update', 'a version row', false, async () => {
    const id = (await su.list('record_versions')).items[0].id;
    await expectUpdate(actor, 'record_versions', id, { reason: '篡改' }, false);
  });
  add(actor, 'audit_log', 'update', 'an audit entry', false, async () => {
    const id = (await su.list('audit_log')).items[0].id;
    await expectUpdate(actor, 'audit_log', id, { hash: 'forged' }, false);
  });
}
add('insurerA', 'policies', 'update', 'its policy handed to insurer B', false, async () => {
  const body = await correctionBody('policies', world.ids.policies.A);
  await expectUpdate('insurerA', 'policies', world.ids.policies.A, { ...body, insurer: world.ids.orgs.insurerB }, false);
});

// delete: nothing business, ever; organizations, users and draft definitions by the admin
for (const actor of [...ACTOR_NAMES, 'superuser']) {
  for (const side of SIDES) {
    for (const collection of [...BUSINESS, 'record_versions', 'audit_log']) {
      if (!BUSINESS.includes(collection) && side === 'B') continue;
      add(actor, collection, 'delete', BUSINESS.includes(collection) ? `${side}'s row` : 'a row', false, async () => {
        const id = BUSINESS.includes(collection)
          ? worldRow(collection, side)
          : (await su.list(collection)).items[0].id;
        await expectDelete(actor, collection, id, false);
      });
    }
  }
  if (actor === 'superuser') continue;
  const isAdmin = role(actor) === 'admin';
  add(actor, 'organizations', 'delete', 'a spare organization', isAdmin, async () => {
    const org = await su.create('organizations', { kind: 'provider', name: `待删除机构${next()}` });
    assertAllowed(org, 'spare organization');
    await expectDelete(actor, 'organizations', org.body.id, isAdmin);
  });
  add(actor, 'users', 'delete', 'a spare user', isAdmin, async () => {
    const n = next();
    const u = await su.create('users', { email: `spare${n}@world.test`, password: PASSWORD, passwordConfirm: PASSWORD, role: 'enterprise' });
    assertAllowed(u, 'spare user');
    await expectDelete(actor, 'users', u.body.id, isAdmin);
  });
  add(actor, 'form_definitions', 'delete', 'a draft', isAdmin, async () => {
    const d = await su.create('form_definitions', definitionBody(`matrix-spare-${next()}`));
    assertAllowed(d, 'spare draft');
    await expectDelete(actor, 'form_definitions', d.body.id, isAdmin);
  });
  add(actor, 'form_definitions', 'delete', 'the published policy definition', false, async () => {
    const id = (await su.list('form_definitions', { filter: `key = "policy" && status = "published"` })).items[0].id;
    await expectDelete(actor, 'form_definitions', id, false);
  });
}

for (const c of CASES) {
  test(`${c.actor} × ${c.collection} × ${c.op} ${c.what} → ${c.op === 'list' ? 'ok' : c.allowed ? 'allowed' : 'denied'}`, c.run);
}
