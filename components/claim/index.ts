// Defines <azx-claim>.
import { AzxClaim } from './claim.js';

export { AzxClaim };

if (!customElements.get('azx-claim')) customElements.define('azx-claim', AzxClaim);

declare global {
  interface HTMLElementTagNameMap {
    'azx-claim': AzxClaim;
  }
}
