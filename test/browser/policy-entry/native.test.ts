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

  it('a disabled fieldset disables it', async () => {
    const store = entryStore(await schemas());
    const outer = await fixture<HTMLFormElement>(html`<form><fieldset disabled><azx-policy-entry .store=${store}></azx-policy-entry></fieldset></form>`);
    const el = outer.querySelector<AzxPolicyEntry>('azx-policy-entry')!;
    await el.updateComplete;
    expect(el.disabled).to.equal(true);
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('[part="search"] button')!.disabled).to.equal(true);
  });
});
