import { css } from 'lit';
import { token } from '../core/tokens.js';
import { hostReset } from '../core/host-styles.js';

// hostReset first: the page's inherited text properties stop at the host.
export const coverageMapStyles = [hostReset, css`
  :host {
    display: block;
    --_border: ${token.colorBorder};
    --_accent: ${token.colorAccent};
    /* five classes, best to worst; the two darkest carry white text */
    --_c0: var(--azx-map-c0, #eef2f6);
    --_c1: var(--azx-map-c1, #fde2c4);
    --_c2: var(--azx-map-c2, #f6a66b);
    --_c3: var(--azx-map-c3, #c2410c);
    --_c4: var(--azx-map-c4, #7c2d12);
  }
  :host([hidden]) {
    display: none;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 8px 16px;
    align-items: end;
    margin-bottom: 12px;
  }
  .toolbar label {
    display: flex;
    flex-direction: column;
    gap: 3.2px;
    font-size: 0.85em;
  }
  select,
  input,
  button {
    font: inherit;
  }
  select,
  input {
    padding: 4.8px 6.4px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: ${token.colorSurface};
  }
  button {
    padding: 4.8px 11.2px;
    border: 1px solid var(--_border);
    border-radius: 4px;
    background: ${token.colorSurface};
    cursor: pointer;
  }
  button[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: ${token.colorOnAccent};
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible,
  .shape:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  nav.path ol {
    display: flex;
    gap: 4px;
    list-style: none;
    margin: 0 0 8px;
    padding: 0;
  }
  nav.path li + li::before {
    content: '›';
    margin-right: 4px;
    color: ${token.colorMuted};
  }
  nav.path button {
    border: none;
    padding: 0;
    color: var(--_accent);
    text-decoration: underline;
    background: none;
  }
  .stage {
    position: relative;
  }
  .tiles {
    display: grid;
    gap: 6px;
    grid-auto-rows: minmax(72px, auto);
  }
  .tile {
    display: flex;
    flex-direction: column;
    justify-content: center;
    align-items: center;
    gap: 3.2px;
    border: 1px solid transparent;
    border-radius: 6px;
    padding: 6.4px;
    text-align: center;
    line-height: 1.2;
  }
  .tile .value {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .tile:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
    z-index: 1;
  }
  .c0 {
    background: var(--_c0);
    fill: var(--_c0);
  }
  .c1 {
    background: var(--_c1);
    fill: var(--_c1);
  }
  .c2 {
    background: var(--_c2);
    fill: var(--_c2);
  }
  /* the ramp is the same in every theme: its text is dark on the light steps, white on the dark */
  .c0,
  .c1,
  .c2 {
    color: #1f2329;
  }
  .c3 {
    background: var(--_c3);
    fill: var(--_c3);
    color: #fff;
  }
  .c4 {
    background: var(--_c4);
    fill: var(--_c4);
    color: #fff;
  }
  .cn {
    background: ${token.colorSurface};
    fill: ${token.colorSurface};
    border: 1px dashed var(--_border);
  }
  svg {
    width: 100%;
    height: auto;
    max-height: 512px;
  }
  .shape {
    stroke: ${token.colorSurface};
    stroke-width: 1;
    cursor: pointer;
  }
  .shape.focused {
    stroke: var(--_accent);
    stroke-width: 3;
  }
  .tooltip {
    position: absolute;
    z-index: 2;
    pointer-events: none;
    min-width: 192px;
    background: ${token.colorSurface};
    border: 1px solid var(--_border);
    border-radius: 6px;
    box-shadow: ${token.shadow};
    padding: 8px 11.2px;
    font-size: 0.9em;
  }
  .tooltip dl {
    display: grid;
    grid-template-columns: auto auto;
    gap: 1.6px 12.8px;
    margin: 4.8px 0 0;
  }
  .tooltip dd {
    margin: 0;
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 6.4px 16px;
    align-items: center;
    margin: 12px 0;
    padding: 0;
    list-style: none;
    font-size: 0.9em;
  }
  .legend .swatch {
    display: inline-block;
    width: 16px;
    height: 16px;
    border-radius: 3px;
    vertical-align: middle;
    margin-right: 4.8px;
  }
  .help {
    color: ${token.colorMuted};
    font-size: 0.85em;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding: 4.8px 0;
  }
  th,
  td {
    border: 1px solid var(--_border);
    padding: 4.8px 8px;
    text-align: right;
  }
  th[scope='row'],
  thead th:first-child,
  td.text {
    text-align: left;
  }
  tfoot th,
  tfoot td {
    font-weight: 600;
    background: ${token.colorMutedSurface};
  }
  .table-wrap {
    overflow-x: auto;
  }
  td button.figure {
    border: none;
    background: none;
    padding: 0;
    color: var(--_accent);
    text-decoration: underline;
    font-variant-numeric: tabular-nums;
  }
  .records {
    margin-top: 16px;
    border-top: 2px solid var(--_border);
    padding-top: 8px;
  }
  .records header {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 16px;
  }
  .records h3 {
    margin: 4.8px 0;
    font-size: 1.05em;
  }
  .error {
    color: ${token.colorError};
  }
`];
