import { css } from 'lit';
import { hostReset } from '../core/host-styles.js';

// hostReset first: the page's inherited text properties stop at the host.
export const editorStyles = [hostReset, css`
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
    border: 1px solid var(--azx-color-border, #c9cdd4);
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
    border: 1px solid var(--azx-color-border, #c9cdd4);
    border-radius: var(--azx-radius, 4px);
    padding: 3px 6px;
    background: var(--azx-color-surface, #ffffff);
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
    background: var(--azx-color-accent, #1664ff);
    color: var(--azx-color-on-accent, #ffffff);
    border-color: var(--azx-color-accent, #1664ff);
  }
  :focus-visible {
    outline: 2px solid var(--azx-color-accent, #1664ff);
    outline-offset: 1px;
  }
  fieldset {
    border: 1px solid var(--azx-color-border, #c9cdd4);
    border-radius: var(--azx-radius, 4px);
    margin: 8px 0;
  }
  fieldset label {
    display: inline-flex;
    gap: 4px;
    align-items: center;
    margin: 2px 8px 2px 0;
  }
  .error {
    color: var(--azx-color-error, #d4380d);
    margin: 4px 0;
  }
  .error:empty,
  .status:empty {
    display: none;
  }
  .hint {
    color: var(--azx-color-muted, #646a73);
  }
  .ok {
    color: #2e7d32;
  }
  .versions {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .version.retired {
    color: var(--azx-color-muted, #646a73);
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
    border-bottom: 1px solid var(--azx-color-border, #c9cdd4);
  }
  [role='tab'] {
    border-bottom: none;
    border-radius: var(--azx-radius, 4px) var(--azx-radius, 4px) 0 0;
  }
  [role='tab'][aria-selected='true'] {
    border-color: var(--azx-color-accent, #1664ff);
    font-weight: 600;
  }
  .panel {
    padding: 8px 0;
  }
  .columns {
    display: grid;
    grid-template-columns: minmax(16em, 1fr) 2fr;
    gap: 16px;
  }
  @media (max-width: 800px) {
    .columns {
      grid-template-columns: 1fr;
    }
  }
  .inspector {
    /* stays in view beside a long list of fields */
    position: sticky;
    top: 0;
    align-self: start;
    max-height: 100vh;
    overflow: auto;
  }
  .tree,
  .subtree {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .subtree {
    padding-left: 1.2em;
    border-left: 1px dashed var(--azx-color-border, #c9cdd4);
  }
  .row {
    display: flex;
    gap: 2px;
    align-items: center;
    margin: 2px 0;
  }
  .name {
    flex: 1;
    text-align: left;
    border-color: transparent;
  }
  .tree-item.selected > .row > .name {
    border-color: var(--azx-color-accent, #1664ff);
  }
  code {
    font-family: ui-monospace, monospace;
    font-size: 0.9em;
    color: var(--azx-color-muted, #646a73);
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
    color: #2e7d32;
  }
  .diff tr.removed td:first-child {
    color: var(--azx-color-error, #d4380d);
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
  .warnings {
    color: #ad6800;
  }
  .confirm {
    border: 1px solid var(--azx-color-error, #d4380d);
    border-radius: var(--azx-radius, 4px);
    padding: 8px;
    margin: 8px 0;
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
  }
  .confirm p {
    margin: 0;
    flex-basis: 100%;
  }
  .sample-result.valid {
    color: #2e7d32;
  }
  .sample-result.invalid {
    color: var(--azx-color-error, #d4380d);
  }
`];
