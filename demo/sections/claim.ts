// Claims with <azx-claim>: the insurer and the enterprise report an accident on a policy, the
// insurer records survey, advance payment, settlement or refusal; the oversight roles read.
import '../../components/claim/index.js';
import type { PortalSection } from './section.js';

export const claimSection: PortalSection = {
  id: 'claim',
  title: { zh: '理赔', en: 'Claims' },
  intro: {
    zh: '报案、查勘、预赔付和结案，快速理赔时限由服务器按规则包计算，赔款不超过保单限额。',
    en: 'Report, survey, advance payment and settlement; the server sets each stage’s deadline from the rule packs and keeps payments within the policy’s limits.',
  },
  roles: ['insurer', 'enterprise', 'regulator', 'authority', 'financial_regulator'],
  async mount(host, { store, locale }) {
    const claim = document.createElement('azx-claim');
    claim.id = 'claim-element';
    claim.lang = locale;
    claim.store = store;
    // start on the party's most recent policy; the element's picker offers the others
    const first = await store.list('policies', { sort: ['-period_start'], perPage: 1 });
    claim.policy = first.items[0]?.id ?? '';
    host.append(claim);
  },
};
