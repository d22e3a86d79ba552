// The JSON Logic evaluator is fetched the first time a form's schema has logic (it is not part of
// azx/form, so a form without x-rules, x-compute or x-visible never loads json-logic-js). This file
// imports nothing that loads it up front: the order of the tests is the order a page meets them.
import { expect, fixture, html } from '@open-wc/testing';
import { AzxForm, compileSchema, logicEvaluatorReady, type JsonSchema } from '../../../components/core/index.js';
import { root, type } from '../setup/dom.js';

const plain: JsonSchema = {
  type: 'object',
  required: ['headcount'],
  properties: { headcount: { type: 'integer', title: '从业人员数', minimum: 1 } },
};

const withLogic: JsonSchema = {
  type: 'object',
  properties: {
    headcount: { type: 'integer', title: '从业人员数' },
    rate: { type: 'number', title: '费率' },
    premium: { type: 'number', title: '保费', 'x-compute': { '*': [{ var: 'headcount' }, { var: 'rate' }] } },
  },
  'x-rules': [
    {
      rule: { '<=': [{ var: 'headcount' }, 1000] },
      message: { 'zh-CN': '从业人员数不得超过 1000', en: 'At most 1,000 workers' },
      path: 'headcount',
    },
  ],
};

const input = (el: AzxForm, name: string) => root(el).querySelector<HTMLInputElement>(`[data-pointer="/${name}"] input`);

describe('the JSON Logic evaluator, fetched on first use', () => {
  it('a form without logic renders and validates without it', async () => {
    const el = await fixture<AzxForm>(html`<azx-form .schema=${plain} .value=${{ headcount: 0 }}></azx-form>`);
    expect(input(el, 'headcount'), 'the field is shown').to.exist;
    expect(el.checkValidity()).to.equal(false);
    expect(logicEvaluatorReady(), 'json-logic-js was not fetched').to.equal(false);
  });

  it('validating logic without it says what to load, instead of a wrong verdict', () => {
    const compiled = compileSchema(withLogic);
    expect(compiled.ok).to.equal(true);
    let message = '';
    try {
      if (compiled.ok) compiled.validate({ headcount: 2000, rate: 1 });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).to.contain('loadLogicEvaluator');
  });

  it('a form with logic shows once the evaluator is in, with its computed value and rules working', async () => {
    const el = await fixture<AzxForm>(html`<azx-form .schema=${withLogic} .value=${{ headcount: 10, rate: 300 }}></azx-form>`);
    // updateComplete waited for the fetch: no half-settled form was ever the resolved state
    expect(logicEvaluatorReady()).to.equal(true);
    expect(input(el, 'premium')?.value, 'the computed premium').to.equal('3000');
    type(input(el, 'headcount')!, '2000');
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.contain('从业人员数不得超过 1000');
    expect((el.value as { premium?: number }).premium).to.equal(600000);
  });
});

describe('the operations AZX adds to JSON Logic', () => {
  it('each has the argument count the well-formedness check enforces, and no count is for a missing operation', async () => {
    const { LOGIC_OPERATIONS } = await import('../../../components/core/logic-operations.js');
    const { LOGIC_OPERATION_ARITY } = await import('../../../components/core/logic-arity.js');
    expect(Object.keys(LOGIC_OPERATION_ARITY).sort()).to.deep.equal(Object.keys(LOGIC_OPERATIONS).sort());
  });
});
