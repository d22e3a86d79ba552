// What an element that files a record under one of the caller's policies loads first (a service
// report, a claim): the definition in force and the policies the caller may file under, newest first.
import type { FormDefinition, Store, StoredRecord } from './store.js';

export interface Filing {
  readonly definition: FormDefinition;
  readonly policies: readonly StoredRecord[];
}

export async function loadFiling(store: Store, definitionKey: string): Promise<Filing> {
  const [definition, policies] = await Promise.all([
    store.latestDefinition(definitionKey),
    store.list('policies', { sort: ['-period_start', 'policy_no'], perPage: 200 }),
  ]);
  return { definition, policies: policies.items };
}
