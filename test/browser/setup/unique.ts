/** Values unique across the files of one run, since every file shares one backend. */
let counter = 0;
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`.toUpperCase();

/** A token of [0-9A-Z] that fits policy and report numbers, e.g. "LQ3K9ZAB7-4". */
export function unique(): string {
  counter += 1;
  return `${run}-${counter}`;
}

/** Resolves after `ms`; for waits that must prove something did NOT arrive. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves once `check()` is true; rejects after `timeout` ms with `what`. */
export async function until(check: () => boolean, what: string, timeout = 5000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}
