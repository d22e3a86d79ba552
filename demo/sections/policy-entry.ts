// The insurer's policy entry: <azx-policy-entry> finds the insured in the registry, rates the
// premium by the rule pack of its region and refuses what the Suzhou bulletin found.
import '../../components/policy-entry/index.js';
import type { AzxPolicyEntry } from '../../components/policy-entry/index.js';
import type { StoredRecord } from '../../components/data/index.js';
import type { PortalSection } from './section.js';

export const policyEntrySection: PortalSection = {
  id: 'policy-entry',
  title: '录入保单 Enter a policy',
  roles: ['insurer'],
  mount(host, { store, status }) {
    const hint = document.createElement('p');
    hint.className = 'hint';
    hint.textContent = '按统一社会信用代码或名称查找应保单位；保费按所在地规则包的基准费率和浮动系数计算，浏览器先按规则包校验，服务器再校验。';
    const entry = document.createElement('azx-policy-entry') as AzxPolicyEntry;
    entry.id = 'policy-entry-element';
    entry.store = store;
    entry.addEventListener('azx-policy-saved', (event) => {
      const record = (event as CustomEvent<{ record: StoredRecord }>).detail.record;
      status(`已保存保单 ${String(record.data['policy_no'] ?? '')} · saved`);
    });
    host.append(hint, entry);
  },
};
