import { css } from 'lit';
import { token } from '../core/tokens.js';
import { hostReset } from '../core/host-styles.js';
import { controlStyles } from '../core/control-styles.js';

// hostReset first: the page's inherited text properties stop at the host.
export const claimStyles = [
  hostReset,
  controlStyles,
  css`
    .step-row {
      display: flex;
      flex-wrap: wrap;
      gap: ${token.gap};
      align-items: end;
      margin-bottom: ${token.gap};
    }
    select,
    input,
    textarea {
      min-width: min(14em, 100%);
      max-width: 100%;
      padding: 4px 8px;
      border: 1px solid ${token.colorBorder};
      border-radius: ${token.radius};
      background: ${token.colorSurface};
      color: inherit;
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
    :focus-visible {
      outline: 2px solid ${token.colorAccent};
      outline-offset: 1px;
    }
    section {
      border: 1px solid ${token.colorBorder};
      border-radius: ${token.radius};
      padding: ${token.gap};
      margin-bottom: ${token.gap};
    }
    h2 {
      font-size: 1.1em;
      margin: 0 0 ${token.gap};
    }
    dl.figures {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(12em, 1fr));
      gap: ${token.gap};
      margin: 0;
    }
    dl.figures dt {
      color: ${token.colorMuted};
    }
    dl.figures dd {
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .overdue {
      color: ${token.colorError};
      font-weight: 600;
    }
    ol.timeline {
      list-style: none;
      margin: 0;
      padding: 0 0 0 1em;
      border-left: 2px solid ${token.colorBorder};
    }
    ol.timeline li {
      margin: 0 0 8px;
    }
    ol.timeline .when,
    .help {
      color: ${token.colorMuted};
      font-size: 0.9em;
    }
    .errors {
      border: 1px solid ${token.colorError};
      background: ${token.colorErrorSurface};
      color: ${token.colorError};
      border-radius: ${token.radius};
      padding: 8px ${token.gap};
      margin: ${token.gap} 0;
    }
    .notice {
      color: ${token.colorMuted};
    }
  `,
];
