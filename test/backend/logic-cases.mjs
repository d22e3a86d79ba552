// The operator corpus of the Go evaluator: rules and data written for this project, expected
// values computed by json-logic-js (the library the browser runs) with the operations AZX adds
// to it (components/core/logic-operations.ts, loaded here as the browser loads it), never
// typed by hand.
//   node test/backend/logic-cases.mjs   rewrites schemas/fixtures/jsonlogic-js-cases.json
// test/backend/logic.test.mjs fails when the file and this list disagree;
// backend/internal/logic/logic_test.go runs the file against the Go evaluator.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from '../../scripts/paths.mjs';

const require = createRequire(import.meta.url);
const jsonLogic = require('json-logic-js');
// the browser's own module, compiled from TypeScript (it imports nothing)
const { transformSync } = require('esbuild');
const opsSource = readFileSync(join(root, 'components', 'core', 'logic-operations.ts'), 'utf8');
const { code: opsCode } = transformSync(opsSource, { loader: 'ts', format: 'esm' });
const { installOperations } = await import(`data:text/javascript;base64,${Buffer.from(opsCode).toString('base64')}`);
installOperations(jsonLogic);
export const CASES_FILE = join(root, 'schemas', 'fixtures', 'jsonlogic-js-cases.json');

/** The file's text: one case per line, `# section` strings between. */
export function buildCases() {
  const C = [];
  const t = (rule, data = null) => C.push([rule, data]);
  const s = (title) => C.push(`# ${title}`);
  s('pass-through');
  for (const v of [true, false, 17, 3.14, 'apple', null, ['a', 'b'], {}]) t(v);
  s('==');
  for (const [a, b] of [[1,1],[1,'1'],[1,2],[0,false],[1,true],['',0],['0',false],[null,0],[null,null],[null,false],[[],''],[[1],1],[[1,2],'1,2'],['abc','abc'],['1e3',1000],[' 12 ',12],['0x10',16],['Infinity','-Infinity'],['-Infinity',-1e308],[{},'[object Object]'],[true,'1'],[false,'']])
    { t({ '==': [a, b] }); t({ '!=': [a, b] }); t({ '===': [a, b] }); t({ '!==': [a, b] }); }
  t({ '==': [{ var: 'a' }, { var: 'a' }] }, { a: [] }); t({ '===': [{ var: 'a' }, { var: 'a' }] }, { a: [] }); t({ '===': [{ var: 'a' }, { var: 'a' }] }, { a: {} });
  t({ '==': [[], []] }); t({ '===': [{ merge: [] }, { merge: [] }] }); t({ '==': [{ var: 'a' }, { var: 'b' }] }, { a: [1], b: [1] }); t({ '!==': [{ var: 'a' }, { var: 'a.0' }] }, { a: [[]] });
  s('truthiness');
  for (const v of [0, 1, -1, '', 'a', '0', [], [0], {}, null, true, false]) { t({ '!!': [v] }); t({ '!': [v] }); }
  t({ '!': false }); t({ '!!': ['0'] });
  s('comparison');
  for (const [a, b] of [[2,1],[1,2],[1,1],['2','10'],[2,'10'],['a','b'],['b','a'],[null,0],[null,-1],['abc',1],[true,0],[[2],1],['',0]])
    { t({ '>': [a, b] }); t({ '>=': [a, b] }); t({ '<': [a, b] }); t({ '<=': [a, b] }); }
  t({ '<': [1, 2, 3] }); t({ '<': [1, 1, 3] }); t({ '<': [1, 4, 3] }); t({ '<=': [1, 2, 3] }); t({ '<=': [1, 1, 3] }); t({ '<=': [1, 4, 3] });
  t({ '<': [{ var: 'x' }, 5, 10] }, { x: 7 }); t({ '<=': [0, { var: 'x' }, 10] }, { x: 11 });
  s('and / or / if');
  t({ and: [true, true] }); t({ and: [true, false] }); t({ and: [1, 3, 'a'] }); t({ and: [1, 0, 'a'] }); t({ and: [] }); t({ and: [[], true] });
  t({ or: [false, true] }); t({ or: [0, '', 'x'] }); t({ or: [0, ''] }); t({ or: [] }); t({ or: [[], 0] });
  t({ if: [true, 'yes', 'no'] }); t({ if: [[], 'yes', 'no'] }); t({ if: [false, 1, false, 2, 3] }); t({ if: [false, 1, false, 2] }); t({ if: [] }); t({ if: ['only'] });
  t({ '?:': [true, 1, 2] }); t({ if: [{ '<': [{ var: 'temp' }, 0] }, 'freezing', { '<': [{ var: 'temp' }, 100] }, 'liquid', 'gas'] }, { temp: 55 });
  s('arithmetic');
  for (const args of [[1,1],['1','1'],[1,'a'],[],[2.5,'3.5x'],['  4'],[true,1],[null,1],[[1],[2]],[0.1,0.2]]) t({ '+': args });
  for (const args of [[2,3],['2','3'],[1],['2'],[2,'x'],[1.5,2,2]]) t({ '*': args });
  for (const args of [[4,2],[2],['2'],['a'],[null,1],[0.3,0.1]]) t({ '-': args });
  for (const args of [[4,2],[1,0],[-1,0],[0,0],['9','3'],[1,3]]) t({ '/': args });
  for (const args of [[101,2],[-7,3],[7,-3],[5.5,2],[1,0]]) t({ '%': args });
  for (const args of [[1,2,3],[],['5',4],[1,'a'],[null,-1],[[7]]]) { t({ max: args }); t({ min: args }); }
  t({ '*': [{ var: 'rate' }, { var: 'headcount' }, { var: 'coef' }] }, { rate: 120.5, headcount: 37, coef: 0.9 });
  s('var / missing');
  t({ var: 'a' }, { a: 1 }); t({ var: ['a'] }, { a: 1 }); t({ var: ['b', 26] }, { a: 1 }); t({ var: 'a.b.c' }, { a: { b: { c: 'deep' } } });
  t({ var: 'a.b' }, { a: null }); t({ var: ['a.b', 'dflt'] }, { a: null }); t({ var: ['a', 'dflt'] }, { a: null }); t({ var: 1 }, ['apple', 'banana']);
  t({ var: '1' }, ['apple', 'banana']); t({ var: 'x.1' }, { x: ['a', 'b'] }); t({ var: '' }, { a: 1 }); t({ var: [] }, 'whole'); t({ var: null }, 5);
  t({ var: 'length' }, [1, 2]); t({ var: 's.0' }, { s: 'abc' }); t({ var: 'a.b' }, { a: 3 }); t({ var: ['a', { var: 'b' }] }, { b: 'fallback' });
  t({ var: { cat: ['a', '.', 'b'] } }, { a: { b: 42 } }); t({ var: '' }, null);
  t({ missing: ['a', 'b'] }, { a: 1 }); t({ missing: ['a', 'b'] }, { a: '', b: 0 }); t({ missing: 'a' }, {}); t({ missing: ['a.b', 'c'] }, { a: { b: null }, c: false });
  t({ missing: { merge: ['x', ['y']] } }, { y: 1 }); t({ missing: [] }, {});
  t({ missing_some: [1, ['a', 'b', 'c']] }, { a: 1 }); t({ missing_some: [2, ['a', 'b', 'c']] }, { a: 1 }); t({ missing_some: [0, ['a']] }, {});
  t({ if: [{ merge: [{ missing: ['first', 'last'] }, { missing_some: [1, ['phone', 'email']] }] }, 'missing', 'ok'] }, { first: 'a', last: 'b', email: 'c' });
  s('arrays');
  t({ map: [{ var: 'xs' }, { '*': [{ var: '' }, 2] }] }, { xs: [1, 2, 3] }); t({ map: [{ var: 'none' }, 1] }, {}); t({ map: ['abc', { var: '' }] });
  t({ filter: [{ var: 'xs' }, { '%': [{ var: '' }, 2] }] }, { xs: [1, 2, 3, 4, 5] }); t({ filter: [{ var: 'xs' }, true] }, { xs: 3 }); t({ filter: [[0, 1, '', 'a', [], [0]], { var: '' }] });
  t({ reduce: [{ var: 'xs' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, 0] }, { xs: [1, 2, 3, 4] });
  t({ reduce: [{ var: 'xs' }, { '*': [{ var: 'current' }, { var: 'accumulator' }] }, 1] }, { xs: [1, 2, 3, 4] });
  t({ reduce: [{ var: 'xs' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }] }, { xs: [1, 2] });
  t({ reduce: [{ var: 'nope' }, 1, 'init'] }, {}); t({ reduce: [[], 1] });
  t({ all: [[1, 2, 3], { '>': [{ var: '' }, 0] }] }); t({ all: [[1, 0, 3], { var: '' }] }); t({ all: [[], true] }); t({ all: ['abc', { '==': [{ var: '' }, 'b'] }] }); t({ all: [5, true] }); t({ all: [null, true] }); t({ some: ['abc', true] }); t({ none: ['abc', true] }); t({ some: [null, true] });
  t({ some: [[-1, 0, 1], { '>': [{ var: '' }, 0] }] }); t({ some: [[], true] }); t({ some: [{ var: 'p' }, { '==': [{ var: 'q' }, 2] }] }, { p: [{ q: 1 }, { q: 2 }] });
  t({ none: [[-3, -2], { '>': [{ var: '' }, 0] }] }); t({ none: [[], true] }); t({ none: [null, true] });
  t({ merge: [] }); t({ merge: [[1, 2], [3]] }); t({ merge: [1, 2] }); t({ merge: [[1], [[2]], null] });
  t({ in: ['Spring', 'Springfield'] }); t({ in: ['i', 'team'] }); t({ in: ['b', ['a', 'b']] }); t({ in: [1, ['1']] }); t({ in: ['x', null] }); t({ in: ['x', []] }); t({ in: [1, 123] }); t({ in: [null, 'a null'] }); t({ in: [1, '21'] }); t({ in: [[], ''] });
  s('strings');
  t({ cat: ['I love', ' pie'] }); t({ cat: ['I love ', { var: 'filling' }, ' pie'] }, { filling: 'apple' }); t({ cat: [1, null, true, [1, [2, null]], {}] }); t({ cat: [] }); t({ cat: 0.1 + 0.2 }); t({ cat: [1e21, 1e-7, 123456789012, -0, 2.5e-6] });
  t({ substr: ['jsonlogic', 4] }); t({ substr: ['jsonlogic', -5] }); t({ substr: ['jsonlogic', 1, 3] }); t({ substr: ['jsonlogic', 4, -2] }); t({ substr: ['jsonlogic', 20] });
  t({ substr: ['jsonlogic', -20, 2] }); t({ substr: ['安全生产责任保险', 2, 2] }); t({ substr: [12345, '1', '2'] }); t({ substr: ['abc', 1, null] }); t({ substr: ['abcdef', 2, -10] }); t({ substr: ['abc', 'x'] });
  s('AZX extensions: round, round_product (exact decimals)');
  for (const args of [[2.675, 2], [1.005, 2], [-1.005, 2], [1.234, 2, 'ceiling'], [-1.234, 2, 'ceiling'], [1.234, 2, 'floor'], [-1.234, 2, 'floor'],
    [12191.825, 2], [1.5], [-2.5], [0.5], [0.49999999999999994], ['3.456', 1], [' 7.25 ', 1], [null, 2], ['', 2], [true], [[1]], [1, 2.5], [1, -1], [1, 21], [1, 20],
    [1, 2, 'nope'], [1, 2, 5], [1e-7, 2], [1e-7, 7, 'ceiling'], [123456789.125, 2], [1e21, 2], [-0, 2], [-0.001, 2], [-0.001, 2, 'floor'], [0.1 + 0.2, 2], [1.0000000000000002, 15], [5e-324, 2, 'ceiling']])
    t({ round: args });
  for (const args of [[[256.67, 0.95, 50], 2], [[400, 500000], 2, 'half_up', [500000]], [[400, 400000], 2, null, [500000]], [[250, 450000], 2, null, 500000],
    [[1, 3], 2, null, [0]], [[3600.5, 0.2], 2, 'ceiling'], [[17999.99, 0.21], 2, 'floor'], [[-17999.99, 0.21], 2, 'floor'], [[], 2], [5, 2], [[1, null], 2],
    [[0.1, 0.2], 3], [[1, 3], 4, 'half_up', [3]], [[2], 2, 'half_up', [3]], [[2], 2, 'ceiling', [3]], [[-2], 2, 'ceiling', [3]], [[1e200, 1e200], 2], [['12.5', 2], 0]])
    t({ round_product: args });
  t({ round_product: [[{ var: 'a' }, { var: 'b' }, { var: 'n' }], 2] }, { a: 320.01, b: 0.95, n: 37 });
  t({ round: [{ '*': [{ var: 'p' }, 0.21] }, 2, 'floor'] }, { p: 17999.99 });
  s('AZX extensions: date_add, days_between');
  for (const args of [['2025-03-28', 1], ['2024-02-28', 1], ['2023-02-28', 1], ['2025-12-31', 1], ['2025-01-01', -1], ['2025-02-30', 1], ['2025-1-1', 1],
    [20250101, 1], ['2025-01-01', 1.5], ['2025-01-01', '2'], ['9999-12-31', 1], ['0001-01-01', -1], ['0001-01-01', 0], ['0000-01-01', 1], ['2025-01-01', null], ['2025-01-01', 366], ['2025-01-01 08:00', 1]])
    t({ date_add: args });
  for (const args of [['2026-01-01', '2026-12-31'], ['2024-01-01', '2024-12-31'], ['2026-01-01', '2025-12-31'], ['x', '2025-01-01'], ['2025-03-29', '2025-03-29'], ['2025-02-29', '2025-03-01'], [null, null]])
    t({ days_between: args });
  t({ days_between: [{ var: 'period.start' }, { date_add: [{ var: 'period.end' }, 1] }] }, { period: { start: '2026-01-01', end: '2026-12-31' } });
  s('AZX extensions: get, find, difference, join, tier, pick');
  const o = { o: { a: { b: 1, n: null }, xs: [10, 20], s: 'abc' } };
  for (const args of [['a.b'], ['a.c', 'd'], ['xs.1'], ['xs.length'], ['s.0'], [''], ['toString'], ['a.n', 'd'], ['a.n.x', 'd'], ['xs.01'], [null]])
    t({ get: [{ var: 'o' }, ...args] }, o);
  t({ get: [5, 'toString'] }); t({ get: ['abc', 'length'] }); t({ get: [[1, [2, 3]], '1.0'] });
  const opts = { opts: [{ code: 'a', value: 1 }, { code: 'b', value: 2 }, { code: 'b', value: 3 }, null] };
  t({ find: [{ var: 'opts' }, 'code', 'b'] }, opts); t({ find: [{ var: 'opts' }, 'code', 'z'] }, opts); t({ find: [{ var: 'opts' }, 'value', '2'] }, opts);
  t({ find: ['abc', 'length', 3] }); t({ find: [{ var: 'opts' }, 'code', null] }, opts); t({ find: [{ var: 'opts' }, 'nope', null] }, opts);
  t({ difference: [['a', 'b', 'c'], ['b']] }); t({ difference: [[1, '1', null], ['1', null]] }); t({ difference: ['abc', ['a']] }); t({ difference: [['a'], 'a'] });
  t({ difference: [{ var: 'opts' }, ['a'], 'code'] }, opts); t({ difference: [{ var: 'opts' }, ['a'], null] }, opts);
  t({ join: [['a', 'b'], '、'] }); t({ join: [[1, null, [2, 3], [null]]] }); t({ join: ['abc'] }); t({ join: [[], '-'] }); t({ join: [[true, 1.5], 1] }); t({ join: [[{}, 1e21, -0], null] });
  const bands = { bands: [{ max: 300, v: 1 }, { max: 1000, v: 0.95 }, { max: null, v: 0.9 }] };
  for (const x of [0, 300, 300.5, 301, 1000, 5000, 'abc', '450', null, [301]]) t({ tier: [x, { var: 'bands' }, 'max'] }, bands);
  t({ tier: [5, 'x', 'max'] }); t({ tier: [5000, { var: 'b' }, 'max'] }, { b: [{ max: 10 }, { max: 100 }] }); t({ tier: [5, { var: 'b' }, 'max'] }, { b: [{ max: '10' }] }); t({ tier: [5, [1, 2], 'max'] });
  t({ pick: [{ var: 'c' }, ['a', 'b', 'z', 'd.e']] }, { c: { a: 1, b: 2, d: { e: [3] } } }); t({ pick: [{ var: 'c' }, 'a'] }, { c: { a: 1 } }); t({ pick: [null, ['a']] });
  t({ map: [{ var: 'fs' }, { var: 'key' }] }, { fs: [{ key: 'x' }, { key: 'y' }] });
  t({ round_product: [{ merge: [320, { pick: [{ var: 'c' }, { map: [{ var: 'fs' }, { var: 'key' }] }] }, 50] }, 2] }, { c: { x: 0.9, y: 1.15 }, fs: [{ key: 'x' }, { key: 'y' }] });
  s('log and errors');
  t({ log: 'apple' }); t({ log: [[1, 2]] });
  C.push([{ nope: [1] }, null, 'throws']); C.push([{ '*': [] }, null, 'throws']);
  const rt = (x) => JSON.parse(JSON.stringify([x]))[0] ?? null;
  const log = console.log;
  console.log = () => {}; // the log operator prints
  try {
    const out = C.map((c0) => {
      if (typeof c0 === 'string') return c0;
      const c = [rt(c0[0]), rt(c0[1]), c0[2]];
      if (c[2] === 'throws') {
        try {
          jsonLogic.apply(c[0], c[1]);
        } catch {
          return [c[0], c[1], { throws: true }];
        }
        throw new Error('json-logic-js did not throw on ' + JSON.stringify(c));
      }
      return [c[0], c[1], rt(jsonLogic.apply(c[0], c[1]))];
    });
    return '[\n' + out.map((x) => '  ' + JSON.stringify(x)).join(',\n') + '\n]\n';
  } finally {
    console.log = log;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(CASES_FILE, buildCases());
  console.log(`wrote ${CASES_FILE}`);
}
