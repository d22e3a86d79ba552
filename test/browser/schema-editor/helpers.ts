// Shared set-up of the schema editor's browser tests: a MemoryStore with the built-in
// definitions (published version 1) and an administrator, and small DOM helpers.
import { fixture, html } from '@open-wc/testing';
import { MemoryStore, type FormDefinition, type Store } from '../../../components/data/index.js';
import type { AzxSchemaEditor } from '../../../components/schema-editor/index.js';
import '../../../components/schema-editor/index.js';

const BUILT_INS = ['enterprise', 'policy', 'service-report', 'hazard'];

export async function builtInDefinitions(): Promise<FormDefinition[]> {
  return Promise.all(
    BUILT_INS.map(async (file) => {
      const doc = (await (await fetch(`/schemas/definitions/${file}.json`)).json()) as Record<string, unknown>;
      return {
        id: `def${file.replace(/[^a-z]/g, '')}`.padEnd(15, '0').slice(0, 15),
        key: String(doc['key']),
        version: 1,
        status: 'published' as const,
        title: String(doc['title'] ?? ''),
        industry: String(doc['industry'] ?? ''),
        base: '',
        schema: doc['schema'] as FormDefinition['schema'],
        hash: '',
        publishedAt: '2026-01-01 00:00:00.000Z',
      };
    }),
  );
}

export const ADMIN = 'admin@azx.test';
export const INSURER = 'insurer@azx.test';

export async function memoryStore(signedInAs = ADMIN): Promise<MemoryStore> {
  return new MemoryStore({
    definitions: await builtInDefinitions(),
    users: [
      { userId: 'adminuser000000', email: ADMIN, password: 'pw', name: '管理员', role: 'admin', organizationId: '' },
      { userId: 'insureruser0000', email: INSURER, password: 'pw', name: '保险', role: 'insurer', organizationId: 'insurerorg00000' },
    ],
    signedInAs,
  });
}

export async function editorWith(store: Store, lang = 'zh-CN'): Promise<AzxSchemaEditor> {
  const el = await fixture<AzxSchemaEditor>(html`<azx-schema-editor lang=${lang} .store=${store}></azx-schema-editor>`);
  await until(() => el.shadowRoot!.querySelector('table.definitions') !== null || el.shadowRoot!.querySelector('.errors') !== null);
  return el;
}

export { byText, root, settle, type, until } from '../setup/dom.js';
import { byText, root, settle, type, until } from '../setup/dom.js';

/** Starts a new industry definition from `base` in the list view. */
export async function createIndustry(el: AzxSchemaEditor, spec: { base?: string; key: string; industry: string; zh: string; en?: string }): Promise<void> {
  const form = root(el).querySelector<HTMLFormElement>('form.new-industry')!;
  type(form.querySelector('select[name="base"]')!, spec.base ?? 'policy');
  type(form.querySelector('input[name="key"]')!, spec.key);
  type(form.querySelector('input[name="industry"]')!, spec.industry);
  type(form.querySelector('input[name="zh"]')!, spec.zh);
  type(form.querySelector('input[name="en"]')!, spec.en ?? '');
  form.requestSubmit();
  await settle(el);
}

/** Adds a field through the add-field form (into the selected group or the root). */
export async function addField(el: AzxSchemaEditor, key: string, kind: string, zh: string, en = ''): Promise<void> {
  const form = root(el).querySelector<HTMLFormElement>('form.add-field')!;
  type(form.querySelector('input[name="key"]')!, key);
  type(form.querySelector('select[name="kind"]')!, kind);
  type(form.querySelector('input[name="zh"]')!, zh);
  type(form.querySelector('input[name="en"]')!, en);
  form.requestSubmit();
  await settle(el);
}

export async function openTab(el: AzxSchemaEditor, label: string): Promise<void> {
  byText(root(el), '[role="tab"]', label).click();
  await settle(el);
}
