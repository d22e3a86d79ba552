// The administrator's <azx-schema-editor>, and what it is for on the insurer's side: filing a
// policy under a published industry variant of the policy form, and opening older policies
// under the definition version they were made with.
import '../../components/schema-editor/index.js';
import '../../components/core/index.js';
import type { AzxForm } from '../../components/core/index.js';
import { isStoreError, type FormDefinition, type StoredRecord, type Store } from '../../components/data/index.js';
import type { PortalSection, SectionContext } from './section.js';

export const schemaEditorSection: PortalSection = {
  id: 'schema-editor',
  title: '表单定义 Form definitions',
  roles: ['admin'],
  mount(host, { store, status }) {
    const editor = document.createElement('azx-schema-editor');
    editor.store = store;
    editor.addEventListener('azx-definition-published', (e) => {
      const d = (e as CustomEvent<{ definition: FormDefinition }>).detail.definition;
      status(`已发布 ${d.key} 第 ${d.version} 版 · published`);
    });
    host.append(editor);
  },
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', className = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text) node.textContent = text;
  if (className) node.className = className;
  return node;
}

/** The latest published version of every policy variant (key `policy` or base `policy`). */
async function policyForms(store: Store): Promise<FormDefinition[]> {
  const all = await store.listDefinitions({ status: ['published'] });
  const latest = new Map<string, FormDefinition>();
  for (const d of all) {
    if (d.key !== 'policy' && d.base !== 'policy') continue;
    if ((latest.get(d.key)?.version ?? 0) < d.version) latest.set(d.key, d);
  }
  return [...latest.values()].sort((a, b) => (a.key === 'policy' ? -1 : b.key === 'policy' ? 1 : a.key.localeCompare(b.key)));
}

async function mountIndustryPolicies(host: HTMLElement, { store, party, status }: SectionContext): Promise<void> {
  const hint = el('p', '按管理员发布的行业表单录入保单（如涉氨制冷、有限空间）；可从已有保单复制后修改。已有保单按其填写时的表单版本显示。', 'hint');
  const label = el('label', '行业表单 Industry form ');
  const select = el('select');
  select.id = 'industry-definition';
  label.append(select);
  const form = document.createElement('azx-form') as AzxForm;
  form.id = 'industry-policy-form';
  const errors = el('ul', '', 'server-errors');
  errors.id = 'industry-policy-errors';
  errors.setAttribute('aria-live', 'polite');
  const listHeading = el('h3', '本机构的保单 Our policies');
  const list = el('table');
  list.id = 'industry-policy-list';
  const viewer = document.createElement('azx-form') as AzxForm;
  viewer.id = 'policy-viewer';
  viewer.mode = 'readonly';
  viewer.hidden = true;
  host.append(hint, label, form, errors, listHeading, list, viewer);

  let forms: FormDefinition[] = [];
  const chosen = () => forms.find((d) => d.key === select.value);
  const showForm = () => {
    const d = chosen();
    if (d) form.schema = d.schema;
  };
  select.addEventListener('change', showForm);

  const fillList = async () => {
    const page = await store.list('policies', { sort: ['-created'], perPage: 10 });
    const head = el('tr');
    for (const h of ['保单号', '表单', '版本', '']) head.append(el('th', h));
    list.replaceChildren(head, ...page.items.map((p) => policyRow(p)));
  };

  const policyRow = (p: StoredRecord): HTMLTableRowElement => {
    const tr = el('tr');
    tr.dataset['id'] = p.id;
    const actions = el('td');
    const open = el('button', '查看 Open');
    open.type = 'button';
    open.className = 'open-policy';
    open.addEventListener('click', async () => {
      // a record renders with the definition version it was validated against, not the latest
      const definition = await store.getDefinition(p.definition, p.version);
      viewer.schema = definition.schema;
      viewer.value = p.data as Record<string, unknown>;
      viewer.definitionKey = p.definition;
      viewer.definitionVersion = String(p.version);
      viewer.hidden = false;
      viewer.dataset['showing'] = `${p.definition}@${p.version}`;
    });
    const copy = el('button', '复制为新保单 Use as template');
    copy.type = 'button';
    copy.className = 'copy-policy';
    copy.addEventListener('click', () => {
      form.value = structuredClone(p.data as Record<string, unknown>);
    });
    actions.append(open, copy);
    tr.append(el('td', String(p.columns['policy_no'] ?? '')), el('td', p.definition), el('td', String(p.version)), actions);
    return tr;
  };

  form.addEventListener('azx-submit', async (event) => {
    const d = chosen();
    if (!d) return;
    const value = (event as CustomEvent<{ value: Record<string, unknown> }>).detail.value;
    errors.replaceChildren();
    try {
      const insured = value['insured'] as { uscc?: string } | undefined;
      const found = await store.list('enterprises', { where: [{ field: 'uscc', op: '=', value: insured?.uscc ?? '' }], perPage: 1 });
      const record = await store.create('policies', {
        definition: d.key,
        version: d.version,
        data: value,
        columns: { insurer: party.organizationId, enterprise: found.items[0]?.id ?? '' },
      });
      status(`已保存保单 ${String(record.columns['policy_no'])}（${d.key} 第 ${d.version} 版）· saved`);
      await fillList();
    } catch (err) {
      if (!isStoreError(err)) throw err;
      status(`服务器拒绝了这条记录 · the server refused the record: ${err.message}`);
      for (const [path, e] of Object.entries(err.fieldErrors)) errors.append(el('li', `${path}: ${e.message_zh} / ${e.message_en}`));
    }
  });

  forms = await policyForms(store);
  select.replaceChildren(...forms.map((d) => new Option(`${d.title}（${d.industry || '通用'} · ${d.key} v${d.version}）`, d.key)));
  showForm();
  await fillList();
}

export const industryPolicySection: PortalSection = {
  id: 'industry-policy',
  title: '行业保单 Industry policies',
  roles: ['insurer'],
  mount: mountIndustryPolicies,
};
