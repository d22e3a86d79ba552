// A JSON Schema validator (draft-07, 2019-09, 2020-12) that interprets the schema (no new Function, no eval).
export { compileInterpreted } from './compile.js';
export { SchemaError } from './prepare.js';
export { metaSchema } from './meta.js';
export { draftOf, type Draft } from './dialect.js';
export type { AjvLikeError, InterpreterOptions, SchemaProblem, ValidateLike } from './types.js';
