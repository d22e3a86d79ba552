// azx/compliance-report: importing it defines <azx-compliance-report>.
import { AzxComplianceReport } from './compliance-report.js';

export { AzxComplianceReport } from './compliance-report.js';
export { toXlsx as complianceXlsx, type Sheet as ComplianceSheet } from '../core/export/index.js';

if (!customElements.get('azx-compliance-report')) customElements.define('azx-compliance-report', AzxComplianceReport);

declare global {
  interface HTMLElementTagNameMap {
    'azx-compliance-report': AzxComplianceReport;
  }
}
