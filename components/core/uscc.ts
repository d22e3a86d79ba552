// Unified social credit code (统一社会信用代码, GB 32100-2015).
// Shared by validation (format "uscc"), messages (naming the expected check
// character) and any element that displays or looks up an organisation.

/** The 31 characters a USCC may use (no I, O, S, V, Z). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** What is wrong with a candidate code, most basic problem first. */
export type UsccProblem = 'length' | 'charset' | 'region' | 'check';

/** The check character for the first 17 characters, or undefined if any is outside the alphabet. */
export function usccCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) return undefined;
    sum += v * WEIGHTS[i]!;
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Why a code is not a valid USCC, or null when it is one. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length';
  for (const ch of code) if (!USCC_ALPHABET.includes(ch)) return 'charset';
  // Characters 3 to 8 are the registering region's GB/T 2260 code: digits only.
  if (!SHAPE.test(code)) return 'region';
  return usccCheckChar(code.slice(0, 17)) === code.charAt(17) ? null : 'check';
}

export function isValidUscc(code: unknown): code is string {
  return typeof code === 'string' && usccProblem(code) === null;
}
