/**
 * Jekyll's URL building blocks, re-stated from Jekyll 4 (Utils.slugify, Utils.add_permalink_suffix,
 * Drops::UrlDrop, URL#sanitize_url): slug modes, permalink styles, placeholders and dates.
 */

export type SlugMode = 'raw' | 'default' | 'pretty' | 'ascii';

/** Utils.slugify: runs of unwanted characters become one `-`, trimmed; lower-cased unless `cased`. */
export function slugify(s: string, mode: SlugMode = 'default', cased = false): string {
  let out: string;
  switch (mode) {
    case 'raw':
      out = s.replace(/\s+/g, '-');
      break;
    case 'pretty':
      out = s.replace(/[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu, '-');
      break;
    case 'ascii':
      out = s.replace(/[^a-zA-Z0-9]+/g, '-');
      break;
    default:
      out = s.replace(/[^\p{M}\p{L}\p{Nd}]+/gu, '-');
  }
  out = out.replace(/^-+|-+$/g, '');
  return cased ? out : out.toLowerCase();
}

const STYLES: Readonly<Record<string, string>> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/** The post template for a `permalink:` setting (a style name or a pattern). */
export function postTemplate(permalink: string): string {
  return STYLES[permalink] ?? permalink;
}

/**
 * Utils.add_permalink_suffix: what pages and default collection URLs end with under a style. Only
 * `date`, `ordinal` and `none` add the extension: `weekdate` is not in that list and, ending in
 * neither `/` nor `:output_ext`, adds nothing (pages are `/about`, written as about.html) [verified].
 */
export function addPermalinkSuffix(template: string, permalink: string): string {
  if (permalink === 'pretty') return template + '/';
  if (permalink === 'date' || permalink === 'ordinal' || permalink === 'none') return template + ':output_ext';
  let t = template;
  if (permalink.endsWith('/')) t += '/';
  if (permalink.endsWith(':output_ext')) t += ':output_ext';
  return t;
}

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly epoch: number;
}

const DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A front-matter date as Jekyll sees it. Jekyll parses it and converts it to the site's local time
 * (`timezone:` sets TZ for the build), so a date written with another offset can land on another
 * day. Without `timezone:` the build machine's zone applies, which we cannot know: the written
 * fields are kept then.
 */
export function jekyllDate(v: unknown, timezone?: string): DateParts | undefined {
  const s = v instanceof Date ? v.toISOString() : typeof v === 'string' || typeof v === 'number' ? String(v).trim() : undefined;
  if (!s) return undefined;
  const m = DATE_RE.exec(s);
  if (!m) {
    const e = Date.parse(s);
    return isNaN(e) ? undefined : inZone(e, timezone ?? 'UTC');
  }
  const [, y, mo, d, h = '0', mi = '0', se = '0', off] = m;
  const pad = (x: string) => x.padStart(2, '0');
  const iso = `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(se)}`;
  if (off) {
    const o = off.toUpperCase() === 'Z' ? 'Z' : off.includes(':') ? off : `${off.slice(0, 3)}:${off.slice(3)}`;
    const epoch = Date.parse(iso + o);
    if (isNaN(epoch)) return undefined;
    if (timezone) return inZone(epoch, timezone);
    return { year: +y, month: +mo, day: +d, hour: +h, minute: +mi, second: +se, epoch };
  }
  const wall = Date.parse(iso + 'Z');
  if (isNaN(wall)) return undefined;
  return { year: +y, month: +mo, day: +d, hour: +h, minute: +mi, second: +se, epoch: wall - zoneOffsetMs(wall, timezone) };
}

/** A YAML 1.1 timestamp with a time of day (seconds required), as Psych reads it into a Time. */
const YAML_TIMESTAMP = /^\d{4}-\d{1,2}-\d{1,2}(?:[Tt]|[ \t]+)\d{1,2}:\d{2}:\d{2}(?:\.\d*)?(?:[ \t]*(Z|[-+]\d{1,2}(?::?\d{2})?))?$/;

/**
 * A front-matter `date:` as Jekyll reads it: Psych turns a YAML timestamp without a zone into a UTC
 * time (then shown in the site's zone: `2024-02-29 23:59:59` is March 1 in Tokyo) [verified]; a date
 * without a time of day, or without seconds, stays a string that Time.parse reads as local time.
 * (A quoted timestamp is a string too, read as local time: the parsed value cannot tell it apart.)
 */
export function frontMatterDate(v: unknown, timezone?: string): DateParts | undefined {
  if (typeof v === 'string') {
    const m = YAML_TIMESTAMP.exec(v.trim());
    if (m && !m[1]) return jekyllDate(v.trim().replace(/\s+/g, ' ') + 'Z', timezone);
  }
  return jekyllDate(v, timezone);
}

function zoneOffsetMs(epoch: number, timezone: string | undefined): number {
  if (!timezone) return 0;
  const p = inZone(epoch, timezone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(epoch / 1000) * 1000;
}

// A formatter costs about as much to make as a hundred uses: one per zone name (a site has one or
// two), for the life of the process; null for a name the runtime does not know.
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timezone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timezone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    } catch {
      f = null;
    }
    if (formatters.size < 64) formatters.set(timezone, f);
  }
  return f;
}

function inZone(epoch: number, timezone: string): DateParts {
  if (timezone === 'UTC') {
    const d = new Date(epoch);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), epoch };
  }
  const f = formatterFor(timezone);
  // An unknown zone name: Ruby would fall back to UTC.
  if (!f) return inZone(epoch, 'UTC');
  const parts = f.formatToParts(new Date(epoch));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second'), epoch };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** strftime-style values of the date placeholders (Drops::UrlDrop). */
export function datePlaceholders(d: DateParts): Record<string, string> {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const utc = Date.UTC(d.year, d.month - 1, d.day);
  const yday = Math.floor((utc - Date.UTC(d.year, 0, 1)) / 86400000) + 1;
  const dow = new Date(utc).getUTCDay();
  // ISO 8601 week number (%V) and its year (%G).
  const thursday = new Date(utc + (3 - ((dow + 6) % 7)) * 86400000);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * 86400000)) + 1;
  return {
    year: String(d.year),
    month: pad(d.month),
    day: pad(d.day),
    hour: pad(d.hour),
    minute: pad(d.minute),
    second: pad(d.second),
    i_day: String(d.day),
    i_month: String(d.month),
    short_month: MONTHS[d.month - 1].slice(0, 3),
    long_month: MONTHS[d.month - 1],
    short_year: pad(d.year % 100),
    y_day: pad(yday, 3),
    week: pad(week),
    w_year: String(weekYear),
    w_day: String(dow === 0 ? 7 : dow),
    short_day: DAYS[dow].slice(0, 3),
    long_day: DAYS[dow],
  };
}

/**
 * URL#generate_url_from_drop + sanitize_url: fills `:name` placeholders, then makes the path
 * absolute, drops `..` and `./`, squeezes slashes. Unknown placeholders are left as written (Jekyll
 * fails the build on them; the config check reports that separately).
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  // The URL keeps the template's own text as written and escapes the values; the file is written at
  // the unescaped path (URL.unescape_path), which is what a host serves: `/caf%C3%A9/` is `/café/`.
  // Our URLs are unescaped paths, so the written parts are unescaped and the values kept.
  const filled = template
    .split(/(:[a-z_]+)/)
    .map((part, i) => (i % 2 ? (part.slice(1) in values ? values[part.slice(1)] : part) : unescapePath(part)))
    .join('');
  return ('/' + filled).replace(/\.\./g, '/').replace(/\.\//g, '').replace(/\/{2,}/g, '/');
}

function unescapePath(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
