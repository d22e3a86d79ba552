// Template typings of the AZX elements (GlobalComponents), generated from their manifest; vue-tsc and Volar read them.
import type {} from 'azx/vue';
import type { GlobalComponents } from 'vue';

// `npm run build` fails here if the typings stop declaring the elements this app uses.
export type UsedElements = [GlobalComponents['azx-form'], GlobalComponents['azx-hazard-ledger']];
