/** axe-core finds no accessibility violation in <azx-schema-editor>: the list and every tab of the editor. */
import { expectAccessible } from '../setup/axe.js';
import { addField, byText, createIndustry, editorWith, memoryStore, openTab, root, settle } from './helpers.js';

describe('<azx-schema-editor> accessibility', function () {
  this.timeout(30000);

  it('has no axe violation in the list or on any tab of the editor', async () => {
    const el = await editorWith(await memoryStore());
    await expectAccessible(el);
    await createIndustry(el, { key: 'policy-confined-space', industry: '有限空间', zh: '有限空间作业企业保单' });
    await addField(el, 'permit_count', 'integer', '作业审批单数量');
    await addField(el, 'space_kind', 'select', '有限空间类型');
    await expectAccessible(el);
    await openTab(el, '规则');
    byText(root(el), 'button', '添加规则').click();
    await settle(el);
    await expectAccessible(el);
    for (const tab of ['JSON', '预览', '差异与发布']) {
      await openTab(el, tab);
      await expectAccessible(el);
    }
  });
});
