// The three drafts the interpreter speaks, told apart by the root's $schema (none: 2020-12), and
// which keywords each one has, as Ajv's classes have them (Ajv for draft-07, Ajv2019, Ajv2020).

export type Draft = '07' | '2019' | '2020';

/** Meta-schema URIs, without the empty fragment Ajv also accepts. */
export const DRAFT_URI: Record<Draft, string> = {
  '07': 'http://json-schema.org/draft-07/schema',
  '2019': 'https://json-schema.org/draft/2019-09/schema',
  '2020': 'https://json-schema.org/draft/2020-12/schema',
};

/** The draft a `$schema` names, or undefined for one the interpreter does not speak. */
export function draftOf(uri: unknown): Draft | undefined {
  if (uri === undefined) return '2020';
  const bare = typeof uri === 'string' ? uri.replace(/#$/, '') : '';
  return (Object.keys(DRAFT_URI) as Draft[]).find((d) => DRAFT_URI[d] === bare);
}

const NEWER: Draft[] = ['2019', '2020'];
const OLDER: Draft[] = ['07', '2019'];

/** Keywords only some drafts have; every other keyword the interpreter knows is in all three. */
const ONLY: Record<string, Draft[]> = {
  prefixItems: ['2020'],
  additionalItems: OLDER,
  $recursiveRef: ['2019'],
  $recursiveAnchor: ['2019'],
};
for (const k of ['$dynamicRef', '$dynamicAnchor', 'unevaluatedItems', 'unevaluatedProperties', 'dependentRequired', 'dependentSchemas', 'minContains', 'maxContains']) ONLY[k] = NEWER;

/** Whether draft d has keyword k (among those the interpreter knows at all). */
export const inDraft = (k: string, d: Draft): boolean => !ONLY[k] || ONLY[k]!.includes(d);
