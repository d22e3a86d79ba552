// The administrator's <azx-schema-editor>: form definitions and industry variants, published
// without a release.
import '../../components/schema-editor/index.js';
import type { PortalSection } from './section.js';

export const schemaEditorSection: PortalSection = {
  id: 'schema-editor',
  title: { zh: '表单定义', en: 'Form definitions' },
  intro: { zh: '为新行业增加字段和规则，发布新版本；已有记录仍按其填写时的版本显示。', en: 'Add fields and rules for a new industry and publish a new version; records keep the version they were made with.' },
  roles: ['admin'],
  mount(host, { store, locale }) {
    const editor = document.createElement('azx-schema-editor');
    editor.lang = locale;
    editor.store = store;
    host.append(editor);
  },
};
