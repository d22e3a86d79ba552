/**
 * A portal page as README's "Embedding" section writes it: the elements are in the markup before
 * the portal's script provides the store, and the user signs in after they have rendered. Every
 * element must get the store and show what the signed-in party may see, without being touched.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../components/index.js';
import type {
  AzxComplianceReport,
  AzxCoverageMap,
  AzxForm,
  AzxHazardLedger,
  AzxPolicyEntry,
  AzxRecordList,
  AzxPackEditor,
  AzxSchemaEditor,
  AzxServiceReport,
} from '../../../components/index.js';
import { MemoryStore, PocketBaseStore, provideStore, type Store } from '../../../components/data/index.js';
import { world } from '../setup/world.js';

const TAGS = [
  'azx-form',
  'azx-policy-entry',
  'azx-service-report',
  'azx-hazard-ledger',
  'azx-coverage-map',
  'azx-compliance-report',
  'azx-schema-editor',
  'azx-record-list',
  'azx-pack-editor',
  'azx-bulk-upload',
] as const;

/** The store an element uses (the editors keep the context's apart from one set on them). */
function storeOf(el: Element): Store | undefined {
  if (el.localName === 'azx-schema-editor') return (el as AzxSchemaEditor).contextStore;
  if (el.localName === 'azx-pack-editor') return (el as AzxPackEditor).contextStore;
  return (el as AzxForm).store;
}

const shadowText = (el: Element) => el.shadowRoot?.textContent ?? '';

const SIGN_IN_BURST = 20_000; // ms

describe('the store on a portal page', () => {
  it('reaches every element already in the page when the portal provides it afterwards', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <azx-form></azx-form><azx-policy-entry></azx-policy-entry><azx-service-report></azx-service-report>
      <azx-hazard-ledger></azx-hazard-ledger><azx-coverage-map></azx-coverage-map>
      <azx-compliance-report></azx-compliance-report><azx-schema-editor></azx-schema-editor><azx-record-list></azx-record-list><azx-pack-editor></azx-pack-editor><azx-bulk-upload></azx-bulk-upload>
    </div>`);
    const elements = TAGS.map((tag) => page.querySelector(tag)!);
    for (const el of elements) expect(storeOf(el), el.localName).to.equal(undefined);
    const store = new MemoryStore();
    provideStore(page, store);
    for (const el of elements) expect(storeOf(el), el.localName).to.equal(store);
    // and an element added later still finds it
    const late = document.createElement('azx-hazard-ledger');
    page.append(late);
    expect(late.store).to.equal(store);
  });

  it('a sign-in after rendering updates every element', async function () {
    this.timeout(90_000); // three sign-ins, each a burst of first requests (SIGN_IN_BURST)
    const w = await world();
    const page = await fixture<HTMLDivElement>(html`<div>
      <azx-policy-entry enterprise=${w.ids.enterprises.E1}></azx-policy-entry>
      <azx-service-report policy=${w.ids.policies.A}></azx-service-report>
      <azx-hazard-ledger></azx-hazard-ledger>
      <azx-coverage-map region="330000"></azx-coverage-map>
      <azx-compliance-report region="330000"></azx-compliance-report>
      <azx-schema-editor></azx-schema-editor>
      <azx-record-list collection="policies" definition-key="policy"></azx-record-list>
      <azx-pack-editor></azx-pack-editor>
    </div>`);
    const store = new PocketBaseStore({ url: w.url });
    provideStore(page, store);
    const entry = page.querySelector<AzxPolicyEntry>('azx-policy-entry')!;
    const report = page.querySelector<AzxServiceReport>('azx-service-report')!;
    const ledger = page.querySelector<AzxHazardLedger>('azx-hazard-ledger')!;
    const map = page.querySelector<AzxCoverageMap>('azx-coverage-map')!;
    const bulletin = page.querySelector<AzxComplianceReport>('azx-compliance-report')!;
    const editor = page.querySelector<AzxSchemaEditor>('azx-schema-editor')!;
    const list = page.querySelector<AzxRecordList>('azx-record-list')!;
    const packs = page.querySelector<AzxPackEditor>('azx-pack-editor')!;
    await waitUntil(() => shadowText(ledger).includes('请先登录') && shadowText(report).includes('请先登录') && shadowText(list).includes('请先登录'), 'signed out');
    expect(map.figures).to.equal(undefined);
    expect(bulletin.report).to.equal(undefined);
    expect(entry.shadowRoot!.querySelector('azx-form')).to.equal(null);

    const regulator = w.users.regulatorZhejiang;
    await store.signIn(regulator.email, regulator.password);

    // a sign-in starts every element's first requests at once (eight elements, a dozen lists and
    // figures): on a loaded CI machine the first answers can take several seconds
    await waitUntil(() => ledger.total !== undefined && ledger.total > 0, 'the ledger lists the province\'s hazards', { timeout: SIGN_IN_BURST });
    await waitUntil(() => map.figures !== undefined, 'the map shows the province\'s figures', { timeout: SIGN_IN_BURST });
    await waitUntil(() => bulletin.report !== undefined, 'the bulletin is drawn up', { timeout: SIGN_IN_BURST });
    await waitUntil(() => !shadowText(report).includes('请先登录') && !!report.shadowRoot!.querySelector('[part~="ledger"]'), 'the service report shows the policy\'s ledger', { timeout: SIGN_IN_BURST });
    await waitUntil(() => !!entry.shadowRoot!.querySelector('azx-form'), 'the policy entry opens the preselected enterprise', { timeout: SIGN_IN_BURST });
    await waitUntil(() => !!editor.shadowRoot!.querySelector('[part="definitions"] tbody tr'), 'the editor lists the definitions', { timeout: SIGN_IN_BURST });
    await waitUntil(() => list.total !== undefined && list.total > 0, 'the list shows the province\'s policies', { timeout: SIGN_IN_BURST });

    // signing out empties them again
    await store.signOut();
    await waitUntil(() => shadowText(ledger).includes('请先登录') && shadowText(report).includes('请先登录') && shadowText(list).includes('请先登录'), 'signed out again');

    // an administrator's sign-in lists the rule packs in the pack editor that was already there
    expect(packs.shadowRoot!.querySelector('[part="packs"]')).to.equal(null);
    await store.signIn(w.users.admin.email, w.users.admin.password);
    await waitUntil(() => !!packs.shadowRoot!.querySelector('[part="packs"] tbody tr[data-key="cn-2025"]'), 'the pack editor lists the packs', { timeout: SIGN_IN_BURST });
  });
});
