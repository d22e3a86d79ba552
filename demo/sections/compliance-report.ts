// The regulator's inspection bulletin: figures of its region, a seeded sample of policies for
// an inspection round, findings recorded against it, print on A4 and XLSX export.
import '../../components/compliance-report/index.js';
import type { PortalSection } from './section.js';

export const complianceReportSection: PortalSection = {
  id: 'compliance-report',
  title: { zh: '检查通报', en: 'Inspection bulletin' },
  intro: { zh: '本辖区安责险工作情况通报：抽取保单开展检查，记录检查发现。', en: 'The bulletin of the region: draw policies for an inspection round and record what was found.' },
  roles: ['regulator'],
  mount(host, { store, locale }) {
    const report = document.createElement('azx-compliance-report');
    report.id = 'compliance-report-element';
    report.lang = locale;
    report.store = store;
    host.append(report);
  },
};
