import { css } from 'lit';
import { token } from '../core/tokens.js';
import { hostReset } from '../core/host-styles.js';

// hostReset first: the page's inherited text properties stop at the host.
export const complianceReportStyles = [hostReset, css`
  :host {
    display: block;
    --_border: ${token.colorBorder};
    --_accent: ${token.colorAccent};
  }
  :host([hidden]) {
    display: none;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: start;
    margin-bottom: 16px;
  }
  label {
    display: inline-flex;
    flex-direction: column;
    gap: 3.2px;
    font-size: 0.9em;
  }
  form.draw,
  form.finding {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: end;
    margin-top: 8px;
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
  }
  input,
  select,
  textarea {
    padding: 4.8px 6.4px;
    border: 1px solid var(--_border);
    border-radius: 4px;
  }
  [aria-invalid='true'] {
    border-color: ${token.colorError};
  }
  button {
    padding: 4.8px 11.2px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: ${token.colorSurface};
    cursor: pointer;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  summary:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  button.figure {
    border: none;
    background: none;
    padding: 0 0.15em;
    color: var(--_accent);
    text-decoration: underline;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  .sheet {
    max-width: 960px;
    line-height: 1.7;
  }
  h1 {
    font-size: 1.4em;
    text-align: center;
    margin: 8px 0 4px;
  }
  h2 {
    font-size: 1.1em;
    margin: 20px 0 8px;
  }
  h3 {
    font-size: 1em;
    margin: 12px 0 4px;
  }
  .meta {
    text-align: center;
    color: ${token.colorMuted};
    font-size: 0.9em;
  }
  .summary {
    text-indent: 2em;
  }
  .table-wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
    line-height: 1.4;
    margin: 4px 0;
  }
  th,
  td {
    border: 1px solid var(--_border);
    padding: 4px 7.2px;
    text-align: right;
  }
  thead th,
  th[scope='row'],
  td.text {
    text-align: left;
  }
  thead th {
    background: ${token.colorMutedSurface};
  }
  tfoot th,
  tfoot td {
    font-weight: 600;
    background: ${token.colorMutedSurface};
  }
  /* the cross-inspection table takes a line of its own under the new round's fields */
  form.draw azx-form {
    flex: 1 1 100%;
    min-width: 0;
  }
  .assignments-table caption {
    text-align: left;
    font-weight: 600;
    padding: 4px 0;
  }
  .assignments,
  .inspection,
  .records,
  .sample {
    margin-top: 20px;
    border-top: 2px solid var(--_border);
    padding-top: 8px;
  }
  .records header {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 8px;
  }
  /* the records of a figure: a drawer at the side of the window, the report stays in place */
  dialog.records {
    position: fixed;
    inset: 0 0 0 auto;
    margin: 0;
    width: min(720px, 100vw);
    max-width: 100vw;
    height: 100dvh;
    max-height: 100dvh;
    overflow: auto;
    border: none;
    border-left: 2px solid var(--_border);
    padding: 12px 16px;
    background: ${token.colorBackground};
    box-sizing: border-box;
  }
  dialog.records::backdrop {
    background: rgb(0 0 0 / 0.3);
  }
  th[scope='row'] {
    white-space: nowrap;
  }
  .message:empty {
    display: none;
  }
  .message {
    color: ${token.colorSuccess};
    font-weight: 600;
  }
  .note {
    font-size: 0.9em;
    color: ${token.colorMuted};
  }
  details.list-body > summary {
    cursor: pointer;
    color: var(--_accent);
  }
  .error {
    color: ${token.colorError};
    font-size: 0.9em;
  }
  .sheet-refused {
    color: ${token.colorError};
    font-size: 0.9em;
  }
  /* A clean A4 document: no controls, no link styling, tables that break between rows */
  @media print {
    :host {
      font-size: 10.5pt;
      color: #000;
    }
    .no-print,
    .toolbar,
    .records,
    .sample {
      display: none !important;
    }
    .sheet {
      max-width: none;
    }
    button.figure {
      color: inherit;
      text-decoration: none;
      font-weight: inherit;
      padding: 0;
    }
    .table-wrap {
      overflow: visible;
    }
    table {
      font-size: 9pt;
    }
    tr {
      break-inside: avoid;
    }
    thead {
      display: table-header-group;
    }
    h2,
    h3 {
      break-after: avoid;
    }
    th,
    td {
      border-color: #000;
    }
  }
`];
