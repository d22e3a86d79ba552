// Our string formats. The server mirrors these rules; change both together.
import { isValidUscc } from './uscc.js';

/** GB/T 2260 province-level prefixes (first two digits of a region code). */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

/** A six-digit GB/T 2260 region code under a real province, e.g. 330100 (Hangzhou). */
export function isCnRegion(code: string): boolean {
  return /^[0-9]{6}$/.test(code) && PROVINCES.has(code.slice(0, 2));
}

/** A mainland mobile number, 11 digits starting 13 to 19, without country code or spaces. */
export function isCnMobile(code: string): boolean {
  return /^1[3-9][0-9]{9}$/.test(code);
}

export const AZX_FORMATS = {
  uscc: (s: string) => isValidUscc(s),
  'cn-region': isCnRegion,
  'cn-mobile': isCnMobile,
} as const;
