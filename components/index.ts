// The package entry: importing it defines every AZX element.
export * from './core/index.js';
// The Store contract and its implementations, for a portal that provides the store itself.
export * from './data/index.js';
// Rule packs judged with JSON Logic (azx/rules).
export * from './data/rules.js';
// The JSON Logic evaluator of x-rules / x-compute / x-visible, up front (azx/logic).
import './core/logic-install.js';
// Ajv's validators of the built-in definitions, generated ahead of time (CSP-safe, no compiler).
import './validators/index.js';
export * from './coverage-map/index.js';
export * from './compliance-report/index.js';
export * from './schema-editor/index.js';
export * from './pack-editor/index.js';
export * from './service-report/index.js';
export * from './hazard-ledger/index.js';
export * from './policy-entry/index.js';
export * from './record-list/index.js';
export * from './bulk-upload/index.js';
export * from './claim/index.js';
// Both layers name their schema type JsonSchema; the engine's richer one wins at the top.
export type { JsonSchema } from './core/index.js';
