/**
 * PocketBaseStore in Chromium against the real AZX backend of this run: the shared contract,
 * then what only a real server can show (access rules, server validation, bilingual errors).
 */
import { expect } from '@open-wc/testing';
import { PocketBaseStore, type RecordChange, type Store } from '../../../components/data/index.js';
import { world, type TestWorld } from '../setup/world.js';
import { sleep, unique, until } from '../setup/unique.js';
import { clientAs, newHazardOfA, policyOfA, rejection, storeContract, type Harness } from './contract.js';

async function pocketBaseHarness(): Promise<Harness> {
  const w = await world();
  return {
    world: w,
    client: () => new PocketBaseStore({ url: w.url }),
  };
}

storeContract('PocketBaseStore', pocketBaseHarness);

describe('PocketBaseStore against the AZX backend', () => {
  let h: Harness;
  let w: TestWorld;
  before(async () => {
    h = await pocketBaseHarness();
    w = h.world;
  });

  it('names the organization of the signed-in party', async () => {
    const store = await clientAs(h, 'insurerA');
    expect(store.party?.organizationName).to.equal('甲财产保险股份有限公司绍兴中心支公司');
  });

  it('shows an insurer only its own policies', async () => {
    const store = await clientAs(h, 'insurerA');
    const page = await store.list('policies', { perPage: 500 });
    const ids = page.items.map((r) => r.id);
    expect(ids).to.include(w.ids.policies.A);
    expect(ids).to.not.include(w.ids.policies.B);
    expect(page.items.every((r) => r.columns['insurer'] === w.ids.orgs.insurerA)).to.equal(true);
    expect((await rejection(store.get('policies', w.ids.policies.B))).code).to.equal('not_found');
  });

  it('shows a regulator only its region', async () => {
    const store = await clientAs(h, 'regulatorHangzhou');
    const ids = (await store.list('policies', { perPage: 500 })).items.map((r) => r.id);
    expect(ids).to.include(w.ids.policies.B);
    expect(ids).to.not.include(w.ids.policies.A);
  });

  it('refuses an invalid record with field errors in Chinese and English, and stores nothing', async () => {
    const store = await clientAs(h, 'insurerA');
    const input = policyOfA(w, { cover_per_person: 0 });
    const err = await rejection(store.create('policies', input));
    expect(err.code).to.equal('validation');
    expect(err.status).to.equal(400);
    const field = err.fieldErrors['data.cover_per_person'];
    expect(field, JSON.stringify(err.fieldErrors)).to.not.equal(undefined);
    expect(field?.code).to.not.equal('');
    expect(field?.message_zh).to.match(/[\u4e00-\u9fff]/);
    expect(field?.message_en).to.match(/[a-z]/i);
    expect(field?.message).to.equal(field?.message_zh);
    const found = await store.list('policies', { where: [{ field: 'data.policy_no', op: '=', value: input.data['policy_no'] as string }] });
    expect(found.totalItems).to.equal(0);
  });

  it('gives `message` in English to a client that asks for English', async () => {
    const store = new PocketBaseStore({ url: w.url, lang: 'en' });
    await store.signIn(w.users.insurerA.email, w.users.insurerA.password);
    const err = await rejection(store.create('policies', policyOfA(w, { cover_per_person: 0 })));
    const field = err.fieldErrors['data.cover_per_person'];
    expect(field?.message).to.equal(field?.message_en);
  });

  it('shows the columns the server derived, not what the client claimed', async () => {
    const store = await clientAs(h, 'insurerA');
    const input = policyOfA(w);
    const created = await store.create('policies', { ...input, columns: { ...input.columns, region_code: '110101', premium: 1 } });
    expect(created.columns['region_code']).to.equal('330602');
    expect(created.columns['premium']).to.equal(input.data['premium']);
  });

  it('does not deliver one insurer’s creates to another insurer', async () => {
    const other = await clientAs(h, 'insurerB');
    const own = await clientAs(h, 'insurerA');
    const seenByB: RecordChange[] = [];
    const seenByA: RecordChange[] = [];
    const offB = await other.subscribe('policies', (c) => seenByB.push(c));
    const offA = await own.subscribe('policies', (c) => seenByA.push(c));
    const writer = await clientAs(h, 'insurerA');
    const created = await writer.create('policies', policyOfA(w));
    await until(() => seenByA.some((c) => c.record.id === created.id), 'insurer A to see its create');
    await sleep(200);
    expect(seenByB.some((c) => c.record.id === created.id)).to.equal(false);
    await offA();
    await offB();
  });

  it('uploads evidence with a record and serves it back to the party', async () => {
    const store = await clientAs(h, 'insurerA');
    const bytes = new TextEncoder().encode('现场照片 placeholder');
    const file = new File([bytes], 'evidence.txt', { type: 'text/plain' });
    const created = await store.create('service_reports', {
      definition: 'service-report',
      version: w.versions.service_reports,
      data: { ...w.payloads.serviceReport.A, report_no: `SR-${unique()}` },
      columns: { policy: w.ids.policies.A },
      files: { evidence: [file] },
    });
    const names = created.columns['evidence'] as string[];
    expect(names).to.have.length(1);
    const url = await store.fileUrl(created, names[0] as string);
    const res = await fetch(url);
    expect(res.status).to.equal(200);
    expect(await res.text()).to.equal('现场照片 placeholder');
    // Evidence is protected: the same URL without the party's file token serves nothing.
    const bare = new URL(url);
    bare.searchParams.delete('token');
    expect((await fetch(bare)).status).to.equal(404);
  });

  it("refuses a hazard move the closed loop does not allow, in both languages, and keeps the hazard's status", async () => {
    const store = await clientAs(h, 'insurerA');
    const hazard = await newHazardOfA(store, w);
    const err = await rejection(store.appendEvent('hazard_events', { fields: { hazard: hazard.id, action: 'verify', to_status: 'verified' } }));
    expect(err.code).to.equal('validation');
    const field = err.fieldErrors['to_status'];
    expect(field?.message_zh, JSON.stringify(err.fieldErrors)).to.match(/[\u4e00-\u9fff]/);
    expect(field?.message_en).to.match(/[a-z]/i);
    expect((await store.get('hazards', hazard.id)).columns['status']).to.equal('found');
  });

  it("keeps one insurer's hazard history from another insurer", async () => {
    const own = await clientAs(h, 'insurerA');
    const other = await clientAs(h, 'insurerB');
    const hazard = await newHazardOfA(own, w);
    await own.appendEvent('hazard_events', { fields: { hazard: hazard.id, action: 'notify', to_status: 'notified' } });
    const where = [{ field: 'hazard', op: '=', value: hazard.id }] as const;
    expect((await own.listEvents('hazard_events', { where })).totalItems).to.equal(1);
    expect((await other.listEvents('hazard_events', { where })).totalItems).to.equal(0);
  });

  it('says network, not a crash, when the server is unreachable', async () => {
    const store: Store = new PocketBaseStore({ url: 'http://127.0.0.1:9' });
    const err = await rejection(store.signIn('x@y.z', 'nope'));
    expect(err.code).to.equal('network');
  });
});
