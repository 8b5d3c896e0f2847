/**
 * The output of an html/template execution: template text passes through (HTML comments removed,
 * as html/template removes them), and each printed value is escaped for the context the text
 * before it leaves: element text, an attribute name, a quoted or unquoted attribute value, a URL
 * attribute (filter, normalise, query-escape), or RCDATA. Contexts we do not model (inside
 * `<script>`/`<style>`, event-handler, `style` and `srcset` attributes) make printing an EvalError.
 *
 * html/template finds contexts statically and rejects templates whose branches end in different
 * contexts; following the text actually executed gives the same contexts for templates it accepts.
 */
import { attrEscaper, FAILSAFE, htmlEscaper, nospaceEscaper, rcdataEscaper, stringify, urlFilter, urlProcess } from './escape';
import { EvalError, Safe, type Value } from './values';

type AttrKind = 'plain' | 'url' | 'js' | 'css' | 'srcset' | 'scripttype';
type UrlPart = 'none' | 'pre' | 'query';

type State =
  | { readonly s: 'text' | 'comment' }
  | { readonly s: 'raw'; readonly el: string }
  | { readonly s: 'tag' | 'attrName' | 'afterName' | 'beforeValue'; readonly el: string; readonly attr: AttrKind }
  | { readonly s: 'attr'; readonly el: string; readonly attr: AttrKind; readonly delim: '"' | "'" | ' '; readonly url: UrlPart };

const SPACE = /[ \t\n\f\r]/;
const URL_ATTRS = new Set(['action', 'archive', 'background', 'cite', 'classid', 'codebase', 'data', 'formaction', 'href', 'icon', 'longdesc', 'manifest', 'poster', 'profile', 'src', 'usemap', 'xmlns']);
// Attributes html/template knows by name, whose name would otherwise look like a URL's.
const PLAIN_NAMED = new Set(['srcdoc', 'srclang']);

/** html/template's attrType, reduced to the contexts that escape differently. */
export function attrKind(name: string, element: string): AttrKind {
  let n = name.toLowerCase();
  if (element === 'script' && n === 'type') return 'scripttype';
  if (n.startsWith('data-')) n = n.slice(5);
  else if (n.includes(':')) {
    const [prefix, rest] = [n.slice(0, n.indexOf(':')), n.slice(n.indexOf(':') + 1)];
    if (prefix === 'xmlns') return 'url';
    n = rest;
  }
  if (URL_ATTRS.has(n)) return 'url';
  if (n === 'style') return 'css';
  if (n === 'srcset') return 'srcset';
  if (PLAIN_NAMED.has(n)) return 'plain';
  if (n.startsWith('on')) return 'js';
  if (n.includes('src') || n.includes('uri') || n.includes('url')) return 'url';
  return 'plain';
}

const RAW_ELEMENTS = new Set(['script', 'style', 'textarea', 'title']);

export class HtmlWriter {
  private out = '';
  private st: State = { s: 'text' };

  constructor(private readonly maxOutput: number) {}

  private emit(s: string): void {
    this.out += s;
    if (this.out.length > this.maxOutput) throw new EvalError(`output larger than ${this.maxOutput} characters`);
  }

  result(): string {
    return this.out;
  }

  /** Template text: written as it is (comments elided) while the context advances. */
  text(s: string): void {
    let i = 0;
    while (i < s.length) i = this.step(s, i);
  }

  /** Consumes text from `i` in the current state; returns where the next state starts. */
  private step(s: string, i: number): number {
    const st = this.st;
    switch (st.s) {
      case 'text': {
        const lt = s.indexOf('<', i);
        if (lt < 0) return this.put(s, i, s.length);
        if (s.startsWith('<!--', lt)) {
          this.put(s, i, lt);
          this.st = { s: 'comment' };
          return lt + 4;
        }
        const m = /^<(\/?)([A-Za-z][A-Za-z0-9:-]*)/.exec(s.slice(lt));
        if (!m) return this.put(s, i, lt + 1);
        const el = m[1] ? '' : m[2].toLowerCase();
        this.st = { s: 'tag', el, attr: 'plain' };
        return this.put(s, i, lt + m[0].length);
      }
      case 'comment': {
        const end = s.indexOf('-->', i);
        if (end < 0) return s.length;
        this.st = { s: 'text' };
        return end + 3;
      }
      case 'raw':
        return this.rawText(s, i, st.el);
      case 'tag':
      case 'attrName':
      case 'afterName':
      case 'beforeValue':
        return this.inTag(s, i, st);
      case 'attr':
        return this.attrText(s, i, st);
    }
  }

  private put(s: string, from: number, to: number): number {
    this.emit(s.slice(from, to));
    return to;
  }

  private rawText(s: string, i: number, el: string): number {
    const m = new RegExp(`</${el}(?=[\\s/>])`, 'i').exec(s.slice(i));
    const end = m ? i + m.index : s.length;
    const body = s.slice(i, end);
    // html/template removes JS and CSS comments in script and style elements; we do not model that.
    if ((el === 'script' || el === 'style') && /\/\/|\/\*|<!--|-->/.test(body)) throw new EvalError(`comments (or '//') inside <${el}>`);
    this.put(s, i, end);
    if (m) this.st = { s: 'text' };
    return end;
  }

  private inTag(s: string, i: number, st: Extract<State, { el: string; s: 'tag' | 'attrName' | 'afterName' | 'beforeValue' }>): number {
    let j = i;
    while (j < s.length && SPACE.test(s[j])) j++;
    if (j === s.length) return this.put(s, i, j);
    const c = s[j];
    if (st.s === 'beforeValue') {
      const delim = c === '"' || c === "'" ? c : ' ';
      this.st = { s: 'attr', el: st.el, attr: st.attr, delim, url: 'none' };
      return this.put(s, i, delim === ' ' ? j : j + 1);
    }
    if (st.s === 'afterName' || (st.s === 'attrName' && j > i)) {
      if (c === '=') {
        this.st = { ...st, s: 'beforeValue' };
        return this.put(s, i, j + 1);
      }
      this.st = { ...st, s: 'tag' };
      return this.put(s, i, j);
    }
    if (c === '>' && st.s === 'tag') {
      this.st = RAW_ELEMENTS.has(st.el) ? { s: 'raw', el: st.el } : { s: 'text' };
      return this.put(s, i, j + 1);
    }
    const m = /^[^ \t\n\f\r=>]*/.exec(s.slice(j))![0];
    if (/["'<]/.test(m) || (st.s === 'tag' && !m)) throw new EvalError(`bad HTML in a tag (html/template refuses it)`);
    const end = j + m.length;
    const attr = st.s === 'tag' ? attrKind(m, st.el) : st.attr;
    this.st = { s: end === s.length ? 'attrName' : 'afterName', el: st.el, attr };
    return this.put(s, i, end);
  }

  private attrText(s: string, i: number, st: Extract<State, { s: 'attr' }>): number {
    let end = s.length;
    if (st.delim === ' ') {
      const m = /[ \t\n\f\r>]/.exec(s.slice(i));
      if (m) end = i + m.index;
    } else {
      const q = s.indexOf(st.delim, i);
      if (q >= 0) end = q;
    }
    const value = s.slice(i, end);
    let url = st.url;
    if (st.attr === 'url') {
      if (/[#?]/.test(value)) url = 'query';
      else if (url === 'none' && /[^ \t\n\f\r]/.test(value)) url = 'pre';
    }
    this.put(s, i, end);
    if (end === s.length) {
      this.st = { ...st, url };
      return end;
    }
    this.st = { s: 'tag', el: st.el, attr: 'plain' };
    return st.delim === ' ' ? end : this.put(s, end, end + 1);
  }

  /** A value printed by an action, escaped for the current context. */
  value(v: Value): void {
    const st = this.st;
    switch (st.s) {
      case 'text':
        return this.emit(htmlEscaper(v));
      case 'comment':
        return;
      case 'raw':
        if (st.el === 'textarea' || st.el === 'title') return this.emit(rcdataEscaper(v));
        throw new EvalError(`a value printed inside <${st.el}> (JavaScript and CSS escaping are not modelled)`);
      case 'tag':
      case 'attrName':
      case 'afterName':
        this.emit(nameFilter(v));
        this.st = { s: 'attrName', el: st.el, attr: 'plain' };
        return;
      case 'beforeValue':
        this.st = { s: 'attr', el: st.el, attr: st.attr, delim: ' ', url: 'none' };
        return this.value(v);
      case 'attr':
        return this.emit(this.attrValue(v, st));
    }
  }

  private attrValue(v: Value, st: Extract<State, { s: 'attr' }>): string {
    const quoted = st.delim !== ' ';
    const finish = (x: Value) => (quoted ? attrEscaper(x) : nospaceEscaper(x));
    if (st.attr === 'plain') return finish(v);
    if (st.attr !== 'url') throw new EvalError(`a value printed in a ${st.attr === 'scripttype' ? 'script type' : st.attr} attribute (not modelled)`);
    if (st.url === 'query') {
      const x = stringify(v);
      return finish(urlProcess(x.s, x.kind === 'url'));
    }
    const filtered = st.url === 'none' ? urlFilter(v) : stringify(v);
    return finish(urlProcess(filtered.s, true));
  }
}

/** htmlNameFilter: typed attributes as they are; otherwise only a lower-case alphanumeric plain name. */
function nameFilter(v: Value): string {
  if (v instanceof Safe && v.kind === 'htmlattr') return v.s;
  const s = stringify(v).s.toLowerCase();
  if (!s || attrKind(s, '') !== 'plain' || !/^[a-z0-9]+$/.test(s)) return FAILSAFE;
  return s;
}
