/** The JSON view: experts type the definition; it is checked against the 2020-12 meta-schema as they type. */
import { expect } from '@open-wc/testing';
import { checkSchemaText } from '../../../components/schema-editor/index.js';
import { compileSchema } from '../../../components/core/index.js';
import { referenceWarnings } from '../../../components/schema-editor/references.js';
import { byText, createIndustry, editorWith, memoryStore, openTab, root, settle } from './helpers.js';

async function jsonView() {
  const store = await memoryStore();
  const el = await editorWith(store);
  await createIndustry(el, { key: 'policy-confined-space', industry: '有限空间', zh: '有限空间作业企业保单' });
  await openTab(el, 'JSON');
  const area = root(el).querySelector<HTMLTextAreaElement>('#json-text')!;
  const typeText = async (text: string) => {
    area.value = text;
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settle(el);
  };
  const result = () => root(el).querySelector('#json-result')!.textContent!.replace(/\s+/g, ' ');
  const apply = () => byText(root(el), 'button', '应用 JSON');
  return { el, area, typeText, result, apply };
}

const minimal = (extra: Record<string, unknown> = {}, field: Record<string, unknown> = { type: 'string', title: '作业票编号' }) =>
  JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', properties: { permit_no: field }, ...extra });

describe('<azx-schema-editor> JSON view', () => {
  it('says what is wrong while the expert types, and applies only a valid definition', async () => {
    const v = await jsonView();
    expect(v.result()).to.contain('符合 JSON Schema 2020-12 元模式');

    await v.typeText('{"type": "object", "properties": {');
    expect(v.result()).to.contain('不是有效的 JSON');
    expect(v.apply().disabled).to.equal(true);

    await v.typeText(minimal({}, { type: 'strin' }));
    expect(v.result()).to.contain('/properties/permit_no/type');
    expect(v.apply().disabled).to.equal(true);

    await v.typeText(minimal({}, { type: 'number', minimum: '10' }));
    expect(v.result()).to.contain('/properties/permit_no/minimum');

    await v.typeText(minimal({}, { type: 'string', titel: '作业票编号' }));
    expect(v.result()).to.contain('未知的关键字 titel');

    await v.typeText(minimal({}, { type: 'string', 'x-widgit': 'textarea' }));
    expect(v.result()).to.contain('未知的扩展关键字 x-widgit');

    await v.typeText(minimal({ 'x-rules': [{ rule: { '>==': [1, 2] }, message: { 'zh-CN': '甲', en: 'A' } }] }));
    expect(v.result()).to.contain('JSON Logic').and.contain('>==');

    await v.typeText(minimal({ 'x-rules': [{ rule: { '!!': [{ var: 'permit_no' }] }, message: { 'zh-CN': '须填写作业票', en: 'A permit is needed' } }] }));
    expect(v.result()).to.contain('符合');
    v.apply().click();
    await settle(v.el);
    expect(Object.keys(v.el.draft!.schema['properties'] as object)).to.deep.equal(['permit_no']);
    // applying is one undo step
    byText(root(v.el), 'button', '撤销').click();
    await settle(v.el);
    expect(Object.keys(v.el.draft!.schema['properties'] as object)).to.include('policy_no');
  });

  it('in a surrounding <form>, the form is not submitted while the draft has a problem, and submits the draft as JSON', async () => {
    const v = await jsonView();
    const form = document.createElement('form');
    v.el.parentElement!.append(form);
    v.el.setAttribute('name', 'definition');
    form.append(v.el);
    await settle(v.el);
    expect(form.checkValidity(), 'a valid draft').to.equal(true);
    const submitted = JSON.parse(String(new FormData(form).get('definition')));
    expect(submitted.key).to.equal('policy-confined-space');
    expect(Object.keys(submitted.schema.properties)).to.include('policy_no');

    await v.typeText(minimal({}, { type: 'strin' }));
    expect(form.checkValidity(), 'a draft the meta-schema refuses').to.equal(false);
    expect(v.el.validationMessage).to.contain('/properties/permit_no/type');
    let invalid = 0;
    v.el.addEventListener('invalid', () => invalid++);
    form.requestSubmit();
    expect(invalid, 'the browser reports the editor').to.equal(1);

    await v.typeText(minimal());
    expect(form.checkValidity(), 'fixed').to.equal(true);
  });

  it('refuses documents that are not an object schema, and reads the built-in definitions as valid', async () => {
    expect(checkSchemaText('[]').ok).to.equal(false);
    expect(checkSchemaText('{"type":"string"}').ok).to.equal(false);
    for (const file of ['enterprise', 'policy', 'service-report', 'hazard']) {
      const doc = (await (await fetch(`/schemas/definitions/${file}.json`)).json()) as { schema: unknown };
      const r = checkSchemaText(JSON.stringify(doc.schema));
      expect(r.ok, `${file}: ${r.ok ? '' : r.problems.map((p) => p.en).join('; ')}`).to.equal(true);
      expect(referenceWarnings(doc.schema as Record<string, unknown>).map((x) => x.en), file).to.deep.equal([]);
    }
  });

  it('checks the meta-schema as <azx-form> does: each bad keyword value at its place, in both languages', () => {
    const r = checkSchemaText(
      JSON.stringify({ type: 'object', properties: { a: { type: 'string', minLength: '3' }, b: { type: 'string', pattern: '(' }, c: { type: 'strin' } } }),
    );
    expect(r.ok).to.equal(false);
    const at = (pointer: string) => (r.ok ? [] : r.problems.filter((p) => p.pointer === pointer));
    expect(at('/properties/a/minLength').map((p) => p.zh)).to.deep.equal(['/properties/a/minLength：类型应为 integer']);
    expect(at('/properties/a/minLength')[0]!.en).to.equal('/properties/a/minLength: must be integer');
    // a pattern the browser cannot compile would refuse the whole form
    expect(at('/properties/b/pattern')).to.have.length(1);
    expect(at('/properties/c/type').length).to.be.greaterThan(0);
    // the form refuses the same document, so the editor warned of what the form will do
    expect(compileSchema(JSON.parse(JSON.stringify({ type: 'object', properties: { a: { type: 'string', minLength: '3' } } }))).ok).to.equal(false);
  });
});
