// The schema corpus (test/fixtures/forms/*.json): schemas written by us in the styles of RJSF,
// JSON Forms, SurveyJS, Formily and SchemaStore catalogues, each with valid and broken data.
// Every one renders in <azx-form> with no placeholder and no page error; its verdict on every
// datum equals Ajv's (the class of its draft); and every value of the valid data is shown in a
// control that can edit it: each control is changed the way a user changes it (typing into one
// field per schema with the keyboard, the others through their own input and change events).
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { compileSchema, deref, effectiveSchema, fieldId, loadFormats, type AzxForm, type JsonSchema } from '../../../components/core/index.js';
import { freeKeySchema, tupleOf, unionBranch, unionBranches } from '../../../components/core/shape.js';
import { matcher } from '../../../components/core/validator.js';
import { fromRjsf, type UiSchema } from '../../../components/core/adapters/rjsf.js';
import { fromFormily } from '../../../components/core/adapters/formily.js';
import { getAt } from '../../../components/core/pointer.js';
import { ajvCompile } from '../setup/ajv.js';

interface Entry { name: string; note?: string; schema: JsonSchema; uiSchema?: UiSchema; valid: unknown[]; invalid: unknown[] }

const FILES = ['rjsf', 'jsonforms', 'surveyjs', 'formily', 'schemastore', 'edge'];
const corpus: [string, Entry[]][] = await Promise.all(
  FILES.map(async (f) => [f, (await (await fetch(`/test/fixtures/forms/${f}.json`)).json()) as Entry[]] as [string, Entry[]]),
);

/** The schema <azx-form> is given: other libraries' hints through their adapter. */
function adapted(file: string, e: Entry): JsonSchema {
  if (file === 'rjsf') return fromRjsf(e.schema, e.uiSchema);
  if (file === 'formily') return fromFormily(e.schema as Record<string, unknown>);
  return e.schema;
}

/** Formats the corpus names that no validator checks (RJSF's file and colour widgets). */
const UNKNOWN_FORMATS = ['data-url', 'color'];

const esc = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

/** Page errors and console errors while a test runs. */
function watchErrors(): { errors: string[]; stop(): void } {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(`page error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandled rejection: ${String(e.reason)}`);
  const original = console.error;
  console.error = (...args: unknown[]) => {
    errors.push(`console.error: ${args.map(String).join(' ')}`);
    original(...args);
  };
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      console.error = original;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

async function mount(schema: JsonSchema, value: unknown): Promise<AzxForm> {
  const el = await fixture<AzxForm>(html`<azx-form lang="en" defaults="none" .schema=${schema} .value=${structuredClone(value)}></azx-form>`);
  await el.updateComplete;
  return el;
}

/** The control that carries the field id of a value, its list items opened as a user opens them. */
function controlAt(el: AzxForm, pointer: string): HTMLElement | null {
  const c = el.shadowRoot!.getElementById(fieldId(pointer));
  for (let d = c?.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
  return c;
}

const isLeafControl = (c: HTMLElement) =>
  c instanceof HTMLSelectElement || c instanceof HTMLTextAreaElement || (c instanceof HTMLInputElement && c.type !== 'hidden');

/** The schema a place of the value follows, as the form resolves it for that value. */
function resolved(node: unknown, value: unknown, root: JsonSchema, pointer: string): JsonSchema {
  if (typeof node !== 'object' || node === null) return {};
  const s = effectiveSchema(deref(node as JsonSchema, root), value, root);
  const branches = unionBranches(s, root);
  return branches ? resolved(branches[unionBranch(branches, value, pointer, (b) => matcher(b, root)(value))], value, root, pointer) : s;
}

/** The schema of a member of a value: a declared property, a free key, an item or a position. */
function memberSchema(parent: JsonSchema, key: string, root: JsonSchema): unknown {
  if (/^\d+$/.test(key)) {
    const tuple = tupleOf(parent);
    if (tuple) return tuple.positions[Number(key)] ?? tuple.rest;
    if (parent.items !== undefined) return parent.items;
  }
  return parent.properties?.[key] ?? freeKeySchema(parent, key);
}

interface Leaf { pointer: string; control: HTMLElement; value: unknown }

/**
 * Walks a valid datum: every value whose place has a control is checked to show it; containers
 * (objects, arrays without a control of their own) are walked into. Returns the problems and the
 * controls that can be edited.
 */
function walk(el: AzxForm, schema: JsonSchema, data: unknown): { problems: string[]; leaves: Leaf[] } {
  const problems: string[] = [];
  const leaves: Leaf[] = [];
  const keys = [...el.shadowRoot!.querySelectorAll<HTMLInputElement | HTMLElement>('.key')].map((k) => (k instanceof HTMLInputElement ? k.value : k.textContent ?? ''));
  const visit = (v: unknown, p: string, s: JsonSchema, free: boolean, key: string) => {
    // hidden on purpose (x-hidden); shown but fixed on purpose (readOnly, x-disabled)
    if (s['x-hidden'] === true) return;
    const fixed = s.readOnly === true || s['x-disabled'] === true;
    if (free && !keys.includes(key)) problems.push(`${p}: its name is not shown`);
    const c = controlAt(el, p);
    if (c && isLeafControl(c)) {
      const shown = shows(c, v);
      if (shown !== true) problems.push(`${p}: ${shown}`);
      const editable = c instanceof HTMLInputElement && c.type === 'file' ? true : !(c as HTMLInputElement).disabled && !(c as HTMLInputElement).readOnly;
      if (!editable && !fixed) problems.push(`${p}: not editable`);
      if (editable && !fixed) leaves.push({ pointer: p, control: c, value: v });
      return;
    }
    if (v !== null && typeof v === 'object') walkInto(v, p, s);
    else problems.push(`${p}: no control shows ${JSON.stringify(v)}`);
  };
  const walkInto = (v: object, p: string, s: JsonSchema) => {
    for (const [k, x] of Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v)) {
      const free = !Array.isArray(v) && !(k in (s.properties ?? {}));
      visit(x, `${p}/${esc(k)}`, resolved(memberSchema(s, k, schema), x, schema, `${p}/${esc(k)}`), free, k);
    }
  };
  if (data !== null && typeof data === 'object') walkInto(data, '', resolved(schema, data, schema, ''));
  return { problems, leaves };
}

/** Whether a control shows the value: true, or what it shows instead. */
function shows(c: HTMLElement, v: unknown): true | string {
  if (c instanceof HTMLSelectElement) return c.selectedIndex > 0 || (c.selectedIndex === 0 && c.options[0]!.value !== '-1') ? true : 'the select shows no choice';
  if (c instanceof HTMLTextAreaElement) return c.value === String(v) ? true : `shows "${c.value}"`;
  const input = c as HTMLInputElement;
  if (input.type === 'file') {
    const names = Array.isArray(v) ? v : [v];
    const text = input.closest('.field')?.querySelector('.attachments')?.textContent ?? '';
    return names.every((n) => text.includes(String(n))) ? true : `the file list shows "${text.trim()}"`;
  }
  if (input.type === 'radio') {
    const group = [...input.closest('fieldset')!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    return group.some((r) => r.checked) ? true : 'no radio button is chosen';
  }
  if (input.type === 'checkbox') {
    const group = input.closest('fieldset.checkboxes');
    if (group) {
      const checked = group.querySelectorAll('input:checked').length;
      return checked === (Array.isArray(v) ? v.length : 0) ? true : `${checked} boxes ticked for ${JSON.stringify(v)}`;
    }
    // a yes/no shows its value; a fixed value (const, null) is ticked when present
    const expected = typeof v === 'boolean' ? v : true;
    return input.checked === expected ? true : `the box is ${input.checked ? '' : 'not '}ticked`;
  }
  if (input.type === 'number' || input.type === 'range') return Number(input.value) === v ? true : `shows "${input.value}"`;
  // a date-time shows the same instant on China's wall clock (format date-time)
  if (input.type === 'datetime-local') return Date.parse(`${input.value}+08:00`) === Date.parse(String(v)) ? true : `shows "${input.value}"`;
  return input.value === String(v) ? true : `shows "${input.value}"`;
}

/** Changes a control the way a user does (its own events); true when the form's value moved. */
async function edit(el: AzxForm, leaf: Leaf, keyboard: boolean): Promise<string | undefined> {
  const c = controlAt(el, leaf.pointer) ?? leaf.control;
  const before = JSON.stringify(getAt(el.value, leaf.pointer));
  const fire = (target: HTMLElement) => {
    target.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    target.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  };
  if (c instanceof HTMLSelectElement) {
    c.selectedIndex = c.selectedIndex === c.options.length - 1 ? 1 : c.selectedIndex + 1;
    if (c.options.length < 3) c.selectedIndex = 0;
    fire(c);
  } else if (c instanceof HTMLInputElement && c.type === 'file') {
    const file = new File(['x'], 'added.pdf', { type: 'application/pdf' });
    const list = new DataTransfer();
    list.items.add(file);
    c.files = list.files;
    c.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  } else if (c instanceof HTMLInputElement && (c.type === 'checkbox' || c.type === 'radio')) {
    if (c.type === 'radio') {
      const group = [...c.closest('fieldset')!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
      group.find((r) => !r.checked)!.click();
    } else c.click();
  } else if (keyboard && (c instanceof HTMLTextAreaElement || (c instanceof HTMLInputElement && ['text', 'email', 'url', 'tel', 'password', 'search'].includes(c.type)))) {
    c.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: 'Z' });
    await sendKeys({ press: 'Tab' });
  } else {
    const input = c as HTMLInputElement;
    const next: Record<string, string> = {
      number: String(Number(input.value || 0) + (Number(input.step) || 1)),
      range: input.value === input.max ? input.min : input.max,
      date: '2026-02-03',
      color: '#123456',
      time: '08:15',
    };
    input.value = next[input.type] ?? `${input.value}Z`;
    fire(input);
  }
  await el.updateComplete;
  const after = JSON.stringify(getAt(el.value, leaf.pointer));
  return after === before ? `${leaf.pointer}: editing it left the value ${before}` : undefined;
}

describe('schema corpus in <azx-form>: styles of RJSF, JSON Forms, SurveyJS, Formily and SchemaStore (browser)', () => {
  // compileSchema is called directly below: the rare formats first (<azx-form> loads them itself)
  before(() => loadFormats());
  it('holds at least 60 schemas, each with valid and broken data', () => {
    const all = corpus.flatMap(([, es]) => es);
    expect(all.length).to.be.greaterThanOrEqual(60);
    for (const e of all) {
      expect(e.valid.length, `${e.name} has valid data`).to.be.greaterThan(0);
      expect(e.invalid.length, `${e.name} has broken data`).to.be.greaterThan(0);
    }
    expect(new Set(all.map((e) => e.name)).size, 'names are unique').to.equal(all.length);
  });

  for (const [file, entries] of corpus) {
    for (const e of entries) {
      it(`${file} ${e.name}: verdicts equal Ajv's; every value shown and editable, with no placeholder and no page error`, async function () {
        this.timeout(60_000);
        const schema = adapted(file, e);
        const ajv = ajvCompile(schema, UNKNOWN_FORMATS);
        const compiled = compileSchema(schema);
        expect(compiled.ok, `${e.name} compiles: ${compiled.ok ? '' : compiled.message}`).to.equal(true);
        const watch = watchErrors();
        try {
          for (const [kind, data] of [...e.valid.map((d) => ['valid', d] as const), ...e.invalid.map((d) => ['broken', d] as const)]) {
            const expected = ajv(data);
            expect(expected, `${e.name}: Ajv calls the ${kind} datum ${kind}: ${JSON.stringify(ajv.errors)}`).to.equal(kind === 'valid');
            if (compiled.ok) expect(compiled.validate(data).length === 0, `${e.name}: the engine agrees with Ajv on ${JSON.stringify(data)}`).to.equal(expected);
            const el = await mount(schema, data);
            expect(el.shadowRoot!.querySelector('[part~="unsupported"], .schema-error'), `${e.name}: nothing unsupported`).to.equal(null);
            expect(el.checkValidity(), `${e.name}: the form's verdict on ${JSON.stringify(data)}`).to.equal(expected);
            if (kind !== 'valid') continue;
            const { problems, leaves } = walk(el, schema, data);
            expect(problems, `${e.name}: every value shown`).to.deep.equal([]);
            const failed: string[] = [];
            // last first: a choice edited early would take the fields after it away
            for (const [i, leaf] of [...leaves].reverse().entries()) {
              const why = await edit(el, leaf, i === 0);
              if (why) failed.push(why);
            }
            expect(failed, `${e.name}: every control edits its value`).to.deep.equal([]);
          }
          expect(watch.errors, `${e.name}: no page errors`).to.deep.equal([]);
        } finally {
          watch.stop();
        }
      });
    }
  }
});
