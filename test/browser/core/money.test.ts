import { expect } from '@open-wc/testing';
import { compileSchema } from '../../../components/core/index.js';

// Amounts in yuan carry two decimals (multipleOf 0.01). Binary floating point cannot divide most
// of them exactly, and the server (exact decimals) accepts them: the browser must agree.
describe('money amounts (multipleOf 0.01)', () => {
  const money = compileSchema({ type: 'number', minimum: 0, multipleOf: 0.01 });
  if (!money.ok) throw new Error('schema did not compile');

  it('accepts every two-decimal amount', () => {
    const refused: number[] = [];
    for (let cents = 0; cents < 5000; cents++) {
      const amount = Number((cents / 100).toFixed(2));
      if (money.validate(amount).length) refused.push(amount);
    }
    for (const amount of [1.15, 0.29, 3422.72, 687.55, 159483.66]) if (money.validate(amount).length) refused.push(amount);
    expect(refused).to.deep.equal([]);
  });

  it('refuses a third decimal', () => {
    expect(money.validate(1.155)).to.have.length(1);
    expect(money.validate(0.001)).to.have.length(1);
  });
});
