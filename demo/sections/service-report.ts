// Insurers and providers record prevention services against a policy with <azx-service-report>
// and see its fee ledger (spent against the policy's prevention budget).
import '../../components/service-report/index.js';
import type { PortalSection } from './section.js';

export const serviceReportSection: PortalSection = {
  id: 'service-report',
  title: { zh: '记录预防服务', en: 'Record a service' },
  intro: { zh: '按 AQ 9010-2019 记录一次事故预防服务，费用计入保单的服务专门台账。', en: 'Record a prevention service as AQ 9010-2019 asks; its cost goes into the policy’s service ledger.' },
  roles: ['insurer', 'provider'],
  async mount(host, { store, locale }) {
    const report = document.createElement('azx-service-report');
    report.id = 'service-report-element';
    report.lang = locale;
    report.store = store;
    // start on the party's most recent policy; the element's picker offers the others
    const first = await store.list('policies', { sort: ['-period_start'], perPage: 1 });
    report.policy = first.items[0]?.id ?? '';
    host.append(report);
  },
};
