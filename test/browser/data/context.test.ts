/**
 * An element finds its Store through context, whether a plain page or a Lit host provides it,
 * and follows a swap (e.g. a portal switching from the memory demo to the live server).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { consume, provide } from '@lit/context';
import { MemoryStore, provideStore, storeContext, type Store } from '../../../components/data/index.js';

class StoreReader extends LitElement {
  // Standard decorators with `accessor`, as every AZX element declares its consumed store.
  @consume({ context: storeContext, subscribe: true })
  accessor store: Store | undefined;

  override render() {
    return html`${this.store?.party?.name ?? '未登录'}`;
  }
}
customElements.define('test-store-reader', StoreReader);

class StoreHost extends LitElement {
  @provide({ context: storeContext })
  accessor store: Store | undefined;

  override render() {
    return html`<slot></slot>`;
  }
}
customElements.define('test-store-host', StoreHost);

const alice = { userId: 'u1', email: 'a@x.cn', password: 'pw', name: '张三', role: 'insurer' as const, organizationId: 'o1' };

describe('storeContext', () => {
  it('reaches an element inside a plain container, and follows a swap', async () => {
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const first = new MemoryStore();
    const provider = provideStore(container, first);
    const reader = document.createElement('test-store-reader') as StoreReader;
    container.append(reader);
    expect(reader.store).to.equal(first);
    const second = new MemoryStore({ users: [alice], signedInAs: alice.email });
    provider.setValue(second);
    await reader.updateComplete;
    expect(reader.store).to.equal(second);
    expect(reader.shadowRoot?.textContent).to.equal('张三');
  });

  it('reaches an element slotted into a Lit host that provides it', async () => {
    const store = new MemoryStore();
    const host = await fixture<StoreHost>(html`<test-store-host .store=${store}><test-store-reader></test-store-reader></test-store-host>`);
    const reader = host.querySelector('test-store-reader') as StoreReader;
    expect(reader.store).to.equal(store);
    expect(reader.shadowRoot?.textContent).to.equal('未登录');
  });
});
