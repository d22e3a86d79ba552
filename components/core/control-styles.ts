import { css } from 'lit';
import { token } from './tokens.js';

/**
 * The labelled controls a filing element draws around its form (the policy picker, a step's
 * fields): labels above their controls, controls no wider than the screen, a wrapping row.
 * Written once for every element that has such a picker; each adds its own widths after it.
 */
export const controlStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .picker {
    display: flex;
    flex-wrap: wrap;
    gap: ${token.gap};
    align-items: end;
    margin-bottom: ${token.gap};
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 4px;
    font-weight: 500;
    min-width: 0;
    max-width: 100%;
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
  }
`;
