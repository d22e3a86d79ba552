// compileInterpreted: Ajv's compile(), minus code generation, so it runs under a
// Content-Security-Policy without 'unsafe-eval'.
import { checkSchema } from './meta.js';
import { say } from './messages.js';
import { prepare } from './prepare.js';
import { run } from './run.js';
import type { Ctx, InterpreterOptions, ValidateLike } from './types.js';

/**
 * Compile a JSON Schema 2020-12 for validation with all errors. Throws, as Ajv's compile does,
 * on a schema that breaks the meta-schema, an unresolvable $ref, and (strict, the default) an
 * unknown keyword or format.
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
  return validate;
}
