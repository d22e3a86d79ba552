/**
 * azx/ajv: makes Ajv's run-time compiler the engine for schemas that have no validator generated
 * ahead of time (administrators' definitions, a portal's own). Ajv generates code with
 * `new Function`, so import this only on pages whose Content-Security-Policy allows
 * 'unsafe-eval'; where it does not, the engine falls back to the interpreter with a warning.
 * It costs about 40 KB gzip and is faster than the interpreter on very large forms.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import Ajv2019 from 'ajv/dist/2019.js';
import Ajv07 from 'ajv';
import addFormats from 'ajv-formats';
import { draftOf, type Draft } from './interpreter/index.js';
import { AZX_FORMATS } from './formats.js';
import { X_KEYWORDS } from './vocabulary.js';
import { useSchemaEngine, type SchemaEngine, type ValidateFn } from './validator.js';

/** Ajv's warnings stay; the generated-code dump it prints before a failed compile does not (we report the failure). */
const quietLogger = {
  log: () => {},
  warn: (...args: unknown[]) => console.warn(...args),
  error: (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('Error compiling schema')) return;
    console.error(...args);
  },
};

type AjvAny = Ajv2020 | Ajv2019 | Ajv07;
type AjvOptions = ConstructorParameters<typeof Ajv2020>[0];

/** Ajv's class for each draft: draft-07 (Ajv), 2019-09 (Ajv2019), 2020-12 (Ajv2020). */
const CLASSES: Record<Draft, new (o: AjvOptions) => AjvAny> = { '07': Ajv07, '2019': Ajv2019, '2020': Ajv2020 };

function makeAjv(draft: Draft, options: AjvOptions): AjvAny {
  const a = new CLASSES[draft](options);
  addFormats(a);
  for (const [name, test] of Object.entries(AZX_FORMATS)) a.addFormat(name, { type: 'string', validate: test });
  a.addVocabulary(X_KEYWORDS.map(({ keyword, schemaType }) => (schemaType ? { keyword, schemaType } : { keyword })));
  return a;
}

const validating = new Map<Draft, AjvAny>();
const matching = new Map<Draft, AjvAny>();

/** The instance of the schema's draft (an unknown $schema goes to 2020-12, which refuses it). */
function instance(pool: Map<Draft, AjvAny>, schema: object, options: AjvOptions): AjvAny {
  const draft = draftOf((schema as { $schema?: unknown }).$schema) ?? '2020';
  let a = pool.get(draft);
  if (!a) pool.set(draft, (a = makeAjv(draft, options)));
  return a;
}

function compileWith(a: AjvAny, schema: object, ignoreFormats: readonly string[] = []): ValidateFn {
  // formats the definition leaves as annotations (validator.ts decides): known, never checked
  for (const f of ignoreFormats) if (!a.formats[f]) a.addFormat(f, true);
  // Another object with the same $id (a reloaded definition) replaces the old one.
  const id = (schema as { $id?: unknown }).$id;
  if (typeof id === 'string' && a.getSchema(id)) a.removeSchema(id);
  try {
    return a.compile(schema) as ValidateFn;
  } catch (err) {
    if (typeof id === 'string') a.removeSchema(id);
    throw err;
  }
}

export const ajvEngine: SchemaEngine = {
  name: 'ajv',
  // multipleOfPrecision as the interpreter's (money in 0.01 steps)
  compile: (schema, ignoreFormats) => compileWith(instance(validating, schema, { allErrors: true, multipleOfPrecision: 9, logger: quietLogger }), schema, ignoreFormats),
  matcher: (schema) => compileWith(instance(matching, schema, { multipleOfPrecision: 9, strictTypes: false, logger: quietLogger }), schema),
};

useSchemaEngine(ajvEngine);
