// <azx-form>'s print() in a page that imports the form alone, as azx/form ships: nothing imports
// core/document/index.js, so the fetched layout works only with the kit the form hands it
// (core/document/kit.ts). This file imports nothing else of the layout on purpose.
import { expect, fixture, html } from '@open-wc/testing';
import type { AzxForm, JsonSchema } from '../../../components/core/index.js';
import '../../../components/core/index.js';
import { printed } from '../setup/print.js';

const SCHEMA: JsonSchema = {
  title: '隐患整改记录',
  type: 'object',
  properties: {
    unit: { type: 'string', title: '单位名称' },
    level: { type: 'string', title: '隐患等级', enum: ['general', 'major'], 'x-enum-titles': ['一般隐患', '重大隐患'] },
    day: { type: 'string', format: 'date', title: '整改期限' },
    done: { type: 'boolean', title: '已整改' },
  },
};

describe("<azx-form>'s print() with the form alone on the page", () => {
  it('prints the record with the layout it fetched and the kit it handed over', async () => {
    const el = await fixture<AzxForm>(html`<azx-form lang="zh-CN" organization="绍兴市应急管理局" .schema=${SCHEMA} .value=${{ unit: '越城化工', level: 'major', day: '2026-03-02', done: true }}></azx-form>`);
    const { dom } = await printed(el);
    const text = dom.body.textContent ?? '';
    expect(dom.querySelector('h1')?.textContent).to.equal('隐患整改记录');
    expect(text).to.contain('越城化工');
    expect(text, 'a choice by its title (the engine\'s enumOptions through the kit)').to.contain('重大隐患');
    expect(text, 'a day as a document writes it').to.contain('2026年3月2日');
    expect(text, 'a yes in words (uiText through the kit)').to.contain('是');
    expect(text, "the issuer's signature").to.contain('绍兴市应急管理局');
    expect(dom.querySelector('.doc-seal')?.getAttribute('aria-label'), "the seal's room, named in the document's words (through the kit)").to.equal('（盖章）');
  });
});
