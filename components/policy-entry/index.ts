// <azx-policy-entry>: importing this module defines the element.
import { AzxPolicyEntry } from './policy-entry.js';

export { AzxPolicyEntry };

if (!customElements.get('azx-policy-entry')) customElements.define('azx-policy-entry', AzxPolicyEntry);

declare global {
  interface HTMLElementTagNameMap {
    'azx-policy-entry': AzxPolicyEntry;
  }
}
