// Defines <azx-logic-builder> once (the schema editor and the pack editor use it).
import { AzxLogicBuilder } from './logic-builder.js';

if (!customElements.get('azx-logic-builder')) customElements.define('azx-logic-builder', AzxLogicBuilder);

declare global {
  interface HTMLElementTagNameMap {
    'azx-logic-builder': AzxLogicBuilder;
  }
}
