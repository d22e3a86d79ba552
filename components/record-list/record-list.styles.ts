import { css } from 'lit';
import { hostReset } from '../core/host-styles.js';
import { token } from '../core/tokens.js';

// The list reflows to 320 px: the toolbar wraps, the table scrolls inside its own box, and on a
// narrow element (.cards, set from the element's own width) each row is a card whose cells
// carry their column's name.
export const recordListStyles = [
  hostReset,
  css`
    :host {
      display: block;
      --_border: ${token.colorBorder};
      --_accent: ${token.colorAccent};
      --_muted: ${token.colorMuted};
    }
    :host([hidden]),
    [hidden] {
      display: none !important;
    }
    button {
      font: inherit;
      padding: 4px 10px;
      border: 1px solid var(--_border);
      border-radius: ${token.radius};
      background: ${token.colorSurface};
      color: inherit;
      cursor: pointer;
    }
    button[aria-disabled='true'] {
      opacity: 0.55;
      cursor: not-allowed;
    }
    input,
    select {
      font: inherit;
      padding: 3px 6px;
      border: 1px solid var(--_border);
      border-radius: ${token.radius};
      max-width: 100%;
      min-width: 0;
    }
    :focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 1px;
    }
    h2:focus,
    .count:focus {
      outline: none;
    }
    h2:focus-visible,
    .count:focus-visible {
      outline: 2px solid var(--_accent);
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: flex-end;
      margin-bottom: 8px;
    }
    .toolbar label {
      display: grid;
      gap: 2px;
      font-weight: 600;
      min-width: 0;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: flex-end;
    }
    .exports {
      display: flex;
      gap: 8px;
      margin-inline-start: auto;
      flex-wrap: wrap;
    }
    .count {
      margin: 4px 0 8px;
      color: var(--_muted);
    }
    .count.error {
      color: ${token.colorError};
    }
    .table-wrap {
      overflow-x: auto;
      max-width: 100%;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: start;
      padding: 6px 8px;
      border-bottom: 1px solid var(--_border);
      vertical-align: top;
    }
    th {
      background: ${token.colorMutedSurface};
      white-space: nowrap;
    }
    th.number,
    td.number {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    button.sort,
    button.open {
      border: none;
      background: none;
      padding: 0;
      font-weight: inherit;
      text-align: start;
    }
    button.open {
      color: var(--_accent);
      text-decoration: underline;
      overflow-wrap: anywhere;
    }
    .cell-label {
      display: none;
    }
    table.cards thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
    }
    table.cards,
    table.cards tbody,
    table.cards tr,
    table.cards td {
      display: block;
    }
    table.cards tr {
      border: 1px solid var(--_border);
      border-radius: ${token.radius};
      margin-bottom: 8px;
      padding: 4px 8px;
    }
    table.cards td {
      border: none;
      padding: 2px 0;
      text-align: start;
      display: grid;
      grid-template-columns: minmax(5em, 38%) 1fr;
      gap: 8px;
      overflow-wrap: anywhere;
    }
    table.cards .cell-label {
      display: block;
      color: var(--_muted);
    }
    .pager {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
      margin-top: 8px;
    }
    .detail-head {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 16px;
      align-items: center;
    }
    .detail-head h2 {
      margin: 0;
      font-size: 1.2em;
      flex: 1 1 12em;
      overflow-wrap: anywhere;
    }
    .detail-actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .meta {
      color: var(--_muted);
    }
    h3 {
      font-size: 1.05em;
      margin: 16px 0 4px;
    }
    .history {
      margin: 0;
      padding-inline-start: 1.5em;
    }
    .history li {
      margin: 4px 0;
    }
    .history span + span::before {
      content: ' · ';
      color: var(--_muted);
    }
    @media print {
      .toolbar,
      .pager,
      .detail-head button,
      .detail-actions,
      .history,
      #history-title {
        display: none;
      }
    }
  `,
];
