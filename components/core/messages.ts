// Validation messages, ours in both languages, chosen by keyword and naming
// the field by its title so they read the same beside the field and in the summary.
import type { Issue } from './validator.js';
import type { Locale } from './locale.js';
import { getAt, parsePointer } from './pointer.js';
import { schemaAt, schemaText, type JsonSchema } from './schema.js';
import { usccCheckChar, usccProblem } from './uscc.js';

type Params = Record<string, unknown>;
type Render = (field: string, p: Params, value: unknown) => string;
type Table = Record<string, Render>;

const n = (p: Params, k: string) => String(p[k]);
const extra = (p: Params) => String(p['additionalProperty'] ?? p['unevaluatedProperty']);

/** Keywords worded as another one is (the same limit or the same missing field). */
const SAME: Record<string, string> = {
  dependencies: 'required',
  additionalItems: 'maxItems',
  items: 'maxItems',
  unevaluatedItems: 'maxItems',
  unevaluatedProperties: 'additionalProperties',
};

const zh: Table = {
  required: (f) => `请填写“${f}”`,
  dependentRequired: (f) => `请填写“${f}”`,
  minLength: (f, p) => `“${f}”至少 ${n(p, 'limit')} 个字符`,
  maxLength: (f, p) => `“${f}”最多 ${n(p, 'limit')} 个字符`,
  pattern: (f) => `“${f}”格式不正确`,
  minimum: (f, p) => `“${f}”不能小于 ${n(p, 'limit')}`,
  exclusiveMinimum: (f, p) => `“${f}”必须大于 ${n(p, 'limit')}`,
  maximum: (f, p) => `“${f}”不能大于 ${n(p, 'limit')}`,
  exclusiveMaximum: (f, p) => `“${f}”必须小于 ${n(p, 'limit')}`,
  multipleOf: (f, p) => `“${f}”应为 ${n(p, 'multipleOf')} 的整数倍`,
  type: (f, p) => (p['type'] === 'integer' ? `“${f}”应为整数` : p['type'] === 'number' ? `“${f}”应为数字` : `“${f}”的类型不正确`),
  enum: (f) => `请从“${f}”的选项中选择`,
  const: (f) => `请从“${f}”的选项中选择`,
  oneOf: (f) => `请从“${f}”的选项中选择`,
  anyOf: (f) => `请从“${f}”的选项中选择`,
  minItems: (f, p) => `“${f}”至少需要 ${n(p, 'limit')} 项`,
  maxItems: (f, p) => `“${f}”最多 ${n(p, 'limit')} 项`,
  uniqueItems: (f, p) => `“${f}”第 ${Number(p['j']) + 1} 项与第 ${Number(p['i']) + 1} 项重复`,
  additionalProperties: (f, p) => `“${f}”含有不允许的字段 ${extra(p)}`,
  minProperties: (f, p) => `“${f}”至少需要 ${n(p, 'limit')} 项`,
  maxProperties: (f, p) => `“${f}”最多 ${n(p, 'limit')} 项`,
  contains: (f, p) => `“${f}”至少需要 ${n(p, 'minContains')} 项符合要求${p['maxContains'] === undefined ? '' : `，且最多 ${n(p, 'maxContains')} 项`}`,
  propertyNames: (_f, p) => `名称“${n(p, 'propertyName')}”不符合要求`,
  not: (f) => `“${f}”的值不被允许`,
  'false schema': (f) => `“${f}”不允许填写`,
  format: (f, p, v) => zhFormat(f, String(p['format']), v),
  'x-rules': (_f, p) => String(p['zh']),
  // the server's own words for a field it refused (FieldError.message_zh)
  server: (_f, p) => String(p['zh']),
  'x-compute': (f, p) => `“${f}”由系统计算，应为 ${shown(p['expected'], '空')}，不能手工填写`,
  'x-visible': (f) => `“${f}”在当前填写情况下不适用，不能填写`,
};

const en: Table = {
  required: (f) => `${f} is required`,
  dependentRequired: (f) => `${f} is required`,
  minLength: (f, p) => `${f} must be at least ${n(p, 'limit')} characters`,
  maxLength: (f, p) => `${f} must be at most ${n(p, 'limit')} characters`,
  pattern: (f) => `${f} is not in the expected format`,
  minimum: (f, p) => `${f} must be at least ${n(p, 'limit')}`,
  exclusiveMinimum: (f, p) => `${f} must be greater than ${n(p, 'limit')}`,
  maximum: (f, p) => `${f} must be at most ${n(p, 'limit')}`,
  exclusiveMaximum: (f, p) => `${f} must be less than ${n(p, 'limit')}`,
  multipleOf: (f, p) => `${f} must be a multiple of ${n(p, 'multipleOf')}`,
  type: (f, p) => (p['type'] === 'integer' ? `${f} must be a whole number` : p['type'] === 'number' ? `${f} must be a number` : `${f} has the wrong type`),
  enum: (f) => `Choose one of the options for ${f}`,
  const: (f) => `Choose one of the options for ${f}`,
  oneOf: (f) => `Choose one of the options for ${f}`,
  anyOf: (f) => `Choose one of the options for ${f}`,
  minItems: (f, p) => `${f} needs at least ${n(p, 'limit')} items`,
  maxItems: (f, p) => `${f} allows at most ${n(p, 'limit')} items`,
  uniqueItems: (f, p) => `${f}: item ${Number(p['j']) + 1} repeats item ${Number(p['i']) + 1}`,
  additionalProperties: (f, p) => `${f} has a field that is not allowed: ${extra(p)}`,
  minProperties: (f, p) => `${f} needs at least ${n(p, 'limit')} entries`,
  maxProperties: (f, p) => `${f} allows at most ${n(p, 'limit')} entries`,
  contains: (f, p) => `${f} needs at least ${n(p, 'minContains')} matching items${p['maxContains'] === undefined ? '' : ` and at most ${n(p, 'maxContains')}`}`,
  propertyNames: (_f, p) => `The name "${n(p, 'propertyName')}" is not allowed`,
  not: (f) => `${f} has a value that is not allowed`,
  'false schema': (f) => `${f} must not be filled in`,
  format: (f, p, v) => enFormat(f, String(p['format']), v),
  'x-rules': (_f, p) => String(p['en']),
  server: (_f, p) => String(p['en']),
  'x-compute': (f, p) => `${f} is computed and must be ${shown(p['expected'], 'empty')}; it cannot be entered by hand`,
  'x-visible': (f) => `${f} does not apply here and must be left empty`,
};

/** A computed value as the server words it (numbers plain, anything else as JSON). */
function shown(v: unknown, none: string): string {
  if (v === null || v === undefined) return none;
  return typeof v === 'number' ? String(v) : JSON.stringify(v);
}

function zhFormat(f: string, format: string, v: unknown): string {
  switch (format) {
    case 'date': return `“${f}”应为有效日期（年-月-日）`;
    case 'date-time': return `“${f}”应为有效的日期时间`;
    case 'email': return `“${f}”应为有效的电子邮箱地址`;
    case 'uri': return `“${f}”应为有效的网址`;
    case 'cn-region': return `“${f}”应为 6 位行政区划代码`;
    case 'cn-mobile': return `“${f}”应为 11 位手机号码`;
    case 'uscc': {
      const s = String(v ?? '');
      switch (usccProblem(s)) {
        case 'length': return `“${f}”应为 18 位`;
        case 'charset': return `“${f}”只能包含数字和大写字母（不含 I、O、S、V、Z）`;
        case 'region': return `“${f}”第 3 至 8 位应为行政区划代码`;
        default: return `“${f}”校验位错误，最后一位应为 ${usccCheckChar(s.slice(0, 17)) ?? '?'}`;
      }
    }
    default: return `“${f}”格式不正确`;
  }
}

function enFormat(f: string, format: string, v: unknown): string {
  switch (format) {
    case 'date': return `${f} must be a valid date (YYYY-MM-DD)`;
    case 'date-time': return `${f} must be a valid date and time`;
    case 'email': return `${f} must be a valid email address`;
    case 'uri': return `${f} must be a valid web address`;
    case 'cn-region': return `${f} must be a 6-digit region code`;
    case 'cn-mobile': return `${f} must be an 11-digit mobile number`;
    case 'uscc': {
      const s = String(v ?? '');
      switch (usccProblem(s)) {
        case 'length': return `${f} must be 18 characters`;
        case 'charset': return `${f} may only contain digits and capital letters (no I, O, S, V, Z)`;
        case 'region': return `${f}: characters 3 to 8 must be a region code`;
        default: return `${f} has a wrong check character; the last character should be ${usccCheckChar(s.slice(0, 17)) ?? '?'}`;
      }
    }
    default: return `${f} is not in the expected format`;
  }
}

/** How a field is named in messages: its title (or key), with the row when inside a table. */
export function fieldLabel(root: JsonSchema, pointer: string, locale: Locale): string {
  const keys = parsePointer(pointer);
  let title = schemaText(root, 'title', locale) ?? (locale === 'en' ? 'The form' : '表单');
  const rows: number[] = [];
  let path = '';
  for (const key of keys) {
    path += '/' + key.replace(/~/g, '~0').replace(/\//g, '~1');
    const node = schemaAt(root, path);
    if (/^\d+$/.test(key) && node && schemaAt(root, path.slice(0, path.lastIndexOf('/')))?.items) {
      rows.push(Number(key) + 1);
      continue;
    }
    title = (node && schemaText(node, 'title', locale)) ?? key;
  }
  if (rows.length === 0) return title;
  return locale === 'en' ? `${title} (row ${rows.join('.')})` : `${title}（第 ${rows.join('.')} 行）`;
}

export function issueMessage(issue: Issue, root: JsonSchema, value: unknown, locale: Locale): string {
  const field = fieldLabel(root, issue.pointer, locale);
  const table = locale === 'en' ? en : zh;
  const render = table[issue.keyword] ?? table[SAME[issue.keyword] ?? ''];
  if (render) return render(field, issue.params, getAt(value, issue.pointer));
  return locale === 'en' ? `${field} is not valid` : `“${field}”不符合要求`;
}
