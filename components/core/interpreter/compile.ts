// compileInterpreted: Ajv's compile(), minus code generation, so it runs under a
// Content-Security-Policy without 'unsafe-eval'.
import { checkSchema } from './meta.js';
import { say } from './messages.js';
import { prepare } from './prepare.js';
import { run } from './run.js';
import type { Ctx, InterpreterOptions, ValidateLike } from './types.js';

/**
 * Compile a JSON Schema (draft-07, 2019-09 or 2020-12 by its `$schema`; 2020-12 without one) for
 * validation with all errors. Throws a SchemaError, as Ajv's compile throws, on a schema that
 * breaks its meta-schema, an unresolvable $ref, and (strict, the default) an unknown keyword or
 * format; unlike Ajv it lists every problem it found, each with its place.
 */
export function compileInterpreted(schema: unknown, options: InterpreterOptions = {}): ValidateLike {
  if (options.validateSchema !== false) checkSchema(schema, options, compileInterpreted);
  const doc = prepare(schema, options);
  const validate = ((data: unknown) => {
    const c: Ctx = { errs: [], doc, scope: [] };
    const ok = run(c, schema, '#', data, '', null);
    for (const e of c.errs) e.message = say(e);
    validate.errors = ok ? null : c.errs;
    return ok;
  }) as ValidateLike;
  validate.errors = null;
  if (doc.ignored.length) validate.ignoredFormats = doc.ignored;
  return validate;
}
