// Renaming a map key can change its value's control (another schema applies to the new name), so
// the render replaces the control that has the focus. Chromium blurs it inside the render; the
// form must not take that for the user leaving the field and schedule a second update from
// inside the first (Lit's "change-in-update" warning), and the focus must not fall to the page.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fieldId, type AzxForm } from '../../../components/core/index.js';

describe('<azx-form>: renaming a map key', () => {
  let warnings: string[] = [];
  const original = console.warn;
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      original.apply(console, args);
    };
  });
  afterEach(() => {
    console.warn = original;
  });

  it('keeps one update per edit and the focus on the row, when the new name takes another control', async () => {
    const el = await fixture<AzxForm>(html`<azx-form lang="zh-CN" .schema=${{
      type: 'object',
      properties: {
        premium: { type: 'object', title: '各市保费', propertyNames: { pattern: '^[a-z0-9]+$' }, patternProperties: { '^33': { type: 'number', title: '浙江' } }, additionalProperties: { type: 'string' } },
      },
    }} .value=${{}}></azx-form>`);
    const root = el.shadowRoot!;
    (root.getElementById(`${fieldId('/premium')}-new-key`) as HTMLInputElement).focus();
    await sendKeys({ type: 'hangzhou' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(root.activeElement?.id).to.equal(`${fieldId('/premium')}-key-0`);
    expect(root.getElementById(fieldId('/premium/hangzhou'))?.getAttribute('type')).to.equal('text');
    // the user names it by its code and moves on to its value
    (root.activeElement as HTMLInputElement).select();
    await sendKeys({ type: '330100' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    await el.updateComplete;
    expect(el.value).to.deep.equal({ premium: { '330100': '' } });
    // a code under "^33" takes a number: the value's control is replaced, the focus follows it
    const value = root.getElementById(fieldId('/premium/330100'));
    expect(value?.getAttribute('type')).to.equal('number');
    await waitUntil(() => root.activeElement !== null, 'the focus fell to the page');
    expect(root.activeElement?.id).to.equal(fieldId('/premium/330100'));
    expect(warnings.filter((w) => w.includes('change-in-update')).join('\n')).to.equal('');
    // leaving the value (still a text, not a number) reveals its error, as for any field
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(root.querySelector(`[data-pointer="/premium/330100"]`)?.textContent ?? '').to.match(/数/);
  });

  it('draws a key renamed while its value has the focus in one update', async () => {
    const el = await fixture<AzxForm>(html`<azx-form lang="zh-CN" .schema=${{
      type: 'object',
      properties: {
        premium: { type: 'object', title: '各市保费', patternProperties: { '^33': { type: 'number', title: '浙江' } }, additionalProperties: { type: 'string' } },
      },
    }} .value=${{ premium: { hangzhou: 'x' } }}></azx-form>`);
    const root = el.shadowRoot!;
    // the value is focused while the key's name changes (an assistive tool, an autofill)
    (root.getElementById(fieldId('/premium/hangzhou')) as HTMLInputElement).focus();
    const key = root.getElementById(`${fieldId('/premium')}-key-0`) as HTMLInputElement;
    key.value = '330100';
    key.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(root.getElementById(fieldId('/premium/330100'))?.getAttribute('type')).to.equal('number');
    expect(el.isUpdatePending).to.equal(false);
    expect(warnings.filter((w) => w.includes('change-in-update')).join('\n')).to.equal('');
  });
});
