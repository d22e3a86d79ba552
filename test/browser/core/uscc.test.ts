import { expect } from '@open-wc/testing';
import { isCnMobile, isCnRegion, isValidUscc, usccCheckChar, usccProblem } from '../../../components/core/index.js';

// Made by the independent implementation in test/fixtures/uscc.mjs (makeUscc).
const VALID = ['91330100MA2B3C4D5N', '91320500000000001W', '91110000XY1234567D', '91331100L0000000Q3'];

describe('USCC (GB 32100-2015)', () => {
  it('computes the same check character as an independent implementation', () => {
    for (const code of VALID) {
      expect(usccCheckChar(code.slice(0, 17)), code).to.equal(code.charAt(17));
      expect(isValidUscc(code), code).to.equal(true);
    }
  });

  it('names the first problem of a bad code', () => {
    const good = VALID[0]!;
    expect(usccProblem(good)).to.equal(null);
    expect(usccProblem(good.slice(0, 17))).to.equal('length');
    expect(usccProblem(good.slice(0, 17) + 'I'), 'I is not in the alphabet').to.equal('charset');
    expect(usccProblem(good.toLowerCase())).to.equal('charset');
    expect(usccProblem('91A30100' + good.slice(8)), 'region characters must be digits').to.equal('region');
    const wrongCheck = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    expect(usccProblem(wrongCheck)).to.equal('check');
    expect(isValidUscc(wrongCheck)).to.equal(false);
  });
});

describe('region and mobile formats', () => {
  it('accepts GB/T 2260 codes under real provinces only', () => {
    expect(['330100', '320500', '110000', '820000'].every(isCnRegion)).to.equal(true);
    expect(['990100', '33010', '3301000', '33O100'].some(isCnRegion)).to.equal(false);
  });

  it('accepts 11-digit mainland mobile numbers', () => {
    expect(isCnMobile('13800000000')).to.equal(true);
    expect(['12800000000', '1380000000', '+8613800000000', '138 0000 0000'].some(isCnMobile)).to.equal(false);
  });
});
