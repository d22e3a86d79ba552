// azx/hazard-ledger: importing it defines <azx-hazard-ledger>. Names carry the element's
// prefix because the package entry re-exports every element's module.
import { AzxHazardLedger } from './hazard-ledger.js';

export { AzxHazardLedger, ROW_HEIGHT as LEDGER_ROW_HEIGHT } from './hazard-ledger.js';
export {
  NO_FILTERS as NO_LEDGER_FILTERS,
  DEFAULT_SORT as DEFAULT_LEDGER_SORT,
  toConditions as ledgerConditions,
  overdueCutoff,
  isOverdue as isHazardOverdue,
  type LedgerFilters,
  type Sort as LedgerSort,
} from './filters.js';
export { actionsFor as hazardActionsFor, targetOf as hazardTargetOf, hazardDeadline, STATUSES as HAZARD_STATUSES } from './loop.js';
export { toCsv as ledgerCsv, toXlsx as ledgerXlsx, ledgerTable, table as ledgerCells } from './export.js';

if (!customElements.get('azx-hazard-ledger')) customElements.define('azx-hazard-ledger', AzxHazardLedger);

declare global {
  interface HTMLElementTagNameMap {
    'azx-hazard-ledger': AzxHazardLedger;
  }
}
