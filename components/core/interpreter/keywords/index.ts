// Every keyword that validates, and the order Ajv runs them in (its rule groups): keywords for
// any type first, then number, string, array and object keywords, each only for its type; the
// draft's own keywords only (dialect.ts).
import { array } from './array.js';
import { generic } from './generic.js';
import { logic } from './logic.js';
import { number } from './number.js';
import { object } from './object.js';
import { ref } from './ref.js';
import { string } from './string.js';
import type { Step } from '../types.js';

export const STEPS: Record<string, Step> = { ...generic, ...number, ...string, ...array, ...object, ...logic, ...ref };

export const ANY_TYPE = ['$dynamicRef', '$recursiveRef', '$ref', 'const', 'enum', 'not', 'anyOf', 'oneOf', 'allOf', 'if'];

export const GROUPS: [string, string[]][] = [
  ['number', ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'multipleOf', 'format']],
  ['string', ['maxLength', 'minLength', 'pattern', 'format']],
  ['array', ['maxItems', 'minItems', 'prefixItems', 'additionalItems', 'items', 'contains', 'uniqueItems', 'unevaluatedItems']],
  ['object', ['maxProperties', 'minProperties', 'required', 'propertyNames', 'additionalProperties', 'dependencies', 'properties', 'patternProperties', 'dependentRequired', 'dependentSchemas', 'unevaluatedProperties']],
];

export { isType, type, typeError } from './generic.js';
