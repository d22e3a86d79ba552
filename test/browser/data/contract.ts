/**
 * The Store contract as tests: one suite, run against every implementation
 * (pocketbase-store.test.ts, memory-store.test.ts). What a user of an element would notice:
 * who they are signed in as, which forms they get, that what they save comes back, that a
 * correction needs a reason, that a retry never saves twice, that other people's saves arrive.
 */
import { expect } from '@open-wc/testing';
import {
  isStoreError,
  newIdempotencyKey,
  type NewRecord,
  type Party,
  type RecordChange,
  type Store,
  type StoreError,
  type StoredEvent,
  type StoredRecord,
} from '../../../components/data/index.js';
import type { TestWorld, WorldUserKey } from '../setup/world.js';
import { sleep, unique, until } from '../setup/unique.js';

export interface Harness {
  readonly world: TestWorld;
  /** A new client of the same backend, signed out (a second browser). */
  client(): Store;
}

/** Signs a fresh client in as a world user. */
export async function clientAs(h: Harness, user: WorldUserKey): Promise<Store> {
  const store = h.client();
  const u = h.world.users[user];
  await store.signIn(u.email, u.password);
  return store;
}

/** A valid policy of insurer A on enterprise E1 with a unique number. */
export function policyOfA(w: TestWorld, data: Record<string, unknown> = {}): NewRecord {
  return {
    definition: 'policy',
    version: w.versions.policies,
    data: { ...w.payloads.policy.E1, policy_no: `AZX-T-${unique()}`, ...data },
    columns: { enterprise: w.ids.enterprises.E1, insurer: w.ids.orgs.insurerA, provider: w.ids.orgs.providerP },
  };
}

/** A policy's data with 51 persons insured, re-rated (base rate 400, coefficients 1) and a 20% budget. */
function at51(data: Record<string, unknown>): Record<string, unknown> {
  const rating = { ...(data['rating'] as Record<string, unknown>), premium_by_rate: 20400 };
  return { ...data, headcount: 51, insured_persons: 51, premium: 20400, prevention_budget: 4080, rating };
}

/** A new hazard of insurer A under the world's service report A, status "found". */
export function newHazardOfA(store: Store, w: TestWorld): Promise<StoredRecord> {
  return store.create('hazards', {
    definition: 'hazard',
    version: w.versions.hazards,
    data: { ...w.payloads.hazard, hazard_no: `HZ-${unique()}` },
    columns: {
      service_report: w.ids.serviceReports['A'],
      policy: w.ids.policies.A,
      enterprise: w.ids.enterprises.E1,
      status: 'found',
    },
  });
}

/** The StoreError a promise rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<StoreError> {
  try {
    await promise;
  } catch (err) {
    expect(isStoreError(err), `a StoreError, got ${String(err)}`).to.equal(true);
    return err as StoreError;
  }
  throw new Error('expected the store to refuse, but it accepted');
}

const ROLE_OF: readonly WorldUserKey[] = ['insurerA', 'providerP', 'enterpriseE1', 'regulatorZhejiang', 'admin'];

export function storeContract(name: string, setup: () => Promise<Harness>): void {
  describe(`Store contract: ${name}`, () => {
    let h: Harness;
    let w: TestWorld;
    before(async () => {
      h = await setup();
      w = h.world;
    });

    describe('the signed-in party', () => {
      for (const key of ROLE_OF) {
        it(`signs in as ${key} and knows role and organization`, async () => {
          const store = h.client();
          expect(store.party).to.equal(null);
          const u = w.users[key];
          const party = await store.signIn(u.email, u.password);
          expect(party.userId).to.equal(w.ids.users[key]);
          expect(party.email).to.equal(u.email);
          expect(party.role).to.equal(u.role);
          expect(party.organizationId).to.equal(w.ids.orgs[u.org]);
          expect(party.scopeLevel).to.equal(u.scopeLevel);
          expect(party.regionScope).to.equal(u.regionScope);
          expect(store.party).to.deep.equal(party);
        });
      }

      it('refuses a wrong password and stays signed out', async () => {
        const store = h.client();
        const err = await rejection(store.signIn(w.users.insurerA.email, 'not-the-password'));
        expect(err.code).to.equal('auth_failed');
        expect(err.message_zh).to.not.equal('');
        expect(err.message_en).to.not.equal('');
        expect(store.party).to.equal(null);
      });

      it('tells listeners about sign-in and sign-out; sign-out clears the party', async () => {
        const store = h.client();
        const seen: (Party | null)[] = [];
        const off = store.onPartyChange((p) => seen.push(p));
        await store.signIn(w.users.insurerB.email, w.users.insurerB.password);
        await store.signOut();
        off();
        expect(store.party).to.equal(null);
        expect(seen.map((p) => p?.role ?? null)).to.deep.equal(['insurer', null]);
      });
    });

    describe('organizations', () => {
      it('names the organizations behind relation columns', async () => {
        const store = await clientAs(h, 'enterpriseE1');
        const found = await store.listOrganizations({ ids: [w.ids.orgs['insurerA'] ?? '', w.ids.orgs['providerP'] ?? ''] });
        expect(found.map((o) => [o.id, o.name, o.kind]).sort()).to.deep.equal(
          [
            [w.ids.orgs['insurerA'], w.organizations['insurerA']?.name, 'insurer'],
            [w.ids.orgs['providerP'], w.organizations['providerP']?.name, 'provider'],
          ].sort(),
        );
        const insurers = await store.listOrganizations({ kind: 'insurer' });
        expect(insurers.map((o) => o.id)).to.include.members([w.ids.orgs['insurerA'], w.ids.orgs['insurerB']]);
        expect(insurers.every((o) => o.kind === 'insurer')).to.equal(true);
        expect(await store.listOrganizations({ ids: [] })).to.deep.equal([]);
      });
    });

    describe('form definitions', () => {
      it('gives the latest published version of a key, with its schema', async () => {
        const store = await clientAs(h, 'insurerA');
        const def = await store.latestDefinition('policy');
        expect(def.key).to.equal('policy');
        expect(def.status).to.equal('published');
        expect(def.version).to.equal(w.versions.policies);
        expect(def.schema['type']).to.equal('object');
        const same = await store.getDefinition('policy', def.version);
        expect(same.id).to.equal(def.id);
      });

      it('says not_found for a version that does not exist', async () => {
        const store = await clientAs(h, 'insurerA');
        expect((await rejection(store.getDefinition('policy', 9999))).code).to.equal('not_found');
        expect((await rejection(store.latestDefinition('no-such-form'))).code).to.equal('not_found');
      });

      it('lists the built-in forms; drafts only for administrators', async () => {
        const draftKey = `draft-${unique().toLowerCase()}`;
        const admin = await clientAs(h, 'admin');
        await admin.saveDefinitionDraft({ key: draftKey, version: 1, title: '草稿表单', schema: { type: 'object' } });
        const insurer = await clientAs(h, 'insurerA');
        const keys = (await insurer.listDefinitions()).map((d) => d.key);
        expect(keys).to.include.members(['enterprise', 'policy', 'service-report', 'hazard']);
        expect(keys).to.not.include(draftKey);
        const forAdmin = await admin.listDefinitions({ key: draftKey });
        expect(forAdmin.map((d) => [d.key, d.status])).to.deep.equal([[draftKey, 'draft']]);
        expect((await rejection(insurer.getDefinition(draftKey, 1))).code).to.equal('not_found');
        const published = await admin.listDefinitions({ status: ['published'] });
        expect(published.every((d) => d.status === 'published')).to.equal(true);
      });
    });

    describe('editing definitions (administrators)', () => {
      const schema = (title: string) => ({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        properties: { note: { type: 'string', title } },
      });

      it('edits a draft, publishes it, and then never changes it', async () => {
        const admin = await clientAs(h, 'admin');
        const key = `form-${unique().toLowerCase()}`;
        await admin.saveDefinitionDraft({ key, version: 1, title: '新表单', schema: schema('备注') });
        const edited = await admin.saveDefinitionDraft({ key, version: 1, title: '新表单', schema: schema('说明') });
        expect(edited.status).to.equal('draft');
        expect((await admin.listDefinitions({ key })).length).to.equal(1);
        const published = await admin.setDefinitionStatus(key, 1, 'published');
        expect(published.status).to.equal('published');
        expect(published.publishedAt).to.not.equal('');
        const insurer = await clientAs(h, 'insurerA');
        const seen = await insurer.latestDefinition(key);
        expect((seen.schema['properties'] as Record<string, { title: string }>)['note']?.title).to.equal('说明');
        const err = await rejection(admin.saveDefinitionDraft({ key, version: 1, title: '改', schema: schema('改') }));
        expect(err.code).to.equal('validation');
        const [first] = Object.values(err.fieldErrors);
        expect(first?.message_zh, JSON.stringify(err.fieldErrors)).to.match(/[\u4e00-\u9fff]/);
        expect(first?.message_en).to.match(/[a-z]/i);
        expect((await rejection(admin.deleteDefinitionDraft(key, 1))).code).to.equal('validation');
      });

      it('retires a version for new records, and never brings it back', async () => {
        const admin = await clientAs(h, 'admin');
        const key = `form-${unique().toLowerCase()}`;
        await admin.saveDefinitionDraft({ key, version: 1, title: '旧表单', schema: schema('备注') });
        await admin.setDefinitionStatus(key, 1, 'published');
        const retired = await admin.setDefinitionStatus(key, 1, 'retired');
        expect(retired.status).to.equal('retired');
        expect((await rejection(admin.latestDefinition(key))).code).to.equal('not_found');
        expect((await rejection(admin.setDefinitionStatus(key, 1, 'published'))).fieldErrors).to.have.property('status');
        const insurer = await clientAs(h, 'insurerA');
        expect((await insurer.getDefinition(key, 1)).status).to.equal('retired');
      });

      it('deletes a draft that was never published', async () => {
        const admin = await clientAs(h, 'admin');
        const key = `form-${unique().toLowerCase()}`;
        await admin.saveDefinitionDraft({ key, version: 1, title: '草稿', schema: schema('备注') });
        await admin.deleteDefinitionDraft(key, 1);
        expect(await admin.listDefinitions({ key })).to.deep.equal([]);
      });

      it('lets no one but an administrator edit definitions', async () => {
        const insurer = await clientAs(h, 'insurerA');
        const key = `form-${unique().toLowerCase()}`;
        const err = await rejection(insurer.saveDefinitionDraft({ key, version: 1, title: '越权', schema: schema('备注') }));
        expect(['forbidden', 'validation']).to.include(err.code);
        const admin = await clientAs(h, 'admin');
        expect(await admin.listDefinitions({ key })).to.deep.equal([]);
      });
    });

    describe('records', () => {
      it('stores a valid record and reads it back', async () => {
        const store = await clientAs(h, 'insurerA');
        const input = policyOfA(w);
        const created = await store.create('policies', input);
        expect(created.id).to.match(/^[a-z0-9]{15}$/);
        expect(created.revision).to.equal(1);
        const read = await store.get('policies', created.id);
        expect(read.collection).to.equal('policies');
        expect(read.definition).to.equal('policy');
        expect(read.version).to.equal(w.versions.policies);
        expect(read.data).to.deep.equal(input.data);
        expect(read.columns['enterprise']).to.equal(w.ids.enterprises.E1);
        expect(read.created).to.not.equal('');
      });

      it('lists with a filter, a sort and pages', async () => {
        const store = await clientAs(h, 'insurerA');
        const tag = unique();
        // premiums the national pack's coefficients give for E1 (base rate 400 × 50 persons)
        const coefficients: Record<number, Record<string, number>> = {
          20000: {}, 30000: { standardization: 1.2, safety_credit: 1.25 }, 25000: { safety_credit: 1.25 },
        };
        for (const premium of [20000, 30000, 25000]) {
          const rating = w.payloads.policy.E1['rating'] as { coefficients: Record<string, number> };
          await store.create('policies', policyOfA(w, {
            policy_no: `AZX-L-${tag}-${premium / 1000}`, premium, prevention_budget: premium / 5,
            rating: { ...rating, coefficients: { ...rating.coefficients, ...coefficients[premium] }, premium_by_rate: premium },
          }));
        }
        const query = { where: [{ field: 'data.policy_no', op: '~', value: tag }] as const, sort: ['-data.premium'], perPage: 2 };
        const first = await store.list('policies', query);
        expect(first.totalItems).to.equal(3);
        expect(first.totalPages).to.equal(2);
        expect(first.items.map((r) => r.data['premium'])).to.deep.equal([30000, 25000]);
        const second = await store.list('policies', { ...query, page: 2 });
        expect(second.items.map((r) => r.data['premium'])).to.deep.equal([20000]);
        const some = await store.list('policies', {
          where: [{ field: 'data.policy_no', op: 'in', value: [`AZX-L-${tag}-20`, `AZX-L-${tag}-30`] }],
        });
        expect(some.totalItems).to.equal(2);
        // skipTotal: the same rows, not counted
        const uncounted = await store.list('policies', { ...query, skipTotal: true });
        expect(uncounted.items.map((r) => r.data['premium'])).to.deep.equal([30000, 25000]);
        expect([uncounted.totalItems, uncounted.totalPages]).to.deep.equal([-1, -1]);
      });

      it('says not_found for a record that does not exist', async () => {
        const store = await clientAs(h, 'insurerA');
        expect((await rejection(store.get('policies', 'nosuchrecord000'))).code).to.equal('not_found');
      });

      it('refuses a correction without a reason and keeps the record as it was', async () => {
        const store = await clientAs(h, 'insurerA');
        const input = policyOfA(w);
        const created = await store.create('policies', input);
        const err = await rejection(
          store.correct('policies', created.id, { data: at51(input.data), reason: '' }),
        );
        expect(err.code).to.equal('validation');
        const field = err.fieldErrors['correction_reason'];
        expect(field, JSON.stringify(err.fieldErrors)).to.not.equal(undefined);
        expect(field?.message_zh).to.match(/[\u4e00-\u9fff]/);
        expect(field?.message_en).to.match(/[a-z]/i);
        const read = await store.get('policies', created.id);
        expect(read.revision).to.equal(1);
        expect(read.data['headcount']).to.equal(input.data['headcount']);
      });

      it('stores a correction with a reason as the next revision', async () => {
        const store = await clientAs(h, 'insurerA');
        const input = policyOfA(w);
        const created = await store.create('policies', input);
        const corrected = await store.correct('policies', created.id, {
          data: at51(input.data),
          reason: '参保人数录入错误 / headcount typo',
        });
        expect(corrected.revision).to.equal(2);
        const read = await store.get('policies', created.id);
        expect(read.revision).to.equal(2);
        expect(read.data['headcount']).to.equal(51);
      });

      it('never stores a retried create twice', async () => {
        const store = await clientAs(h, 'insurerA');
        const input = policyOfA(w);
        const key = newIdempotencyKey();
        const first = await store.create('policies', input, { idempotencyKey: key });
        const retry = await store.create('policies', input, { idempotencyKey: key });
        expect(retry.id).to.equal(first.id);
        const found = await store.list('policies', { where: [{ field: 'data.policy_no', op: '=', value: input.data['policy_no'] as string }] });
        expect(found.totalItems).to.equal(1);
      });
    });

    describe('append-only histories', () => {
      it("appends a hazard's events, moves its status and lists its history", async () => {
        const store = await clientAs(h, 'insurerA');
        const watcher = await clientAs(h, 'insurerA');
        const delivered: StoredEvent[] = [];
        const unsubscribe = await watcher.subscribeEvents('hazard_events', (e) => delivered.push(e));
        const hazard = await newHazardOfA(store, w);
        const notified = await store.appendEvent('hazard_events', {
          fields: { hazard: hazard.id, action: 'notify', to_status: 'notified', note: '已书面告知' },
        });
        expect(notified.fields['from_status']).to.equal('found');
        expect((await store.get('hazards', hazard.id)).columns['status']).to.equal('notified');
        // a rectification carries its evidence (the workflow requires it)
        const photo = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], '整改后.png', { type: 'image/png' });
        await store.appendEvent('hazard_events', {
          fields: { hazard: hazard.id, action: 'rectify', to_status: 'rectified', note: '已恢复静电接地' },
          files: { evidence: [photo] },
        });
        const history = await store.listEvents('hazard_events', {
          where: [{ field: 'hazard', op: '=', value: hazard.id }],
          sort: ['created'],
        });
        expect(history.items.map((e) => [e.fields['from_status'], e.fields['to_status']])).to.deep.equal([
          ['found', 'notified'],
          ['notified', 'rectified'],
        ]);
        await until(() => delivered.filter((e) => e.fields['hazard'] === hazard.id).length === 2, 'both events');
        await unsubscribe();
      });

      it('never appends a retried event twice', async () => {
        const store = await clientAs(h, 'insurerA');
        const hazard = await newHazardOfA(store, w);
        const event = { fields: { hazard: hazard.id, action: 'notify', to_status: 'notified' } };
        const key = newIdempotencyKey();
        const first = await store.appendEvent('hazard_events', event, { idempotencyKey: key });
        const retry = await store.appendEvent('hazard_events', event, { idempotencyKey: key });
        expect(retry.id).to.equal(first.id);
        const history = await store.listEvents('hazard_events', { where: [{ field: 'hazard', op: '=', value: hazard.id }] });
        expect(history.totalItems).to.equal(1);
      });
    });

    describe('realtime', () => {
      it("delivers another client's create to a subscriber, and nothing after unsubscribing", async () => {
        const watcher = await clientAs(h, 'insurerA');
        const writer = await clientAs(h, 'insurerA');
        const changes: RecordChange[] = [];
        const unsubscribe = await watcher.subscribe('policies', (c) => changes.push(c));
        const created = await writer.create('policies', policyOfA(w));
        await until(() => changes.some((c) => c.record.id === created.id), 'the create event');
        const event = changes.find((c) => c.record.id === created.id);
        expect(event?.action).to.equal('create');
        expect(event?.record.definition).to.equal('policy');
        await unsubscribe();
        const later = await writer.create('policies', policyOfA(w));
        await sleep(300);
        expect(changes.some((c) => c.record.id === later.id)).to.equal(false);
      });

      it('stops delivering after sign-out', async () => {
        const watcher = await clientAs(h, 'insurerA');
        const writer = await clientAs(h, 'insurerA');
        const changes: RecordChange[] = [];
        await watcher.subscribe('policies', (c) => changes.push(c));
        await watcher.signOut();
        const created = await writer.create('policies', policyOfA(w));
        await sleep(300);
        expect(changes.some((c) => c.record.id === created.id)).to.equal(false);
      });
    });
  });
}
