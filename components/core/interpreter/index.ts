// A JSON Schema 2020-12 validator that interprets the schema (no new Function, no eval).
export { compileInterpreted } from './compile.js';
export type { AjvLikeError, InterpreterOptions, ValidateLike } from './types.js';
