import { css } from 'lit';
import { hostReset } from './host-styles.js';

// Every colour and size comes from an --azx-* custom property with a default,
// so a portal themes the form without reaching into it.
export const formStyles = [hostReset, css`
  :host {
    display: block;
    line-height: 1.5;
    background: var(--azx-color-background, transparent);
  }
  :host([hidden]) {
    display: none;
  }
  form,
  .fields {
    display: flex;
    flex-direction: column;
    gap: var(--azx-gap, 12px);
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
    color: var(--azx-color-error, #b42a0a);
    margin-inline-start: 2px;
  }
  input:not([type='checkbox']),
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--azx-color-surface, #ffffff);
    border: 1px solid var(--azx-color-border, #c9cdd4);
    border-radius: var(--azx-radius, 4px);
    padding: 6px 8px;
    min-width: 0;
    box-sizing: border-box;
    width: 100%;
    max-width: 36em;
  }
  input[type='checkbox'] {
    width: 16px;
    height: 16px;
    accent-color: var(--azx-color-accent, #1664ff);
  }
  input[readonly] {
    background: transparent;
  }
  :is(input, select, textarea, button, a, fieldset, table):focus-visible {
    outline: 2px solid var(--azx-color-accent, #1664ff);
    outline-offset: 1px;
  }
  [aria-invalid='true'] {
    border-color: var(--azx-color-error, #b42a0a) !important;
  }
  .help {
    margin: 0;
    color: var(--azx-color-muted, #646a73);
    font-size: 0.9em;
  }
  .error {
    margin: 0;
    color: var(--azx-color-error, #b42a0a);
    font-size: 0.9em;
  }
  .group {
    border: 1px solid var(--azx-color-border, #c9cdd4);
    border-radius: var(--azx-radius, 4px);
    padding: 8px 12px 12px;
    margin: 0;
    display: flex;
    flex-direction: column;
    gap: var(--azx-gap, 12px);
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
    border: 1px solid var(--azx-color-border, #c9cdd4);
    padding: 4px 6px;
    text-align: start;
    vertical-align: top;
  }
  th {
    font-weight: 500;
    color: var(--azx-color-muted, #646a73);
  }
  .row-number {
    width: 2.5em;
    text-align: center;
  }
  .row-actions {
    white-space: nowrap;
  }
  .no-rows {
    color: var(--azx-color-muted, #646a73);
    text-align: center;
  }
  button {
    font: inherit;
    color: var(--azx-color-accent, #1664ff);
    background: var(--azx-color-surface, #ffffff);
    border: 1px solid var(--azx-color-border, #c9cdd4);
    border-radius: var(--azx-radius, 4px);
    padding: 4px 10px;
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.45;
    cursor: not-allowed;
  }
  button[type='submit'] {
    color: var(--azx-color-on-accent, #ffffff);
    background: var(--azx-color-accent, #1664ff);
    border-color: var(--azx-color-accent, #1664ff);
    padding: 6px 20px;
  }
  .actions {
    display: flex;
    gap: 8px;
  }
  .summary {
    border: 1px solid var(--azx-color-error, #b42a0a);
    background: var(--azx-color-error-surface, #fff2ee);
    border-radius: var(--azx-radius, 4px);
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
    color: var(--azx-color-error, #b42a0a);
  }
  .display .value {
    min-height: 1.5em;
    white-space: pre-wrap;
  }
  .schema-error,
  .unsupported {
    color: var(--azx-color-error, #b42a0a);
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
    border: 1px solid var(--azx-color-border, #c9cdd4);
    border-radius: var(--azx-radius, 4px);
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

  /* mode="print": a record on paper, label beside value, also on screen as a preview */
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
    color: var(--azx-color-muted, #646a73);
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
    border-bottom: 1px solid var(--azx-color-border, #c9cdd4);
    padding: 2px 0;
  }
  :host([mode='print']) .field.display .label {
    flex: 0 0 35%;
    color: var(--azx-color-muted, #646a73);
  }

  .draft {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    padding: 8px 12px;
    margin-bottom: var(--azx-gap, 12px);
    border: 1px solid var(--azx-color-accent, #1664ff);
    border-radius: var(--azx-radius, 4px);
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
    color: var(--azx-color-muted, #646a73);
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
    border: 1px solid var(--azx-color-border, #c9cdd4);
    border-radius: var(--azx-radius, 4px);
  }
  .attachments img {
    width: 48px;
    height: 48px;
    object-fit: cover;
    border-radius: 2px;
  }
  .muted {
    color: var(--azx-color-muted, #646a73);
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
