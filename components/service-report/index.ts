// Defines <azx-service-report>.
import { AzxServiceReport } from './service-report.js';

export { AzxServiceReport };

if (!customElements.get('azx-service-report')) customElements.define('azx-service-report', AzxServiceReport);

declare global {
  interface HTMLElementTagNameMap {
    'azx-service-report': AzxServiceReport;
  }
}
