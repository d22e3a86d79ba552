// The insurer's policy entry: <azx-policy-entry> finds the insured in the registry, rates the
// premium by the rule pack of its region and refuses what the Suzhou bulletin found.
import '../../components/policy-entry/index.js';
import type { AzxPolicyEntry } from '../../components/policy-entry/index.js';
import type { PortalSection } from './section.js';

export const policyEntrySection: PortalSection = {
  id: 'policy-entry',
  title: { zh: '录入保单', en: 'Enter a policy' },
  intro: {
    zh: '按统一社会信用代码或名称查找应保单位；保费按所在地规则包的基准费率和浮动系数计算，浏览器先校验，服务器再校验。',
    en: 'Find the enterprise by credit code or name; the premium follows the base rate and coefficients of its region’s rule pack, checked in the browser and again by the server.',
  },
  roles: ['insurer'],
  mount(host, { store, locale }) {
    const entry = document.createElement('azx-policy-entry') as AzxPolicyEntry;
    entry.id = 'policy-entry-element';
    entry.lang = locale;
    entry.store = store;
    host.append(entry);
  },
};
