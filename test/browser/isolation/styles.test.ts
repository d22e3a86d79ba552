/**
 * No style leaks, in either direction, for every AZX element: a host page's resets and
 * hostile rules (`* { box-sizing }`, `input { ... }`, inherited text properties on body) change
 * nothing inside an element, and putting an element in the page changes nothing outside it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../components/index.js';

const HOSTILE = `
  * { box-sizing: content-box !important; margin: 7px; padding: 3px; }
  html, body { font-size: 30px; letter-spacing: 3px; word-spacing: 9px; text-transform: uppercase; line-height: 3;
    font-style: italic; font-weight: 900; text-align: center; white-space: pre; text-indent: 40px; color: #f0f; }
  input, select, textarea, button { border: 6px dashed red !important; font-size: 40px !important; width: 50px !important; display: block !important; }
  label, p, table, td, th, fieldset, legend, ul, li { display: inline !important; color: red !important; }
  div, section, span { outline: 3px solid lime; background: yellow; }
`;

const PROPS = [
  'box-sizing', 'font-size', 'font-style', 'font-weight', 'letter-spacing', 'word-spacing', 'text-transform',
  'text-align', 'text-indent', 'white-space', 'line-height', 'color', 'display', 'border-top-width', 'border-top-style',
  'width', 'margin-top', 'padding-top', 'outline-style', 'background-color',
] as const;

/** Computed styles of the first elements in a shadow root (and nested ones), as text. */
function snapshot(root: ShadowRoot | null, limit = 150): string[] {
  const out: string[] = [];
  const walk = (r: ShadowRoot | null, path: string) => {
    if (!r) return;
    for (const el of r.querySelectorAll('*')) {
      if (out.length >= limit) return;
      if (el instanceof HTMLStyleElement || el instanceof HTMLSlotElement) continue;
      const cs = getComputedStyle(el);
      // width only for controls, whose width the hostile rule targets
      const props = PROPS.filter((p) => p !== 'width' || /^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(el.tagName));
      out.push(`${path}>${el.tagName.toLowerCase()}.${el.getAttribute('part') ?? ''} ${props.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';')}`);
      if (el.shadowRoot) walk(el.shadowRoot, `${path}>${el.tagName.toLowerCase()}`);
    }
  };
  walk(root, '');
  return out;
}

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/** Every element the package defines; a new element adds its tag here. */
const KNOWN = ['azx-form', 'azx-policy-entry', 'azx-service-report', 'azx-hazard-ledger', 'azx-coverage-map', 'azx-compliance-report', 'azx-schema-editor', 'azx-record-list', 'azx-pack-editor', 'azx-bulk-upload', 'azx-claim'];

const formSchema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', title: '单位名称' },
    kind: { type: 'string', title: '行业', enum: ['危险化学品', '烟花爆竹'] },
    staff: { type: 'array', title: '人员', items: { type: 'object', properties: { n: { type: 'string', title: '姓名' } } } },
  },
};

async function render(tag: string): Promise<HTMLElement> {
  const el = document.createElement(tag) as HTMLElement & { schema?: unknown };
  if (tag === 'azx-form') el.schema = formSchema;
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.append(el);
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  await nextFrame();
  return el;
}

describe('styles stay inside every AZX element', () => {
  it('checks every element the package defines', () => {
    for (const tag of KNOWN) expect(customElements.get(tag), tag).to.not.equal(undefined);
  });

  for (const tag of KNOWN) {
    it(`<${tag}>: a host page's CSS does not reach inside`, async function () {
      const el = await render(tag);
      expect(el.shadowRoot, `${tag} renders into a shadow root`).to.not.equal(null);
      const before = snapshot(el.shadowRoot);
      expect(before.length).to.be.greaterThan(0);
      const style = document.createElement('style');
      style.textContent = HOSTILE;
      document.head.append(style);
      try {
        await nextFrame();
        const after = snapshot(el.shadowRoot);
        const changed = after.filter((line, i) => line !== before[i]).slice(0, 5);
        expect(changed, `changed by the page's CSS:\n${changed.join('\n')}\nwas:\n${before.filter((l, i) => l !== after[i]).slice(0, 5).join('\n')}`).to.deep.equal([]);
      } finally {
        style.remove();
      }
    });

    it(`<${tag}>: changes nothing outside itself`, async () => {
      const page = await fixture<HTMLDivElement>(html`<div><p>正文 text</p><input value="x" /><button>按钮</button><label>标签</label></div>`);
      const outside = () => [...page.querySelectorAll('*')].map((e) => PROPS.map((p) => getComputedStyle(e).getPropertyValue(p)).join(';'));
      const sheetsBefore = document.styleSheets.length;
      const adoptedBefore = document.adoptedStyleSheets.length;
      const before = outside();
      const el = await render(tag);
      page.append(el);
      await nextFrame();
      expect(outside().slice(0, before.length)).to.deep.equal(before);
      expect(document.styleSheets.length, 'no stylesheet added to the page').to.equal(sheetsBefore);
      expect(document.adoptedStyleSheets.length, 'no stylesheet adopted by the page').to.equal(adoptedBefore);
      expect(document.documentElement.getAttribute('style')).to.equal(null);
      expect(document.body.getAttribute('style')).to.equal(null);
    });
  }
});
