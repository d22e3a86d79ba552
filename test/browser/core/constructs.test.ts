// What a schema can say beyond plain fields, as a user meets it in <azx-form>: unions and their
// names, maps, tuples, lists of groups, fixed values, the record's title, defaults, formats the
// form cannot check, and a refused definition that lists every problem.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { fieldId, type AzxForm, type JsonSchema } from '../../../components/core/index.js';

async function mount(schema: JsonSchema, value: Record<string, unknown> = {}, attrs: { lang?: string; defaults?: 'fill' | 'none' } = {}): Promise<AzxForm> {
  return fixture<AzxForm>(html`<azx-form lang=${attrs.lang ?? 'zh-CN'} defaults=${attrs.defaults ?? 'fill'} .schema=${schema} .value=${value}></azx-form>`);
}
const $ = <T extends Element = HTMLElement>(el: AzxForm, selector: string) => el.shadowRoot!.querySelector<T & Element>(selector);
const byPointer = <T extends HTMLElement = HTMLInputElement>(el: AzxForm, pointer: string) => el.shadowRoot!.getElementById(fieldId(pointer)) as T | null;
const options = (select: HTMLSelectElement) => [...select.options].map((o) => o.text.trim());

async function pick(el: AzxForm, select: HTMLSelectElement, index: number): Promise<void> {
  select.selectedIndex = index;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

describe('<azx-form>: unions, maps, tuples, lists and other constructs', () => {
  it('a union names its branches by title, constant, type or fields, and guesses the branch from the value', async () => {
    const el = await mount(
      {
        type: 'object',
        properties: {
          amount: { title: '金额', type: ['string', 'number'] },
          mode: { title: '方式', anyOf: [{ type: 'string', title: '文字说明' }, { type: 'integer' }] },
          contact: { title: '联系', oneOf: [{ type: 'object', properties: { phone: { type: 'string' } } }, { type: 'string' }] },
        },
      },
      { amount: 1200, mode: 3, contact: { phone: '13800138000' } },
    );
    const amountChoice = $<HTMLSelectElement>(el, `#${fieldId('/amount')}-choice`)!;
    expect(options(amountChoice)).to.deep.equal(['文本', '数字']);
    // the number is shown in a number box, not an empty text box
    expect(amountChoice.selectedIndex).to.equal(1);
    expect(byPointer(el, '/amount')!.type).to.equal('number');
    expect(byPointer(el, '/amount')!.value).to.equal('1200');
    expect(options($<HTMLSelectElement>(el, `#${fieldId('/mode')}-choice`)!)).to.deep.equal(['文字说明', '整数']);
    expect(options($<HTMLSelectElement>(el, `#${fieldId('/contact')}-choice`)!)).to.deep.equal(['字段组: phone', '文本']);
    expect(byPointer(el, '/contact/phone')!.value).to.equal('13800138000');
    // another branch starts empty, and keeps being the one shown while nothing is typed
    await pick(el, amountChoice, 0);
    expect(el.value['amount']).to.equal(undefined);
    expect(byPointer(el, '/amount')!.type).to.equal('text');
    byPointer(el, '/amount')!.focus();
    await sendKeys({ type: '一千二' });
    await el.updateComplete;
    expect(el.value['amount']).to.equal('一千二');
  });

  it('a node without a type, or `true`, takes any value, and `false` shows nothing', async () => {
    const el = await mount({ type: 'object', properties: { any: true, note: { title: '备注' }, never: false } } as unknown as JsonSchema, { any: [1, 'a'], note: false });
    expect(options($<HTMLSelectElement>(el, `#${fieldId('/any')}-choice`)!)).to.deep.equal(['文本', '数字', '是/否', '字段组', '列表', '空值']);
    expect($<HTMLSelectElement>(el, `#${fieldId('/any')}-choice`)!.value).to.equal('4');
    expect(byPointer(el, '/any/1')!.value).to.equal('a');
    expect(byPointer(el, '/note')!.checked).to.equal(false);
    expect(byPointer(el, '/note')!.type).to.equal('checkbox');
    expect(byPointer(el, '/never')).to.equal(null);
    expect($(el, '[part~="unsupported"]')).to.equal(null);
  });

  it('a constant or null is a box that puts the value in or leaves it out', async () => {
    const el = await mount({ type: 'object', required: ['accept'], properties: { accept: { title: '同意', const: true }, gap: { title: '分隔', type: 'null' } } }, {}, { defaults: 'none' });
    expect(el.checkValidity()).to.equal(false);
    byPointer(el, '/accept')!.click();
    byPointer(el, '/gap')!.click();
    await el.updateComplete;
    expect(el.value).to.deep.equal({ accept: true, gap: null });
    expect(el.checkValidity()).to.equal(true);
  });

  it('an enum of objects is labelled by its members, or by x-enum-titles', async () => {
    const city = (name: string, lat: number) => ({ name, lat });
    const el = await mount(
      { type: 'object', properties: { a: { title: 'A', enum: [city('杭州', 30), city('宁波', 29)] }, b: { title: 'B', enum: [city('杭州', 30)], 'x-enum-titles': ['杭州市'], 'x-enum-titles-en': ['Hangzhou'] } } },
      { a: city('宁波', 29) },
    );
    const a = byPointer<HTMLSelectElement>(el, '/a')!;
    expect(options(a).slice(1)).to.deep.equal(['name: 杭州, lat: 30', 'name: 宁波, lat: 29']);
    expect(a.selectedIndex, 'an equal object is the chosen option').to.equal(2);
    expect(options(byPointer<HTMLSelectElement>(el, '/b')!).slice(1)).to.deep.equal(['杭州市']);
    el.lang = 'en';
    await el.updateComplete;
    expect(options(byPointer<HTMLSelectElement>(el, '/b')!).slice(1)).to.deep.equal(['Hangzhou']);
  });

  it('a map adds, renames and removes keys; its names obey propertyNames and its values patternProperties', async () => {
    const el = await mount({
      type: 'object',
      properties: {
        premium: { type: 'object', title: '各市保费', propertyNames: { pattern: '^[0-9]{6}$' }, patternProperties: { '^33': { type: 'number', title: '浙江' } }, additionalProperties: { type: 'string' } },
      },
    });
    const fresh = $<HTMLInputElement>(el, `#${fieldId('/premium')}-new-key`)!;
    fresh.focus();
    await sendKeys({ type: '330100' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    // a key under patternProperties "^33" takes a number
    expect(el.value).to.deep.equal({ premium: { '330100': 0 } });
    expect(byPointer(el, '/premium/330100')!.type).to.equal('number');
    fresh.value = 'hangzhou';
    fresh.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(Object.keys(el.value['premium'] as object)).to.deep.equal(['330100', 'hangzhou']);
    (el.shadowRoot!.activeElement as HTMLElement | null)?.blur();
    expect(el.reportValidity()).to.equal(false);
    await el.updateComplete;
    const entries = el.shadowRoot!.querySelectorAll('[part~="entry"]');
    expect(entries[1]!.textContent).to.contain('名称“hangzhou”不符合要求');
    // renaming keeps the place and the value
    const key = $<HTMLInputElement>(el, `#${fieldId('/premium')}-key-1`)!;
    key.value = '330200';
    key.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.value['premium']).to.deep.equal({ '330100': 0, '330200': '' });
    (entries[0]!.querySelector('[part~="remove"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.value['premium']).to.deep.equal({ '330200': '' });
  });

  it('a tuple shows each position by its title, adds the next and removes only the last', async () => {
    const el = await mount({
      type: 'object',
      properties: { at: { type: 'array', title: '坐标', prefixItems: [{ type: 'number', title: '经度' }, { type: 'number', title: '纬度' }], items: false } },
    } as unknown as JsonSchema, { at: [120.1] });
    expect([...el.shadowRoot!.querySelectorAll('tbody th')].map((t) => t.textContent)).to.deep.equal(['经度']);
    ($<HTMLButtonElement>(el, `#${fieldId('/at')}-add`)!).click();
    await el.updateComplete;
    expect(el.value['at']).to.deep.equal([120.1, 0]);
    expect([...el.shadowRoot!.querySelectorAll('tbody th')].map((t) => t.textContent)).to.deep.equal(['经度', '纬度']);
    expect($<HTMLButtonElement>(el, `#${fieldId('/at')}-add`)!.disabled, 'no third position').to.equal(true);
  });

  it('arrays of groups and lists are a list of items, not tables in tables; a field shown by an error opens its item', async () => {
    const el = await mount({
      type: 'object',
      properties: {
        jobs: { type: 'array', title: '作业', items: { type: 'object', required: ['name'], properties: { name: { type: 'string', title: '名称' }, steps: { type: 'array', items: { type: 'string' } } } } },
      },
    }, { jobs: [{ name: '动火', steps: ['审批', '监护'] }, { steps: [] }] });
    expect(el.shadowRoot!.querySelectorAll('table table').length).to.equal(0);
    const items = el.shadowRoot!.querySelectorAll('details[part~="item"]');
    expect(items.length).to.equal(2);
    expect(items[0]!.querySelector('summary')!.textContent).to.contain('动火');
    expect((items[1] as HTMLDetailsElement).open).to.equal(false);
    el.requestSubmit();
    await el.updateComplete;
    await el.updateComplete;
    expect((items[1] as HTMLDetailsElement).open, 'the invalid item is opened').to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal(byPointer(el, '/jobs/1/name'));
  });

  it('dependentSchemas in rows: each row draws the fields its value brings', async () => {
    const el = await mount({
      type: 'object',
      properties: {
        // a text, not a yes/no: an unticked box is a present false, which would bring the count too
        rows: { type: 'array', items: { type: 'object', properties: { found: { type: 'string', title: '发现部位' } }, dependentSchemas: { found: { properties: { count: { type: 'integer', title: '数量' } } } } } },
      },
    }, { rows: [{ found: '配电房', count: 2 }, {}] });
    expect(byPointer(el, '/rows/0/count')!.value).to.equal('2');
    // compared as a flag: chai's message for a failing element would inspect the whole DOM graph
    expect(byPointer(el, '/rows/1/count') === null, 'the second row brings no count').to.equal(true);
  });

  it("the record's title and description head the form, but not a printed record", async () => {
    const schema: JsonSchema = { type: 'object', title: '投保单', 'x-title-en': 'Application', description: '请如实填写', properties: { a: { type: 'string' } } };
    const el = await mount(schema);
    expect($(el, '[part~="title"]')!.textContent).to.equal('投保单');
    expect($(el, '[part~="description"]')!.textContent).to.equal('请如实填写');
    el.mode = 'print';
    await el.updateComplete;
    expect(getComputedStyle($(el, '[part~="title"]')!).display).to.equal('none');
  });

  it('English messages are joined the English way', async () => {
    const el = await mount({ type: 'object', properties: { code: { type: 'string', title: 'Code', minLength: 3, pattern: '^[0-9]+$' } } }, { code: 'x' }, { lang: 'en' });
    el.reportValidity();
    await el.updateComplete;
    expect($(el, '[part~="error"]')!.textContent).to.equal('Code must be at least 3 characters; Code is not in the expected format');
  });

  describe('defaults', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        name: { type: 'string', default: '匿名' },
        tags: { type: 'array', items: { type: 'string' }, default: ['a', 'b', 'c'], minItems: 5 },
        size: { type: 'integer', default: 500, maximum: 100 },
      },
    };

    it('fill (the default) fills what adds no error, and never turns a valid record invalid', async () => {
      const el = await mount(schema);
      expect(el.value).to.deep.equal({ name: '匿名' });
      expect(el.checkValidity()).to.equal(true);
    });

    it('none takes the value as it is', async () => {
      const el = await mount(schema, {}, { defaults: 'none' });
      expect(el.value).to.deep.equal({});
      expect(el.getAttribute('defaults')).to.equal('none');
    });
  });

  describe('formats the form cannot check', () => {
    const schema = (assert: boolean): JsonSchema => ({
      type: 'object',
      ...(assert ? { 'x-assert-formats': true } : {}),
      properties: { scan: { type: 'string', format: 'data-url' }, colour: { type: 'string', format: 'color' }, day: { type: 'string', format: 'date' } },
    });

    it('are annotations, with one console warning', async () => {
      const warnings: string[] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
      try {
        const s = schema(false);
        const el = await mount(s, { scan: 'anything', colour: 'red' });
        expect(el.checkValidity()).to.equal(true);
        await mount(s, { day: 'not a date' }).then((again) => expect(again.checkValidity(), 'known formats are still checked').to.equal(false));
      } finally {
        console.warn = original;
      }
      const mine = warnings.filter((w) => w.includes('azx-form'));
      expect(mine).to.have.length(1);
      expect(mine[0]).to.contain('"data-url" at #/properties/scan').and.contain('"color" at #/properties/colour');
    });

    it('refuse the definition when it asks every format to be asserted (x-assert-formats)', async () => {
      const el = await mount(schema(true));
      const problems = [...el.shadowRoot!.querySelectorAll('[part~="schema-error"] li')].map((li) => li.textContent);
      expect(problems).to.have.length(2);
      expect(problems[0]).to.contain('#/properties/scan').and.contain('data-url');
      expect(problems[1]).to.contain('#/properties/colour').and.contain('color');
    });
  });

  it('a refused definition lists every problem, each with its place', async () => {
    const el = await mount({
      type: 'object',
      properties: { a: { type: 'string', minLenght: 3 }, b: { $ref: '#/$defs/missing' }, c: { if: { type: 'string' } }, d: { type: 'array', items: { type: 'string' }, additionalItems: false } },
    });
    expect($(el, '[part~="schema-error"]')!.textContent).to.contain('表单定义有 4 处问题');
    const problems = [...el.shadowRoot!.querySelectorAll('[part~="schema-error"] li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(problems).to.deep.equal([
      '#/properties/a strict mode: unknown keyword: "minLenght"',
      '#/properties/c strict mode: "if" without "then" and "else" is ignored',
      '#/properties/d strict mode: unknown keyword: "additionalItems"',
      "#/properties/b can't resolve reference #/$defs/missing from id #",
    ]);
  });

  it('draft-07 and 2019-09 schemas are read by their own drafts', async () => {
    const d7 = await mount({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      definitions: { code: { type: 'string', pattern: '^[A-Z]+$' } },
      properties: { codes: { type: 'array', items: [{ $ref: '#/definitions/code' }], additionalItems: false }, card: { type: 'number' }, billing: { type: 'string' } },
      dependencies: { card: ['billing'] },
    }, { codes: ['AB'], card: 1 });
    expect(d7.checkValidity(), 'card needs billing').to.equal(false);
    d7.value = { codes: ['AB', 'CD'] };
    await d7.updateComplete;
    expect(d7.checkValidity(), 'one position only').to.equal(false);
    d7.value = { codes: ['AB'], card: 1, billing: '某地' };
    await d7.updateComplete;
    expect(d7.checkValidity()).to.equal(true);
    const d19 = await mount({
      $schema: 'https://json-schema.org/draft/2019-09/schema',
      $recursiveAnchor: true,
      type: 'object',
      properties: { name: { type: 'string' }, children: { type: 'array', items: { $recursiveRef: '#' } } },
      unevaluatedProperties: false,
    }, { name: 'a', children: [{ name: 'b', children: [] }] });
    expect(d19.checkValidity()).to.equal(true);
    expect(byPointer(d19, '/children/0/name')!.value).to.equal('b');
    d19.value = { name: 'a', children: [{ name: 'b', extra: 1 }] };
    await d19.updateComplete;
    expect(d19.checkValidity(), 'unevaluatedProperties reaches through $recursiveRef').to.equal(false);
  });
});
