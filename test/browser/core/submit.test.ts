/**
 * <azx-form> with a store: it stores a valid record itself (collection + definition), shows the
 * server's field errors by the fields, keeps a submit made offline in the outbox and sends it
 * once when the browser is back online, and keeps what is typed as a local draft.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { type AzxForm } from '../../../components/core/index.js';
import { IndexedDbDraftBox, PocketBaseStore, type FormDefinition, type StoredRecord } from '../../../components/data/index.js';
import { world, type TestWorld } from '../setup/world.js';
import { sleep, unique, until } from '../setup/unique.js';

const simple = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', title: '单位名称', 'x-title-en': 'Name' },
    headcount: { type: 'integer', title: '从业人员数', minimum: 1 },
  },
};

const shadow = (el: AzxForm) => el.shadowRoot!;
const input = (el: AzxForm, pointer: string) =>
  shadow(el).querySelector<HTMLInputElement>(`[data-pointer="${pointer}"] input, [data-pointer="${pointer}"] select`)!;

async function type(el: AzxForm, pointer: string, text: string) {
  const i = input(el, pointer);
  i.value = text;
  i.dispatchEvent(new Event('input', { bubbles: true }));
  i.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** A store whose connection the test can drop: requests fail as fetch does when offline. */
function flakyStore(url: string) {
  const net = { offline: false, loseAnswers: false, sent: 0 };
  const store = new PocketBaseStore({
    url,
    fetch: async (input, init) => {
      if (net.offline) throw new TypeError('Failed to fetch');
      net.sent++;
      const res = await fetch(input, init);
      // The server did the work but the answer never arrived.
      if (net.loseAnswers) throw new TypeError('Failed to fetch');
      return res;
    },
  });
  return { store, net };
}

describe('<azx-form> shows the server’s field errors', () => {
  it('beside the field and in the summary, in the chosen language, until the user changes that field', async () => {
    const el = await fixture<AzxForm>(html`<azx-form .schema=${simple} .value=${{ name: '甲公司', headcount: 5 }}></azx-form>`);
    el.serverErrors = {
      'data.headcount': { code: 'rule_failed', message_zh: '参保人数应等于从业人员数（全员投保）', message_en: 'Insured persons must equal headcount' },
    };
    await el.updateComplete;
    const field = shadow(el).querySelector('[data-pointer="/headcount"]')!;
    expect(field.querySelector('[part="error"]')?.textContent).to.contain('全员投保');
    expect(input(el, '/headcount').getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el).querySelector('[part="summary"]')?.textContent).to.contain('全员投保');
    expect(el.checkValidity()).to.equal(false);
    el.lang = 'en';
    await el.updateComplete;
    expect(field.querySelector('[part="error"]')?.textContent).to.contain('must equal headcount');
    await type(el, '/headcount', '6');
    expect(shadow(el).querySelector('[data-pointer="/headcount"] [part="error"]')).to.equal(null);
    expect(el.checkValidity()).to.equal(true);
  });

  it('shows an error about the record as a whole (not a field) in the summary', async () => {
    const el = await fixture<AzxForm>(html`<azx-form .schema=${simple} .value=${{ name: '甲公司' }}></azx-form>`);
    el.serverErrors = { insurer: { message_zh: '只能为本机构录入保单', message_en: 'You may only enter policies for your own organisation' } };
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="summary"]')?.textContent).to.contain('只能为本机构录入保单');
  });
});

describe('<azx-form> stores its record through the Store', () => {
  let w: TestWorld;
  let definition: FormDefinition;
  before(async () => {
    w = await world();
    const store = new PocketBaseStore({ url: w.url });
    await store.signIn(w.users.insurerA.email, w.users.insurerA.password);
    definition = await store.latestDefinition('policy');
  });

  async function policyForm(store: PocketBaseStore, data: Record<string, unknown>, columns: Record<string, unknown>) {
    // The form shows an absent yes/no as an unticked box, which means no; the insurer ticks the
    // unit's declaration that the premium is its own, which the 2025 measures (Art. 6) require.
    data = { premium_borne_by_unit: true, ...data };
    const el = await fixture<AzxForm>(html`<azx-form
      .store=${store}
      collection="policies"
      definition-key="policy"
      definition-version=${String(definition.version)}
      .columns=${columns}
      .schema=${definition.schema}
      .value=${data}
    ></azx-form>`);
    return el;
  }

  const columnsOfA = () => ({ enterprise: w.ids.enterprises.E1, insurer: w.ids.orgs.insurerA, provider: w.ids.orgs.providerP });

  it('stores a valid record and says so', async () => {
    const store = new PocketBaseStore({ url: w.url });
    await store.signIn(w.users.insurerA.email, w.users.insurerA.password);
    const policyNo = `AZX-F-${unique()}`;
    const el = await policyForm(store, { ...w.payloads.policy.E1, policy_no: policyNo }, columnsOfA());
    const saved = oneEvent(el, 'azx-saved');
    el.requestSubmit();
    const { detail } = (await saved) as CustomEvent<{ record: StoredRecord }>;
    expect(detail.record.columns['policy_no']).to.equal(policyNo);
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="status"]')?.textContent).to.contain('服务器已接受');
  });

  it('shows the server’s refusal when the page forges another insurer, and nothing is stored', async () => {
    const store = new PocketBaseStore({ url: w.url });
    await store.signIn(w.users.insurerA.email, w.users.insurerA.password);
    const policyNo = `AZX-F-${unique()}`;
    const el = await policyForm(store, { ...w.payloads.policy.E1, policy_no: policyNo }, { ...columnsOfA(), insurer: w.ids.orgs.insurerB });
    const refused = oneEvent(el, 'azx-refused');
    el.requestSubmit();
    await refused;
    await el.updateComplete;
    const summary = shadow(el).querySelector('[part="summary"]')?.textContent ?? '';
    expect(summary).to.match(/[\u4e00-\u9fff]/);
    const found = await store.list('policies', { where: [{ field: 'policy_no', op: '=', value: policyNo }] });
    expect(found.totalItems).to.equal(0);
  });

  it('keeps a submit made offline and sends it once when the browser is back online', async () => {
    const { store, net } = flakyStore(w.url);
    await store.signIn(w.users.insurerA.email, w.users.insurerA.password);
    const policyNo = `AZX-F-${unique()}`;
    const el = await policyForm(store, { ...w.payloads.policy.E1, policy_no: policyNo }, columnsOfA());
    net.offline = true;
    const queued = oneEvent(el, 'azx-queued');
    el.requestSubmit();
    await queued;
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="status"]')?.textContent).to.contain('联网后将自动提交');
    net.offline = false;
    const saved = oneEvent(el, 'azx-saved');
    window.dispatchEvent(new Event('online'));
    await saved;
    const found = await store.list('policies', { where: [{ field: 'policy_no', op: '=', value: policyNo }] });
    expect(found.totalItems).to.equal(1);
  });

  it('never stores twice when the answer to a submit was lost and it is retried', async () => {
    const { store, net } = flakyStore(w.url);
    await store.signIn(w.users.insurerA.email, w.users.insurerA.password);
    const policyNo = `AZX-F-${unique()}`;
    const el = await policyForm(store, { ...w.payloads.policy.E1, policy_no: policyNo }, columnsOfA());
    net.loseAnswers = true;
    const queued = oneEvent(el, 'azx-queued');
    el.requestSubmit();
    await queued;
    net.loseAnswers = false;
    const saved = oneEvent(el, 'azx-saved');
    window.dispatchEvent(new Event('online'));
    const { detail } = (await saved) as CustomEvent<{ record: StoredRecord }>;
    expect(detail.record.columns['policy_no']).to.equal(policyNo);
    const found = await store.list('policies', { where: [{ field: 'policy_no', op: '=', value: policyNo }] });
    expect(found.totalItems).to.equal(1);
    // And a second click on submit with the same data is the same create.
    const again = oneEvent(el, 'azx-saved');
    el.requestSubmit();
    await again;
    expect((await store.list('policies', { where: [{ field: 'policy_no', op: '=', value: policyNo }] })).totalItems).to.equal(1);
  });
});

describe('<azx-form> drafts', () => {
  it('keeps what was typed, offers it back when the form opens again, and restores it', async () => {
    const name = `draft-${unique()}`;
    const first = await fixture<AzxForm>(html`<azx-form draft=${name} definition-key="simple" .schema=${simple}></azx-form>`);
    await type(first, '/name', '乙公司');
    const box = new IndexedDbDraftBox();
    await sleep(600); // the draft is saved 400 ms after the last keystroke
    const scope = `anonymous/simple/${name}`;
    expect((await box.load(scope))?.data).to.deep.equal({ name: '乙公司' });
    first.remove();

    const second = await fixture<AzxForm>(html`<azx-form draft=${name} definition-key="simple" .schema=${simple}></azx-form>`);
    await until(() => shadow(second).querySelector('[part="draft"]') !== null, 'the draft offer');
    expect(shadow(second).querySelector('[part="draft"]')?.textContent).to.contain('未提交草稿');
    shadow(second).querySelector<HTMLButtonElement>('[part="draft"] button')!.click();
    await second.updateComplete;
    expect(second.value).to.deep.equal({ name: '乙公司' });
    expect(input(second, '/name').value).to.equal('乙公司');
    expect(shadow(second).querySelector('[part="draft"]')).to.equal(null);
  });

  it('discards a draft when asked, and does not offer it again', async () => {
    const name = `draft-${unique()}`;
    const box = new IndexedDbDraftBox();
    await box.save(`anonymous/simple/${name}`, { definition: 'simple', version: 1, data: { name: '丙公司' } });
    const el = await fixture<AzxForm>(html`<azx-form draft=${name} definition-key="simple" .schema=${simple}></azx-form>`);
    await until(() => shadow(el).querySelector('[part="draft"]') !== null, 'the draft offer');
    shadow(el).querySelectorAll<HTMLButtonElement>('[part="draft"] button')[1]!.click();
    await until(() => shadow(el).querySelector('[part="draft"]') === null, 'the offer to go');
    await sleep(100);
    expect(await box.load(`anonymous/simple/${name}`)).to.equal(null);
  });
});

describe('<azx-form> choices and attachments', () => {
  it('shows a list of choices as checkboxes and keeps the options’ order', async () => {
    const schema = {
      type: 'object',
      properties: {
        services: {
          type: 'array',
          title: '服务类型',
          uniqueItems: true,
          items: { type: 'string', oneOf: [{ const: 'training', title: '安全培训' }, { const: 'inspection', title: '隐患排查' }, { const: 'drill', title: '应急演练' }] },
        },
      },
    };
    const el = await fixture<AzxForm>(html`<azx-form .schema=${schema}></azx-form>`);
    const boxes = shadow(el).querySelectorAll<HTMLInputElement>('[data-pointer="/services"] input[type="checkbox"]');
    expect(boxes.length).to.equal(3);
    expect(shadow(el).querySelector('[data-pointer="/services"] legend')?.textContent).to.contain('服务类型');
    boxes[2]!.click();
    boxes[0]!.click();
    await el.updateComplete;
    expect(el.value).to.deep.equal({ services: ['training', 'drill'] });
    boxes[2]!.click();
    boxes[0]!.click();
    await el.updateComplete;
    expect(el.value).to.deep.equal({});
  });

  it('follows a $ref to a shared list of codes', async () => {
    const schema = {
      type: 'object',
      $defs: { item: { type: 'string', oneOf: [{ const: '01', title: '安全培训' }, { const: '02', title: '隐患排查' }] } },
      properties: { items: { type: 'array', title: '服务项目', uniqueItems: true, items: { $ref: '#/$defs/item' } } },
    };
    const el = await fixture<AzxForm>(html`<azx-form .schema=${schema}></azx-form>`);
    const boxes = shadow(el).querySelectorAll<HTMLInputElement>('[data-pointer="/items"] input[type="checkbox"]');
    expect(boxes.length).to.equal(2);
    boxes[1]!.click();
    await el.updateComplete;
    expect(el.value).to.deep.equal({ items: ['02'] });
  });

  it('attaches photos: a preview, the names in the record, the files with the submit, and removal', async () => {
    const schema = {
      type: 'object',
      required: ['photos'],
      properties: { photos: { type: 'array', title: '现场照片', minItems: 1, items: { type: 'string' }, 'x-widget': 'photo' } },
    };
    const el = await fixture<AzxForm>(html`<azx-form .schema=${schema}></azx-form>`);
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'site.png', { type: 'image/png' });
    const picker = shadow(el).querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(picker.accept).to.equal('image/*');
    const transfer = new DataTransfer();
    transfer.items.add(file);
    picker.files = transfer.files;
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.value).to.deep.equal({ photos: ['site.png'] });
    expect(shadow(el).querySelector<HTMLImageElement>('[part="thumbnail"]')?.src).to.match(/^blob:/);
    const submitted = oneEvent(el, 'azx-submit');
    el.requestSubmit();
    const { detail } = (await submitted) as CustomEvent<{ value: unknown; files: Record<string, File[]> }>;
    expect(detail.files['photos']?.[0]?.name).to.equal('site.png');
    shadow(el).querySelector<HTMLButtonElement>('.attachments button')!.click();
    await el.updateComplete;
    expect(el.value).to.deep.equal({});
    el.requestSubmit();
    await el.updateComplete;
    expect(shadow(el).querySelector('[data-pointer="/photos"] [part="error"]')?.textContent).to.contain('现场照片');
  });
});
