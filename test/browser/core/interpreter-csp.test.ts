// The interpreting validator under a Content-Security-Policy without 'unsafe-eval' (issue 7):
// Ajv cannot compile there, the interpreter compiles and validates a built-in definition.
// Its own file: the policy applies to the whole page from the moment it is added.
import { expect } from '@open-wc/testing';
import Ajv2020 from 'ajv/dist/2020.js';
import { compileInterpreted } from '../../../components/core/interpreter/index.js';
import { AZX_FORMATS } from '../../../components/core/formats.js';
import { X_KEYWORDS } from '../../../components/core/vocabulary.js';

const OPTIONS = { formats: AZX_FORMATS, keywords: X_KEYWORDS, multipleOfPrecision: 9 };

describe('interpreting validator under a Content-Security-Policy without unsafe-eval', () => {
  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "script-src 'self' 'unsafe-inline'";
    document.head.append(meta);
  });

  it('the policy is in force: new Function and Ajv are refused', () => {
    expect(() => new Function('return 1')).to.throw(EvalError);
    expect(() => new Ajv2020({ logger: false }).compile({ type: 'string' })).to.throw(EvalError);
  });

  it('compiles the policy definition and finds the errors of a broken record', async () => {
    const def = (await (await fetch('/schemas/definitions/policy.json')).json()) as { schema: object };
    const fx = (await (await fetch('/__azx/fixtures.json')).json()) as { payloads: { policy: Record<string, Record<string, unknown>> } };
    const validate = compileInterpreted(def.schema, OPTIONS);
    const good = fx.payloads.policy['E1']!;
    expect(validate(good), JSON.stringify(validate.errors)).to.equal(true);
    expect(validate({ ...good, premium: -1, insured: { ...(good['insured'] as object), uscc: '91330100MA27XXXX00' } })).to.equal(false);
    const found = validate.errors!.map((e) => `${e.instancePath} ${e.keyword}`);
    expect(found).to.include.members(['/premium exclusiveMinimum', '/insured/uscc format']);
  });

  it('still refuses a bad definition with its reason', () => {
    expect(() => compileInterpreted({ type: 'object', properties: { a: { $ref: '#/$defs/none' } } }, OPTIONS)).to.throw(/can't resolve reference/);
  });
});
