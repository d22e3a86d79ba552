// Assertions shared by the backend test files.
import assert from 'node:assert/strict';

const HAN = /[\u4e00-\u9fff]/;

/** Number of rows in a collection, counted by the superuser. */
export async function total(su, collection, filter) {
  const r = await su.list(collection, { perPage: 1, filter });
  assert.equal(r.status, 200, `count ${collection}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.totalItems;
}

/**
 * A refused record: 400, and data[path] is a field error in both languages whose `message`
 * follows the language asked for (lang "en" → English, anything else → Chinese).
 * @returns {{code: string, message: string, message_zh: string, message_en: string}}
 */
export function assertFieldError(r, path, lang) {
  assert.equal(r.status, 400, `expected 400, got ${r.status} ${JSON.stringify(r.body).slice(0, 500)}`);
  const errors = r.body?.data ?? {};
  const item = errors[path];
  assert.ok(item, `no error at "${path}"; errors at: ${Object.keys(errors).join(', ') || '(none)'} — ${JSON.stringify(r.body).slice(0, 500)}`);
  assert.ok(item.code, `error at ${path} has a code`);
  assertBilingual(item, path);
  assert.equal(item.message, lang === 'en' ? item.message_en : item.message_zh, `message of ${path} follows Accept-Language ${lang ?? '(none)'}`);
  return item;
}

/**
 * message_zh is Chinese, message_en is English, and they differ (an English text echoed into
 * message_zh, or the reverse, is a missing translation).
 */
export function assertBilingual(item, what) {
  assert.match(item.message_zh ?? '', HAN, `${what}: message_zh is Chinese: ${item.message_zh}`);
  assert.match(item.message_en ?? '', /[A-Za-z]{3,}/, `${what}: message_en is English: ${item.message_en}`);
  assert.notEqual(item.message_zh, item.message_en, `${what}: message_zh and message_en are the same text: ${item.message_en}`);
}
