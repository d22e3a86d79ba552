/**
 * The premium of <azx-policy-entry> is computed live from the pack's base rate and the chosen
 * coefficients, shown with its breakdown, and stored with its rating.
 */
import { expect } from '@open-wc/testing';
import { ENTERPRISES, entryStore, schemas } from './fixture.js';
import { breakdownText, chooseCoefficient, find, mount, root, type } from './helpers.js';

describe('<azx-policy-entry> computes the premium live', () => {
  it('base rate × coefficients × insured persons, the registry’s grade fixed', async () => {
    const el = await mount(entryStore(await schemas()));
    await find(el, ENTERPRISES.suzhou.uscc);
    // hazardous chemicals 400 at 500,000 → 320 at the minimum cover 400,000; level 2 grade 0.9
    expect(breakdownText(el)).to.contain('320 × 1 × 0.9 × 1 × 1 × 1 × 50 人 = 14400 元');
    expect(root(el).querySelector<HTMLSelectElement>('select[data-coefficient="standardization"]')!.disabled).to.equal(true);
    await chooseCoefficient(el, 'safety_credit', '0.9');
    expect(breakdownText(el)).to.contain('= 12960 元');
    await type(el, '/cover_per_person', '500000');
    expect(breakdownText(el)).to.contain('400 × 1 × 0.9 × 0.9 × 1 × 1 × 50 人 = 16200 元');
    expect((el.value as { premium: number }).premium).to.equal(16200);
  });

  it('the headcount band follows the insured persons', async () => {
    const el = await mount(entryStore(await schemas()));
    await find(el, ENTERPRISES.kunshan.uscc);
    // combustible dust 260 → 208 at 400,000; 320 persons: band 0.95
    expect(breakdownText(el)).to.contain('208 × 1 × 1 × 1 × 1 × 0.95 × 320 人 = 63232 元');
    await type(el, '/headcount', '1200');
    await type(el, '/insured_persons', '1200');
    expect(breakdownText(el)).to.contain('× 0.9 × 1200 人');
    expect(root(el).querySelector('output[data-coefficient="headcount_band"]')!.textContent).to.contain('1000 人以上');
  });

  it('only the coefficients the pack lists can be chosen', async () => {
    const el = await mount(entryStore(await schemas()));
    await find(el, ENTERPRISES.shaoxing.uscc);
    const values = [...root(el).querySelectorAll<HTMLOptionElement>('select[data-coefficient="accident_record"] option')].map((o) => o.value);
    expect(values).to.deep.equal(['0.9', '1', '1.15', '1.3']);
  });

  it('in English', async () => {
    const el = await mount(entryStore(await schemas()), 'en');
    await find(el, ENTERPRISES.shaoxing.uscc);
    expect(breakdownText(el)).to.contain('320 × 1 × 1 × 1 × 1 × 1 × 50 persons = 16000 yuan');
    expect(root(el).querySelector('[part="enterprise"]')!.textContent).to.contain('Shaoxing: strengthening liability insurance');
  });
});
