import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isEnglish } from '../core/locale.js';
import { StoreElement } from '../core/store-element.js';
import { FormAssociated, VALID, type ControlValidity } from '../core/form-control.js';
import type { LogicField } from '../core/logic-builder/index.js';
// the data layer's small modules, not its index: the editor needs no PocketBase SDK
import { isStoreError, type FieldError } from '../data/errors.js';
import { referenceOf, type IndustryEntry } from '../data/reference.js';
import type { Store } from '../data/store.js';
import type { EffectivePack, PackCheck, PackDocument, PackTestCase, RulePack } from '../data/rule-packs.js';
import { termLabel } from '../data/terms.js';
import { DEFINITION_STATUS } from '../data/vocab.js';
import { diffPacks, documentOf, newPack, versionsOf } from './model.js';
import { renderCheck, renderGeneral, renderPublish, renderRules, renderTables, renderTests, type PanelContext } from './panels.js';
import { packEditorStyles } from './pack-editor.styles.js';
import { t, type PackEditorKey } from './text.js';

export type PackEditorTab = 'general' | 'tables' | 'rules' | 'tests' | 'preview' | 'publish';
const TABS: readonly [PackEditorTab, PackEditorKey][] = [
  ['general', 'tabGeneral'],
  ['tables', 'tabTables'],
  ['rules', 'tabRules'],
  ['tests', 'tabTests'],
  ['preview', 'tabPreview'],
  ['publish', 'tabPublish'],
];

const NATIONAL = '000000';

/** What is being edited: one version of one pack, not yet published. */
export interface PackDraftState {
  readonly version: number;
  readonly doc: PackDocument;
}

/**
 * The administrators' editor of rule packs (schemas/packs/README.md), without JSON: lists the
 * packs with their versions; starts a pack for a region (adding the region to the reference data
 * when it is missing, without a release) layered on a published one; edits its titles, legal
 * status, dates and sources, its tables as tables (base rates by industry, coefficient ranges,
 * thresholds, lists of industries and finding categories), its rules through
 * `<azx-logic-builder>`, and its test cases ("this sample policy must be refused with code X");
 * runs them on the server's evaluator as a preview, shows the changes against the published
 * version, publishes and retires. The server's errors are shown at the fields they name.
 *
 * Reads the Store from context (`storeContext`) unless `store` is set. In a `<form>` it is a form
 * control: its value is the open draft as JSON, invalid while the server's refusal stands.
 *
 * @summary Administrators write a region's rule pack and publish it without a release.
 *
 * @event azx-pack-published - Bubbling, composed `CustomEvent<{ pack: RulePack }>`: a version was published.
 * @event azx-pack-retired - Bubbling, composed `CustomEvent<{ pack: RulePack }>`: a version was retired.
 * @event azx-region-added - Bubbling, composed `CustomEvent<{ region: RegionEntry }>`: a region was added to the reference data.
 *
 * @csspart packs - The table of packs.
 * @csspart new-pack - The form that starts a pack for a region.
 * @csspart tabs - The tab list of the editor.
 * @csspart tab - One tab.
 * @csspart diff - The table of changes against the published version.
 * @csspart control - Every input, select and textarea.
 * @csspart button - Every button (also `primary`).
 * @csspart status - The status line.
 */
export class AzxPackEditor extends FormAssociated(StoreElement) {
  static override styles = packEditorStyles;

  /** Open this pack key in the editor at once (its draft, else a new version of it). */
  @property({ attribute: 'pack-key' }) accessor packKey: string = '';

  /** The editor's open tab: general, tables, rules, tests, preview or publish. */
  @property() accessor tab: PackEditorTab = 'general';

  @state() accessor #packs: readonly RulePack[] = [];
  @state() accessor #industries: readonly IndustryEntry[] = [];
  @state() accessor #loaded = false;
  @state() accessor #draft: PackDraftState | undefined = undefined;
  @state() accessor #inherited: EffectivePack | undefined = undefined;
  @state() accessor #fields: readonly LogicField[] = [];
  @state() accessor #errors: Readonly<Record<string, FieldError>> = {};
  @state() accessor #check: PackCheck | undefined = undefined;
  /** The document #check judged: a case's verdict is shown beside it only while nothing changed since. */
  #checked: PackDocument | undefined;
  @state() accessor #busy = false;
  @state() accessor #status = '';
  @state() accessor #problem = '';
  /** A code the new-pack form named that the reference data lacks: the region form is shown. */
  @state() accessor #unknownRegion = '';
  @state() accessor #newErrors: Readonly<Record<string, FieldError>> = {};

  /** In a surrounding form: the open draft (its version and pack document) as JSON, or nothing. */
  protected override formValue(): string | null {
    const d = this.#draft;
    return d ? JSON.stringify({ version: d.version, pack: d.doc }) : null;
  }

  /** The draft's first problem as the editor shows it: a field the server refused, or the refusal itself. */
  protected override formValidity(): ControlValidity {
    if (!this.#draft) return VALID;
    const en = isEnglish(this.locale);
    const [field, error] = Object.entries(this.#errors)[0] ?? [];
    if (field && error) return { flags: { customError: true }, message: `${field}: ${en ? error.message_en : error.message_zh}` };
    return this.#problem ? { flags: { customError: true }, message: this.#problem } : VALID;
  }

  /** The draft being edited, if any (for portals and tests). */
  get draft(): PackDraftState | undefined {
    return this.#draft;
  }

  protected override storeReady(): void {
    void this.#load().then(async () => {
      if (this.packKey && !this.#draft) {
        const tab = this.tab;
        await this.edit(this.packKey);
        this.tab = tab;
      }
    });
  }

  /** Reloads the packs from the store. */
  async reload(): Promise<void> {
    await this.#load();
  }

  async #load(): Promise<void> {
    const store = this.activeStore;
    if (!store?.party) return;
    try {
      const reference = referenceOf(store);
      const [packs, industries] = await Promise.all([store.listRulePacks(), reference.industries()]);
      await reference.load(packs.map((p) => p.jurisdiction));
      this.#packs = packs;
      this.#industries = industries;
      this.#loaded = true;
    } catch (err) {
      this.#fail(err);
    }
  }

  #regionName = (code: string): string => {
    if (code === NATIONAL) return t(this.locale, 'national');
    const store = this.activeStore;
    return store ? referenceOf(store).regionName(code, this.locale) : code;
  };

  #fail(err: unknown): void {
    if (isStoreError(err)) {
      this.#errors = err.fieldErrors;
      const listed = Object.entries(err.fieldErrors).map(([p, e]) => `${p}: ${isEnglish(this.locale) ? e.message_en : e.message_zh}`);
      this.#problem = listed.length ? `${t(this.locale, 'refused')} ${listed.join('；')}` : isEnglish(this.locale) ? err.message_en : err.message_zh;
    } else {
      this.#problem = t(this.locale, 'failed', { m: String((err as Error)?.message ?? err) });
    }
  }

  // ── actions ───────────────────────────────────────────────────────────────────────────

  /** Opens a key: its draft, else a new version of its latest. */
  async edit(key: string): Promise<void> {
    const v = versionsOf(this.#packs, key);
    const from = v.draft ?? v.all.at(-1);
    if (!from) return;
    await this.#open({ version: v.draft ? v.draft.version : v.next, doc: documentOf(from) });
  }

  async #open(draft: PackDraftState): Promise<void> {
    this.#draft = draft;
    this.#errors = {};
    this.#check = undefined;
    this.#problem = '';
    this.#status = '';
    this.tab = 'general';
    await this.#readInherited();
    await this.#readFields();
  }

  /** The packs in force where and when the draft starts, without the draft's own key. */
  async #readInherited(): Promise<void> {
    const store = this.activeStore;
    const d = this.#draft?.doc;
    if (!store || !d || !/^\d{4}-\d{2}-\d{2}$/.test(d.effective_from)) return;
    try {
      const eff = await store.effectivePack(d.jurisdiction, d.effective_from);
      this.#inherited = eff;
    } catch {
      this.#inherited = undefined;
    }
  }

  /** What a rule's condition may read: the policy's fields, its enterprise's, and the scalar tables in force. */
  async #readFields(): Promise<void> {
    const store = this.activeStore;
    if (!store) return;
    const L = this.locale;
    const fields: LogicField[] = [];
    try {
      const policy = await store.latestDefinition('policy');
      const props = (policy.schema['properties'] ?? {}) as Record<string, { title?: string; type?: string; 'x-title-en'?: string }>;
      for (const [k, p] of Object.entries(props)) {
        if (p.type === 'object' || p.type === 'array') continue;
        fields.push({ path: `record.${k}`, title: p.title ?? k, kind: p.type === 'number' || p.type === 'integer' ? 'number' : p.type === 'boolean' ? 'boolean' : 'string' });
      }
    } catch {
      // without the policy form the builder still offers the tables; JSON Logic text stays possible
    }
    for (const [k, kind] of [['region_code', 'string'], ['industry', 'string'], ['headcount', 'number']] as const) {
      fields.push({ path: `enterprise.${k}`, title: `enterprise.${k}`, kind });
    }
    for (const [name, tb] of Object.entries({ ...(this.#inherited?.tables ?? {}), ...(this.#draft?.doc.tables ?? {}) })) {
      if (['number', 'string', 'boolean'].includes(typeof tb.value)) {
        fields.push({ path: `tables.${name}.value`, title: isEnglish(L) ? tb.title.en : tb.title.zh, kind: typeof tb.value === 'number' ? 'number' : String(typeof tb.value) });
      }
    }
    this.#fields = fields;
  }

  #commit = (doc: PackDocument): void => {
    if (!this.#draft) return;
    this.#draft = { ...this.#draft, doc };
  };

  async #newPack(e: Event): Promise<void> {
    e.preventDefault();
    const store = this.activeStore;
    if (!store) return;
    const form = e.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const get = (k: string): string => String(data.get(k) ?? '').trim();
    const code = get('jurisdiction');
    const key = get('key');
    const errors: Record<string, FieldError> = {};
    const bad = (field: string, zh: string, en: string): void => {
      errors[field] = { code: 'invalid', message: isEnglish(this.locale) ? en : zh, message_zh: zh, message_en: en };
    };
    if (!/^[a-z][a-z0-9-]{1,39}$/.test(key)) bad('key', '标识须以小写字母开头，由小写字母、数字和连字符组成（2–40 个字符）', 'A key starts with a lower-case letter: lower-case letters, digits and hyphens (2–40).');
    else if (this.#packs.some((p) => p.key === key)) bad('key', '已有此标识的规则包：请编辑它的新版本', 'A pack with this key exists: edit a new version of it.');
    if (!/^\d{6}$/.test(code)) bad('jurisdiction', '行政区划代码须为六位数字', 'A region code has six digits.');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(get('from'))) bad('from', '请填写生效日期', 'Give the first day in force.');
    this.#newErrors = errors;
    if (Object.keys(errors).length) return;
    const reference = referenceOf(store);
    if (code !== NATIONAL) {
      await reference.load([code]);
      if (!reference.region(code)) {
        this.#unknownRegion = code;
        return;
      }
    }
    this.#unknownRegion = '';
    const parent = get('extends') || null;
    await this.#open({ version: 1, doc: newPack({ key, jurisdiction: code, parent, title: get('title'), titleEn: get('titleEn'), from: get('from') }) });
  }

  /**
   * One store call at a time: busy while it runs, the last problem cleared; a refusal shows its
   * errors at their fields and resolves undefined.
   */
  async #run<T>(act: (store: Store) => Promise<T>): Promise<T | undefined> {
    const store = this.activeStore;
    if (!store) return undefined;
    this.#busy = true;
    this.#problem = '';
    try {
      return await act(store);
    } catch (err) {
      this.#fail(err);
      return undefined;
    } finally {
      this.#busy = false;
    }
  }

  async #addRegion(e: Event): Promise<void> {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const code = this.#unknownRegion;
    const region = await this.#run((store) =>
      store.saveRegion({ code, name: String(data.get('name') ?? '').trim(), nameEn: String(data.get('nameEn') ?? '').trim() }).then((r) => {
        referenceOf(store).remember(r);
        return r;
      }),
    );
    this.#newErrors = region ? {} : this.#errors;
    if (!region) return;
    this.#unknownRegion = '';
    this.#status = t(this.locale, 'regionAdded', { code: region.code, name: region.name });
    this.dispatchEvent(new CustomEvent('azx-region-added', { detail: { region }, bubbles: true, composed: true }));
  }

  /** Stores the draft; resolves with the stored version, or undefined when refused (errors at their fields). */
  async saveDraft(): Promise<RulePack | undefined> {
    const d = this.#draft;
    if (!d) return undefined;
    const saved = await this.#run(async (store) => {
      const pack = await store.saveRulePackDraft(d.version, d.doc);
      this.#packs = await store.listRulePacks();
      return pack;
    });
    if (saved) {
      this.#errors = {};
      this.#status = t(this.locale, 'saved', { v: saved.version });
    }
    return saved;
  }

  /** Saves the draft, then publishes it (the server runs its tests first). */
  async publish(): Promise<RulePack | undefined> {
    const d = this.#draft;
    if (!d || !(await this.saveDraft())) return undefined;
    const pack = await this.#run(async (store) => {
      const published = await store.setRulePackStatus(d.doc.key, d.version, 'published');
      this.#packs = await store.listRulePacks();
      return published;
    });
    if (!pack) return undefined;
    this.#draft = undefined;
    this.#status = t(this.locale, 'published', { k: pack.key, v: pack.version });
    this.dispatchEvent(new CustomEvent('azx-pack-published', { detail: { pack }, bubbles: true, composed: true }));
    return pack;
  }

  /** A change from the list (retire a version, delete a draft): the list is read again after it. */
  async #listAction(act: (store: Store) => Promise<unknown>, done: string): Promise<void> {
    const ok = await this.#run(async (store) => {
      await act(store);
      this.#packs = await store.listRulePacks();
      return true;
    });
    if (ok) this.#status = done;
  }

  #retire(pack: RulePack): Promise<void> {
    return this.#listAction(async (store) => {
      const retired = await store.setRulePackStatus(pack.key, pack.version, 'retired');
      this.dispatchEvent(new CustomEvent('azx-pack-retired', { detail: { pack: retired }, bubbles: true, composed: true }));
    }, t(this.locale, 'retired', { k: pack.key, v: pack.version }));
  }

  #deleteDraft(pack: RulePack): Promise<void> {
    return this.#listAction((store) => store.deleteRulePackDraft(pack.key, pack.version), t(this.locale, 'draftDeleted', { k: pack.key, v: pack.version }));
  }

  /** The server's dry run: errors by path (shown at the fields) and every test case's verdict. */
  async check(): Promise<PackCheck | undefined> {
    const d = this.#draft;
    if (!d) return undefined;
    const check = await this.#run(async (store) => {
      const answer = await store.checkRulePack(d.doc);
      await referenceOf(store).load(answer.tests.map((r) => r.region));
      return answer;
    });
    if (check) {
      this.#check = check;
      this.#checked = d.doc;
      this.#errors = check.errors;
    }
    return check;
  }

  /** A new test case: the first case of the pack the draft extends (or of this one), in the draft's region. */
  #sampleCase = (): PackTestCase => {
    const d = this.#draft!.doc;
    const parent = d.extends ? versionsOf(this.#packs, d.extends).published : undefined;
    const base = d.tests[0] ?? parent?.tests[0];
    const region = d.jurisdiction === NATIONAL ? undefined : d.jurisdiction;
    return {
      name: '',
      ...(region ? { region } : {}),
      enterprise: structuredClone(base?.enterprise ?? {}),
      record: structuredClone(base?.record ?? {}),
      expect: { refuse: {} },
    };
  };

  // ── rendering ─────────────────────────────────────────────────────────────────────────

  protected override render(): TemplateResult {
    const L = this.locale;
    const store = this.activeStore;
    let body: TemplateResult;
    if (!store) body = html`<p>${t(L, 'noStore')}</p>`;
    else if (store.party?.role !== 'admin') body = html`<p class="not-admin">${t(L, 'notAdmin')}</p>`;
    else if (!this.#loaded) body = html`<p>${t(L, 'loading')}</p>`;
    else body = this.#draft ? this.#renderEditor(this.#draft) : this.#renderList();
    return html`<h2>${t(L, 'heading')}</h2>
      ${body}
      <p class="status" part="status" role="status">${this.#status}</p>
      ${this.#problem ? html`<p class="error problem" role="alert">${this.#problem}</p>` : nothing}`;
  }

  #renderList(): TemplateResult {
    const L = this.locale;
    const keys = [...new Set(this.#packs.map((p) => p.key))];
    const published = keys.filter((k) => versionsOf(this.#packs, k).published);
    const err = (k: string): TemplateResult | typeof nothing => {
      const e = this.#newErrors[k];
      return e ? html`<span class="field-error" id=${`new-${k}-error`} role="alert">${isEnglish(L) ? e.message_en : e.message_zh}</span>` : nothing;
    };
    return html`<table class="packs" part="packs">
        <thead><tr><th scope="col">${t(L, 'key')}</th><th scope="col">${t(L, 'title')}</th><th scope="col">${t(L, 'jurisdiction')}</th><th scope="col">${t(L, 'versions')}</th><th scope="col">${t(L, 'actions')}</th></tr></thead>
        <tbody>
          ${keys.map((key) => {
            const v = versionsOf(this.#packs, key);
            const last = v.all.at(-1)!;
            return html`<tr data-key=${key}>
              <td><code>${key}</code></td>
              <td>${isEnglish(L) ? last.title_en || last.title : last.title}</td>
              <td>${this.#regionName(last.jurisdiction)}</td>
              <td><ul class="versions">${v.all.map(
                (p) => html`<li>v${p.version} ${termLabel(DEFINITION_STATUS, p.status, L)}
                  ${p.status === 'published'
                    ? html`<button type="button" part="button" aria-label=${t(L, 'retireVersion', { k: key, v: p.version })} @click=${() => this.#retire(p)}>${t(L, 'retire')}</button>`
                    : p.status === 'draft'
                      ? html`<button type="button" part="button" @click=${() => this.#deleteDraft(p)}>${t(L, 'deleteDraft')}</button>`
                      : nothing}</li>`,
              )}</ul></td>
              <td><button type="button" part="button" class="edit" @click=${() => this.edit(key)}>${t(L, v.draft ? 'edit' : 'newVersion')}</button></td>
            </tr>`;
          })}
        </tbody>
      </table>
      <form class="new-pack" part="new-pack" @submit=${(e: Event) => this.#newPack(e)} novalidate>
        <fieldset>
          <legend>${t(L, 'newPack')}</legend>
          <div class="grid">
            <label for="new-jurisdiction">${t(L, 'regionCode')}</label>
            <span><input part="control" id="new-jurisdiction" name="jurisdiction" inputmode="numeric" maxlength="6" aria-describedby="new-jurisdiction-error" aria-invalid=${this.#newErrors['jurisdiction'] ? 'true' : 'false'} />${err('jurisdiction')}</span>
            <label for="new-key">${t(L, 'key')}</label>
            <span><input part="control" id="new-key" name="key" aria-describedby="new-key-error" aria-invalid=${this.#newErrors['key'] ? 'true' : 'false'} />${err('key')}</span>
            <label for="new-extends">${t(L, 'extends')}</label>
            <select part="control" id="new-extends" name="extends">
              <option value="">${t(L, 'extendsNone')}</option>
              ${published.map((k) => {
                // by its title, as the table names it: a key is an identifier, not words
                const p = versionsOf(this.#packs, k).published;
                return html`<option value=${k} ?selected=${k === 'cn-2025'}>${p ? (isEnglish(L) ? p.title_en || p.title : p.title) : k}</option>`;
              })}
            </select>
            <label for="new-title">${t(L, 'title')}</label>
            <input part="control" id="new-title" name="title" />
            <label for="new-title-en">${t(L, 'titleEn')}</label>
            <input part="control" id="new-title-en" name="titleEn" />
            <label for="new-from">${t(L, 'effectiveFrom')}</label>
            <span><input part="control" id="new-from" name="from" type="date" aria-describedby="new-from-error" />${err('from')}</span>
          </div>
          <button part="button primary" class="primary" type="submit">${t(L, 'create')}</button>
        </fieldset>
      </form>
      ${this.#unknownRegion
        ? html`<form class="add-region" @submit=${(e: Event) => this.#addRegion(e)}>
            <p role="alert">${t(L, 'regionUnknown', { code: this.#unknownRegion })}</p>
            <div class="grid">
              <label for="region-name">${t(L, 'regionName')}</label>
              <span><input part="control" id="region-name" name="name" required aria-describedby="new-name-error" />${err('name')}${err('code')}${err('parent')}</span>
              <label for="region-name-en">${t(L, 'regionNameEn')}</label>
              <input part="control" id="region-name-en" name="nameEn" />
            </div>
            <button part="button primary" class="primary" type="submit" ?disabled=${this.#busy}>${t(L, 'addRegion')}</button>
          </form>`
        : nothing}`;
  }

  #renderEditor(d: PackDraftState): TemplateResult {
    const L = this.locale;
    const c: PanelContext = {
      locale: L,
      doc: d.doc,
      version: d.version,
      errors: this.#errors,
      industries: this.#industries,
      inherited: this.#inherited,
      regionName: this.#regionName,
      commit: this.#commit,
    };
    const against = versionsOf(this.#packs, d.doc.key).published;
    const onKey = (e: KeyboardEvent): void => {
      const i = TABS.findIndex(([tab]) => tab === this.tab);
      const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
      if (next === null) return;
      e.preventDefault();
      this.tab = TABS[(next + TABS.length) % TABS.length]![0];
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus());
    };
    let panel: TemplateResult;
    switch (this.tab) {
      case 'tables': panel = renderTables(c); break;
      case 'rules': panel = renderRules(c, this.#fields); break;
      case 'tests': panel = renderTests(c, this.#sampleCase, this.#fields, this.#checked === d.doc ? this.#check : undefined, this.#busy, () => void this.check()); break;
      case 'preview': panel = renderCheck(c, this.#check, this.#busy, () => void this.check()); break;
      case 'publish': panel = renderPublish(c, against, diffPacks(against ? documentOf(against) : undefined, d.doc), this.#busy, () => void this.publish()); break;
      default: panel = renderGeneral(c);
    }
    return html`<div class="toolbar">
        <button type="button" part="button" class="back" @click=${() => { this.#draft = undefined; this.#errors = {}; }}>${t(L, 'back')}</button>
        <strong>${isEnglish(L) ? d.doc.title_en || d.doc.title : d.doc.title}</strong> <code>${d.doc.key}</code> v${d.version}
        <button type="button" part="button" class="save" ?disabled=${this.#busy} @click=${() => void this.saveDraft()}>${t(L, 'saveDraft')}</button>
      </div>
      <div role="tablist" part="tabs" class="tabs" @keydown=${onKey}>
        ${TABS.map(
          ([tab, key]) => html`<button role="tab" part="tab" id=${`tab-${tab}`} aria-selected=${tab === this.tab ? 'true' : 'false'} aria-controls="panel"
            tabindex=${tab === this.tab ? '0' : '-1'} @click=${() => { this.tab = tab; if (tab === 'preview' && !this.#check) void this.check(); }}>
            ${t(L, key)}${this.#errorCount(tab) ? html` <span class="badge">${this.#errorCount(tab)}</span>` : nothing}</button>`,
        )}
      </div>
      <div id="panel" role="tabpanel" aria-labelledby=${`tab-${this.tab}`}>${panel}</div>`;
  }

  /** How many of the server's errors a tab holds, so an error elsewhere is never hidden. */
  #errorCount(tab: PackEditorTab): number {
    const prefix: Record<PackEditorTab, RegExp | null> = {
      general: /^(title|title_en|jurisdiction|legal_status|effective_from|effective_to|extends|sources|key)(\.|$)/,
      tables: /^tables(\.|$)/,
      rules: /^(rules|computations)(\.|$)/,
      tests: /^tests(\.|$)/,
      preview: null,
      publish: null,
    };
    const re = prefix[tab];
    return re ? Object.keys(this.#errors).filter((p) => re.test(p)).length : 0;
  }
}
