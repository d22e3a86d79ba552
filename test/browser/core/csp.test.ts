import { expect, fixture, html } from '@open-wc/testing';
import { type AzxForm } from '../../../components/core/index.js';

// Its own file: the policy applies to the whole page from the moment it is added.
describe('<azx-form> under a Content-Security-Policy without unsafe-eval', () => {
  it('says in-browser validation is blocked instead of throwing', async () => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "script-src 'self' 'unsafe-inline'";
    document.head.append(meta);
    const schema = { type: 'object', properties: { name: { type: 'string', title: '单位名称' } } };
    const el = await fixture<AzxForm>(html`<azx-form .schema=${schema}></azx-form>`);
    const alert = el.shadowRoot!.querySelector('[role="alert"]');
    expect(alert?.textContent).to.contain('内容安全策略');
    expect(el.checkValidity()).to.equal(false);
  });
});
