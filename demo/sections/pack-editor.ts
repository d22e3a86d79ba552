// The administrator's <azx-pack-editor>: a region's rule pack written and published without a
// release; the insurers' policy entry judges by it at once.
import '../../components/pack-editor/index.js';
import type { RegionEntry, RulePack } from '../../components/data/index.js';
import type { PortalSection } from './section.js';

export const packEditorSection: PortalSection = {
  id: 'pack-editor',
  title: '规则包 Rule packs',
  roles: ['admin'],
  mount(host, { store, status }) {
    const editor = document.createElement('azx-pack-editor');
    editor.store = store;
    editor.addEventListener('azx-pack-published', (e) => {
      const p = (e as CustomEvent<{ pack: RulePack }>).detail.pack;
      status(`已发布规则包 ${p.key} 第 ${p.version} 版 · published`);
    });
    editor.addEventListener('azx-region-added', (e) => {
      const r = (e as CustomEvent<{ region: RegionEntry }>).detail.region;
      status(`已添加地区 ${r.code} ${r.name} · region added`);
    });
    host.append(editor);
  },
};
