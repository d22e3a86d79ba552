// azx/pack-editor: importing it defines <azx-pack-editor> (and <azx-logic-builder>).
import { AzxPackEditor } from './pack-editor.js';
import '../core/logic-builder/define.js';

if (!customElements.get('azx-pack-editor')) customElements.define('azx-pack-editor', AzxPackEditor);

declare global {
  interface HTMLElementTagNameMap {
    'azx-pack-editor': AzxPackEditor;
  }
}

export { AzxPackEditor, type PackDraftState, type PackEditorTab } from './pack-editor.js';
export { diffPacks, type PackChange } from './model.js';
