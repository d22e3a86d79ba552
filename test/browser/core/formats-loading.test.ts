// The formats a form rarely names (hostname, ipv6, url, uri-reference, duration, json-pointer …)
// are fetched the first time a schema names a format the common set lacks (they are not part of
// azx/form). This file imports nothing that loads them up front: the order of the tests is the
// order a page meets them.
import { expect, fixture, html } from '@open-wc/testing';
import { AzxForm, compileSchema, type JsonSchema } from '../../../components/core/index.js';
import { needsFormats } from '../../../components/core/validator.js';
import { formats } from '../../../components/core/precompiled/runtime.js';
import { root, type } from '../setup/dom.js';

const plain: JsonSchema = {
  type: 'object',
  properties: { email: { type: 'string', title: '邮箱', format: 'email' } },
};

const withHost: JsonSchema = {
  type: 'object',
  properties: {
    host: { type: 'string', title: '服务器', format: 'hostname' },
    since: { type: 'string', title: '期限', format: 'duration' },
  },
};

const input = (el: AzxForm, name: string) => root(el).querySelector<HTMLInputElement>(`[data-pointer="/${name}"] input`);

describe('rare formats, fetched on first use', () => {
  it('a form naming only common formats checks them without the rare ones', async () => {
    const el = await fixture<AzxForm>(html`<azx-form .schema=${plain} .value=${{ email: 'not an address' }}></azx-form>`);
    expect(el.checkValidity()).to.equal(false);
    expect(needsFormats(withHost), 'the rare formats were not fetched').to.equal(true);
    expect(typeof formats['hostname']).to.equal('undefined');
  });

  it('validating a rare format without them says what to load, instead of passing the value unchecked', () => {
    const compiled = compileSchema(withHost);
    expect(compiled.ok).to.equal(true);
    let message = '';
    try {
      if (compiled.ok) compiled.validate({ host: 'bad host!' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).to.contain('loadFormats');
  });

  it('a form naming a rare format shows once its check is in, and checks it', async () => {
    const el = await fixture<AzxForm>(html`<azx-form .schema=${withHost} .value=${{ host: 'bad host!', since: 'P1Y' }}></azx-form>`);
    // updateComplete waited for the fetch: the value was never shown unchecked
    expect(needsFormats(withHost)).to.equal(false);
    expect(el.checkValidity()).to.equal(false);
    type(input(el, 'host')!, 'db.example.cn');
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(true);
    type(input(el, 'since')!, '1 year');
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(false);
    // validators generated ahead of time look formats up in the same table
    expect(formats['hostname']!('db.example.cn')).to.equal(true);
    expect(formats['ipv6']!('not:an:address')).to.equal(false);
  });
});
