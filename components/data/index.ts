// The data layer: the Store contract, its context key and its two implementations.
export * from './store.js';
export { provideStore, storeContext } from './context.js';
export { PartyController, reloadOnPartyChange } from './party-controller.js';
export { MemoryStore, type MemoryStoreOptions, type MemoryUser } from './memory-store.js';
export { PocketBaseStore, type PocketBaseStoreOptions } from './pocketbase-store.js';
export { IndexedDbDraftBox, MemoryDraftBox, draftScope, type Draft, type DraftBox } from './drafts.js';
export type * from './records.js';
export { ReferenceReader, referenceOf, type RegionEntry, type IndustryEntry, type RegionQuery } from './reference.js';
export * from './vocab.js';
export { codesOf, codesWith, isCode, termLabel, type Term, type Vocabulary } from './terms.js';
export type * from './workflow.js';
export { HAZARD_WORKFLOW } from './hazard-workflow.js';
export { Outbox, outboxFor, isTransient, type OutboxEntry, type OutboxDetail, type SubmitOutcome } from './outbox.js';
