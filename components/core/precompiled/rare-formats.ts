// What a validator generated ahead of time imports when it names a rare format (hostname, url …:
// ../interpreter/formats-rare.ts): the rare formats installed into the formats table before the
// generated code reads it, since that code takes each format from the table once, when it loads.
import { useRareFormats } from '../interpreter/formats.js';
import { RARE_FORMATS } from '../interpreter/formats-rare.js';

useRareFormats(RARE_FORMATS);
