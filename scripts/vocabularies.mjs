// The small closed lists that code branches on (schemas/vocabularies/*.json), the hazard
// workflow (schemas/workflows/hazard.json) and the industry classification
// (schemas/reference/industries.json), generated for both languages so neither side types them:
//
//   backend/internal/vocab/vocab_gen.go     one Vocabulary per list, and a constant per code
//   components/data/vocab.ts                the same lists `as const`, with a union type each
//   backend/internal/hazards/workflow.json  the workflow document the server interprets (embedded)
//   components/data/hazard-workflow.ts      the same document for the ledger's interpreter
//
// Before writing anything it checks each source against its JSON Schema, the workflow's
// cross-references (states, transitions, actions, roles), and that every built-in definition
// that lists the same codes (`in_definitions`) lists them with the same names, in the same order.
//
//   import { generateVocabularies } from './vocabularies.mjs'; await generateVocabularies() → targets for types.mjs
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { root } from './paths.mjs';

const vocabulariesDir = join(root, 'schemas', 'vocabularies');
const workflowPath = join(root, 'schemas', 'workflows', 'hazard.json');
const industriesPath = join(root, 'schemas', 'reference', 'industries.json');
const definitionsDir = join(root, 'schemas', 'definitions');

const readJson = async (path) => JSON.parse(await readFile(path, 'utf8'));

/** Validates `doc` against the JSON Schema at `schemaPath`; throws naming the file and the errors. */
async function validate(doc, schemaPath, label) {
  const ajv = new Ajv2020.default({ allErrors: true, strict: true, allowUnionTypes: true });
  const check = ajv.compile(await readJson(schemaPath));
  if (!check(doc)) {
    const errors = check.errors.map((e) => `  ${e.instancePath || '/'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
    throw new Error(`${label} does not match its schema:\n${errors.join('\n')}`);
  }
}

async function readVocabularies() {
  const files = (await readdir(vocabulariesDir)).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();
  const out = [];
  for (const file of files) {
    const doc = await readJson(join(vocabulariesDir, file));
    await validate(doc, join(vocabulariesDir, 'vocabulary.schema.json'), `schemas/vocabularies/${file}`);
    out.push({ ...doc, file: `schemas/vocabularies/${file}` });
  }
  return out;
}

/** The workflow, checked beyond its schema: every name it uses is one it defines. */
async function readWorkflow(roles) {
  const doc = await readJson(workflowPath);
  const label = 'schemas/workflows/hazard.json';
  await validate(doc, join(root, 'schemas', 'workflows', 'workflow.schema.json'), label);
  const problems = [];
  const states = doc.states.map((s) => s.code);
  const actions = doc.actions.map((a) => a.code);
  const state = (s, where) => s === null || states.includes(s) || problems.push(`${where}: unknown state "${s}"`);
  const action = (a, where) => actions.includes(a) || problems.push(`${where}: unknown action "${a}"`);
  const role = (r, where) => roles.includes(r) || problems.push(`${where}: unknown role "${r}" (schemas/vocabularies/role.json)`);
  const recipients = (doc.recipients ?? []).map((r) => r.code);
  const recipient = (r, where) => recipients.includes(r) || problems.push(`${where}: unknown recipient "${r}" (recipients)`);
  for (const list of [states, actions]) {
    for (const dup of list.filter((c, i) => list.indexOf(c) !== i)) problems.push(`"${dup}" is defined twice`);
  }
  state(doc.initial, 'initial');
  for (const s of states) if (!(s in doc.transitions)) problems.push(`transitions: state "${s}" has no entry (write [] for none)`);
  for (const [from, tos] of Object.entries(doc.transitions)) {
    state(from, 'transitions');
    tos.forEach((to) => state(to, `transitions.${from}`));
  }
  for (const a of doc.actions) {
    const where = `actions.${a.code}`;
    state(a.to, `${where}.to`);
    if (Array.isArray(a.from)) a.from.forEach((s) => state(s, `${where}.from`));
    if (a.to === null && a.from === undefined) problems.push(`${where}: an action that moves nothing needs "from"`);
    a.roles.forEach((r) => role(r, `${where}.roles`));
    (a.not_by ?? []).forEach((x) => action(x, `${where}.not_by`));
    (a.recipients ?? []).forEach((x) => recipient(x, `${where}.recipients`));
    if (a.major) {
      (a.major.recipients ?? []).forEach((x) => recipient(x, `${where}.major.recipients`));
      if ('to' in a.major) state(a.major.to, `${where}.major.to`);
      (a.major.roles ?? []).forEach((r) => role(r, `${where}.major.roles`));
      (a.major.not_by ?? []).forEach((x) => action(x, `${where}.major.not_by`));
    }
  }
  if (doc.follow_up) {
    action(doc.follow_up.after, 'follow_up.after');
    action(doc.follow_up.action, 'follow_up.action');
  }
  if (problems.length > 0) throw new Error(`${label}:\n  ${problems.join('\n  ')}`);
  return doc;
}

/** A JSON pointer's node (RFC 6901) inside `doc`, or undefined. */
function at(doc, pointer) {
  let node = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) return undefined;
    node = node[key];
  }
  return node;
}

/** Every `in_definitions` place lists the vocabulary's codes with its names, in its order. */
async function checkDefinitions(vocabularies) {
  const definitions = new Map();
  for (const file of (await readdir(definitionsDir)).filter((f) => f.endsWith('.json'))) {
    const d = await readJson(join(definitionsDir, file));
    definitions.set(d.key, { file, schema: d.schema });
  }
  const problems = [];
  for (const v of vocabularies) {
    for (const place of v.in_definitions ?? []) {
      const [key, pointer] = [place.slice(0, place.indexOf('#')), place.slice(place.indexOf('#') + 1)];
      const d = definitions.get(key);
      const node = d && at(d.schema, pointer);
      const branches = Array.isArray(node?.oneOf) ? node.oneOf : null;
      if (!branches) {
        problems.push(`${v.file}: ${place} is not a oneOf of labelled constants`);
        continue;
      }
      const listed = branches.map((b) => `${b.const} ${b.title} / ${b['x-title-en']}`);
      const wanted = v.terms.map((t) => `${t.code} ${t.zh} / ${t.en}`);
      if (listed.join('\n') !== wanted.join('\n')) {
        problems.push(`${v.file}: schemas/definitions/${d.file} ${pointer} lists\n    ${listed.join('\n    ')}\n  instead of\n    ${wanted.join('\n    ')}`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`A definition and a vocabulary disagree (change both, or publish a new definition version):\n  ${problems.join('\n  ')}`);
}

/** "policy_status" → "PolicyStatus"; "01" → "01". */
const pascal = (s) => s.replace(/(^|_)([a-z0-9])/g, (_, __, c) => c.toUpperCase());
const upper = (s) => s.toUpperCase();

/** The lists every side gets: the vocabularies, the workflow's states and actions, the industries. */
function listsOf(vocabularies, workflow, industries) {
  const attrs = (t, drop) => Object.fromEntries(Object.entries(t).filter(([k]) => !['code', 'zh', 'en', ...drop].includes(k)));
  const term = (t, drop = []) => ({ code: t.code, zh: t.zh, en: t.en, attrs: attrs(t, drop) });
  return [
    ...vocabularies.map((v) => ({ key: v.key, title: v.title, description: v.description ?? '', source: v.file, terms: v.terms.map((t) => term(t)) })),
    {
      key: 'hazard_status',
      title: { zh: '隐患状态', en: 'Hazard status' },
      description: 'The states of the hazard workflow. overdue: not yet rectified, so overdue once past its deadline; closed: the loop is closed.',
      source: 'schemas/workflows/hazard.json',
      terms: workflow.states.map((s) => term(s)),
    },
    {
      key: 'hazard_action',
      title: { zh: '隐患处理动作', en: 'Hazard action' },
      description: 'The actions a hazard event names (what each does lives in the workflow document).',
      source: 'schemas/workflows/hazard.json',
      terms: workflow.actions.map((a) => term(a, ['to', 'from', 'roles', 'evidence', 'note', 'not_by', 'recipients', 'major'])),
    },
    {
      key: 'industry',
      title: industries.title,
      description: 'The built-in industries (the industries collection holds these and whatever administrators add).',
      source: 'schemas/reference/industries.json',
      terms: industries.terms.map((t) => term(t, ['gbt4754'])),
    },
  ];
}

const goString = (s) => JSON.stringify(s);
function goValue(v) {
  if (typeof v === 'string') return goString(v);
  return String(v);
}

function goSource(lists) {
  const out = [
    '// Code generated by scripts/types.mjs from schemas/vocabularies, schemas/workflows/hazard.json and',
    '// schemas/reference/industries.json. DO NOT EDIT: change the JSON and run `npm run types`.',
    '',
    'package vocab',
    '',
  ];
  for (const l of lists) {
    const name = pascal(l.key);
    out.push(`// ${name}: ${l.title.zh} / ${l.title.en}. ${l.description}`.trimEnd(), `// Source: ${l.source}.`);
    out.push(`var ${name} = Vocabulary{Key: ${goString(l.key)}, TitleZh: ${goString(l.title.zh)}, TitleEn: ${goString(l.title.en)}, Terms: []Term{`);
    for (const t of l.terms) {
      const attrs = Object.entries(t.attrs);
      const a = attrs.length ? `, Attrs: map[string]any{${attrs.map(([k, v]) => `${goString(k)}: ${goValue(v)}`).join(', ')}}` : '';
      out.push(`\t{Code: ${goString(t.code)}, Zh: ${goString(t.zh)}, En: ${goString(t.en)}${a}},`);
    }
    out.push('}}', '');
    out.push(`// Codes of ${name}.`, 'const (');
    const width = Math.max(...l.terms.map((t) => `${name}${pascal(t.code)}`.length));
    for (const t of l.terms) out.push(`\t${`${name}${pascal(t.code)}`.padEnd(width)} = ${goString(t.code)}`);
    out.push(')', '');
  }
  return out.join('\n');
}

function tsSource(lists) {
  const out = [
    '/**',
    ' * Generated by scripts/types.mjs from schemas/vocabularies, schemas/workflows/hazard.json and',
    ' * schemas/reference/industries.json. Do not edit by hand: change the JSON and run `npm run types`',
    ' * (CI runs `node scripts/types.mjs --check`).',
    ' */',
    "import type { Vocabulary } from './terms.js';",
    '',
  ];
  for (const l of lists) {
    const name = pascal(l.key);
    const constName = upper(l.key);
    const terms = l.terms.map((t) => {
      const attrs = Object.entries(t.attrs).map(([k, v]) => `, ${k}: ${JSON.stringify(v)}`).join('');
      return `    { code: ${JSON.stringify(t.code)}, zh: ${JSON.stringify(t.zh)}, en: ${JSON.stringify(t.en)}${attrs} },`;
    });
    out.push(
      `/** ${l.title.zh} / ${l.title.en}. ${l.description} Source: ${l.source}. */`.replace(/\s+\*\/$/, ' */'),
      `export const ${constName} = {`,
      `  key: ${JSON.stringify(l.key)},`,
      `  zh: ${JSON.stringify(l.title.zh)},`,
      `  en: ${JSON.stringify(l.title.en)},`,
      '  terms: [',
      ...terms,
      '  ],',
      '} as const satisfies Vocabulary;',
      `export type ${name} = (typeof ${constName}.terms)[number]['code'];`,
      '',
    );
  }
  return out.join('\n');
}

function workflowTs(workflow) {
  return [
    '/**',
    ' * Generated by scripts/types.mjs from schemas/workflows/hazard.json. Do not edit by hand: change',
    ' * the JSON and run `npm run types` (CI runs `node scripts/types.mjs --check`).',
    ' */',
    "import type { Workflow } from './workflow.js';",
    '',
    '/** The hazard closed loop (DOMAIN.md), interpreted by components/hazard-ledger/loop.ts. */',
    `export const HAZARD_WORKFLOW: Workflow = ${JSON.stringify(workflow, null, 2)};`,
    '',
  ].join('\n');
}

/** Targets for scripts/types.mjs: { dir, files: Map(name → contents), owns }. */
export async function generateVocabularies() {
  const vocabularies = await readVocabularies();
  const industries = await readJson(industriesPath);
  await validate(industries, join(root, 'schemas', 'reference', 'industries.schema.json'), 'schemas/reference/industries.json');
  const role = vocabularies.find((v) => v.key === 'role');
  if (!role) throw new Error('schemas/vocabularies/role.json is missing');
  const workflow = await readWorkflow(role.terms.map((t) => t.code));
  await checkDefinitions([...vocabularies, { ...industries, file: 'schemas/reference/industries.json' }]);
  const lists = listsOf(vocabularies, workflow, industries);
  const { $schema: _, ...document } = workflow;
  const only = (names) => (f) => names.includes(f);
  return [
    { dir: join(root, 'backend', 'internal', 'vocab'), files: new Map([['vocab_gen.go', goSource(lists)]]), owns: only(['vocab_gen.go']) },
    {
      dir: join(root, 'components', 'data'),
      files: new Map([
        ['vocab.ts', tsSource(lists)],
        ['hazard-workflow.ts', workflowTs(document)],
      ]),
      owns: only(['vocab.ts', 'hazard-workflow.ts']),
    },
    {
      dir: join(root, 'backend', 'internal', 'hazards'),
      files: new Map([['workflow.json', `${JSON.stringify(document, null, 2)}\n`]]),
      owns: only(['workflow.json']),
    },
  ];
}
