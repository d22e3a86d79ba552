import { css } from 'lit';
import { hostReset } from '../core/host-styles.js';
import { token } from '../core/tokens.js';

export const bulkUploadStyles = [
  hostReset,
  css`
    :host {
      display: block;
    }
    :host([hidden]) {
      display: none !important;
    }
    form {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: end;
    }
    label {
      display: grid;
      gap: 4px;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
    button {
      font: inherit;
      padding: 4px 10px;
      border: 1px solid ${token.colorBorder};
      border-radius: ${token.radius};
      background: ${token.colorSurface};
      color: inherit;
      cursor: pointer;
    }
    progress {
      width: 100%;
      margin-top: 8px;
    }
    .error {
      color: ${token.colorError};
    }
    .mode,
    .encoding,
    .first {
      color: ${token.colorMuted};
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      margin-top: 8px;
    }
    th,
    td {
      border-bottom: 1px solid ${token.colorBorder};
      padding: 4px 6px;
      text-align: start;
      vertical-align: top;
    }
    caption {
      text-align: start;
      font-weight: bold;
    }
  `,
];
