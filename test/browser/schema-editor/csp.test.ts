// Its own file: the policy applies to the whole page from the moment it is added.
import { expect } from '@open-wc/testing';
import { checkSchemaText } from '../../../components/schema-editor/index.js';
import { createIndustry, editorWith, memoryStore, openTab, root, settle } from './helpers.js';

describe('<azx-schema-editor> under a Content-Security-Policy without unsafe-eval', () => {
  it('checks definitions against the meta-schema without eval, and edits fields', async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.sourceFile}:${e.lineNumber}`));
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "script-src 'self' 'unsafe-inline'";
    document.head.append(meta);

    const bad = checkSchemaText('{"type":"object","properties":{"a":{"type":"strin"}}}');
    expect(bad.ok).to.equal(false);
    expect(checkSchemaText('{"type":"object","properties":{"a":{"type":"string","minLength":1}}}').ok).to.equal(true);

    const el = await editorWith(await memoryStore());
    await createIndustry(el, { key: 'policy-ammonia', industry: '涉氨制冷', zh: '涉氨制冷企业保单' });
    await openTab(el, 'JSON');
    expect(root(el).querySelector('#json-result')!.textContent).to.contain('符合');
    await openTab(el, '差异与发布');
    await settle(el);
    expect(violations).to.deep.equal([]);
  });
});
