// Styles every administrators' editor shares (the schema editor, the pack editor): controls,
// tables, tabs, the label/control grid, errors, hints and the diff's colours, from the tokens.
import { css } from 'lit';
import { token } from './tokens.js';

export const editorBase = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  h2 {
    font-size: 1.3em;
    margin: 0 0 8px;
  }
  h3 {
    font-size: 1.1em;
    margin: 8px 0;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    border: 1px solid ${token.colorBorder};
    padding: 4px 6px;
    text-align: left;
    vertical-align: top;
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
    color: inherit;
    border: 1px solid ${token.colorBorder};
    border-radius: ${token.radius};
    padding: 3px 6px;
    background: ${token.colorSurface};
  }
  button {
    cursor: pointer;
  }
  button:disabled {
    cursor: default;
    opacity: 0.5;
  }
  button.primary,
  button[part~='primary'] {
    background: ${token.colorAccent};
    color: ${token.colorOnAccent};
    border-color: ${token.colorAccent};
  }
  :focus-visible {
    outline: 2px solid ${token.colorAccent};
    outline-offset: 1px;
  }
  fieldset {
    border: 1px solid ${token.colorBorder};
    border-radius: ${token.radius};
    margin: 8px 0;
    /* not as wide as its widest content: on a phone it wraps */
    min-inline-size: 0;
  }
  fieldset label {
    flex-wrap: wrap;
    max-width: 100%;
  }
  fieldset :is(input, select) {
    min-width: 0;
    max-width: 100%;
  }
  fieldset label {
    display: inline-flex;
    gap: 4px;
    align-items: center;
    margin: 2px 8px 2px 0;
  }
  .error {
    color: ${token.colorError};
    margin: 4px 0;
  }
  .error:empty,
  .status:empty {
    display: none;
  }
  .hint {
    color: ${token.colorMuted};
  }
  .ok {
    color: ${token.colorSuccess};
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-bottom: 8px;
  }
  .grid {
    display: grid;
    grid-template-columns: minmax(7em, max-content) 1fr;
    gap: 4px 8px;
    align-items: center;
    margin: 8px 0;
  }
  .tabs {
    display: flex;
    gap: 2px;
    border-bottom: 1px solid ${token.colorBorder};
  }
  [role='tab'] {
    border-bottom: none;
    border-radius: ${token.radius} ${token.radius} 0 0;
  }
  [role='tab'][aria-selected='true'] {
    border-color: ${token.colorAccent};
    font-weight: 600;
  }
  code {
    font-family: ui-monospace, monospace;
    font-size: 0.9em;
    color: ${token.colorMuted};
  }
  textarea.json,
  pre.json {
    width: 100%;
    box-sizing: border-box;
    font-family: ui-monospace, monospace;
    font-size: 12px;
    white-space: pre-wrap;
  }
  .value {
    white-space: pre-wrap;
    word-break: break-all;
  }
  .diff tr.added td:first-child {
    color: ${token.colorSuccess};
  }
  .diff tr.removed td:first-child {
    color: ${token.colorError};
  }
  .versions {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .rule-list {
    padding-left: 1.2em;
  }
  .rule {
    margin-bottom: 12px;
  }
  azx-logic-builder {
    margin: 8px 0;
  }
  .field-error {
    display: block;
    color: ${token.colorError};
    font-size: 0.9em;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
