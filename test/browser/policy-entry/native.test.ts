/**
 * <azx-policy-entry> behaves like a native control inside a page's <form>: required until a
 * policy is entered, its value (the policy as JSON) submitted under its name, disabled with it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/policy-entry/index.js';
import type { AzxPolicyEntry } from '../../../components/policy-entry/index.js';
import { ENTERPRISES, entryStore, schemas } from './fixture.js';
import { find, type } from './helpers.js';

describe('<azx-policy-entry> in a form', () => {
  it('is required until a valid policy is entered, then submits the policy as JSON under its name', async () => {
    const store = entryStore(await schemas());
    const outer = await fixture<HTMLFormElement>(html`<form><azx-policy-entry name="policy" required .store=${store}></azx-policy-entry></form>`);
    const el = outer.querySelector<AzxPolicyEntry>('azx-policy-entry')!;
    await el.updateComplete;
    expect(outer.checkValidity()).to.equal(false);
    await find(el, ENTERPRISES.shaoxing.uscc);
    expect(el.checkValidity(), 'no policy number yet').to.equal(false);
    await type(el, '/policy_no', 'PICC-330600-2026-000009');
    expect(el.checkValidity()).to.equal(true);
    expect(outer.checkValidity()).to.equal(true);
    const sent = JSON.parse(String(new FormData(outer).get('policy'))) as Record<string, unknown>;
    expect(sent['policy_no']).to.equal('PICC-330600-2026-000009');
    expect(sent['premium']).to.equal(16000);
    await type(el, '/insured_persons', '49');
    expect(el.checkValidity(), 'a pack problem makes it invalid').to.equal(false);
  });

  it('a surrounding form refuses to submit while a rule-pack problem stands, and submits once it is fixed', async () => {
    const store = entryStore(await schemas());
    let submitted = 0;
    const onSubmit = (e: Event) => {
      e.preventDefault();
      submitted++;
    };
    const outer = await fixture<HTMLFormElement>(
      html`<form @submit=${onSubmit}><azx-policy-entry name="policy" required .store=${store}></azx-policy-entry><button>保存</button></form>`,
    );
    const el = outer.querySelector<AzxPolicyEntry>('azx-policy-entry')!;
    await find(el, ENTERPRISES.shaoxing.uscc);
    await type(el, '/policy_no', 'PICC-330600-2026-000010');
    // 49 insured of 50 employees: every field is valid, only the rule pack objects
    await type(el, '/insured_persons', '49');
    expect(el.shadowRoot!.querySelector('azx-form')!.checkValidity(), 'the fields themselves are valid').to.equal(true);
    outer.requestSubmit();
    outer.querySelector('button')!.click();
    expect(submitted, 'the page never receives the submit').to.equal(0);
    expect(outer.checkValidity()).to.equal(false);
    expect(el.matches(':invalid')).to.equal(true);
    expect(el.validity.customError).to.equal(true);
    expect(el.validationMessage).to.contain('49');
    await type(el, '/insured_persons', '50');
    expect(el.matches(':valid')).to.equal(true);
    outer.requestSubmit();
    expect(submitted).to.equal(1);
    expect(JSON.parse(String(new FormData(outer).get('policy')))['insured_persons']).to.equal(50);
  });

  it('a disabled fieldset disables it', async () => {
    const store = entryStore(await schemas());
    const outer = await fixture<HTMLFormElement>(html`<form><fieldset disabled><azx-policy-entry .store=${store}></azx-policy-entry></fieldset></form>`);
    const el = outer.querySelector<AzxPolicyEntry>('azx-policy-entry')!;
    await el.updateComplete;
    expect(el.disabled).to.equal(true);
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('[part="search"] button')!.disabled).to.equal(true);
  });
});
