// azx/hazard-ledger: importing it defines <azx-hazard-ledger>.
import { AzxHazardLedger } from './hazard-ledger.js';

export { AzxHazardLedger, ROW_HEIGHT } from './hazard-ledger.js';
export { NO_FILTERS, DEFAULT_SORT, toConditions, overdueCutoff, isOverdue, type LedgerFilters, type Sort } from './filters.js';
export { actionsFor, targetOf, STATUSES, type HazardAction, type HazardStatus } from './loop.js';
export { toCsv, toXlsx, table as ledgerTable } from './export.js';

if (!customElements.get('azx-hazard-ledger')) customElements.define('azx-hazard-ledger', AzxHazardLedger);

declare global {
  interface HTMLElementTagNameMap {
    'azx-hazard-ledger': AzxHazardLedger;
  }
}
