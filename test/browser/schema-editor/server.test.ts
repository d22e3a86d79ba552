/**
 * <azx-schema-editor> against the real AZX backend: an administrator publishes a policy form
 * for a new industry, an insurer files under it, and the server refuses what it must.
 */
import { expect } from '@open-wc/testing';
import { PocketBaseStore, type Store } from '../../../components/data/index.js';
import type { AzxLogicBuilder, AzxSchemaEditor } from '../../../components/schema-editor/index.js';
import { world, type TestWorld } from '../setup/world.js';
import { unique } from '../setup/unique.js';
import { policyOfA, rejection } from '../data/contract.js';
import { addField, byText, createIndustry, editorWith, openTab, root, settle, type, until } from './helpers.js';

async function signedIn(w: TestWorld, user: 'admin' | 'insurerA'): Promise<Store> {
  const store = new PocketBaseStore({ url: w.url });
  await store.signIn(w.users[user].email, w.users[user].password);
  return store;
}

/** Adds the rule "the ammonia leak alarm must be installed" through the rule builder. */
async function addAlarmRule(el: AzxSchemaEditor): Promise<void> {
  await openTab(el, '规则');
  byText(root(el), 'button', '添加规则').click();
  await settle(el);
  const rule = root(el).querySelector<AzxLogicBuilder>('.rule azx-logic-builder')!;
  byText(rule.shadowRoot!, 'button', '添加条件').click();
  await rule.updateComplete;
  type(rule.shadowRoot!.querySelector<HTMLSelectElement>('select[aria-label="字段 1"]')!, 'ammonia_alarm');
  await rule.updateComplete;
  type(rule.shadowRoot!.querySelector<HTMLInputElement>('input[aria-label="值 1"]')!, 'true');
  await settle(el);
  type(root(el).querySelector<HTMLInputElement>('#rule-0-zh')!, '涉氨制冷企业须安装氨气泄漏报警装置');
  await settle(el);
  type(root(el).querySelector<HTMLInputElement>('#rule-0-en')!, 'An ammonia leak alarm must be installed');
  await settle(el);
  type(root(el).querySelector<HTMLSelectElement>('#rule-0-path')!, 'ammonia_alarm');
  await settle(el);
}

describe('<azx-schema-editor> against the AZX backend', function () {
  // a whole edit-publish-file round trip against a server shared with every other test file
  this.timeout(60000);
  let w: TestWorld;
  before(async () => {
    w = await world();
  });

  it('publishes an industry form that insurers then file under, while version 1 policies still open', async () => {
    const admin = await signedIn(w, 'admin');
    const key = `policy-nh3-${unique().toLowerCase()}`;
    const el = await editorWith(admin);
    await createIndustry(el, { key, industry: '涉氨制冷', zh: '涉氨制冷企业安责险保单', en: 'Policy: ammonia refrigeration' });
    await addField(el, 'ammonia_charge_kg', 'number', '液氨储量（千克）', 'Ammonia charge (kg)');
    const required = root(el).querySelector<HTMLInputElement>('.inspector input[type="checkbox"]')!;
    required.checked = true;
    required.dispatchEvent(new Event('change'));
    await settle(el);
    await addField(el, 'ammonia_alarm', 'boolean', '已安装氨气泄漏报警装置', 'Ammonia leak alarm installed');
    await addAlarmRule(el);
    await openTab(el, '差异与发布');
    byText(root(el), 'button', '发布为第 1 版').click();
    await until(() => root(el).querySelector(`tr[data-key="${key}"]`) !== null, 8000);
    const published = await admin.getDefinition(key, 1);
    expect(published.status).to.equal('published');
    expect(published.base).to.equal('policy');
    expect(published.hash).to.match(/^[0-9a-f]{64}$/);

    const insurer = await signedIn(w, 'insurerA');
    expect((await insurer.latestDefinition(key)).version).to.equal(1);
    const base = policyOfA(w);
    const file = (data: Record<string, unknown>) => insurer.create('policies', { ...base, definition: key, version: 1, data: { ...base.data, policy_no: `NH3-${unique()}`, ...data } });
    const stored = await file({ ammonia_charge_kg: 8000, ammonia_alarm: true });
    expect(stored.definition).to.equal(key);
    expect((await rejection(file({ ammonia_alarm: true }))).fieldErrors['data.ammonia_charge_kg']?.code).to.equal('schema_required');
    const ruled = await rejection(file({ ammonia_charge_kg: 8000, ammonia_alarm: false }));
    expect(ruled.fieldErrors['data.ammonia_alarm']?.message_zh).to.equal('涉氨制冷企业须安装氨气泄漏报警装置');

    const older = await insurer.get('policies', w.ids.policies.A);
    expect(older.definition).to.equal('policy');
    expect((await insurer.getDefinition('policy', older.version)).status).to.not.equal('draft');
  });

  it('refuses definition edits by a non-administrator, changes to a published version, and invalid definitions', async () => {
    const insurer = await signedIn(w, 'insurerA');
    const policy = await insurer.latestDefinition('policy');
    const forbidden = await rejection(insurer.saveDefinitionDraft({ key: `x-${unique().toLowerCase()}`, version: 1, title: '越权', schema: policy.schema }));
    expect(['forbidden', 'validation', 'unauthenticated']).to.include(forbidden.code);
    expect(forbidden.status).to.be.oneOf([400, 403]);
    const notAdmin = await rejection(insurer.setDefinitionStatus('policy', policy.version, 'retired'));
    expect(notAdmin.status).to.be.oneOf([403, 404]);
    expect((await insurer.getDefinition('policy', policy.version)).status).to.equal('published');

    const admin = await signedIn(w, 'admin');
    const changed = await rejection(admin.saveDefinitionDraft({ key: 'policy', version: policy.version, title: policy.title, schema: { ...policy.schema, title: '改' } }));
    expect(changed.code).to.equal('validation');
    expect((await admin.getDefinition('policy', policy.version)).schema).to.deep.equal(policy.schema);

    const bad = await rejection(admin.saveDefinitionDraft({ key: `bad-${unique().toLowerCase()}`, version: 1, title: '坏', schema: { type: 'object', properties: { a: { type: 'strin' } } } }));
    expect(bad.fieldErrors['schema']?.code).to.equal('definition_schema_invalid');
    const noBase = await rejection(admin.saveDefinitionDraft({ key: `orphan-${unique().toLowerCase()}`, version: 1, title: '无基础', base: 'no-such-form', schema: { type: 'object', properties: {} } }));
    expect(noBase.fieldErrors['base']?.code).to.equal('definition_base_unknown');
  });

  it('shows the server\'s refusal of a draft as text', async () => {
    const admin = await signedIn(w, 'admin');
    const el = await editorWith(admin);
    await createIndustry(el, { key: `policy-cs-${unique().toLowerCase()}`, industry: '有限空间', zh: '有限空间作业企业保单' });
    await openTab(el, '规则');
    byText(root(el), 'button', '添加规则').click(); // a rule without messages: the server refuses it
    await settle(el);
    expect(await el.saveDraft()).to.equal(false);
    await settle(el);
    expect(root(el).querySelector('.errors')!.textContent).to.contain('服务器拒绝了此操作').and.contain('schema');
  });
});
