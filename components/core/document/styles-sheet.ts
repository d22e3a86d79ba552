// The document's CSS as a Lit stylesheet, for an element that shows a document in its own shadow
// root (the hazard ledger's notice); apart from ./styles.ts so the layout imports nothing of Lit.
import { unsafeCSS } from 'lit';
import { DOCUMENT_CSS } from './styles.js';

export const documentStyles = unsafeCSS(DOCUMENT_CSS);
