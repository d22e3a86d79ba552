// The administrator's <azx-pack-editor>: a region's rule pack written and published without a
// release; the insurers' policy entry judges by it at once.
import '../../components/pack-editor/index.js';
import type { PortalSection } from './section.js';

export const packEditorSection: PortalSection = {
  id: 'pack-editor',
  title: { zh: '规则包', en: 'Rule packs' },
  intro: {
    zh: '为一个地区编写、测试并发布规则包（费率、保额下限、规则），无需发布新版本；投保录入即刻按其审核。',
    en: "Write, test and publish a region's rule pack (rates, minimum cover, rules) without a release; policy entry judges by it at once.",
  },
  roles: ['admin'],
  mount(host, { store, locale }) {
    // the editor announces what it published or added in its own status line
    const editor = document.createElement('azx-pack-editor');
    editor.lang = locale;
    editor.store = store;
    host.append(editor);
  },
};
