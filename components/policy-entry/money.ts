// Money and coefficients in integers (fen, hundredths, BigInt), exactly as the server computes
// them (backend/internal/packs/money.go), so both agree to the cent.

/** Yuan to fen, rounded half up. */
export function fen(yuan: number): number {
  return Math.round(yuan * 100);
}

function divHalfUp(n: bigint, d: bigint): number {
  return Number((n + d / 2n) / d);
}

/** The pack's industry rate scaled to a cover per person: rate × cover / basis, in fen. */
export function baseRateFen(rateYuan: number, coverYuan: number, basisYuan: number): number {
  return divHalfUp(BigInt(fen(rateYuan)) * BigInt(fen(coverYuan)), BigInt(fen(basisYuan)));
}

/** Base rate × every coefficient (hundredths) × persons, in fen rounded half up. */
export function premiumFen(baseFen: number, coefs: readonly number[], persons: number): number {
  let n = BigInt(baseFen) * BigInt(persons);
  let d = 1n;
  for (const c of coefs) {
    n *= BigInt(c);
    d *= 100n;
  }
  return divHalfUp(n, d);
}

/** premium × ratio in fen, rounded up (a minimum) or down (a maximum). */
export function ratioFen(premium: number, ratio: number, up: boolean): number {
  const n = premium * Math.round(ratio * 10000);
  return up ? Math.floor((n + 9999) / 10000) : Math.floor(n / 10000);
}

/** Fen as yuan text: "20000", or "20000.50" with cents. */
export function yuan(f: number): string {
  if (f % 100 === 0) return String(f / 100);
  const sign = f < 0 ? '-' : '';
  const a = Math.abs(f);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** Hundredths as a coefficient: 95 → "0.95", 100 → "1". */
export function coef(h: number): string {
  return String(h / 100);
}

/** A ratio as a percentage: 0.2 → "20%". */
export function percent(r: number): string {
  return `${Math.round(r * 10000) / 100}%`;
}
