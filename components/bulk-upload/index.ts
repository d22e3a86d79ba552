// azx/bulk-upload: importing it defines <azx-bulk-upload> (here, in the entry: the package's
// sideEffects lists the element entries, not the modules behind them).
import { AzxBulkUpload } from './bulk-upload.js';

export { AzxBulkUpload } from './bulk-upload.js';
export { resultLines, resultSheet, type ResultLine } from './results.js';

if (!customElements.get('azx-bulk-upload')) customElements.define('azx-bulk-upload', AzxBulkUpload);

declare global {
  interface HTMLElementTagNameMap {
    'azx-bulk-upload': AzxBulkUpload;
  }
}
