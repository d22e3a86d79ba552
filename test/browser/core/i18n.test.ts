/**
 * Words: an element speaks the nearest `lang` up the tree (across shadow roots), then
 * `<html lang>`; it follows a change of either at once. zh-TW ships beside zh-CN and en, and a
 * portal rewords anything or adds a language with registerTranslations.
 */
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { LitElement, html as litHtml } from 'lit';
import '../../../components/core/index.js';
import '../../../components/hazard-ledger/index.js';
import { fallbackChain, loadTranslations, registerTranslations, translate, translationKeys, type AzxForm } from '../../../components/core/index.js';
import type { JsonSchema } from '../../../components/core/index.js';

const schema: JsonSchema = {
  type: 'object',
  title: '投保信息',
  properties: {
    name: { type: 'string', title: '投保单位名称', 'x-title-en': 'Enterprise' },
    items: { type: 'array', title: '服务计划', items: { type: 'string', title: '项目' } },
  },
  required: ['name'],
};

const shadow = (el: Element) => el.shadowRoot!;
const addRow = (form: AzxForm) => shadow(form).querySelector('[part~="add"]')?.textContent?.trim();
const label = (form: AzxForm) => shadow(form).querySelector('[data-pointer="/name"] label')?.textContent?.replace(/\s+/g, '').replace('*', '');

async function settle(el: LitElement): Promise<void> {
  // the page's MutationObserver reports after the attribute change; then the element renders
  await nextFrame();
  await el.updateComplete;
}

class ShadowHost extends LitElement {
  override render() {
    return litHtml`<azx-form .schema=${schema}></azx-form>`;
  }
}
customElements.define('test-lang-host', ShadowHost);

describe('words and languages', () => {
  afterEach(() => document.documentElement.setAttribute('lang', 'en'));

  it('follows the nearest lang up the tree, then <html lang>, and changes with them', async () => {
    document.documentElement.setAttribute('lang', 'zh-CN');
    const box = await fixture<HTMLDivElement>(html`<div><azx-form .schema=${schema}></azx-form></div>`);
    const form = box.querySelector<AzxForm>('azx-form')!;
    await form.updateComplete;
    expect(addRow(form)).to.equal('添加一行');
    document.documentElement.setAttribute('lang', 'en-GB');
    await settle(form);
    expect(addRow(form), '<html lang="en-GB">: English').to.equal('Add a row');
    expect(label(form)).to.equal('Enterprise');
    box.setAttribute('lang', 'zh-TW');
    await settle(form);
    // zh-TW's words are fetched on first use (a page in zh-CN never loads them); the element
    // updates by itself when they arrive
    await waitUntil(() => addRow(form) === '新增一行', 'the nearer lang wins: zh-TW words arrive', { timeout: 3000 });
    form.lang = 'zh-CN';
    await form.updateComplete;
    expect(addRow(form), 'its own lang wins').to.equal('添加一行');
    expect(form.getAttribute('lang'), 'a lang set as a property is reflected').to.equal('zh-CN');
    form.lang = '';
    await form.updateComplete;
    expect(form.hasAttribute('lang'), 'never lang=""').to.equal(false);
    expect(addRow(form)).to.equal('新增一行');
  });

  it('reads the lang of the host whose shadow root it is in', async () => {
    const box = await fixture<HTMLDivElement>(html`<div lang="en"><test-lang-host></test-lang-host></div>`);
    const host = box.querySelector<ShadowHost>('test-lang-host')!;
    await host.updateComplete;
    const form = shadow(host).querySelector<AzxForm>('azx-form')!;
    await form.updateComplete;
    expect(addRow(form)).to.equal('Add a row');
  });

  it('falls back to the nearest language that has the word: zh-HK to zh-TW, en-GB to en, anything else to zh-CN', async () => {
    await loadTranslations('zh-TW');
    expect(fallbackChain('zh-HK')).to.deep.equal(['zh-HK', 'zh-TW', 'zh', 'zh-CN']);
    expect(fallbackChain('zh-Hant-MO')).to.include.ordered.members(['zh-Hant-MO', 'zh-Hant', 'zh-TW']);
    expect(translate('zh-HK', 'form.addRow')).to.equal('新增一行');
    expect(translate('en-GB', 'form.addRow')).to.equal('Add a row');
    expect(translate('fr', 'form.addRow')).to.equal('添加一行');
    // every shipped word exists in all three shipped languages
    const missing = translationKeys().filter((k) => !translate('en', k) || translate('zh-TW', k) === undefined);
    expect(missing).to.deep.equal([]);
  });

  it('a portal rewords an element, a field, or adds a language; the page updates at once', async () => {
    const ledger = await fixture(html`<azx-hazard-ledger lang="zh-CN"></azx-hazard-ledger>`);
    const form = await fixture<AzxForm>(html`<azx-form lang="zh-CN" .schema=${schema}></azx-form>`);
    expect(shadow(ledger).textContent).to.contain('请先登录');
    registerTranslations('zh-CN', { 'hazard-ledger.signIn': '请先登录门户', 'term.投保单位名称': '被保险单位名称' });
    await settle(form);
    expect(shadow(ledger).textContent).to.contain('请先登录门户');
    expect(label(form), "the portal's term for the field").to.equal('被保险单位名称');
    // a new language with one word: the rest comes from zh-CN
    registerTranslations('ug', { 'form.addRow': 'قۇر قوشۇش' });
    form.lang = 'ug';
    await form.updateComplete;
    expect(addRow(form)).to.equal('قۇر قوشۇش');
    expect(shadow(form).querySelector('[part="submit"]')!.textContent!.trim()).to.equal('提交');
    // validation messages are words too
    form.reportValidity();
    await form.updateComplete;
    registerTranslations('ug', { 'validation.required': '{field} تولدۇرۇلۇشى كېرەك' });
    await settle(form);
    expect(shadow(form).querySelector('[part="summary"]')!.textContent).to.contain('被保险单位名称 تولدۇرۇلۇشى كېرەك');
    registerTranslations('zh-CN', { 'hazard-ledger.signIn': '请先登录', 'term.投保单位名称': '投保单位名称' });
  });
});
