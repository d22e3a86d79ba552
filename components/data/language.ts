/**
 * English or Chinese, for text that exists in those two only (vocabularies, reference names, the
 * server's messages): any English tag (`en`, `en-GB`) reads English, everything else Chinese.
 */
export function isEnglish(tag: string): boolean {
  return /^en(?:-|$)/i.test(tag);
}
