import { css } from 'lit';
import { token } from '../core/tokens.js';
import { hostReset } from '../core/host-styles.js';
import { controlStyles } from '../core/control-styles.js';

// hostReset first: the page's inherited text properties stop at the host.
export const serviceReportStyles = [
  hostReset,
  controlStyles,
  css`
  input[type='search'],
  select {
    /* as wide as 18em where there is room, never wider than the screen */
    min-width: min(18em, 100%);
    max-width: 100%;
    padding: 4px 8px;
    border: 1px solid ${token.colorBorder};
    border-radius: ${token.radius};
    background: ${token.colorSurface};
  }
  :focus-visible {
    outline: 2px solid ${token.colorAccent};
    outline-offset: 1px;
  }
  button {
    padding: 4px 12px;
    border: 1px solid ${token.colorAccent};
    border-radius: ${token.radius};
    background: ${token.colorSurface};
    color: ${token.colorAccent};
    cursor: pointer;
  }
  button.primary {
    background: ${token.colorAccent};
    color: ${token.colorOnAccent};
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .parties {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 4px 12px;
    margin: 0 0 ${token.gap};
  }
  .parties dt {
    color: ${token.colorMuted};
  }
  .parties dd {
    margin: 0;
  }
  .ledger {
    border: 1px solid ${token.colorBorder};
    border-radius: ${token.radius};
    padding: ${token.gap};
    margin-bottom: ${token.gap};
  }
  .ledger h2 {
    margin: 0 0 8px;
    font-size: 1.05em;
  }
  .ledger dl {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 24px;
    margin: 0 0 8px;
  }
  .ledger dt {
    color: ${token.colorMuted};
    font-size: 0.9em;
  }
  .ledger dd {
    margin: 0;
    font-size: 1.2em;
    font-variant-numeric: tabular-nums;
  }
  .ledger meter {
    width: 100%;
    height: 12px;
  }
  .over,
  .warning,
  .errors {
    color: ${token.colorError};
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    margin: 8px 0 0;
    color: ${token.colorMuted};
  }
  .tag {
    border: 1px solid ${token.colorBorder};
    border-radius: ${token.radius};
    padding: 0 6px;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    margin-bottom: ${token.gap};
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 4px;
  }
  th,
  td {
    border-bottom: 1px solid ${token.colorBorder};
    padding: 4px 8px;
    text-align: start;
  }
  td.actions {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
  }
  td.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .errors {
    background: ${token.colorErrorSurface};
    border-radius: ${token.radius};
    padding: 8px 12px;
    margin: ${token.gap} 0;
  }
  .errors ul {
    margin: 4px 0 0;
    padding-inline-start: 1.2em;
  }
  /* the submit and the save's outcome side by side, in the form's sticky action bar */
  .form-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 12px;
  }
  .form-actions .notice {
    margin: 0;
  }
  .form-actions .notice:empty {
    display: none;
  }
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: progress;
  }
  .notice {
    margin: ${token.gap} 0;
  }
  .files {
    margin: ${token.gap} 0;
    min-width: 0;
  }
  input[type='file'] {
    max-width: 100%;
  }
  .files ul {
    list-style: none;
    padding: 0;
    margin: 4px 0 0;
  }
  .files li {
    display: flex;
    gap: 8px;
    align-items: center;
  }
  details.evidence ul {
    margin: 4px 0 0;
    padding-inline-start: 1.2em;
  }
  a {
    color: ${token.colorAccent};
  }
  .help {
    color: ${token.colorMuted};
    font-weight: normal;
    font-size: 0.9em;
  }
`,
];
