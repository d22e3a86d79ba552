import { css } from 'lit';
import { token } from './tokens.js';
import { hostReset } from './host-styles.js';

// Every colour and size comes from an --azx-* custom property with a default,
// so a portal themes the form without reaching into it.
// Why some rules are as they are (here, not as CSS comments: those would ship in every bundle):
// - inputs, selects, textareas stretch to the field's width, but a box or a round choice keeps
//   its own size (stretched, its label is pushed aside); a fieldset, as wide as its widest
//   content by default, may shrink (on a phone it must);
// - `.actions` stay in view at the bottom of a long form, with the problem count and the save
//   state beside the button, opaque (the fields scroll under it; the element's own background
//   may be transparent), but not on a short window (at 200% zoom it would hide the fields). Its
//   20px above the buttons keep a 16px box or round choice half under the bar's edge 12px from
//   them, the spacing of a 24px touch target (WCAG 2.5.8); `scroll-margin-bottom` stops a field
//   scrolled to or focused above the bar, never under it (WCAG 2.4.11);
// - fields marked x-width "half" share a row where the screen is wide enough: a media query, not
//   a container (size containment would collapse a form in a shrink-to-fit box);
// - the summary's links (one per line) and the checkbox choices are 24px tall: touch targets
//   (WCAG 2.5.8);
// - mode="print" (from `.print-header` on) is a record on paper, label beside value, also on
//   screen as a preview.
export const formStyles = [hostReset, css`
  :host {
    display: block;
    line-height: 1.5;
    background: ${token.colorBackground};
  }
  :host([hidden]) {
    display: none;
  }
  form,
  .fields {
    display: flex;
    flex-direction: column;
    gap: ${token.gap};
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
  }
  .field.checkbox {
    flex-direction: row;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
  }
  .field.checkbox .help,
  .field.checkbox .error {
    flex-basis: 100%;
  }
  .label {
    font-weight: 500;
  }
  .required-mark {
    color: ${token.colorError};
    margin-inline-start: 2px;
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: ${token.colorSurface};
    border: 1px solid ${token.colorBorder};
    border-radius: ${token.radius};
    padding: 6px 8px;
    min-width: 0;
    box-sizing: border-box;
    width: 100%;
    max-width: 36em;
  }
  fieldset {
    min-inline-size: 0;
  }
  input[type='file'] {
    max-width: 100%;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 16px;
    height: 16px;
    accent-color: ${token.colorAccent};
  }
  input[readonly] {
    background: transparent;
  }
  :is(input, select, textarea, button, a, fieldset, table):focus-visible {
    outline: 2px solid ${token.colorAccent};
    outline-offset: 1px;
  }
  [aria-invalid='true'] {
    border-color: ${token.colorError} !important;
  }
  .help {
    margin: 0;
    color: ${token.colorMuted};
    font-size: 0.9em;
  }
  .error {
    margin: 0;
    color: ${token.colorError};
    font-size: 0.9em;
  }
  .group {
    border: 1px solid ${token.colorBorder};
    border-radius: ${token.radius};
    padding: 8px 12px 12px;
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: ${token.gap};
  }
  legend,
  caption {
    font-weight: 600;
    padding: 0 4px;
  }
  caption {
    text-align: start;
    padding: 0 0 4px;
  }
  .array {
    display: flex;
    flex-direction: column;
    gap: 6px;
    align-items: flex-start;
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    border: 1px solid ${token.colorBorder};
    padding: 4px 6px;
    text-align: start;
    vertical-align: top;
  }
  th {
    font-weight: 500;
    color: ${token.colorMuted};
  }
  .row-number {
    width: 2.5em;
    text-align: center;
  }
  .row-actions {
    white-space: nowrap;
  }
  .no-rows {
    color: ${token.colorMuted};
    text-align: center;
  }
  button {
    font: inherit;
    color: ${token.colorAccent};
    background: ${token.colorSurface};
    border: 1px solid ${token.colorBorder};
    border-radius: ${token.radius};
    padding: 4px 10px;
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.45;
    cursor: not-allowed;
  }
  button[type='submit'] {
    color: ${token.colorOnAccent};
    background: ${token.colorAccent};
    border-color: ${token.colorAccent};
    padding: 6px 20px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    position: sticky;
    bottom: 0;
    z-index: 1;
    padding: 20px 0 8px;
    background: ${token.colorSurface};
    border-top: 1px solid ${token.colorBorder};
  }
  @media (max-height: 500px) {
    .actions {
      position: static;
    }
  }
  .fields * {
    scroll-margin-bottom: 6rem;
  }
  .actions .status {
    margin: 0;
  }
  .issue-count {
    color: ${token.colorError};
    font-weight: 600;
  }
  .sections ol {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .sections a {
    color: ${token.colorAccent};
  }
  fieldset.section:focus {
    outline: 2px solid ${token.colorAccent};
    outline-offset: 2px;
  }
  @media (min-width: 800px) {
    .fields:has(> .half),
    fieldset.section:has(> .half) {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: ${token.gap};
    }
    .fields:has(> .half) > :not(.half),
    fieldset.section:has(> .half) > :not(.half, legend) {
      grid-column: 1 / -1;
    }
  }
  .summary {
    border: 1px solid ${token.colorError};
    background: ${token.colorErrorSurface};
    border-radius: ${token.radius};
    padding: 8px 12px;
  }
  .summary-title {
    margin: 0 0 4px;
    font-weight: 600;
  }
  .summary ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .summary a {
    color: ${token.colorError};
    display: inline-block;
    min-height: 24px;
    padding-block: 4px;
    box-sizing: border-box;
  }
  .display .value {
    min-height: 1.5em;
    white-space: pre-wrap;
  }
  .schema-error,
  .unsupported {
    color: ${token.colorError};
  }
  .schema-error pre {
    white-space: pre-wrap;
    font-size: 0.85em;
  }
  [hidden] {
    display: none !important;
  }
  .form-title {
    font-size: 1.25em;
    margin: 0;
  }
  :host([mode='print']) .form-title,
  :host([mode='print']) .form-description {
    display: none;
  }
  .union-body {
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .group.compact {
    border: none;
    padding: 0;
  }
  .entry {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 8px;
  }
  .entry > .field,
  .entry > .union,
  .entry > .group,
  .entry > .array {
    flex: 1 1 12em;
  }
  .union-body > select {
    width: auto;
    align-self: flex-start;
  }
  .key {
    width: auto;
    flex: 0 1 12em;
  }
  .map,
  .list {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  details.item {
    border: 1px solid ${token.colorBorder};
    border-radius: ${token.radius};
    padding: 4px 8px;
  }
  details.item[open] {
    padding-bottom: 8px;
  }
  details.item > summary {
    cursor: pointer;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .const {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }

  .print-header {
    border-bottom: 2px solid currentColor;
    padding-bottom: 6px;
    margin-bottom: 4px;
  }
  .print-header h1 {
    font-size: 1.4em;
    margin: 0 0 4px;
    text-align: center;
  }
  .print-header dl {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 24px;
    margin: 0;
  }
  .print-header dl div {
    display: flex;
    gap: 6px;
  }
  .print-header dt {
    color: ${token.colorMuted};
  }
  .print-header dd {
    margin: 0;
  }
  :host([mode='print']) {
    max-width: 180mm;
  }
  :host([mode='print']) .field.display {
    flex-direction: row;
    gap: 12px;
    border-bottom: 1px solid ${token.colorBorder};
    padding: 2px 0;
  }
  :host([mode='print']) .field.display .label {
    flex: 0 0 35%;
    color: ${token.colorMuted};
  }

  .draft {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    padding: 8px 12px;
    margin-bottom: ${token.gap};
    border: 1px solid ${token.colorAccent};
    border-radius: ${token.radius};
  }
  .draft p {
    margin: 0;
    flex: 1 1 auto;
  }
  .status:empty {
    display: none;
  }
  .status {
    margin: 8px 0 0;
    color: ${token.colorMuted};
  }
  fieldset.checkboxes {
    border: none;
    padding: 0;
    margin: 0;
  }
  fieldset.checkboxes .option {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    margin-right: 16px;
    min-height: 24px;
  }
  .attachments {
    list-style: none;
    padding: 0;
    margin: 6px 0 0;
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .attachments li {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    padding: 4px 8px;
    border: 1px solid ${token.colorBorder};
    border-radius: ${token.radius};
  }
  .attachments img {
    width: 48px;
    height: 48px;
    object-fit: cover;
    border-radius: 2px;
  }
  .muted {
    color: ${token.colorMuted};
  }

  @media print {
    :host {
      color: #000;
      background: none;
      font-size: 10.5pt;
      max-width: none;
    }
    .summary,
    .draft,
    .actions,
    .sections,
    .help,
    .error {
      display: none !important;
    }
    .field,
    tr,
    .print-header {
      break-inside: avoid;
    }
    fieldset,
    table {
      border-color: #000;
    }
    .print-header dt,
    :host([mode='print']) .field.display .label {
      color: #000;
    }
  }
`];
