import { css } from 'lit';
import { hostReset } from '../core/host-styles.js';

// hostReset first: the page's inherited text properties stop at the host.
export const serviceReportStyles = [
  hostReset,
  css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .picker {
    display: flex;
    flex-wrap: wrap;
    gap: var(--azx-gap, 12px);
    align-items: end;
    margin-bottom: var(--azx-gap, 12px);
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 4px;
    font-weight: 500;
  }
  input,
  select,
  button {
    font: inherit;
  }
  input[type='search'],
  select {
    min-width: 18em;
    padding: 4px 8px;
    border: 1px solid var(--azx-color-border, #c9cdd4);
    border-radius: var(--azx-radius, 4px);
    background: var(--azx-color-surface, #ffffff);
  }
  :focus-visible {
    outline: 2px solid var(--azx-color-accent, #1664ff);
    outline-offset: 1px;
  }
  button {
    padding: 4px 12px;
    border: 1px solid var(--azx-color-accent, #1664ff);
    border-radius: var(--azx-radius, 4px);
    background: var(--azx-color-surface, #ffffff);
    color: var(--azx-color-accent, #1664ff);
    cursor: pointer;
  }
  button.primary {
    background: var(--azx-color-accent, #1664ff);
    color: var(--azx-color-on-accent, #ffffff);
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .parties {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 4px 12px;
    margin: 0 0 var(--azx-gap, 12px);
  }
  .parties dt {
    color: var(--azx-color-muted, #646a73);
  }
  .parties dd {
    margin: 0;
  }
  .ledger {
    border: 1px solid var(--azx-color-border, #c9cdd4);
    border-radius: var(--azx-radius, 4px);
    padding: var(--azx-gap, 12px);
    margin-bottom: var(--azx-gap, 12px);
  }
  .ledger h3 {
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
    color: var(--azx-color-muted, #646a73);
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
    color: var(--azx-color-error, #d4380d);
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    margin: 8px 0 0;
    color: var(--azx-color-muted, #646a73);
  }
  .tag {
    border: 1px solid var(--azx-color-border, #c9cdd4);
    border-radius: var(--azx-radius, 4px);
    padding: 0 6px;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    margin-bottom: var(--azx-gap, 12px);
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 4px;
  }
  th,
  td {
    border-bottom: 1px solid var(--azx-color-border, #c9cdd4);
    padding: 4px 8px;
    text-align: start;
  }
  td.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .errors {
    background: var(--azx-color-error-surface, #fff2ee);
    border-radius: var(--azx-radius, 4px);
    padding: 8px 12px;
    margin: var(--azx-gap, 12px) 0;
  }
  .errors ul {
    margin: 4px 0 0;
    padding-inline-start: 1.2em;
  }
  .notice {
    margin: var(--azx-gap, 12px) 0;
  }
  .files {
    margin: var(--azx-gap, 12px) 0;
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
    color: var(--azx-color-accent, #1664ff);
  }
  .help {
    color: var(--azx-color-muted, #646a73);
    font-weight: normal;
    font-size: 0.9em;
  }
`,
];
