/**
 * Reflow at 320 CSS px (WCAG 1.4.10, 1280 px at 400 %): each element with its real content never
 * makes the page scroll sideways. The ledger, the record list and the compliance report have
 * their own 320 px tests beside their other tests; these are the rest: the form with each
 * built-in definition (filled and read-only), policy entry (its rating's choices), the coverage
 * map (tiles and table) and the schema editor (list and an open draft).
 */
import { fixture, html, expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../../components/core/index.js';
import '../../../components/coverage-map/index.js';
import type { AzxForm } from '../../../components/core/index.js';
import type { AzxCoverageMap } from '../../../components/coverage-map/index.js';
import { provideStore } from '../../../components/data/index.js';
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
});
