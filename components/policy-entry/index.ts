// <azx-policy-entry>: importing this module defines the element.
import { AzxPolicyEntry } from './policy-entry.js';

export { AzxPolicyEntry };
export { allPacks, getPack, packForRegion, type Pack } from './pack.js';
export { checkPolicy, type Problem, type RegistryEnterprise, type PreviousPolicy } from './rules.js';

if (!customElements.get('azx-policy-entry')) customElements.define('azx-policy-entry', AzxPolicyEntry);

declare global {
  interface HTMLElementTagNameMap {
    'azx-policy-entry': AzxPolicyEntry;
  }
}
