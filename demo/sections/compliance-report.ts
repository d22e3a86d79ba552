// The regulator's inspection bulletin: figures of its region, a seeded sample of policies for
// an inspection round, findings recorded against it, print on A4 and XLSX export.
import '../../components/compliance-report/index.js';
import type { PortalSection } from './section.js';

export const complianceReportSection: PortalSection = {
  id: 'compliance-report',
  title: '检查通报 Compliance report',
  roles: ['regulator'],
  mount(host, { store, status }) {
    const report = document.createElement('azx-compliance-report');
    report.id = 'compliance-report-element';
    report.store = store;
    report.addEventListener('azx-round-drawn', (e) => {
      const { round } = (e as CustomEvent<{ round: { name: string; sampleSize: number } }>).detail;
      status(`已抽取 ${round.sampleSize} 份保单：${round.name} · sample drawn`);
    });
    report.addEventListener('azx-finding', () => status('检查发现已记录 · finding recorded'));
    host.append(report);
  },
};
