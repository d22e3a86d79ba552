import { css } from 'lit';
import { hostReset } from '../core/host-styles.js';

// hostReset first: the page's inherited text properties stop at the host.
export const builderStyles = [hostReset, css`
  :host {
    display: block;
    font: inherit;
  }
  fieldset {
    border: 1px solid var(--azx-color-border, #c9cdd4);
    border-radius: var(--azx-radius, 4px);
    padding: 8px;
    margin: 0;
  }
  legend {
    font-weight: 600;
  }
  .conditions {
    margin: 4px 0;
    padding-left: 1.5em;
  }
  .condition {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    align-items: center;
    margin: 4px 0;
  }
  select,
  input,
  textarea,
  button {
    font: inherit;
    border: 1px solid var(--azx-color-border, #c9cdd4);
    border-radius: var(--azx-radius, 4px);
    padding: 3px 6px;
    background: var(--azx-color-surface, #ffffff);
    color: inherit;
  }
  textarea {
    width: 100%;
    box-sizing: border-box;
    font-family: ui-monospace, monospace;
  }
  .short {
    width: 6em;
  }
  .stack {
    display: grid;
    gap: 4px;
  }
  button.link {
    border: none;
    background: none;
    color: var(--azx-color-accent, #1664ff);
    text-decoration: underline;
    cursor: pointer;
    padding: 4px 0;
  }
  :focus-visible {
    outline: 2px solid var(--azx-color-accent, #1664ff);
    outline-offset: 1px;
  }
  .error {
    color: var(--azx-color-error, #d4380d);
    margin: 4px 0;
  }
  .error:empty {
    display: none;
  }
`];
