// The insurer's policy entry as a plain <azx-form> over the published `policy` definition,
// until <azx-policy-entry> takes its place.
import '../../components/core/index.js';
import type { AzxForm } from '../../components/core/index.js';
import { isStoreError, type PolicyRecord } from '../../components/data/index.js';
import type { PortalSection } from './section.js';

export const policyFormSection: PortalSection = {
  id: 'policy-entry',
  title: '录入保单 Enter a policy',
  roles: ['insurer'],
  async mount(host, { store, party, status }) {
    const definition = await store.latestDefinition('policy');
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = '表单由服务器上发布的 policy 定义生成，浏览器先校验，服务器再校验。';
    const form = document.createElement('azx-form') as AzxForm;
    form.id = 'policy-form';
    form.schema = definition.schema;
    const errors = document.createElement('ul');
    errors.className = 'server-errors';
    errors.setAttribute('aria-live', 'polite');
    host.append(hint, form, errors);

    form.addEventListener('azx-submit', async (event) => {
      // azx-submit fires only with a value valid against the policy schema the types come from.
      const value = (event as CustomEvent<{ value: PolicyRecord }>).detail.value;
      errors.replaceChildren();
      try {
        // The registry row the policy insures, found by the USCC typed in the form.
        const uscc = value.insured?.uscc ?? '';
        const found = await store.list('enterprises', { where: [{ field: 'uscc', op: '=', value: uscc }], perPage: 1 });
        const record = await store.create<PolicyRecord>('policies', {
          definition: definition.key,
          version: definition.version,
          data: value,
          columns: { insurer: party.organizationId, enterprise: found.items[0]?.id ?? '' },
        });
        status(`已保存保单 ${String(record.columns.policy_no)} · saved`);
      } catch (err) {
        if (!isStoreError(err)) throw err;
        status(`服务器拒绝了这条记录 · the server refused the record: ${err.message}`);
        for (const [path, e] of Object.entries(err.fieldErrors)) {
          const li = document.createElement('li');
          li.textContent = `${path}: ${e.message_zh} / ${e.message_en}`;
          errors.append(li);
        }
      }
    });
  },
};
