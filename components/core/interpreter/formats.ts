// The string formats Ajv asserts with ajv-formats' "full" set, written out here so the
// interpreter does not pull in ajv-formats (regular expressions are those of ajv-formats 3). The
// ones a form rarely names are in ./formats-rare.ts, fetched the first time a schema names a
// format not here (loadRareFormats), so a form that never does carries none of their patterns.

const re = (r: RegExp) => (s: string): boolean => r.test(s);
const leap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function date(s: string): boolean {
  const m = /^(\d\d\d\d)-(\d\d)-(\d\d)$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= (mo === 2 && leap(y) ? 29 : DAYS[mo]!);
}

/** RFC 3339 time; `zone` requires the offset ("full" mode). A leap second only at 23:59:60 UTC. */
const time = (zone: boolean) => (s: string): boolean => {
  const m = /^(\d\d):(\d\d):(\d\d(?:\.\d+)?)(z|([+-])(\d\d)(?::?(\d\d))?)?$/i.exec(s);
  if (!m) return false;
  const [hr, min, sec] = [+m[1]!, +m[2]!, +m[3]!];
  const sign = m[5] === '-' ? -1 : 1;
  const tzH = +(m[6] || 0);
  const tzM = +(m[7] || 0);
  if (tzH > 23 || tzM > 59 || (zone && !m[4])) return false;
  if (hr <= 23 && min <= 59 && sec < 60) return true;
  const utcMin = min - tzM * sign;
  const utcHr = hr - tzH * sign - (utcMin < 0 ? 1 : 0);
  return (utcHr === 23 || utcHr === -1) && (utcMin === 59 || utcMin === -1) && sec < 61;
};

const dateTime = (zone: boolean) => (s: string): boolean => {
  const p = s.split(/t|\s/i);
  return p.length === 2 && date(p[0]!) && time(zone)(p[1]!);
};

const URI = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

/** The formats checkable now: these, and the rare ones once loaded. */
export const FORMATS: Record<string, (s: string) => boolean> = {
  date,
  time: time(true),
  'date-time': dateTime(true),
  'iso-time': time(false),
  'iso-date-time': dateTime(false),
  uri: (s) => /\/|:/.test(s) && URI.test(s),
  'email': re(/^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i),
  'ipv4': re(/^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/),
  'uuid': re(/^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i),
  regex: (s) => {
    if (/[^\\]\\Z/.test(s)) return false;
    try {
      new RegExp(s); // no "u": what ajv-formats checks (patterns themselves compile with "u")
      return true;
    } catch {
      return false;
    }
  },
  byte: (s) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/m.test(s),
  password: () => true,
  binary: () => true,
};

let rareLoading: Promise<void> | undefined;
let rareLoaded = false;

/** Adds the rare formats to FORMATS (loadRareFormats, or a module that imports them itself). */
export function useRareFormats(rare: Readonly<Record<string, (s: string) => boolean>>): void {
  Object.assign(FORMATS, rare);
  rareLoaded = true;
}

/** Fetches the rare formats once (a chunk of their own in a bundle) into FORMATS. */
export function loadRareFormats(): Promise<void> {
  return (rareLoading ??= import('./formats-rare.js').then((m) => useRareFormats(m.RARE_FORMATS)));
}

/**
 * True when the schema names a format that neither FORMATS nor `known` has and the rare formats
 * are not loaded yet: it may be one of them, so the schema is compiled once they are in.
 */
export function needsRareFormats(schema: unknown, known: Readonly<Record<string, unknown>>): boolean {
  if (rareLoaded) return false;
  const names = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.some(names);
    if (typeof node !== 'object' || node === null) return false;
    const format = (node as { format?: unknown }).format;
    if (typeof format === 'string' && !(format in FORMATS) && !(format in known)) return true;
    return Object.values(node).some(names);
  };
  return names(schema);
}
