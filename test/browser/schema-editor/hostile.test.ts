/**
 * Whatever an administrator types is shown as text: hostile titles, descriptions, help,
 * options, group names and rule messages neither run nor become elements or links, in the
 * editor, its rule builders, the preview and <azx-form>.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { AzxForm } from '../../../components/core/index.js';
import type { FormDefinition } from '../../../components/data/index.js';
import { byText, editorWith, memoryStore, openTab, root, settle } from './helpers.js';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

const PAYLOADS = [
  '<script>window.__pwned="script"</script>',
  '<img src=x onerror="window.__pwned=\'img\'">',
  '<svg onload="window.__pwned=\'svg\'"></svg>',
  'javascript:window.__pwned="url"',
  '<a href="javascript:window.__pwned=\'link\'">点此</a>',
  '"><iframe src="javascript:window.__pwned=\'iframe\'"></iframe>',
];
const evil = (i: number) => `恶意${i} ${PAYLOADS[i % PAYLOADS.length]}`;

function hostileSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    type: 'object',
    title: evil(0),
    'x-title-en': evil(1),
    description: evil(2),
    'x-groups': [{ key: 'g', title: evil(3), 'x-title-en': evil(4) }],
    required: ['name'],
    properties: {
      name: { type: 'string', title: evil(5), 'x-title-en': evil(0), description: evil(1), 'x-help': evil(3), 'x-placeholder': evil(4), default: evil(2), 'x-group': 'g', 'x-order': 1 },
      kind: {
        type: 'string', title: evil(2), 'x-order': 2, 'x-help': 'javascript:alert(1)',
        oneOf: [{ const: 'a', title: evil(4), 'x-title-en': evil(5) }, { const: '<b>b</b>', title: evil(1) }],
      },
      count: { type: 'integer', title: evil(3), minimum: 1, 'x-order': 3, 'x-visible': { '!=': [{ var: 'name' }, evil(0)] } },
    },
    'x-rules': [{ rule: { '>': [{ var: 'count' }, 5] }, message: { 'zh-CN': evil(5), en: evil(4) }, path: 'count' }],
  };
}

/** Every element in a tree, through shadow roots. */
function allElements(node: ParentNode): Element[] {
  const out: Element[] = [];
  for (const el of node.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...allElements(el.shadowRoot));
  }
  return out;
}

function assertInert(scope: ParentNode): void {
  const els = allElements(scope);
  const injected = els.filter((e) => ['SCRIPT', 'IMG', 'SVG', 'IFRAME', 'svg'].includes(e.tagName) || e.tagName === 'A');
  expect(injected.map((e) => e.outerHTML)).to.deep.equal([]);
  const handlers = els.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${e.tagName} ${a.name}`));
  expect(handlers).to.deep.equal([]);
  const jsUrls = els.flatMap((e) => ['href', 'src', 'action', 'formaction'].map((a) => e.getAttribute(a) ?? '').filter((v) => /^\s*javascript:/i.test(v)));
  expect(jsUrls).to.deep.equal([]);
}

async function pause(ms = 50): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

describe('hostile text typed by an administrator', () => {
  beforeEach(() => {
    delete window.__pwned;
  });

  it('is shown as text everywhere in the editor and never runs', async () => {
    const store = await memoryStore();
    const definition: FormDefinition = {
      id: 'hostile00000000', key: 'hostile', version: 1, status: 'published', title: evil(1), industry: evil(2), base: evil(3),
      schema: hostileSchema(), hash: '', publishedAt: '2026-01-01 00:00:00.000Z',
    };
    store.putDefinition(definition);
    const el = await editorWith(store);
    expect(root(el).querySelector('tr[data-key="hostile"]')!.textContent).to.contain(PAYLOADS[1]).and.contain(PAYLOADS[2]);
    byText(root(el), 'button', '编辑 hostile').click();
    await settle(el);
    // select each field so the inspector shows its texts
    for (const label of [/^\s*恶意5/, /^\s*恶意2/, /^\s*恶意3/]) {
      byText(root(el), 'button.name', label).click();
      await settle(el);
      assertInert(root(el));
    }
    expect(root(el).querySelector<HTMLInputElement>('.inspector input[id$="-title"]')!.value).to.equal(evil(3));
    for (const tab of ['规则', 'JSON', '预览', '差异与发布']) {
      await openTab(el, tab);
      await pause();
      assertInert(root(el));
    }
    await openTab(el, '预览');
    const form = root(el).querySelector<AzxForm>('azx-form')!;
    byText(form, 'button', '校验样例数据').click();
    await form.updateComplete;
    await pause();
    assertInert(root(el));
    expect(form.shadowRoot!.textContent).to.contain(PAYLOADS[5]);
    expect(window.__pwned).to.equal(undefined);
  });

  it('is shown as text by <azx-form> in every mode, errors and rule messages included', async () => {
    for (const mode of ['edit', 'readonly', 'print'] as const) {
      for (const lang of ['zh-CN', 'en']) {
        const form = await fixture<AzxForm>(
          html`<azx-form mode=${mode} lang=${lang} organization=${evil(2)} definition-key=${evil(3)} .schema=${hostileSchema()}
            .value=${{ name: evil(4), kind: '<b>b</b>', count: 9 }}></azx-form>`,
        );
        form.reportValidity();
        await form.updateComplete;
        await pause();
        assertInert(form.shadowRoot!);
        if (mode === 'edit') expect(form.shadowRoot!.textContent, `${mode} ${lang}`).to.contain(lang === 'en' ? PAYLOADS[4] : PAYLOADS[5]);
      }
    }
    expect(window.__pwned).to.equal(undefined);
  });
});
