// Where 2020-12 keywords hold subschemas, and every keyword the dialect defines.

/** Keywords whose value is one subschema, an array of them, or a map of them. */
export const ONE = ['items', 'additionalProperties', 'unevaluatedItems', 'unevaluatedProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'contentSchema'];
export const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
export const MAP = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];

/** Keywords with no validation of their own (identifiers, annotations, content). */
export const QUIET = [
  '$schema', '$id', '$anchor', '$dynamicAnchor', '$vocabulary', '$comment', 'type', 'then', 'else', 'maxContains', 'minContains',
  'title', 'description', 'default', 'deprecated', 'readOnly', 'writeOnly', 'examples',
  'contentEncoding', 'contentMediaType', 'contentSchema',
];
