/**
 * Keeping links correct when a post's URL changes (file moved or renamed, `slug:`/`url:` edited):
 * the edits that make every inbound link point at the new URL, each in the form it was written in
 * (relative stays relative and is recomputed from the linker's own URL, root stays root, relref
 * stays relref, fragments and queries are kept), and for Hugo the alias that keeps the old URL alive.
 *
 * Pure over the index as it is *before* the change: the editor asks while the rename is pending.
 */
import { posix } from '../posix';
import type { Site } from '../service';
import type { IndexedDocument } from '../site/index';
import type { Page } from '../site/model';
import { NO_FRONT_MATTER } from '../site/generator';
import type { ExtractedLink } from '../links/types';
import { liquidTargetFile } from '../links/resolve';
import { decodePath, relativeUrl, resolvePath, rootDestination, servedPath, splitDestination } from '../links/urls';
import { resolveHugoRef } from '../links/hugoRefs';
import { postUrlName } from './linkStyle';

export interface FileTextEdit {
  /** Site-relative file (as it is named before the change). */
  readonly file: string;
  /** Offsets into that file's text. */
  readonly range: { readonly start: number; readonly end: number };
  readonly newText: string;
}

export interface RelinkPlan {
  /** Edits to the linking documents (and to links inside the moved post itself). */
  readonly edits: FileTextEdit[];
  /** Adds the old URL to the post's `aliases` (Hugo), so old links and bookmarks keep working. */
  readonly aliasEdit?: FileTextEdit;
  /** The same for every moved post when a folder of posts moved (includes aliasEdit). */
  readonly aliasEdits?: readonly FileTextEdit[];
  readonly oldUrl?: string;
  readonly newUrl?: string;
  /** Distinct files with an edit (the moved post excluded). */
  readonly linkers: string[];
}

const EMPTY: RelinkPlan = { edits: [], linkers: [] };
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const URL_KINDS = new Set<ExtractedLink['kind']>(['inline', 'definition', 'autolink', 'html-href', 'image', 'html-src']);

/** Moved documents: `from` itself or, for a folder (a bundle), everything below it. */
function movedFiles(site: Site, from: string, to: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const f of site.index.documents.keys()) {
    if (f === from) m.set(f, to);
    else if (f.startsWith(from + '/')) m.set(f, to + f.slice(from.length));
  }
  return m;
}

/** The pages a document would publish under another name (same front matter). */
function pagesAfterMove(site: Site, doc: IndexedDocument, newFile: string, moved: Map<string, string>, now: Date, folderMove?: { from: string; to: string }): Page[] {
  const back = new Map([...moved].map(([a, b]) => [b, a]));
  const folder = folderMove ? { from: folderMove.from, to: folderMove.to } : undefined;
  const lookup = {
    has: (f: string) => {
      if (back.has(f)) return true;
      if (moved.has(f)) return false;
      if (folder && f.startsWith(folder.to + '/')) return site.index.hasFile(folder.from + f.slice(folder.to.length));
      if (folder && f.startsWith(folder.from + '/')) return false;
      return site.index.hasFile(f);
    },
    data: (f: string) => site.index.document(back.get(f) ?? f)?.frontMatter?.data,
  };
  try {
    return site.model.pagesFor(newFile, doc.frontMatter?.data ?? NO_FRONT_MATTER, lookup, now);
  } catch {
    return [];
  }
}

/**
 * Edits for moving (renaming) `fromFile` to `toFile` (site-relative). A folder moves as a whole: a
 * bundle with its resources, or a folder of posts (each post's links and its linkers' links).
 * `now` decides publish status as the index does.
 */
export function planPostMove(site: Site, fromFile: string, toFile: string, o: { now?: Date; text?: string } = {}): RelinkPlan {
  const moved = movedFiles(site, fromFile, toFile);
  const folder = moved.has(fromFile) ? undefined : { from: fromFile, to: toFile };
  const pages: MovedPage[] = [];
  for (const [file, newFile] of moved) {
    const doc = site.index.document(file)!;
    const oldPage = doc.pages[0];
    if (!oldPage) continue;
    const newPage = pagesAfterMove(site, doc, newFile, moved, o.now ?? new Date(), folder)[0];
    if (newPage) pages.push({ file, newFile, oldPage, newPage });
  }
  // The post the plan is about: the moved file itself, or a bundle's index.
  const main = pages.find((m) => m.file === fromFile) ?? pages.find((m) => m.oldPage.kind === 'page') ?? pages[0];
  if (!main) return EMPTY;
  return relink(site, changes(pages, moved, !!folder), main, o.text);
}

/**
 * Edits after a front-matter change of `file` moved its page from `oldUrl` to `newUrl` (a `slug:`
 * or `url:` edit). The index may already hold the edited front matter.
 */
export function planUrlChange(site: Site, file: string, oldUrl: string, newUrl: string, text?: string): RelinkPlan {
  const doc = site.index.document(file);
  const page = doc?.pages[0];
  if (!doc || !page || oldUrl === newUrl) return EMPTY;
  const m: MovedPage = { file, newFile: file, oldPage: { ...page, url: oldUrl }, newPage: { ...page, url: newUrl } };
  return relink(site, changes([m], new Map(), false), m, text);
}

interface MovedPage {
  readonly file: string;
  readonly newFile: string;
  readonly oldPage: Page;
  readonly newPage: Page;
}

interface Changes {
  readonly byFile: ReadonlyMap<string, MovedPage>;
  /** Old URL (no trailing slash) → the page published there. */
  readonly byUrl: ReadonlyMap<string, MovedPage>;
  /** Every moved document: old → new site-relative path. */
  readonly moved: ReadonlyMap<string, string>;
  /** A folder moved, resources with it. */
  readonly folderMove: boolean;
}

const strip = (u: string) => (u.length > 1 ? u.replace(/\/+$/, '') : u);

function changes(pages: readonly MovedPage[], moved: ReadonlyMap<string, string>, folderMove: boolean): Changes {
  return { byFile: new Map(pages.map((m) => [m.file, m])), byUrl: new Map(pages.map((m) => [strip(m.oldPage.url), m])), moved, folderMove };
}

/** `text`: the main post's current text, for matching the indentation of a block `aliases` list. */
function relink(site: Site, ch: Changes, main: MovedPage, text?: string): RelinkPlan {
  const edits: FileTextEdit[] = [];
  for (const doc of site.index.documents.values()) {
    const self = ch.byFile.get(doc.file);
    const linkerOld = self?.oldPage ?? doc.pages[0];
    const linkerNew = self?.newPage ?? doc.pages[0];
    for (const link of doc.body().links) {
      const e = editFor(site, ch, doc, link, linkerOld, linkerNew, !!self);
      if (e !== undefined && e !== link.target) edits.push({ file: doc.file, range: link.range, newText: e });
    }
  }
  const linkers = [...new Set(edits.filter((e) => !ch.byFile.has(e.file)).map((e) => e.file))].sort();
  const aliasEdits: FileTextEdit[] = [];
  if (site.model.authoring.aliasesOnMove) {
    for (const m of ch.byFile.values()) {
      if (m.oldPage.url === m.newPage.url || m.oldPage.kind !== 'page') continue;
      const a = aliasEditFor(site, m.file, m.oldPage.url, m === main ? text : undefined);
      if (a) aliasEdits.push(a);
    }
  }
  const aliasEdit = aliasEdits.find((a) => a.file === main.file);
  return { edits, aliasEdit, aliasEdits, oldUrl: main.oldPage.url, newUrl: main.newPage.url, linkers };
}

/** The new destination for one link, or undefined to leave it. */
function editFor(site: Site, ch: Changes, doc: IndexedDocument, link: ExtractedLink, linkerOld: Page | undefined, linkerNew: Page | undefined, self: boolean): string | undefined {
  if (link.context === 'code') return undefined;
  const written = link.target;
  if (link.kind === 'ref' || link.kind === 'relref') return ch.moved.size ? refEdit(site, ch, doc.file, written) : undefined;
  if (link.kind === 'post_url' || link.kind === 'liquid-link') return liquidEdit(site, ch, doc.file, link);
  if (!URL_KINDS.has(link.kind)) return undefined;
  const dest = written.trim();
  if (dest === '' || dest.startsWith('#') || dest.startsWith('//')) return undefined;
  let origin = '';
  let rest = dest;
  if (SCHEME.test(dest)) {
    const m = /^(https?:\/\/[^/?#]*)(.*)$/i.exec(dest);
    const own = /^https?:\/\/(?:www\.)?([^/?#:]+)/i.exec(site.model.summary.baseURL ?? '');
    const host = m && /^https?:\/\/(?:www\.)?([^/?#:]+)/i.exec(m[1]);
    if (!m || !own || !host || host[1].toLowerCase() !== own[1].toLowerCase()) return undefined;
    origin = m[1];
    rest = m[2] || '/';
  }
  const w = splitDestination(rest);
  const tail = w.query + (w.fragment !== undefined ? '#' + w.fragment : '');
  if (site.model.summary.linkSemantics === 'file' && !w.path.startsWith('/') && !origin) return fileEdit(ch, doc.file, w.path, tail);
  if (!linkerOld && !w.path.startsWith('/')) return undefined;
  const resolved = decodePath(resolvePath(linkerOld?.url ?? '/', servedPath(site.model.summary, w.path, origin)));
  const isRelative = !w.path.startsWith('/') && !origin;
  const to = ch.byUrl.get(strip(resolved));
  let target: string | undefined;
  if (to && to.oldPage.url !== to.newPage.url) target = to.newPage.url;
  else {
    const owner = isRelative || origin || w.path.startsWith('/') ? bundleOf(ch, resolved) : undefined;
    if (owner) target = owner.newPage.url + resolved.slice(owner.oldPage.url.length);
    else if (self && isRelative && linkerOld && linkerNew && linkerOld.url !== linkerNew.url) target = resolved;
  }
  if (target === undefined) return undefined;
  let out: string;
  if (origin) out = origin + target;
  else if (!isRelative || !linkerNew) out = rootDestination(site.model.summary, target);
  else out = relativeUrl(linkerNew.url, target);
  if (!w.path.endsWith('/') && out.endsWith('/') && out.length > 1 && !out.endsWith('./')) out = out.slice(0, -1);
  out = out.replace(/ /g, '%20');
  return out + tail;
}

/** The moved bundle a URL points into (one of its resources), when a folder moved with its files. */
function bundleOf(ch: Changes, resolved: string): MovedPage | undefined {
  if (!ch.folderMove) return undefined;
  let best: MovedPage | undefined;
  for (const m of ch.byFile.values()) {
    const u = m.oldPage.url;
    if (u === m.newPage.url || !u.endsWith('/') || !resolved.startsWith(u) || resolved === u) continue;
    if (!best || u.length > best.oldPage.url.length) best = m;
  }
  return best;
}

/** Jekyll `{% post_url name %}` and `{% link path %}` naming a moved file. */
function liquidEdit(site: Site, ch: Changes, linker: string, link: ExtractedLink): string | undefined {
  if (!ch.moved.size) return undefined;
  const written = link.target;
  const bare = written.replace(/^\/+/, '');
  if (link.kind === 'liquid-link') {
    const to = ch.moved.get(bare);
    return to ? (written.startsWith('/') ? '/' : '') + to : undefined;
  }
  const f = liquidTargetFile(site, written, linker);
  if (!f) return undefined;
  const to = ch.moved.get(f);
  const oldName = postUrlName(f);
  const newName = to ? postUrlName(to) : undefined;
  if (!oldName || !newName) return undefined;
  return bare === oldName ? newName : posix.basename(newName);
}

/** File-semantics sites (Docusaurus, plain folders): links are relative file paths. */
function fileEdit(ch: Changes, linker: string, path: string, tail: string): string | undefined {
  const dir = posix.dirname(linker);
  const resolved = posix.normalize(posix.join(dir, decodePath(path)));
  const newLinker = ch.moved.get(linker) ?? linker;
  let target: string | undefined;
  if (ch.moved.has(resolved)) target = ch.moved.get(resolved);
  else if (newLinker !== linker) target = resolved;
  if (!target) return undefined;
  let rel = posix.relative(posix.dirname(newLinker), target);
  if (path.startsWith('./') && !rel.startsWith('.')) rel = './' + rel;
  return rel.replace(/ /g, '%20') + tail;
}

/** A relref argument that named a moved page (or a relative one written in a moved post), rewritten in the same shape. */
function refEdit(site: Site, ch: Changes, linker: string, written: string): string | undefined {
  const hash = written.indexOf('#');
  const path = hash >= 0 ? written.slice(0, hash) : written;
  const frag = hash >= 0 ? written.slice(hash) : '';
  const r = resolveHugoRef(site, linker, path, true);
  if (!r || !('page' in r) || !r.page.file) return undefined;
  const targetFile = r.page.file;
  const newTarget = ch.moved.get(targetFile) ?? targetFile;
  const linkerMoved = ch.moved.has(linker);
  const trimmed = path.trim();
  const relative = !trimmed.startsWith('/') && trimmed.includes('/');
  if (newTarget === targetFile && !(linkerMoved && relative)) return undefined;
  const innerNew = innerOf(site, newTarget);
  if (!innerNew) return undefined;
  const hasExt = /\.[a-z]+$/i.test(trimmed);
  const isBundle = (p: string) => /(^|\/)_?index\.[^/]+$/.test(p);
  // The writer's form: a content path with or without extension, a bundle by folder or by index file.
  const shape = (inner: string) => {
    let p = inner;
    if (isBundle(p) && !/\/_?index(\.[a-z]+)?$/i.test(trimmed)) p = posix.dirname(p);
    else if (!hasExt) p = p.replace(/\.[^./]+$/, '');
    return p;
  };
  let out: string;
  if (trimmed.startsWith('/')) out = '/' + shape(innerNew);
  else if (!trimmed.includes('/')) {
    out = posix.basename(shape(innerNew));
    // A bare name must stay unique, or Hugo calls the reference ambiguous.
    const name = out.replace(/\.[^./]+$/, '').toLowerCase();
    const clash = resolveHugoRef(site, linker, name, true);
    if (clash && ('ambiguous' in clash || clash.page.file !== targetFile)) out = '/' + shape(innerNew);
  } else {
    const base = posix.dirname(innerOf(site, ch.moved.get(linker) ?? linker) ?? linker);
    out = posix.relative(base, shape(innerNew));
  }
  return out + frag;
}

function innerOf(site: Site, file: string): string | undefined {
  for (const d of [...site.model.contentDirs].sort((a, b) => b.length - a.length)) {
    if (d === '') return file;
    if (file.startsWith(d + '/')) return file.slice(d.length + 1);
  }
  return undefined;
}

/** Adds `oldUrl` to the front-matter `aliases` of `file` (YAML or TOML; JSON is left alone). */
export function aliasEditFor(site: Site, file: string, oldUrl: string, text?: string): FileTextEdit | undefined {
  const doc = site.index.document(file);
  const fm = doc?.frontMatter;
  if (!fm || fm.format === 'json') return undefined;
  const base = site.model.summary.basePath;
  const alias = base && oldUrl.startsWith(base + '/') ? oldUrl.slice(base.length) : oldUrl;
  const existing = fm.data['aliases'];
  if (Array.isArray(existing) && existing.some((a) => typeof a === 'string' && strip(a) === strip(alias))) return undefined;
  const field = fm.fields.find((f) => f.key === 'aliases');
  const quoted = JSON.stringify(alias);
  if (field && field.shape?.kind === 'list') {
    if (field.shape.flow) {
      // `aliases: ["/a/"]` → insert before the closing bracket.
      const end = field.valueRange.end;
      return { file, range: { start: end - 1, end: end - 1 }, newText: `, ${quoted}` };
    }
    if (text === undefined) return undefined;
    // A block list: a new item with the indentation of the last one.
    let at = Math.min(field.valueRange.end, text.length);
    while (at > 0 && /\s/.test(text[at - 1])) at--;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const indent = /^[ \t]*-[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '- ';
    return { file, range: { start: at, end: at }, newText: `\n${indent}${quoted}` };
  }
  if (field) return undefined;
  const line = fm.format === 'toml' ? `aliases = [${quoted}]\n` : `aliases: [${quoted}]\n`;
  const at = fm.contentRange.end;
  return { file, range: { start: at, end: at }, newText: line };
}
