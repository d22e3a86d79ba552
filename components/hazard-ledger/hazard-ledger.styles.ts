import { css } from 'lit';
import { token } from '../core/tokens.js';
import { hostReset } from '../core/host-styles.js';
import { documentStyles } from '../core/document/styles-sheet.js';

// Colours and sizes come from --azx-* custom properties with defaults; rows are exactly
// ROW_HEIGHT (40px) tall because the virtual list positions them by arithmetic.
// hostReset first: the page's inherited text properties stop at the host.
export const ledgerStyles = [hostReset, css`
  :host {
    display: block;
    line-height: 1.5;
    --_border: ${token.colorBorder};
    --_accent: ${token.colorAccent};
    --_danger: ${token.colorError};
    --_cols: minmax(184px, 1.3fr) minmax(160px, 2fr) 96px 112px 112px 120px 124px 184px;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  button {
    font: inherit;
    padding: 4px 10px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: ${token.colorSurface};
    cursor: pointer;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  .viewport:focus-visible,
  h2:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  button.link {
    border: none;
    background: none;
    padding: 0;
    color: var(--_accent);
    text-decoration: underline;
    text-align: start;
  }
  button[aria-pressed='true'],
  button[type='submit'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: ${token.colorOnAccent};
  }
  input,
  select,
  textarea {
    font: inherit;
    padding: 3px 6px;
    border: 1px solid var(--_border);
    border-radius: 4px;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 12px;
    align-items: flex-end;
    margin-bottom: 8px;
  }
  .toolbar label {
    display: flex;
    flex-direction: column;
    gap: 2px;
    font-size: 0.9em;
  }
  .toolbar label.check {
    flex-direction: row;
    align-items: center;
    gap: 4px;
  }
  .enterprise-filter {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 2px;
    font-size: 0.9em;
  }
  .enterprise-filter input {
    font-size: inherit;
  }
  .enterprise-filter [role='listbox'] {
    position: absolute;
    z-index: 2;
    top: 100%;
    inset-inline-start: 0;
    min-width: 100%;
    max-height: 320px;
    overflow: auto;
    margin: 2px 0 0;
    padding: 4px 0;
    list-style: none;
    background: ${token.colorSurface};
    border: 1px solid var(--_border);
    border-radius: 4px;
    box-shadow: ${token.shadow};
  }
  .enterprise-filter [role='listbox'][hidden] {
    display: none;
  }
  .enterprise-filter [role='option'] {
    padding: 4px 8px;
    white-space: nowrap;
    cursor: pointer;
  }
  .enterprise-filter [role='option'][aria-selected='true'] {
    background: ${token.colorAccentSurface};
  }
  .enterprise-filter [role='option'] .uscc {
    color: ${token.colorMuted};
    font-variant-numeric: tabular-nums;
  }
  .enterprise-filter .empty {
    cursor: default;
    color: ${token.colorMuted};
  }
  .toolbar .search {
    flex: 1 1 16em;
    max-width: 100%;
  }
  .toolbar label,
  .toolbar input,
  .toolbar select {
    min-width: 0;
    max-width: 100%;
  }
  .toolbar-end {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    margin-inline-start: auto;
  }
  /* the skip link: out of sight until the keyboard reaches it */
  .skip {
    position: absolute;
    inset-inline-start: -10000px;
  }
  .skip:focus {
    position: static;
  }
  .count:focus {
    outline: 2px solid var(--_accent);
  }
  .field-error,
  .errors {
    color: var(--_danger);
  }
  /* wider than a narrow screen: the table scrolls sideways inside itself, header and rows together */
  .table {
    border: 1px solid var(--_border);
    border-radius: 4px;
    overflow-x: auto;
    overflow-y: hidden;
    max-width: 100%;
  }
  .table > .row,
  .table > .viewport {
    min-width: 1096px;
  }
  .row {
    display: grid;
    grid-template-columns: var(--_cols);
    align-items: center;
    gap: 8px;
    height: 40px;
    box-sizing: border-box;
    padding: 0 8px;
    border-bottom: 1px solid var(--_border);
    white-space: nowrap;
  }
  .row > * {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  /* a number too long for its column ends in an ellipsis; the whole one is in its name and tooltip */
  .row button.link {
    display: block;
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .row.head {
    font-weight: 600;
    background: ${token.colorMutedSurface};
  }
  .row.placeholder {
    color: ${token.colorMuted};
  }
  .row.overdue {
    background: ${token.colorWarningSurface};
  }
  .viewport {
    position: relative;
    height: var(--azx-ledger-height, 448px);
    overflow-x: hidden;
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  .spacer {
    position: relative;
    min-width: 100%;
  }
  .rows {
    position: absolute;
    inset: 0 0 auto 0;
    will-change: transform;
  }
  .empty {
    position: absolute;
    inset: 0;
    margin: 0;
    display: grid;
    place-items: center;
    color: ${token.colorMuted};
  }
  .badge {
    display: inline-block;
    padding: 0 6px;
    border-radius: 10px;
    font-size: 0.85em;
    border: 1px solid var(--_border);
  }
  .badge.major,
  .badge.overdue,
  .badge.status-escalated {
    color: ${token.colorOnAccent};
    background: var(--_danger);
    border-color: var(--_danger);
  }
  .badge.status-verified {
    color: ${token.colorOnAccent};
    background: ${token.colorSuccess};
    border-color: transparent;
  }
  .alerts {
    display: flex;
    flex-direction: column;
    gap: 4px;
    margin-bottom: 8px;
  }
  .alert {
    display: flex;
    justify-content: space-between;
    gap: 8px;
    padding: 6px 10px;
    border: 1px solid var(--_danger);
    border-radius: 4px;
    background: ${token.colorErrorSurface}
  /* the accent blue is too light on the alert's background: the link takes the alert's colour */
  .alert button.link {
    color: var(--_danger);
    font-weight: 600;
  };
  }
  .detail {
    display: flex;
    flex-direction: column;
    gap: 10px;
  }
  .detail-head {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  .detail-head h2 {
    margin: 0;
  }
  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(256px, 1fr));
    gap: 6px 16px;
    margin: 0;
  }
  .fact dt {
    font-size: 0.85em;
    color: ${token.colorMuted};
  }
  .fact dd {
    margin: 0;
    white-space: pre-wrap;
  }
  .actions,
  .buttons,
  .files,
  .notice-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .action-form {
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 10px;
    border: 1px solid var(--_border);
    border-radius: 4px;
  }
  .action-form label {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .action-form h3 {
    margin: 0;
  }
  .history {
    list-style: none;
    margin: 0;
    padding: 0;
    border-inline-start: 2px solid var(--_border);
  }
  .history li {
    padding: 4px 0 8px 12px;
  }
  .history .when {
    font-size: 0.85em;
    color: ${token.colorMuted};
  }
  .history .move,
  .history .by,
  .history .system {
    margin-inline-start: 8px;
  }
  .history .note,
  .history .notified {
    margin: 2px 0;
    white-space: pre-wrap;
  }
  .action-form .recipients {
    display: flex;
    flex-direction: column;
    gap: 4px;
    margin: 0;
    padding: 6px 8px;
    border: 1px solid var(--_border);
    border-radius: 4px;
  }
  dialog.notice-sheet {
    width: min(210mm, calc(100vw - 16px));
    max-height: calc(100vh - 32px);
    overflow: auto;
    padding: 16px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    /* paper, in any theme */
    background: #fff;
  }
  dialog.notice-sheet::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .action-form .field-error {
    margin: 0;
  }
  .errors:focus {
    outline: 2px solid var(--_danger);
  }
  /* the notice as it prints (the document's own styles, ../core/document) */
  .notice {
    max-width: 100%;
    overflow-x: auto;
  }
`, documentStyles];
