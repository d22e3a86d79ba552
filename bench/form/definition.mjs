// Generated form definitions for the form benchmark: `fields` leaf fields in a realistic mix
// (patterned and formatted strings, bounded numbers, enums, booleans), 60% of them inside
// nested groups of 10, with one x-compute per 100 fields and a few x-rules on the record.

const KINDS = [
  (i) => ({ type: 'string', title: `编号 ${i}`, 'x-title-en': `Code ${i}`, pattern: '^[0-9A-Z][0-9A-Z-]{5,39}$' }),
  (i) => ({ type: 'string', title: `邮箱 ${i}`, 'x-title-en': `Email ${i}`, format: 'email' }),
  (i) => ({ type: 'string', title: `日期 ${i}`, 'x-title-en': `Date ${i}`, format: 'date' }),
  (i) => ({ type: 'number', title: `金额 ${i}`, 'x-title-en': `Amount ${i}`, minimum: 0, maximum: 1e9 }),
  (i) => ({ type: 'integer', title: `人数 ${i}`, 'x-title-en': `Headcount ${i}`, minimum: 0, maximum: 100000 }),
  (i) => ({
    type: 'string',
    title: `行业 ${i}`,
    'x-title-en': `Industry ${i}`,
    enum: ['construction', 'hazardous_chemicals', 'mining', 'transport', 'metallurgy'],
  }),
  (i) => ({ type: 'boolean', title: `是否投保 ${i}`, 'x-title-en': `Insured ${i}` }),
  (i) => ({ type: 'string', title: `名称 ${i}`, 'x-title-en': `Name ${i}`, minLength: 2, maxLength: 100, 'x-help': '填写全称' }),
  (i) => ({ type: 'string', title: `网址 ${i}`, 'x-title-en': `Website ${i}`, format: 'uri' }),
  (i) => ({ type: 'number', title: `费率 ${i}`, 'x-title-en': `Rate ${i}`, minimum: 0, maximum: 1, multipleOf: 0.0001 }),
];

/** @param {number} fields leaf fields, a multiple of 100 */
export function definition(fields) {
  const properties = {};
  const required = [];
  const rules = [];
  const flat = Math.round(fields * 0.4);
  let n = 0;
  // the dotted path (for JSON Logic var) of every numeric leaf, to wire x-compute and x-rules
  const amounts = [];
  const leaf = (into, key, path) => {
    const schema = KINDS[n % 10](n);
    into[key] = schema;
    if (schema.type === 'number' && schema.maximum === 1e9) amounts.push(path);
    n++;
    return schema;
  };
  for (let i = 0; i < flat; i++) {
    leaf(properties, `f${i}`, `f${i}`);
    if (i % 7 === 0) required.push(`f${i}`);
  }
  for (let g = 0; n < fields; g++) {
    const props = {};
    for (let j = 0; j < 10 && n < fields; j++) leaf(props, `f${j}`, `g${g}.f${j}`);
    properties[`g${g}`] = { type: 'object', title: `分组 ${g}`, 'x-title-en': `Group ${g}`, properties: props };
  }
  // One computed total per 100 fields (replacing a field, so the count stays `fields`).
  const totals = fields / 100;
  for (let t = 0; t < totals; t++) {
    const [a, b] = [amounts[2 * t], amounts[2 * t + 1]];
    const key = `f${Math.floor((t * flat) / totals) + 5}`; // an enum slot in the flat part
    properties[key] = {
      type: 'number',
      title: `合计 ${t}`,
      'x-title-en': `Total ${t}`,
      'x-compute': { '+': [{ var: a }, { var: b }] },
    };
    if (t < 5) {
      rules.push({
        rule: { '<=': [{ var: a }, { '*': [10, { var: b }] }] },
        message: { 'zh-CN': `金额不得超过另一金额的十倍（${t}）`, en: `An amount may not exceed ten times the other (${t})` },
        path: a,
      });
    }
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://azx.demo/bench/form-${fields}.json`,
    title: `基准表单（${fields} 个字段）`,
    'x-title-en': `Benchmark form (${fields} fields)`,
    type: 'object',
    required,
    properties,
    'x-rules': rules,
  };
}

/** Leaf fields of a schema, to check the generator. */
export function countLeaves(schema) {
  if (schema.type !== 'object') return 1;
  return Object.values(schema.properties ?? {}).reduce((s, p) => s + countLeaves(p), 0);
}
