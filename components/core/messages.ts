// Validation messages, ours in both languages, chosen by keyword and naming
// the field by its title so they read the same beside the field and in the summary.
import type { Issue } from './validator.js';
import { isEnglish, type Locale } from './locale.js';
import { textTable } from './text-table.js';
import { getAt, parsePointer } from './pointer.js';
import { schemaAt, schemaText, type JsonSchema } from './schema.js';
import { usccCheckChar, usccProblem } from './uscc.js';

type Params = Record<string, unknown>;

// Templates, so a portal can reword any of them (registerTranslations, keys `validation.<key>`).
const zh = {
  required: '请填写“{field}”',
  minLength: '“{field}”至少 {limit} 个字符',
  maxLength: '“{field}”最多 {limit} 个字符',
  pattern: '“{field}”格式不正确',
  minimum: '“{field}”不能小于 {limit}',
  exclusiveMinimum: '“{field}”必须大于 {limit}',
  maximum: '“{field}”不能大于 {limit}',
  exclusiveMaximum: '“{field}”必须小于 {limit}',
  multipleOf: '“{field}”应为 {multipleOf} 的整数倍',
  typeInteger: '“{field}”应为整数',
  typeNumber: '“{field}”应为数字',
  type: '“{field}”的类型不正确',
  choose: '请从“{field}”的选项中选择',
  minItems: '“{field}”至少需要 {limit} 项',
  maxItems: '“{field}”最多 {limit} 项',
  uniqueItems: '“{field}”第 {j} 项与第 {i} 项重复',
  additionalProperties: '“{field}”含有不允许的字段 {name}',
  minProperties: '“{field}”至少需要 {limit} 项',
  maxProperties: '“{field}”最多 {limit} 项',
  contains: '“{field}”至少需要 {min} 项符合要求',
  containsAtMost: '“{field}”至少需要 {min} 项符合要求，且最多 {max} 项',
  propertyNames: '名称“{name}”不符合要求',
  not: '“{field}”的值不被允许',
  falseSchema: '“{field}”不允许填写',
  computed: '“{field}”由系统计算，应为 {expected}，不能手工填写',
  computedNothing: '空',
  notApplicable: '“{field}”在当前填写情况下不适用，不能填写',
  date: '“{field}”应为有效日期（年-月-日）',
  dateTime: '“{field}”应为有效的日期时间',
  email: '“{field}”应为有效的电子邮箱地址',
  uri: '“{field}”应为有效的网址',
  cnRegion: '“{field}”应为 6 位行政区划代码',
  cnMobile: '“{field}”应为 11 位手机号码',
  usccLength: '“{field}”应为 18 位',
  usccCharset: '“{field}”只能包含数字和大写字母（不含 I、O、S、V、Z）',
  usccRegion: '“{field}”第 3 至 8 位应为行政区划代码',
  usccCheck: '“{field}”校验位错误，最后一位应为 {check}',
  format: '“{field}”格式不正确',
  invalid: '“{field}”不符合要求',
  theForm: '表单',
  inRow: '{title}（第 {rows} 行）',
};

type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  required: '{field} is required',
  minLength: '{field} must be at least {limit} characters',
  maxLength: '{field} must be at most {limit} characters',
  pattern: '{field} is not in the expected format',
  minimum: '{field} must be at least {limit}',
  exclusiveMinimum: '{field} must be greater than {limit}',
  maximum: '{field} must be at most {limit}',
  exclusiveMaximum: '{field} must be less than {limit}',
  multipleOf: '{field} must be a multiple of {multipleOf}',
  typeInteger: '{field} must be a whole number',
  typeNumber: '{field} must be a number',
  type: '{field} has the wrong type',
  choose: 'Choose one of the options for {field}',
  minItems: '{field} needs at least {limit} items',
  maxItems: '{field} allows at most {limit} items',
  uniqueItems: '{field}: item {j} repeats item {i}',
  additionalProperties: '{field} has a field that is not allowed: {name}',
  minProperties: '{field} needs at least {limit} entries',
  maxProperties: '{field} allows at most {limit} entries',
  contains: '{field} needs at least {min} matching items',
  containsAtMost: '{field} needs at least {min} matching items and at most {max}',
  propertyNames: 'The name "{name}" is not allowed',
  not: '{field} has a value that is not allowed',
  falseSchema: '{field} must not be filled in',
  computed: '{field} is computed and must be {expected}; it cannot be entered by hand',
  computedNothing: 'empty',
  notApplicable: '{field} does not apply here and must be left empty',
  date: '{field} must be a valid date (YYYY-MM-DD)',
  dateTime: '{field} must be a valid date and time',
  email: '{field} must be a valid email address',
  uri: '{field} must be a valid web address',
  cnRegion: '{field} must be a 6-digit region code',
  cnMobile: '{field} must be an 11-digit mobile number',
  usccLength: '{field} must be 18 characters',
  usccCharset: '{field} may only contain digits and capital letters (no I, O, S, V, Z)',
  usccRegion: '{field}: characters 3 to 8 must be a region code',
  usccCheck: '{field} has a wrong check character; the last character should be {check}',
  format: '{field} is not in the expected format',
  invalid: '{field} is not valid',
  theForm: 'The form',
  inRow: '{title} (row {rows})',
};

const message = textTable('validation', { 'zh-CN': zh, en, 'zh-TW': () => import('./messages.zh-TW.js').then((m) => m.zhTW) });

const FORMAT_KEYS: Readonly<Record<string, MessageKey>> = {
  date: 'date',
  'date-time': 'dateTime',
  email: 'email',
  uri: 'uri',
  'cn-region': 'cnRegion',
  'cn-mobile': 'cnMobile',
};

const USCC_KEYS: Readonly<Record<string, MessageKey>> = { length: 'usccLength', charset: 'usccCharset', region: 'usccRegion' };

/** The template of an issue and the values it names; undefined for messages that come as data. */
function templateOf(issue: Issue, value: unknown): { key: MessageKey; vars: Record<string, string | number> } | undefined {
  const p: Params = issue.params;
  const limit = String(p['limit']);
  switch (issue.keyword) {
    case 'required':
    case 'dependentRequired':
    case 'dependencies':
      return { key: 'required', vars: {} };
    // the items a tuple or unevaluatedItems allows: a limit like maxItems
    case 'additionalItems':
    case 'items':
    case 'unevaluatedItems':
      return { key: 'maxItems', vars: { limit } };
    case 'minProperties':
    case 'maxProperties':
    case 'minLength':
    case 'maxLength':
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum':
    case 'minItems':
    case 'maxItems':
      return { key: issue.keyword, vars: { limit } };
    case 'pattern':
      return { key: 'pattern', vars: {} };
    case 'multipleOf':
      return { key: 'multipleOf', vars: { multipleOf: String(p['multipleOf']) } };
    case 'type':
      return { key: p['type'] === 'integer' ? 'typeInteger' : p['type'] === 'number' ? 'typeNumber' : 'type', vars: {} };
    case 'enum':
    case 'const':
    case 'oneOf':
    case 'anyOf':
      return { key: 'choose', vars: {} };
    case 'uniqueItems':
      return { key: 'uniqueItems', vars: { j: Number(p['j']) + 1, i: Number(p['i']) + 1 } };
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return { key: 'additionalProperties', vars: { name: String(p['additionalProperty'] ?? p['unevaluatedProperty']) } };
    case 'contains':
      return { key: p['maxContains'] === undefined ? 'contains' : 'containsAtMost', vars: { min: String(p['minContains']), max: String(p['maxContains']) } };
    case 'propertyNames':
      return { key: 'propertyNames', vars: { name: String(p['propertyName']) } };
    case 'not':
      return { key: 'not', vars: {} };
    case 'false schema':
      return { key: 'falseSchema', vars: {} };
    case 'x-visible':
      return { key: 'notApplicable', vars: {} };
    case 'format': {
      const format = String(p['format']);
      if (format !== 'uscc') return { key: FORMAT_KEYS[format] ?? 'format', vars: {} };
      const s = String(value ?? '');
      const problem = usccProblem(s);
      return problem && USCC_KEYS[problem] ? { key: USCC_KEYS[problem], vars: {} } : { key: 'usccCheck', vars: { check: usccCheckChar(s.slice(0, 17)) ?? '?' } };
    }
    default:
      return undefined;
  }
}

/** A computed value as the server words it (numbers plain, anything else as JSON). */
function shown(v: unknown, locale: Locale): string {
  if (v === null || v === undefined) return message(locale, 'computedNothing');
  return typeof v === 'number' ? String(v) : JSON.stringify(v);
}

/** How a field is named in messages: its title (or key), with the row when inside a table. */
export function fieldLabel(root: JsonSchema, pointer: string, locale: Locale): string {
  const keys = parsePointer(pointer);
  let title = schemaText(root, 'title', locale) ?? message(locale, 'theForm');
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
  return message(locale, 'inRow', { title, rows: rows.join('.') });
}

export function issueMessage(issue: Issue, root: JsonSchema, value: unknown, locale: Locale): string {
  // x-rules and the server's refusals carry their own words in both languages
  if (issue.keyword === 'x-rules' || issue.keyword === 'server') return String(issue.params[isEnglish(locale) ? 'en' : 'zh']);
  const field = fieldLabel(root, issue.pointer, locale);
  const at = getAt(value, issue.pointer);
  if (issue.keyword === 'x-compute') return message(locale, 'computed', { field, expected: shown(issue.params['expected'], locale) });
  const template = templateOf(issue, at);
  return template ? message(locale, template.key, { field, ...template.vars }) : message(locale, 'invalid', { field });
}
