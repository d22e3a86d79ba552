/**
 * azx/ajv: makes Ajv's run-time compiler the engine for schemas that have no validator generated
 * ahead of time (administrators' definitions, a portal's own). Ajv generates code with
 * `new Function`, so import this only on pages whose Content-Security-Policy allows
 * 'unsafe-eval'; where it does not, the engine falls back to the interpreter with a warning.
 * It costs about 40 KB gzip and is faster than the interpreter on very large forms.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
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

function makeAjv(options: ConstructorParameters<typeof Ajv2020>[0]): Ajv2020 {
  const a = new Ajv2020(options);
  addFormats(a);
  for (const [name, test] of Object.entries(AZX_FORMATS)) a.addFormat(name, { type: 'string', validate: test });
  a.addVocabulary(X_KEYWORDS.map(({ keyword, schemaType }) => (schemaType ? { keyword, schemaType } : { keyword })));
  return a;
}

let validating: Ajv2020 | undefined;
let matching: Ajv2020 | undefined;

function compileWith(a: Ajv2020, schema: object): ValidateFn {
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
  compile: (schema) => compileWith((validating ??= makeAjv({ allErrors: true, multipleOfPrecision: 9, logger: quietLogger })), schema),
  matcher: (schema) => compileWith((matching ??= makeAjv({ multipleOfPrecision: 9, strictTypes: false, logger: quietLogger })), schema),
};

useSchemaEngine(ajvEngine);
