/**
 * <azx-policy-entry> against the real AZX backend of this run: insurer A enters a policy for
 * its Zhejiang enterprise under the national pack, the server recomputes and stores it; a
 * refusal by the server comes back to the user and stores nothing.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { PocketBaseStore, StoreError, type BusinessCollection, type CreateOptions, type NewRecord, type RecordData, type StoredRecord } from '../../../components/data/index.js';
import { unique } from '../setup/unique.js';
import { world } from '../setup/world.js';
import { breakdownText, find, form, mount, problems, root, submit, type } from './helpers.js';

async function insurerA() {
  const w = await world();
  const store = new PocketBaseStore({ url: w.url });
  await store.signIn(w.users.insurerA.email, w.users.insurerA.password);
  return { w, store };
}

describe('<azx-policy-entry> on the server', () => {
  it('stores a policy entered under the national pack with the premium the server recomputes', async () => {
    const { w, store } = await insurerA();
    const el = await mount(store);
    await find(el, w.uscc['E1']!);
    expect(root(el).querySelector('[data-pack]')!.getAttribute('data-pack')).to.equal('zj-shaoxing');
    expect(breakdownText(el)).to.contain('= 16000 元');
    const no = `AZX-PE-${unique()}`.toUpperCase().slice(0, 40);
    await type(el, '/policy_no', no);
    let saved: CustomEvent | undefined;
    el.addEventListener('azx-policy-saved', (e) => (saved = e as CustomEvent));
    await submit(el);
    await waitUntil(() => saved, 'the server stored the policy', { timeout: 10000 });
    const read = await store.get('policies', saved!.detail.record.id);
    expect(read.data['premium']).to.equal(16000);
    expect(read.columns['premium']).to.equal(16000);
    expect(read.columns['insurer']).to.equal(w.ids.orgs['insurerA']);
    expect(read.columns['enterprise']).to.equal(w.ids.enterprises.E1);
    expect((read.data['rating'] as { premium_by_rate: number }).premium_by_rate).to.equal(16000);
  });

  it('a refusal by the server is shown and nothing more is stored', async () => {
    const { w, store } = await insurerA();
    const el = await mount(store);
    await find(el, w.uscc['E1']!);
    // the world's own policy number: unique on the server, which the browser cannot know
    await type(el, '/policy_no', w.policyNo.A);
    const before = (await store.list('policies')).totalItems;
    await submit(el);
    await waitUntil(() => Object.keys(problems(el)).length > 0, 'the refusal', { timeout: 10000 });
    expect(root(el).querySelector('[part="problems"]')!.textContent).to.contain('服务器拒绝');
    expect((await store.list('policies')).totalItems).to.equal(before);
  });

  it('a refusal of the rating alone takes the focus to the refused coefficient, once', async () => {
    const w = await world();
    // The server's answer for a renewal whose accident coefficient its claims fix (the browser
    // cannot know the claims): the real store, with that one answer at its edge.
    class RefusingStore extends PocketBaseStore {
      override async create<TData = RecordData>(collection: BusinessCollection, record: NewRecord<TData>, options?: CreateOptions): Promise<StoredRecord<TData>> {
        if (collection !== 'policies') return super.create<TData>(collection, record, options);
        throw new StoreError({
          code: 'validation',
          status: 400,
          message_zh: '记录未通过校验',
          message_en: 'The record failed validation.',
          fieldErrors: {
            'data.rating.coefficients.accident_record': {
              code: 'accident_record_not_experience',
              message: '续保的事故记录系数应为 1.3（按赔案记录：上一年度发生死亡事故），不能自行选择',
              message_zh: '续保的事故记录系数应为 1.3（按赔案记录：上一年度发生死亡事故），不能自行选择',
              message_en: 'The accident record coefficient of a renewal must be 1.3 (by the claims: fatal accident last year); it is not chosen',
            },
          },
        });
      }
    }
    const refusing = new RefusingStore({ url: w.url });
    await refusing.signIn(w.users.insurerA.email, w.users.insurerA.password);
    const el = await mount(refusing);
    await find(el, w.uscc['E1']!);
    await type(el, '/policy_no', `AZX-PE-${unique()}`.toUpperCase().slice(0, 40));
    await submit(el);
    await waitUntil(() => Object.keys(problems(el)).includes('accident_record_not_experience'), 'the refusal', { timeout: 10000 });
    await el.updateComplete;
    const select = root(el).querySelector<HTMLSelectElement>('select[data-coefficient="accident_record"]')!;
    expect(root(el).activeElement?.id ?? '').to.equal(select.id);
    expect(select.closest('.coef')!.querySelector('[part="error"]')!.textContent).to.contain('1.3');
    // a later render (a keystroke in another field) leaves the focus where the user puts it
    const policyNo = form(el).shadowRoot!.querySelector<HTMLInputElement>('[data-pointer="/policy_no"] input')!;
    policyNo.focus();
    await type(el, '/policy_no', `AZX-PE-${unique()}`.toUpperCase().slice(0, 40));
    await el.updateComplete;
    expect(form(el).shadowRoot!.activeElement?.getAttribute('id') ?? '').to.equal(policyNo.id);
  });
});
