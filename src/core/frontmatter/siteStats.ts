/**
 * What the site's posts put in their front matter, kept in step with the index: taxonomy values
 * with their posts, and per key how often it is used, in which shape and with which values.
 * Completion, hover, checks and `postcraft taxonomy` all read this one table.
 *
 * Why a table of our own beside SiteIndex.termCounts(): completion runs on every keystroke and
 * must answer in about a millisecond on a 10,000-post site. The index replaces a document's facts
 * object whenever the document changes, so comparing object identities finds the changed documents
 * in one cheap pass, and only their contributions are subtracted and re-added.
 */
import type { IndexedDocument, SiteIndex } from '../site/index';
import type { Site } from '../service';
import type { ValueShape } from './parse';
import { dateStyleOf, styleKey, type DateStyle } from './dates';
import { isDateKey } from './keys';
import type { GeneratorId } from '../site/model';

export interface TermUse {
  readonly value: string;
  readonly count: number;
  /** Site-relative files using it, sorted (computed on first read). */
  readonly files: readonly string[];
  /** A few of the files, without sorting them all (for completion details). */
  someFiles(n: number): readonly string[];
}

export interface KeyUse {
  /** The spelling most posts use. */
  readonly key: string;
  readonly count: number;
  readonly kinds: Readonly<Record<ValueShape['kind'], number>>;
  /** Lists written inline vs as a block. */
  readonly flow: number;
  readonly block: number;
  readonly quotes: Readonly<Record<'"' | "'" | 'bare', number>>;
}

interface MutableTerm {
  count: number;
  files: Set<string>;
  /** Term folders naming it. */
  named: number;
}

interface MutableKey {
  spellings: Map<string, number>;
  count: number;
  kinds: Record<ValueShape['kind'], number>;
  flow: number;
  block: number;
  quotes: Record<'"' | "'" | 'bare', number>;
}

/** Keys whose values are prose or unique per post: never offered as values to other posts. */
const PROSE_KEYS = new Set(['title', 'description', 'summary', 'linktitle', 'excerpt', 'slug', 'url', 'permalink', 'aliases', 'translationkey', 'image', 'images', 'heroimage']);
const MAX_VALUE_LENGTH = 80;

interface Contribution {
  /** [field (lower-case), value, counts as a use] — term folders (`content/tags/x/_index.md`) name a value without using it. */
  readonly values: [string, string, boolean][];
  readonly keys: { key: string; shape?: ValueShape }[];
  readonly dates: DateStyle[];
}

/** Whether two versions of a document add exactly the same facts to the tables. */
function sameContribution(a: IndexedDocument, b: IndexedDocument, taxonomyFolders: ReadonlyMap<string, string>, generator: GeneratorId): boolean {
  if (a.frontMatter === b.frontMatter) return true;
  return JSON.stringify(contributionOf(a, taxonomyFolders, generator)) === JSON.stringify(contributionOf(b, taxonomyFolders, generator));
}

function contributionOf(doc: IndexedDocument, taxonomyFolders: ReadonlyMap<string, string>, generator: GeneratorId): Contribution {
  const values: [string, string, boolean][] = [];
  const keys: { key: string; shape?: ValueShape }[] = [];
  const dates: DateStyle[] = [];
  const fm = doc.frontMatter;
  const taxonomyKeys = new Set<string>();
  for (const [tax, list] of doc.terms) {
    taxonomyKeys.add(tax.toLowerCase());
    for (const v of new Set(list)) values.push([tax.toLowerCase(), v, true]);
  }
  if (fm) {
    for (const f of fm.fields) {
      keys.push({ key: f.key, shape: f.shape });
      const lower = f.key.toLowerCase();
      const v = fm.data[f.key];
      if (isDateKey(generator, f.key)) {
        const style = typeof v === 'string' ? dateStyleOf(v) : undefined;
        if (style) dates.push(style);
        continue;
      }
      if (taxonomyKeys.has(lower) || PROSE_KEYS.has(lower)) continue;
      const list = Array.isArray(v) ? v : [v];
      const seen = new Set<string>();
      for (const x of list) {
        if (typeof x !== 'string' || x.length === 0 || x.length > MAX_VALUE_LENGTH || seen.has(x)) continue;
        seen.add(x);
        values.push([lower, x, true]);
      }
    }
  }
  // Hugo term metadata pages: content/<taxonomy>/<term>/_index.md make a term known before any post uses it.
  const m = /(?:^|\/)([^/]+)\/([^/]+)\/_index(?:\.[a-z-]+)?\.[^./]+$/i.exec(doc.file);
  if (m) {
    const tax = taxonomyFolders.get(m[1].toLowerCase());
    if (tax) values.push([tax, m[2], false]);
  }
  return { values, keys, dates };
}

export class FrontMatterStats {
  private readonly seen = new Map<string, IndexedDocument>();
  private readonly counted = new WeakSet<IndexedDocument>();
  private indexVersion?: number;
  private readonly valueTable = new Map<string, Map<string, MutableTerm>>();
  private readonly keyTable = new Map<string, MutableKey>();
  private readonly ranked = new Map<string, { version: number; list: TermUse[] }>();
  private readonly fieldVersions = new Map<string, number>();
  private readonly dateStyles = new Map<string, { style: DateStyle; count: number }>();
  private taxonomyFolders: ReadonlyMap<string, string>;
  /** Bumped on every change; caches built on top (near-duplicate groups) compare it. */
  version = 0;

  constructor(private readonly index: SiteIndex) {
    this.taxonomyFolders = new Map(index.model.taxonomies.map((t) => [t.plural.toLowerCase(), t.plural.toLowerCase()]));
  }

  /** Brings the table up to date with the index: O(documents) identity checks plus O(changed) work. */
  sync(): void {
    // An index that counts its changes lets the common case (nothing changed) skip the pass.
    const version = (this.index as { readonly version?: unknown }).version;
    if (typeof version === 'number' && version === this.indexVersion) return;
    // One identity test per document: this loop is the whole cost of a completion when nothing changed.
    for (const doc of this.index.documents.values()) {
      if (this.counted.has(doc)) continue;
      const old = this.seen.get(doc.file);
      if (old) {
        this.counted.delete(old);
        // A keystroke in the body changes no front-matter fact: keep the tables, and their version,
        // so caches built on them (near-duplicate groups, ranked values) survive typing.
        if (sameContribution(old, doc, this.taxonomyFolders, this.index.model.summary.generator)) {
          this.seen.set(doc.file, doc);
          this.counted.add(doc);
          continue;
        }
        this.apply(old, -1);
      }
      this.apply(doc, +1);
      this.seen.set(doc.file, doc);
      this.counted.add(doc);
    }
    // Every indexed document is in `seen` now, so anything extra there was deleted.
    if (this.seen.size !== this.index.documents.size) {
      for (const [file, doc] of this.seen) {
        if (!this.index.documents.has(file)) {
          this.apply(doc, -1);
          this.seen.delete(file);
          this.counted.delete(doc);
        }
      }
    }
    if (typeof version === 'number') this.indexVersion = version;
  }

  private apply(doc: IndexedDocument, sign: 1 | -1): void {
    this.version++;
    const c = contributionOf(doc, this.taxonomyFolders, this.index.model.summary.generator);
    for (const style of c.dates) {
      const k = styleKey(style);
      const e = this.dateStyles.get(k) ?? { style, count: 0 };
      e.count += sign;
      if (e.count > 0) this.dateStyles.set(k, e);
      else this.dateStyles.delete(k);
    }
    for (const [field, value, use] of c.values) {
      let m = this.valueTable.get(field);
      if (!m) this.valueTable.set(field, (m = new Map()));
      let t = m.get(value);
      if (!t) m.set(value, (t = { count: 0, files: new Set(), named: 0 }));
      if (use) {
        t.count += sign;
        if (sign > 0) t.files.add(doc.file);
        else t.files.delete(doc.file);
      } else t.named += sign;
      if (t.count <= 0 && t.named <= 0) m.delete(value);
      this.fieldVersions.set(field, this.version);
    }
    for (const { key, shape } of c.keys) {
      const lower = key.toLowerCase();
      let u = this.keyTable.get(lower);
      if (!u) this.keyTable.set(lower, (u = { spellings: new Map(), count: 0, kinds: { list: 0, scalar: 0, map: 0, empty: 0 }, flow: 0, block: 0, quotes: { '"': 0, "'": 0, bare: 0 } }));
      u.count += sign;
      u.spellings.set(key, (u.spellings.get(key) ?? 0) + sign);
      if (shape) {
        u.kinds[shape.kind] += sign;
        if (shape.kind === 'list') {
          if (shape.flow) u.flow += sign;
          else u.block += sign;
        }
        if (shape.kind === 'list' || shape.kind === 'scalar') u.quotes[shape.quote || 'bare'] += sign;
      }
      if (u.count <= 0) this.keyTable.delete(lower);
    }
  }

  /** Values of a field (taxonomy or any other key) ranked by use, most used first, ties by name. */
  values(field: string): readonly TermUse[] {
    const f = field.toLowerCase();
    const v = this.fieldVersions.get(f) ?? -1;
    const cached = this.ranked.get(f);
    if (cached && cached.version === v) return cached.list;
    const list: TermUse[] = [];
    for (const [value, t] of this.valueTable.get(f) ?? []) list.push(new LazyTermUse(value, t.count, t.files));
    // Code-unit order, not localeCompare: this sort reruns after every edit, and ICU collation is slow.
    list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    this.ranked.set(f, { version: v, list });
    return list;
  }

  /** One value's use, or undefined. */
  use(field: string, value: string): TermUse | undefined {
    const t = this.valueTable.get(field.toLowerCase())?.get(value);
    return t ? new LazyTermUse(value, t.count, t.files) : undefined;
  }

  /** The way most posts write dates, if any post has one. */
  dateStyle(): DateStyle | undefined {
    let best: { style: DateStyle; count: number } | undefined;
    for (const e of this.dateStyles.values()) if (!best || e.count > best.count) best = e;
    return best?.style;
  }

  key(key: string): KeyUse | undefined {
    const u = this.keyTable.get(key.toLowerCase());
    return u ? freezeKey(u) : undefined;
  }

  /** Every key the site's posts use, most used first. */
  keys(): KeyUse[] {
    return [...this.keyTable.values()].map(freezeKey).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

function freezeKey(u: MutableKey): KeyUse {
  let key = '';
  let best = -1;
  for (const [k, n] of u.spellings) if (n > best || (n === best && k < key)) [key, best] = [k, n];
  return { key, count: u.count, kinds: { ...u.kinds }, flow: u.flow, block: u.block, quotes: { ...u.quotes } };
}

/** Sorting every value's file list on each edit would cost more than the whole completion: sort on first read. */
class LazyTermUse implements TermUse {
  private sorted?: readonly string[];
  constructor(
    readonly value: string,
    readonly count: number,
    private readonly live: ReadonlySet<string>,
  ) {}
  get files(): readonly string[] {
    return (this.sorted ??= [...this.live].sort());
  }
  someFiles(n: number): readonly string[] {
    if (this.sorted || this.live.size <= n) return this.files.slice(0, n);
    const out: string[] = [];
    for (const f of this.live) if (out.push(f) >= n) break;
    return out.sort();
  }
}

/** The site's front-matter table (kept in the site's caches), brought up to date. */
export function frontMatterStats(site: Site): FrontMatterStats {
  const s = (site.caches.frontMatterStats ??= new FrontMatterStats(site.index));
  s.sync();
  return s;
}
