// Insurers and providers record prevention services against a policy with <azx-service-report>
// and see its fee ledger (spent against the policy's prevention budget).
import '../../components/service-report/index.js';
import type { StoredRecord } from '../../components/data/index.js';
import type { PortalSection } from './section.js';

export const serviceReportSection: PortalSection = {
  id: 'service-report',
  title: '事故预防服务 Prevention services',
  roles: ['insurer', 'provider'],
  async mount(host, { store, status }) {
    const report = document.createElement('azx-service-report');
    report.id = 'service-report-element';
    report.store = store;
    report.addEventListener('azx-saved', (e) => {
      const { record, hazards } = (e as CustomEvent<{ record: StoredRecord; hazards: number }>).detail;
      status(`已保存服务记录 ${String(record.data['report_no'])}，生成隐患 ${hazards} 条 · saved`);
    });
    // start on the party's most recent policy; the element's picker offers the others
    const first = await store.list('policies', { sort: ['-period_start'], perPage: 1 });
    report.policy = first.items[0]?.id ?? '';
    host.append(report);
  },
};
