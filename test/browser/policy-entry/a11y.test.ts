/**
 * axe-core finds no accessibility violation in <azx-policy-entry>: the search, the chosen
 * enterprise with its rating panel and history, and the refused state with its problems.
 */
import { expectAccessible } from '../setup/axe.js';
import { ENTERPRISES, entryStore, schemas } from './fixture.js';
import { find, mount, submit, type } from './helpers.js';

describe('<azx-policy-entry> accessibility (axe-core)', () => {
  it('the search', async () => {
    const el = await mount(entryStore(await schemas()));
    await expectAccessible(el);
  });

  it('an enterprise chosen, its rating and history, then refused problems', async () => {
    const el = await mount(entryStore(await schemas()));
    await find(el, ENTERPRISES.suzhou.uscc);
    await expectAccessible(el);
    await type(el, '/policy_no', 'PICC-320500-2026-000555');
    await type(el, '/insured_persons', '45');
    await submit(el);
    await expectAccessible(el);
  });
});
