/**
 * StoreElement, the editors' shared base: the store set directly wins over the context's, the
 * element loads once per store and again after a sign-in or sign-out on it, and its words follow
 * the nearest `lang`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import { MemoryStore, provideStore, type Store } from '../../../components/data/index.js';
import { StoreElement } from '../../../components/core/store-element.js';

class ProbeElement extends StoreElement {
  readyCalls: Store[] = [];
  protected override storeReady(store: Store): void {
    this.readyCalls.push(store);
  }
  protected override render() {
    return litHtml`<span class="locale">${this.locale}</span><span class="role">${this.activeStore?.party?.role ?? ''}</span>`;
  }
}
customElements.define('test-store-element', ProbeElement);

const ADMIN = { userId: 'adminuser000000', email: 'admin@azx.test', password: 'pw', name: '管理员', role: 'admin' as const, organizationId: '' };
const memory = (signedIn: boolean): MemoryStore => new MemoryStore({ users: [ADMIN], ...(signedIn ? { signedInAs: ADMIN.email } : {}) });
const text = (el: ProbeElement, cls: string): string => el.shadowRoot!.querySelector(`.${cls}`)!.textContent ?? '';

describe('StoreElement', () => {
  it('reads the context store until one is set directly, and loads once per store', async () => {
    const fromContext = memory(true);
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    provideStore(host, fromContext);
    const el = document.createElement('test-store-element') as ProbeElement;
    host.append(el);
    await el.updateComplete;
    expect(el.readyCalls.length).to.equal(1);
    expect(el.readyCalls[0] === fromContext).to.equal(true);
    expect(text(el, 'role')).to.equal('admin');
    el.requestUpdate();
    await el.updateComplete;
    expect(el.readyCalls.length, 'an update with the same store loads nothing').to.equal(1);
    const own = memory(false);
    el.store = own;
    await el.updateComplete;
    expect(el.readyCalls.length).to.equal(2);
    expect(el.readyCalls[1] === own).to.equal(true);
    expect(text(el, 'role')).to.equal('');
  });

  it('loads again after a sign-in and a sign-out on its store', async () => {
    const store = memory(false);
    const el = await fixture<ProbeElement>(html`<test-store-element .store=${store}></test-store-element>`);
    expect(el.readyCalls.length).to.equal(1);
    await store.signIn(ADMIN.email, ADMIN.password);
    await el.updateComplete;
    expect(el.readyCalls.length).to.equal(2);
    expect(text(el, 'role')).to.equal('admin');
    await store.signOut();
    await el.updateComplete;
    expect(el.readyCalls.length).to.equal(3);
  });

  it('speaks the nearest lang, its own first', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><test-store-element></test-store-element></div>`);
    const el = wrapper.querySelector('test-store-element') as ProbeElement;
    await el.updateComplete;
    expect(text(el, 'locale')).to.equal('en');
    el.lang = 'zh-TW';
    await el.updateComplete;
    expect(text(el, 'locale')).to.equal('zh-TW');
    expect(el.getAttribute('lang')).to.equal('zh-TW');
  });
});
