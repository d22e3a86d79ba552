/**
 * The prevention-service provider a policy names, against the real AZX backend: insurer A
 * contracts provider P on a new policy and the stored policy names P (so P may record services
 * on it); a renewal keeps last year's provider; leaving it empty means the insurer serves.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { PocketBaseStore } from '../../../components/data/index.js';
import type { AzxPolicyEntry } from '../../../components/policy-entry/index.js';
import { unique } from '../setup/unique.js';
import { world } from '../setup/world.js';
import { find, mount, root, submit, type } from './helpers.js';

async function insurerA() {
  const w = await world();
  const store = new PocketBaseStore({ url: w.url });
  await store.signIn(w.users.insurerA.email, w.users.insurerA.password);
  return { w, store };
}

const providerSelect = (el: AzxPolicyEntry) => root(el).querySelector<HTMLSelectElement>('[part~="provider"] select')!;

async function choose(el: AzxPolicyEntry, id: string): Promise<void> {
  const select = providerSelect(el);
  select.value = id;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

async function saved(el: AzxPolicyEntry): Promise<string> {
  let id = '';
  el.addEventListener('azx-policy-saved', (e) => (id = (e as CustomEvent).detail.record.id), { once: true });
  await submit(el);
  await waitUntil(() => id, 'the server stored the policy', { timeout: 10000 });
  return id;
}

describe('<azx-policy-entry> names the prevention-service provider', () => {
  it('offers the providers by name, and the stored policy names the one chosen', async () => {
    const { w, store } = await insurerA();
    const el = await mount(store);
    await find(el, w.uscc['E1']!);
    await waitUntil(() => providerSelect(el)?.options.length > 1, 'the providers are listed', { timeout: 10000 });
    const select = providerSelect(el);
    expect(select.value, 'a new policy starts with the insurer serving').to.equal('');
    expect(select.options[0]!.textContent).to.contain('保险机构自行服务');
    const names = [...select.options].map((o) => o.textContent?.trim());
    expect(names).to.include(w.organizations['providerP']!.name);
    expect(names, 'only providers are offered').not.to.include(w.organizations['insurerB']!.name);

    await choose(el, w.ids.orgs['providerP']!);
    await type(el, '/policy_no', `AZX-PV-${unique()}`.toUpperCase().slice(0, 40));
    const read = await store.get('policies', await saved(el));
    expect(read.columns['provider']).to.equal(w.ids.orgs['providerP']);
  });

  it('a policy left to the insurer names no provider', async () => {
    const { w, store } = await insurerA();
    const el = await mount(store);
    await find(el, w.uscc['E1']!);
    await type(el, '/policy_no', `AZX-PS-${unique()}`.toUpperCase().slice(0, 40));
    const read = await store.get('policies', await saved(el));
    expect(read.columns['provider'] ?? '').to.equal('');
  });

  it('a renewal keeps the provider of the policy it renews', async () => {
    const { w, store } = await insurerA();
    const el = await mount(store);
    await find(el, w.uscc['E1']!);
    await waitUntil(() => [...root(el).querySelectorAll('[part~="history"] tr')].some((tr) => tr.textContent?.includes(w.policyNo.A)), 'the history', { timeout: 10000 });
    const row = [...root(el).querySelectorAll('[part~="history"] tr')].find((tr) => tr.textContent?.includes(w.policyNo.A))!;
    row.querySelector('button')!.click();
    await el.updateComplete;
    expect(providerSelect(el).value).to.equal(w.ids.orgs['providerP']);
    expect(el.provider).to.equal(w.ids.orgs['providerP']);
  });
});
