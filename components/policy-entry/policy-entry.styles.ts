import { css } from 'lit';
import { token } from '../core/tokens.js';
import { hostReset } from '../core/index.js';

// Every colour and size comes from an --azx-* custom property with a default.
export const policyEntryStyles = [
  hostReset,
  css`
    :host {
      display: flex;
      flex-direction: column;
      gap: ${token.gap};
    }
    :host([hidden]) {
      display: none;
    }
    .panel {
      border: 1px solid ${token.colorBorder};
      border-radius: ${token.radius};
      padding: 8px 12px;
    }
    [part~='provider'] label {
      margin-right: 8px;
      font-weight: 600;
    }
    [part~='provider'] p {
      margin: 6px 0 0;
    }
    h2 {
      margin: 0 0 6px;
      font-size: 1.05em;
    }
    .search {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    input,
    select {
      font: inherit;
      padding: 4px 6px;
      border: 1px solid ${token.colorBorder};
      border-radius: ${token.radius};
      background: ${token.colorSurface};
      color: inherit;
    }
    input {
      min-width: 18em;
    }
    button {
      font: inherit;
      padding: 4px 12px;
      border: 1px solid ${token.colorAccent};
      border-radius: ${token.radius};
      background: ${token.colorAccent};
      color: ${token.colorOnAccent};
      cursor: pointer;
    }
    button[disabled] {
      opacity: 0.6;
      cursor: default;
    }
    :focus-visible {
      outline: 2px solid ${token.colorAccent};
      outline-offset: 2px;
    }
    .results {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 2px 12px;
      margin: 0;
    }
    dt {
      color: ${token.colorMuted};
    }
    dd {
      margin: 0;
    }
    .muted {
      color: ${token.colorMuted};
    }
    .coefficients {
      display: grid;
      /* the choices shrink (and wrap their notes) on a phone rather than widen the page */
      grid-template-columns: max-content minmax(0, 1fr);
      gap: 6px 12px;
      align-items: center;
    }
    .coef {
      display: contents;
    }
    .coef .muted,
    .coef .error {
      grid-column: 2;
    }
    .coef select {
      min-width: 0;
      max-width: 100%;
    }
    .breakdown {
      font-weight: 600;
    }
    table {
      border-collapse: collapse;
    }
    td,
    th {
      padding: 2px 8px 2px 0;
      text-align: start;
    }
    th {
      font-weight: 500;
      color: ${token.colorMuted};
    }
    .error,
    .problems {
      color: ${token.colorError};
    }
    .problems,
    .warnings {
      background: ${token.colorErrorSurface};
      border-radius: ${token.radius};
      padding: 8px 12px;
    }
    .warnings {
      background: ${token.colorWarningSurface};
    }
    .problems p,
    .problems ul,
    .warnings p,
    .warnings ul {
      margin: 0;
    }
    .saved {
      color: ${token.colorSuccess};
    }
    /* the submit and the save's outcome side by side, in the form's sticky action bar */
    .form-actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
    }
    .form-actions [part~='status'] {
      margin: 0;
    }
    .form-actions button[aria-disabled='true'] {
      opacity: 0.6;
      cursor: progress;
    }
  `,
];
