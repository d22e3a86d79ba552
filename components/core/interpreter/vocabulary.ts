// Where keywords hold subschemas, and every keyword the interpreter knows (dialect.ts says which
// drafts have which).

/** Keywords whose value is one subschema, an array of them, or a map of them. */
export const ONE = ['items', 'additionalItems', 'additionalProperties', 'unevaluatedItems', 'unevaluatedProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'contentSchema'];
export const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'];
export const MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'dependencies'];

/** Keywords with no validation of their own (identifiers, annotations, content). */
export const QUIET = [
  '$schema', '$id', '$anchor', '$dynamicAnchor', '$recursiveAnchor', '$vocabulary', '$comment', 'type', 'nullable', 'then', 'else',
  'maxContains', 'minContains', 'title', 'description', 'default', 'deprecated', 'readOnly', 'writeOnly', 'examples',
  'contentEncoding', 'contentMediaType', 'contentSchema', '$defs', 'definitions',
];
