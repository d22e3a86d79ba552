// DOM helpers the element tests share: an element's shadow root, waiting a frame at a time,
// typing as a user commits a value, finding a control by its words.
export function root(el: Element): ShadowRoot {
  return el.shadowRoot!;
}

/** Waits for a condition, checking every animation frame, for at most `ms`. */
export async function until(test: () => boolean, ms = 4000): Promise<void> {
  const end = performance.now() + ms;
  while (!test()) {
    if (performance.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => requestAnimationFrame(r));
  }
}

/** Types a value into a control and commits it, as a user leaving the field would. */
export function type(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

export function byText<T extends HTMLElement = HTMLButtonElement>(scope: ParentNode, selector: string, text: string | RegExp): T {
  const all = [...scope.querySelectorAll<T>(selector)];
  const found = all.find((e) => (typeof text === 'string' ? e.textContent?.trim() === text || e.getAttribute('aria-label') === text : text.test(e.textContent ?? '') || text.test(e.getAttribute('aria-label') ?? '')));
  if (!found) throw new Error(`no ${selector} with text ${String(text)} among: ${all.map((e) => e.textContent?.trim() || e.getAttribute('aria-label')).join(' | ')}`);
  return found;
}

export async function settle(el: { updateComplete: Promise<unknown> }): Promise<void> {
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(r));
}
