import { css } from 'lit';
import { token } from '../tokens.js';
import { hostReset } from '../host-styles.js';

// hostReset first: the page's inherited text properties stop at the host.
export const builderStyles = [hostReset, css`
  :host {
    display: block;
    font: inherit;
  }
  fieldset {
    border: 1px solid ${token.colorBorder};
    border-radius: ${token.radius};
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
    border: 1px solid ${token.colorBorder};
    border-radius: ${token.radius};
    padding: 3px 6px;
    background: ${token.colorSurface};
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
    color: ${token.colorAccent};
    text-decoration: underline;
    cursor: pointer;
    padding: 4px 0;
  }
  :focus-visible {
    outline: 2px solid ${token.colorAccent};
    outline-offset: 1px;
  }
  .error {
    color: ${token.colorError};
    margin: 4px 0;
  }
  .error:empty {
    display: none;
  }
`];
