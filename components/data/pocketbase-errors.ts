/**
 * Maps PocketBase error responses to StoreError. Kept apart from the SDK: it reads only the
 * plain shape `{ status, response: { message, data } }` every SDK error carries.
 */
import { fieldError, storeError, type FieldError, type StoreError, type StoreErrorCode } from './errors.js';

/** Chinese wording for PocketBase's own validation codes (its messages are English only). */
const PB_CODES_ZH: Readonly<Record<string, string>> = {
  validation_required: '不能为空',
  validation_nil_or_not_empty_required: '不能为空',
  validation_not_unique: '该值已存在',
  validation_pk_invalid: '记录编号无效或已存在',
  validation_invalid_email: '邮箱格式不正确',
  validation_length_out_of_range: '长度超出范围',
  validation_length_too_long: '内容过长',
  validation_length_too_short: '内容过短',
  validation_min_greater_equal_than_required: '数值过小',
  validation_max_less_equal_than_required: '数值过大',
  validation_invalid_value: '取值无效',
  validation_in_invalid: '取值不在允许范围内',
  validation_missing_rel_records: '关联的记录不存在或无权访问',
  validation_invalid_mime_type: '文件类型不允许',
  validation_file_size_limit: '文件过大',
  validation_values_mismatch: '两次输入不一致',
  validation_invalid_json: '不是有效的 JSON',
  validation_match_invalid: '格式不正确',
  validation_invalid_date: '日期无效',
  validation_not_a_number: '不是数字',
  validation_invalid_number: '数字无效',
};

interface PbErrorShape {
  status?: unknown;
  isAbort?: unknown;
  response?: { message?: unknown; data?: unknown } | null;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** One entry of a 400's `data`: AZX's hooks send both languages, PocketBase's own only English. */
function mapField(raw: unknown, lang: 'zh' | 'en'): FieldError | null {
  if (!raw || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const code = text(r['code']) || 'invalid';
  const message = text(r['message']);
  const en = text(r['message_en']) || message || 'Invalid value.';
  const zh = text(r['message_zh']) || PB_CODES_ZH[code] || '取值无效';
  return fieldError(code, zh, en, lang);
}

/**
 * PocketBase nests errors of sub-fields (`{ data: { cover: { code, message } } }`) when it
 * validates structures itself; flatten them to dotted paths like AZX's hooks send.
 */
function collectFields(data: unknown, prefix: string, lang: 'zh' | 'en', out: Record<string, FieldError>): void {
  if (!data || typeof data !== 'object') return;
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const mapped = value && typeof value === 'object' && 'code' in value ? mapField(value, lang) : null;
    if (mapped) out[path] = mapped;
    else collectFields(value, path, lang, out);
  }
}

function codeFor(status: number): StoreErrorCode {
  if (status === 0) return 'network';
  if (status === 400) return 'validation';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  return 'unknown';
}

/** A StoreError for any error the SDK threw (or anything else thrown while talking to it). */
export function fromPocketBaseError(err: unknown, lang: 'zh' | 'en' = 'zh'): StoreError {
  const e = (err && typeof err === 'object' ? err : {}) as PbErrorShape;
  const status = typeof e.status === 'number' ? e.status : 0;
  const fields: Record<string, FieldError> = {};
  collectFields(e.response?.data, '', lang, fields);
  return storeError(codeFor(status), status, fields, err);
}
