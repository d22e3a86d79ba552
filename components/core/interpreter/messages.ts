// Ajv's English error messages, for the `message` field (the UI words its own, see core/messages.ts).
import type { AjvLikeError } from './types.js';

export function say(e: AjvLikeError): string {
  const p = e.params;
  switch (e.keyword) {
    case 'type': return `must be ${p.type}`;
    case 'required': return `must have required property '${p.missingProperty}'`;
    case 'dependentRequired': case 'dependencies': return `must have propert${p.depsCount === 1 ? 'y' : 'ies'} ${p.deps} when property ${p.property} is present`;
    case 'maximum': case 'minimum': case 'exclusiveMaximum': case 'exclusiveMinimum': return `must be ${p.comparison} ${p.limit}`;
    case 'maxLength': case 'maxItems': case 'maxProperties': case 'minLength': case 'minItems': case 'minProperties': {
      const [, dir, what] = /^(max|min)(.*)$/.exec(e.keyword)!;
      return `must NOT have ${dir === 'max' ? 'more' : 'fewer'} than ${p.limit} ${what === 'Length' ? 'characters' : what!.toLowerCase()}`;
    }
    case 'items': case 'additionalItems': case 'unevaluatedItems': return `must NOT have more than ${p.limit} items`;
    case 'multipleOf': return `must be multiple of ${p.multipleOf}`;
    case 'pattern': return `must match pattern "${p.pattern}"`;
    case 'format': return `must match format "${p.format}"`;
    case 'enum': return 'must be equal to one of the allowed values';
    case 'const': return 'must be equal to constant';
    case 'uniqueItems': return `must NOT have duplicate items (items ## ${p.j} and ${p.i} are identical)`;
    case 'additionalProperties': return 'must NOT have additional properties';
    case 'unevaluatedProperties': return 'must NOT have unevaluated properties';
    case 'propertyNames': return 'property name must be valid';
    case 'contains': return `must contain at least ${p.minContains} ${p.maxContains === undefined ? '' : `and no more than ${p.maxContains} `}valid item(s)`;
    case 'anyOf': return 'must match a schema in anyOf';
    case 'oneOf': return 'must match exactly one schema in oneOf';
    case 'not': return 'must NOT be valid';
    case 'if': return `must match "${p.failingKeyword}" schema`;
    case 'false schema': return 'boolean schema is false';
    default: return `must pass "${e.keyword}" keyword validation`;
  }
}
