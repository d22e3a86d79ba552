// What the schema editor is for on the insurer's side: filing a policy under a published
// industry variant of the policy form, starting from one of its policies, and opening older
// policies under the definition version they were made with (the list's detail does that).
import '../../components/core/index.js';
import '../../components/record-list/index.js';
import type { AzxForm } from '../../components/core/index.js';
import type { AzxRecordList } from '../../components/record-list/index.js';
import { isStoreError, type FormDefinition, type StoredRecord, type Store } from '../../components/data/index.js';
import { say, type Bilingual } from '../shell/words.js';
import type { PortalSection, SectionContext } from './section.js';

const WORDS = {
  form: { zh: '行业表单', en: 'Industry form' },
  general: { zh: '通用', en: 'general' },
  version: { zh: '第 {v} 版', en: 'version {v}' },
  fill: { zh: '填写保单', en: 'Fill in the policy' },
  ours: { zh: '本机构的保单', en: 'Our policies' },
  template: { zh: '以此保单为模板', en: 'Use as template' },
  saving: { zh: '正在保存…', en: 'Saving…' },
  saved: { zh: '已保存保单 {no}（{form}，{version}）', en: 'Policy {no} saved ({form}, {version})' },
  refused: { zh: '服务器拒绝了这份保单，请按字段旁的提示修改。', en: 'The server refused the policy; see the messages by the fields.' },
} satisfies Record<string, Bilingual>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = '', props: Partial<HTMLElementTagNameMap[K]> = {}): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  if (text) node.textContent = text;
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

async function mountIndustryPolicies(host: HTMLElement, { store, party, locale }: SectionContext): Promise<void> {
  const w = (key: keyof typeof WORDS, vars: Record<string, string> = {}) =>
    say(locale, WORDS[key]).replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');
  const select = el('select', '', { id: 'industry-definition' });
  const label = el('label', w('form'), { htmlFor: 'industry-definition' });
  const fillHeading = el('h2', w('fill'), { id: 'industry-policy-fill', tabIndex: -1 });
  const form = document.createElement('azx-form') as AzxForm;
  form.id = 'industry-policy-form';
  form.lang = locale;
  // the outcome of a save, next to the form's own actions; announced once
  const status = el('p', '', { id: 'industry-policy-status', className: 'inline-status' });
  status.setAttribute('role', 'status');
  const list = document.createElement('azx-record-list') as AzxRecordList;
  list.id = 'industry-policy-list';
  list.lang = locale;
  list.store = store;
  list.collection = 'policies';
  list.definitionKey = 'policy';
  list.columns = ['policy_no', 'data.insured.name', 'insured_persons', 'premium', 'period_start', 'status'];
  list.sort = '-created';
  list.actions = [{ key: 'template', label: WORDS.template }];
  host.append(el('p', '', { className: 'field' }), fillHeading, form, status, el('h2', w('ours')), list);
  host.firstElementChild!.append(label, select);

  let forms: FormDefinition[] = [];
  const chosen = () => forms.find((d) => d.key === select.value);
  const showForm = () => {
    const d = chosen();
    if (d) form.schema = d.schema;
  };
  select.addEventListener('change', showForm);
  // any edit clears the last save's confirmation
  form.addEventListener('input', () => (status.textContent = ''));

  list.addEventListener('azx-record-action', (event) => {
    const { record } = (event as CustomEvent<{ action: string; record: StoredRecord }>).detail;
    form.value = structuredClone(record.data as Record<string, unknown>);
    status.textContent = '';
    fillHeading.focus();
  });

  form.addEventListener('azx-submit', async (event) => {
    const d = chosen();
    if (!d) return;
    const value = (event as CustomEvent<{ value: Record<string, unknown> }>).detail.value;
    status.textContent = w('saving');
    try {
      const insured = value['insured'] as { uscc?: string } | undefined;
      const found = await store.list('enterprises', { where: [{ field: 'uscc', op: '=', value: insured?.uscc ?? '' }], perPage: 1 });
      const record = await store.create('policies', {
        definition: d.key,
        version: d.version,
        data: value,
        columns: { insurer: party.organizationId, enterprise: found.items[0]?.id ?? '' },
      });
      form.serverErrors = undefined;
      status.textContent = w('saved', { no: String(record.columns['policy_no'] ?? ''), form: d.title, version: w('version', { v: String(d.version) }) });
      // the outcome is seen where it appears: just under the form's action bar
      status.scrollIntoView({ block: 'nearest' });
      await list.reload();
    } catch (err) {
      if (!isStoreError(err)) throw err;
      // the server's field errors stay by their fields until those change
      form.serverErrors = err.fieldErrors;
      status.textContent = w('refused');
      status.scrollIntoView({ block: 'nearest' });
    }
  });

  forms = await policyForms(store);
  select.replaceChildren(
    ...forms.map((d) => {
      const title = locale === 'en' && typeof d.schema['x-title-en'] === 'string' ? d.schema['x-title-en'] : d.title;
      const option = new Option(`${title}（${d.industry || w('general')}，${w('version', { v: String(d.version) })}）`, d.key);
      // an administrator's definition may have only Chinese names: say so to a screen reader
      if (locale === 'en' && /[\u4e00-\u9fff]/.test(option.text)) option.lang = 'zh-CN';
      return option;
    }),
  );
  showForm();
}

export const industryPolicySection: PortalSection = {
  id: 'industry-policy',
  title: { zh: '行业保单', en: 'Industry policies' },
  intro: {
    zh: '按管理员发布的行业表单录入保单（如涉氨制冷、有限空间）；可从已有保单复制后修改。已有保单按其填写时的表单版本显示。',
    en: 'File a policy under an industry form the administrator published; start from one of your policies. Older policies open under the version they were made with.',
  },
  roles: ['insurer'],
  mount: mountIndustryPolicies,
};
