/**
 * The objects a shortcode template sees, as hugo 0.111 gives them: the shortcode (`.Get`,
 * `.Params`, `.Inner`, `.Name`, `.IsNamedParams`, `.Scratch`), its page (`.Params`, `.Param`,
 * `.Title`, `.RelPermalink`, `.Permalink`, `.RenderString`) and the site (`.Params`, `.BaseURL`,
 * `.Title`, `.Data`). Any other member is an EvalError: its value depends on what we do not know.
 */
import { arity, toStr } from './cast';
import { CORE_FUNCTIONS } from './functionsCore';
import { EvalError, fromJS, GoFloat, GoMap, int, Safe, sortedKeys, typeName, type GoObject, type Value } from './values';

export type ShortcodeArg = string | number | boolean;

export interface ShortcodeCallInput {
  readonly name: string;
  /** `{{< x "a" 5 >}}`: strings for quoted (and bare-word) arguments; numbers and booleans for unquoted ones, which Hugo types. */
  readonly positional?: readonly ShortcodeArg[];
  readonly named?: Readonly<Record<string, ShortcodeArg>>;
  /** The text between the opening and closing tag; undefined: not paired. */
  readonly inner?: string;
  readonly page: {
    readonly params: Readonly<Record<string, unknown>>;
    readonly title?: string;
    readonly relPermalink?: string;
    readonly permalink?: string;
    /** `.File`'s fields as Hugo gives them (`Path`, `Dir`, `LogicalName`…); undefined: `.File` throws. */
    readonly file?: Readonly<Record<string, string>>;
  };
  readonly site: {
    readonly params: Readonly<Record<string, unknown>>;
    readonly baseURL: string;
    readonly title?: string;
    /** The data/ folder as a tree; undefined: unknown (access throws EvalError). */
    readonly data?: Readonly<Record<string, unknown>>;
    /** `titleCaseStyle` as written; undefined: AP, Hugo's default. */
    readonly titleCaseStyle?: string;
  };
  /** Renders Markdown like the page does (`markdownify`, `.Page.RenderString`); undefined: those throw EvalError. */
  readonly renderMarkdown?: (markdown: string, inline: boolean) => string;
  /** The URL of the page a `ref`/`relref` path names from this page; undefined: refs throw EvalError. */
  readonly resolveRef?: (path: string) => string | undefined;
}

function unknownMember(owner: string, name: string): never {
  throw new EvalError(`${owner}.${name} is not supported`);
}

function known<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new EvalError(`${what} is not known`);
  return v;
}

function argValue(a: ShortcodeArg): Value {
  return typeof a === 'number' ? (Number.isInteger(a) ? int(a) : new GoFloat(a)) : a;
}

export class SiteObject implements GoObject {
  readonly goType = '*hugolib.SiteInfo';
  private readonly params: Value;
  private readonly data: Value | undefined;

  constructor(private readonly site: ShortcodeCallInput['site']) {
    this.params = fromJS(site.params, true);
    this.data = site.data === undefined ? undefined : fromJS(site.data, false);
  }

  get paramsMap(): GoMap {
    return this.params as GoMap;
  }

  member(name: string, args: readonly Value[]): Value {
    arity(`.Site.${name}`, args, 0);
    switch (name) {
      case 'Params':
        return this.params;
      // SiteInfo.BaseURL is a template.URL: html/template does not filter it in an href.
      case 'BaseURL':
        return new Safe('url', this.site.baseURL);
      case 'Title':
        return known(this.site.title, '.Site.Title');
      case 'Data':
        return known(this.data, '.Site.Data');
      default:
        return unknownMember('.Site', name);
    }
  }
}

/** maps.GetNestedParam: the whole key first, then its dotted path, in the page's then the site's params. */
function nestedParam(key: string, candidates: readonly GoMap[]): Value {
  const k = key.toLowerCase();
  for (const m of candidates) if (m.entries.has(k)) return m.entries.get(k);
  const path = k.split('.');
  for (const m of candidates) {
    let v: Value = m;
    for (const seg of path) v = v instanceof GoMap ? v.entries.get(seg) : undefined;
    if (v !== undefined && v !== null) return v;
  }
  return null;
}

/** A page's `.File`: the fields the caller knows; others (`Filename`, `UniqueID`) are not evaluated. */
class FileObject implements GoObject {
  readonly goType = '*source.File';
  constructor(private readonly fields: Readonly<Record<string, string>>) {}

  member(name: string, args: readonly Value[]): Value {
    arity(`.File.${name}`, args, 0);
    if (!Object.prototype.hasOwnProperty.call(this.fields, name)) return unknownMember('.File', name);
    return this.fields[name];
  }
}

export class PageObject implements GoObject {
  readonly goType = '*hugolib.pageState';
  private readonly params: GoMap;

  constructor(
    private readonly page: ShortcodeCallInput['page'],
    private readonly site: SiteObject,
    private readonly renderMarkdown: ShortcodeCallInput['renderMarkdown'],
  ) {
    this.params = fromJS(page.params, true) as GoMap;
  }

  member(name: string, args: readonly Value[]): Value {
    if (name === 'Param') {
      arity('.Page.Param', args, 1);
      return nestedParam(toStr(args[0], '.Page.Param'), [this.params, this.site.paramsMap]);
    }
    if (name === 'RenderString') return this.renderString(args);
    arity(`.Page.${name}`, args, 0);
    switch (name) {
      case 'Params':
        return this.params;
      case 'Title':
        return known(this.page.title, '.Page.Title');
      case 'RelPermalink':
        return known(this.page.relPermalink, '.Page.RelPermalink');
      case 'Permalink':
        return known(this.page.permalink, '.Page.Permalink');
      case 'Site':
        return this.site;
      case 'File':
        return new FileObject(known(this.page.file, '.Page.File'));
      default:
        return unknownMember('.Page', name);
    }
  }

  private renderString(args: readonly Value[]): Value {
    arity('.Page.RenderString', args, 1, 2);
    let inline = true;
    if (args.length === 2) {
      const opts = args[0];
      if (!(opts instanceof GoMap) || [...opts.entries.keys()].some((k) => k !== 'display')) throw new EvalError('.RenderString options other than display');
      const display = opts.entries.get('display');
      if (display !== 'block' && display !== 'inline') throw new EvalError(`.RenderString display ${String(display)}`);
      inline = display === 'inline';
    }
    if (!this.renderMarkdown) throw new EvalError('.RenderString: no Markdown renderer');
    return new Safe('html', this.renderMarkdown(toStr(args[args.length - 1], '.RenderString'), inline));
  }
}

/** maps.Scratch, fresh for each call. */
export class ScratchObject implements GoObject {
  readonly goType = '*maps.Scratch';
  private readonly values = new Map<string, Value>();

  member(name: string, args: readonly Value[]): Value {
    const key = () => toStr(args[0], `.Scratch.${name}`);
    switch (name) {
      case 'Set':
        arity('.Scratch.Set', args, 2);
        this.values.set(key(), args[1]);
        return '';
      case 'Get':
        arity('.Scratch.Get', args, 1);
        return this.values.get(key()) ?? null;
      case 'Delete':
        arity('.Scratch.Delete', args, 1);
        this.values.delete(key());
        return '';
      case 'Add':
        arity('.Scratch.Add', args, 2);
        this.values.set(key(), this.add(key(), args[1]));
        return '';
      case 'SetInMap': {
        arity('.Scratch.SetInMap', args, 3);
        const existing = this.values.get(key()) ?? new GoMap(new Map(), false);
        if (!(existing instanceof GoMap) || existing.params) throw new EvalError('.Scratch.SetInMap on a value that is not a map');
        existing.entries.set(toStr(args[1], '.Scratch.SetInMap'), args[2]);
        this.values.set(key(), existing);
        return '';
      }
      case 'GetSortedMapValues': {
        arity('.Scratch.GetSortedMapValues', args, 1);
        const m = this.values.get(key());
        if (m === undefined || m === null) return null;
        if (!(m instanceof GoMap)) throw new EvalError('.Scratch.GetSortedMapValues on a value that is not a map');
        return sortedKeys(m).map((k) => m.entries.get(k));
      }
      default:
        return unknownMember('.Scratch', name);
    }
  }

  /** An existing slice gets the value appended; anything else is added to, as `add` does. */
  private add(k: string, addend: Value): Value {
    if (!this.values.has(k)) return addend;
    const existing = this.values.get(k);
    if (Array.isArray(existing)) return Array.isArray(addend) ? [...existing, ...(addend as Value[])] : [...existing, addend];
    return CORE_FUNCTIONS.get('add')!([existing ?? null, addend], { site: null, baseURL: '' });
  }
}

export class ShortcodeObject implements GoObject {
  readonly goType = '*hugolib.ShortcodeWithPage';
  private readonly page: PageObject;
  private readonly site: SiteObject;
  private readonly scratch = new ScratchObject();

  constructor(private readonly call: ShortcodeCallInput) {
    this.site = new SiteObject(call.site);
    this.page = new PageObject(call.page, this.site, call.renderMarkdown);
  }

  get siteObject(): SiteObject {
    return this.site;
  }

  member(name: string, args: readonly Value[]): Value {
    if (name === 'Get') {
      arity('.Get', args, 1);
      return this.get(args[0]);
    }
    arity(`.${name}`, args, 0);
    switch (name) {
      case 'Params':
        return this.call.named ? new GoMap(new Map(Object.entries(this.call.named).map(([k, v]) => [k, argValue(v)])), false) : this.call.positional ? this.call.positional.map(argValue) : null;
      case 'IsNamedParams':
        return this.call.named !== undefined;
      // Hugo refuses to build a page that uses .Inner in a call without a closing tag.
      case 'Inner':
        return new Safe('html', known(this.call.inner, '.Inner of a call without a closing tag'));
      case 'Name':
        return this.call.name;
      case 'Page':
        return this.page;
      case 'Site':
        return this.site;
      case 'Scratch':
        return this.scratch;
      default:
        return unknownMember('', name);
    }
  }

  /** ShortcodeWithPage.Get: nil for the wrong kind of key, "" for a missing one. */
  private get(key: Value): Value {
    const { positional, named } = this.call;
    if (named) {
      if (typeof key === 'number') return null;
      if (typeof key !== 'string') throw new EvalError(`.Get with a ${typeName(key)}`);
      if (Object.keys(named).length === 0) return null;
      return Object.prototype.hasOwnProperty.call(named, key) ? argValue(named[key]) : '';
    }
    if (!positional || positional.length === 0) return null;
    if (typeof key === 'string') return null;
    if (typeof key !== 'number' || key < 0) throw new EvalError(`.Get with ${typeName(key)} ${String(key)}`);
    return key >= positional.length ? '' : argValue(positional[key]);
  }
}
