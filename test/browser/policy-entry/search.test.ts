/**
 * <azx-policy-entry> finds the insured in the must-insure registry by USCC or name; region,
 * industry and headcount fill in, and the region decides the rule pack.
 */
import { expect } from '@open-wc/testing';
import { ENTERPRISES, entryStore, schemas } from './fixture.js';
import { control, find, form, mount, root } from './helpers.js';

describe('<azx-policy-entry> finds the enterprise', () => {
  it('by USCC: the insured, headcount and insured persons fill in, under the Suzhou pack', async () => {
    const el = await mount(entryStore(await schemas()));
    await find(el, ENTERPRISES.suzhou.uscc.toLowerCase());
    const card = root(el).querySelector('[part="enterprise"]')!;
    expect(card.textContent).to.contain('苏州相城化工有限公司');
    expect(card.textContent).to.contain('危险化学品');
    expect(card.querySelector('[data-pack]')!.getAttribute('data-pack')).to.equal('js-suzhou');
    expect(card.querySelector('[data-packs]')!.getAttribute('data-packs')).to.equal('cn-common cn-2025 js js-suzhou');
    expect(card.textContent).to.contain('不低于保费的 20%');
    const v = form(el).value as Record<string, unknown>;
    expect(v['insured']).to.deep.equal({ uscc: ENTERPRISES.suzhou.uscc, name: '苏州相城化工有限公司', region_code: '320507' });
    expect(control(el, '/headcount').value).to.equal('50');
    expect(control(el, '/insured_persons').value).to.equal('50');
  });

  it('by part of the name: several matches are listed to choose from', async () => {
    const el = await mount(entryStore(await schemas()));
    const input = root(el).querySelector<HTMLInputElement>('#q')!;
    input.value = '化工';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('[part="search"] button')!.click();
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    const items = [...root(el).querySelectorAll('[part="results"] li')].map((li) => li.textContent ?? '');
    expect(items.length).to.equal(2);
    expect(items.join(' ')).to.contain('绍兴越城化工有限公司');
    root(el).querySelectorAll<HTMLButtonElement>('[part="results"] button')[1]!.click();
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(root(el).querySelector('[data-pack]')?.getAttribute('data-pack')).to.be.oneOf(['js-suzhou', 'zj-shaoxing']);
  });

  it('Beijing is under the national packs, its draft for comment named; Shaoxing under Zhejiang’s', async () => {
    const el = await mount(entryStore(await schemas()));
    await find(el, ENTERPRISES.beijing.uscc);
    expect(root(el).querySelector('[data-pack]')!.getAttribute('data-pack')).to.equal('cn-2025');
    const card = root(el).querySelector('[part="enterprise"]')!;
    expect(card.textContent).to.contain('不高于保费的 21%');
    expect(card.querySelector('[data-draft="bj"]')!.textContent).to.contain('征求意见稿');
    await find(el, ENTERPRISES.shaoxing.uscc);
    expect(root(el).querySelector('[data-pack]')!.getAttribute('data-pack')).to.equal('zj-shaoxing');
  });

  it('an unknown code says so and offers no form', async () => {
    const el = await mount(entryStore(await schemas()));
    const input = root(el).querySelector<HTMLInputElement>('#q')!;
    input.value = '91320507MA1XC0009X';
    input.dispatchEvent(new Event('input'));
    root(el).querySelector<HTMLButtonElement>('[part="search"] button')!.click();
    await new Promise((r) => setTimeout(r, 50));
    await el.updateComplete;
    expect(root(el).textContent).to.contain('没有找到');
    expect(root(el).querySelector('azx-form')).to.equal(null);
  });
});
