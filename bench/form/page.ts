// The page side of the form benchmark (scripts/bench-form.mjs drives it with puppeteer):
// loads one element's bundle, renders a definition, types into a field, and reports timings.
// The element bundle is loaded by URL so the measured bundle is exactly the one whose size is reported.

interface Measured extends HTMLElement {
  schema: unknown;
  updateComplete: Promise<boolean>;
}

/** After the next frame has been produced: style, layout and paint included. */
function nextFrame(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve();
      ch.port2.postMessage(null);
    }),
  );
}

let element: Measured | undefined;

async function load(moduleUrl: string, tag: string): Promise<void> {
  await import(moduleUrl);
  await customElements.whenDefined(tag);
  element = document.createElement(tag) as Measured;
  document.body.append(element);
  await element.updateComplete;
}

/** Milliseconds from setting the schema to the update done (script) and to the frame after it. */
async function render(definitionUrl: string): Promise<{ script: number; frame: number; inputs: number }> {
  const schema: unknown = await (await fetch(definitionUrl)).json();
  await nextFrame();
  const el = element!;
  const t0 = performance.now();
  el.schema = schema;
  await el.updateComplete;
  const t1 = performance.now();
  await nextFrame();
  const t2 = performance.now();
  const inputs = el.shadowRoot!.querySelectorAll('input, select, textarea').length;
  return { script: t1 - t0, frame: t2 - t0, inputs };
}

/**
 * Types `count` characters into the first text field, one input event each, as a browser
 * does after a key press. script: the event to the element's update done; frame: to the next frame.
 */
async function type(count: number): Promise<{ script: number[]; frame: number[]; field: string; typed: unknown }> {
  const el = element!;
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="text"]:not([readonly])')!;
  input.focus();
  const script: number[] = [];
  const frame: number[] = [];
  for (let i = 0; i < count; i++) {
    await nextFrame();
    const ch = i === 0 ? 'P' : 'A';
    const t0 = performance.now();
    input.value += ch;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: ch }));
    await el.updateComplete;
    const t1 = performance.now();
    await nextFrame();
    const t2 = performance.now();
    script.push(t1 - t0);
    frame.push(t2 - t0);
  }
  // what the element holds after the typing, for the bench to check (the first text field is f0)
  return { script, frame, field: input.id, typed: (el as unknown as { value?: Record<string, unknown> }).value?.['f0'] };
}

(window as unknown as { bench: unknown }).bench = { load, render, type };
