// Ajv as the form engine configures it (components/core/ajv.ts: all errors, ajv-formats, our
// formats and x- keywords, multipleOfPrecision 9), in the class of the schema's draft: the
// reference the interpreter's verdicts and errors are compared with.
import Ajv2020 from 'ajv/dist/2020.js';
import Ajv2019 from 'ajv/dist/2019.js';
import Ajv07 from 'ajv';
import addFormats from 'ajv-formats';
import { AZX_FORMATS } from '../../../components/core/formats.js';
import { X_KEYWORDS } from '../../../components/core/vocabulary.js';
import { draftOf, type Draft } from '../../../components/core/interpreter/index.js';

type Options = ConstructorParameters<typeof Ajv2020>[0];
const CLASSES: Record<Draft, new (o: Options) => Ajv2020 | Ajv2019 | Ajv07> = { '07': Ajv07, '2019': Ajv2019, '2020': Ajv2020 };

/** A fresh Ajv of the draft the schema names (2020-12 without $schema), our vocabulary and formats added. */
export function ajvFor(schema: unknown, options: Options & { draft?: Draft; azx?: boolean } = {}) {
  const { draft, azx = true, ...rest } = options;
  const d = draft ?? draftOf(typeof schema === 'object' && schema !== null ? (schema as { $schema?: unknown }).$schema : undefined) ?? '2020';
  const ajv = new CLASSES[d]({ allErrors: true, multipleOfPrecision: 9, logger: false, ...rest });
  addFormats(ajv);
  if (azx) {
    for (const [name, test] of Object.entries(AZX_FORMATS)) ajv.addFormat(name, { type: 'string', validate: test });
    ajv.addVocabulary(X_KEYWORDS.map(({ keyword, schemaType }) => (schemaType ? { keyword, schemaType } : { keyword })));
  }
  return ajv;
}

/** Ajv's compiled validator for the schema, formats in `ignoreFormats` known but never checked. */
export function ajvCompile(schema: object, ignoreFormats: readonly string[] = []) {
  const ajv = ajvFor(schema);
  for (const f of ignoreFormats) ajv.addFormat(f, true);
  return ajv.compile(schema);
}
