/** The Hugo template functions archetypes use (`replace`, `title`, `printf`, `now`, `time.Format`, …). */
import { urlize } from './paths';
import { arity, asTime, EvalError, formatTime, str, type TemplateContext, type TemplateValue, type TitleCaseStyle } from './goTemplateValues';

export type Fn = (args: TemplateValue[], ctx: TemplateContext) => TemplateValue;

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'en', 'for', 'if', 'in', 'nor', 'of', 'on', 'or', 'per', 'so', 'the', 'to', 'up', 'v', 'vs', 'via', 'yet']);

/** Hugo's `title`: AP/Chicago keep short connecting words lower-case except first and last. */
export function titleCase(s: string, style: TitleCaseStyle = 'ap'): string {
  if (style === 'none') return s;
  const upperFirst = (w: string) => w.charAt(0).toLocaleUpperCase() + w.slice(1);
  if (style === 'firstupper') return upperFirst(s);
  const parts = s.split(/(\s+)/);
  const wordIdx = parts.map((p, i) => (/\S/.test(p) ? i : -1)).filter((i) => i >= 0);
  const first = wordIdx[0];
  const last = wordIdx[wordIdx.length - 1];
  return parts
    .map((p, i) => {
      if (!/\S/.test(p)) return p;
      if (style !== 'go' && i !== first && i !== last && SMALL_WORDS.has(p.toLowerCase())) return p.toLowerCase();
      return upperFirst(p);
    })
    .join('');
}

function sprintf(format: string, args: readonly TemplateValue[]): string {
  let k = 0;
  return format.replace(/%([%svdq])/g, (_m, verb: string) => {
    if (verb === '%') return '%';
    if (k >= args.length) throw new EvalError('printf: missing argument');
    const a = args[k++];
    if (verb === 'q') return JSON.stringify(str(a));
    if (verb === 'd' && typeof a !== 'number') throw new EvalError('printf %d needs a number');
    return str(a);
  });
}

export const FUNCTIONS = new Map<string, Fn>([
  ['replace', (a) => (arity('replace', a, 3, 4), str(a[0]).split(str(a[1])).join(str(a[2])))],
  ['strings.Replace', (a) => (arity('strings.Replace', a, 3, 4), str(a[0]).split(str(a[1])).join(str(a[2])))],
  ['title', (a, c) => (arity('title', a, 1), titleCase(str(a[0]), c.titleCaseStyle))],
  ['strings.Title', (a, c) => (arity('strings.Title', a, 1), titleCase(str(a[0]), c.titleCaseStyle))],
  ['upper', (a) => (arity('upper', a, 1), str(a[0]).toUpperCase())],
  ['strings.ToUpper', (a) => (arity('strings.ToUpper', a, 1), str(a[0]).toUpperCase())],
  ['lower', (a) => (arity('lower', a, 1), str(a[0]).toLowerCase())],
  ['strings.ToLower', (a) => (arity('strings.ToLower', a, 1), str(a[0]).toLowerCase())],
  ['trim', (a) => (arity('trim', a, 2), trimSet(str(a[0]), str(a[1])))],
  ['strings.TrimSpace', (a) => (arity('strings.TrimSpace', a, 1), str(a[0]).trim())],
  ['urlize', (a) => (arity('urlize', a, 1), urlize(str(a[0]), { disablePathToLower: false, removePathAccents: false }))],
  ['humanize', (a) => (arity('humanize', a, 1), humanize(str(a[0])))],
  ['printf', (a) => (arity('printf', a, 1, 20), sprintf(str(a[0]), a.slice(1)))],
  ['print', (a) => a.map(str).join('')],
  ['default', (a) => (arity('default', a, 2), isEmpty(a[1]) ? a[0] : a[1])],
  ['safeHTML', (a) => (arity('safeHTML', a, 1), str(a[0]))],
  ['now', (a, c) => (arity('now', a, 0), { kind: 'time', instant: c.now, offsetMinutes: c.offsetMinutes })],
  ['time.Format', (a, c) => (arity('time.Format', a, 2), formatTime(asTime(a[1], c), str(a[0])))],
  ['dateFormat', (a, c) => (arity('dateFormat', a, 2), formatTime(asTime(a[1], c), str(a[0])))],
]);

function trimSet(s: string, cutset: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && cutset.includes(s[a])) a++;
  while (b > a && cutset.includes(s[b - 1])) b--;
  return s.slice(a, b);
}

function humanize(s: string): string {
  const spaced = s.replace(/[-_]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function isEmpty(v: TemplateValue): boolean {
  return v === '' || v === 0 || v === false;
}
