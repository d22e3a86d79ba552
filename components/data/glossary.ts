// The one name of each domain term (schemas/vocabularies/glossary.json): elements, the
// definitions and the demo all name a thing the same way (参保人数 everywhere, never a second
// name for it). Text modules take their domain words from here.
import { termLabel } from './terms.js';
import { GLOSSARY, type Glossary } from './vocab.js';

/** A term's name in the locale ('en' or Chinese). */
export function term(code: Glossary, locale: string): string {
  return termLabel(GLOSSARY, code, locale);
}
