/**
 * Reflow at 320 CSS px (WCAG 1.4.10, 1280 px at 400 %): each element with its real content never
 * makes the page scroll sideways. The ledger, the record list and the compliance report have
 * their own 320 px tests beside their other tests; these are the rest: the form with each
 * built-in definition (filled and read-only), policy entry (its rating's choices), the coverage
 * map (tiles and table), the schema editor (list and an open draft), a claim (its figures,
 * timeline and next step) and a bulk upload (its row-by-row results).
 */
import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../../components/core/index.js';
import '../../../components/coverage-map/index.js';
import '../../../components/claim/index.js';
import '../../../components/bulk-upload/index.js';
import type { AzxBulkUpload } from '../../../components/bulk-upload/index.js';
import type { AzxForm } from '../../../components/core/index.js';
import type { AzxCoverageMap } from '../../../components/coverage-map/index.js';
import { PocketBaseStore, provideStore } from '../../../components/data/index.js';
import { IDS as CLAIM_IDS, claimStore } from '../claim/fixture.js';
import { world } from '../setup/world.js';
import { FixtureRegulatorStore, ZHEJIANG_TILES } from '../coverage-map/fixture.js';
import { builtInDefinitions, editorWith, memoryStore, root, until } from '../schema-editor/helpers.js';
import { ENTERPRISES, entryStore, schemas as entrySchemas } from '../policy-entry/fixture.js';
import { find as findEnterprise, mount as mountEntry, submit as submitEntry } from '../policy-entry/helpers.js';

/** What sticks out of a 320 px page, to say what to fix; empty when nothing does. */
function overflow(): string {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return '';
  const out: string[] = [];
  const walk = (scope: ParentNode) => {
    for (const el of scope.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > width + 1) out.push(`${el.localName}.${String(el.className).split(' ')[0]} → ${Math.round(r.right)}px`);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  return `${document.documentElement.scrollWidth}px wide: ${out.slice(0, 6).join(', ')}`;
}

describe('reflow at 320 px', () => {
  before(() => setViewport({ width: 320, height: 640 }));
  after(() => setViewport({ width: 800, height: 600 }));

  for (const key of ['policy', 'service-report', 'hazard', 'enterprise']) {
    it(`<azx-form> with the ${key} definition, to fill and read-only`, async () => {
      const definition = (await builtInDefinitions()).find((d) => d.key === key)!;
      const form = await fixture<AzxForm>(html`<azx-form lang="zh-CN" .schema=${definition.schema}></azx-form>`);
      form.requestSubmit(); // every error shown: the longest the form gets
      await form.updateComplete;
      expect(overflow()).to.equal('');
      form.mode = 'readonly';
      await form.updateComplete;
      expect(overflow()).to.equal('');
    });
  }

  it('<azx-policy-entry>: an enterprise chosen, its rating with the coefficient choices, then refused', async () => {
    const el = await mountEntry(entryStore(await entrySchemas()));
    await findEnterprise(el, ENTERPRISES.suzhou.uscc);
    expect(el.shadowRoot!.querySelectorAll('select[data-coefficient]').length > 0, 'coefficient choices shown').to.equal(true);
    expect(overflow()).to.equal('');
    await submitEntry(el);
    expect(overflow()).to.equal('');
  });

  it('<azx-coverage-map>: tiles and table', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    provideStore(wrapper, new FixtureRegulatorStore());
    const el = document.createElement('azx-coverage-map') as AzxCoverageMap;
    el.layout = ZHEJIANG_TILES;
    wrapper.append(el);
    await waitUntil(() => el.figures, 'figures loaded', { timeout: 10000 });
    await el.updateComplete;
    expect(overflow()).to.equal('');
    el.view = 'table';
    await el.updateComplete;
    expect(overflow()).to.equal('');
  });

  it('<azx-schema-editor>: the list and an open draft', async () => {
    const el = await editorWith(await memoryStore());
    expect(overflow()).to.equal('');
    const edit = root(el).querySelector<HTMLButtonElement>('tr[data-key="hazard"] td:last-child button')!;
    edit.click();
    await until(() => root(el).querySelector('.draft') !== null);
    await el.updateComplete;
    expect(overflow()).to.equal('');
  });

  it('<azx-claim>: its figures, the timeline and the insurer\'s next step', async () => {
    const schema = ((await (await fetch('/schemas/definitions/claim.json')).json()) as { schema: Record<string, unknown> }).schema;
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    provideStore(host, claimStore({ schema, role: 'insurer', lang: 'zh' }));
    const el = document.createElement('azx-claim');
    el.policy = CLAIM_IDS.policy;
    el.claim = CLAIM_IDS.open;
    host.append(el);
    await waitUntil(() => el.shadowRoot?.querySelector('[part~="timeline"]') && el.shadowRoot.querySelector('#action'), 'the claim and its step', { timeout: 5000 });
    await el.updateComplete;
    expect(overflow()).to.equal('');
  });

  it('<azx-bulk-upload>: the chooser, then an import\'s results row by row', async () => {
    const w = await world();
    const store = new PocketBaseStore({ url: w.url });
    await store.signIn(w.users.insurerA.email, w.users.insurerA.password);
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    provideStore(host, store);
    const el = document.createElement('azx-bulk-upload') as AzxBulkUpload;
    el.mode = 'import';
    host.append(el);
    await el.updateComplete;
    expect(overflow()).to.equal('');
    const prefix = `RF-${Date.now()}`;
    const base = { ...w.payloads.policy.E1, enterprise_uscc: w.uscc.E1, period: { start: '2026-02-01', end: '2027-01-31' } };
    const rows = [{ ...base, policy_no: `${prefix}-0001` }, { ...base, policy_no: `${prefix}-0002`, cover_per_person: 300000 }, { ...base, policy_no: `${prefix}-0003`, premium: -5 }];
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
    const chosen = new DataTransfer();
    chosen.items.add(new File([JSON.stringify(rows)], `${prefix}.json`, { type: 'application/json' }));
    input.files = chosen.files;
    input.dispatchEvent(new Event('change'));
    el.shadowRoot!.querySelector<HTMLFormElement>('form')!.requestSubmit();
    await waitUntil(() => el.result, 'the server answered', { timeout: 20000 });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('tbody tr').length > 0, 'the results are shown').to.equal(true);
    expect(overflow()).to.equal('');
  });
});
