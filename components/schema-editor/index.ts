// azx/schema-editor: importing it defines <azx-schema-editor> (and <azx-form>, which it previews with).
import { AzxSchemaEditor } from './schema-editor.js';
import '../core/logic-builder/define.js';

export { AzxSchemaEditor, type DefinitionDraftState, type Tab as SchemaEditorTab } from './schema-editor.js';
export { AzxLogicBuilder, type LogicField } from '../core/logic-builder/index.js';
export { checkSchema, checkSchemaText, type CheckResult, type SchemaProblem } from './meta/check.js';
export { diffSchemas, type SchemaChange } from './diff.js';

if (!customElements.get('azx-schema-editor')) customElements.define('azx-schema-editor', AzxSchemaEditor);

declare global {
  interface HTMLElementTagNameMap {
    'azx-schema-editor': AzxSchemaEditor;
  }
}
