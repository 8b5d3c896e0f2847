/**
 * Keeping links correct when a post's URL changes (file moved or renamed, `slug:`/`url:` edited):
 * the edits that make every inbound link point at the new URL, each in the form it was written in
 * (relative stays relative and is recomputed from the linker's own URL, root stays root, relref
 * stays relref, fragments and queries are kept), and for Hugo the alias that keeps the old URL alive.
 *
 * Pure over the index as it is *before* the change: the editor asks while the rename is pending.
 */
import { posix } from 'node:path';
import type { Site } from '../service';
import type { IndexedDocument } from '../site/index';
import type { Page } from '../site/model';
import type { ExtractedLink } from '../links/types';
import { decodePath, relativeUrl, resolvePath, splitDestination } from '../links/urls';
import { resolveHugoRef } from '../links/hugoRefs';
import { contextFor } from './targets';
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
    return site.model.pagesFor(newFile, doc.frontMatter?.data ?? {}, lookup, now);
  } catch {
    return [];
  }
}

/**
 * Edits for moving (renaming) `fromFile` to `toFile` (site-relative; a bundle folder moves as a
 * whole). `now` decides publish status as the index does.
 */
export function planPostMove(site: Site, fromFile: string, toFile: string, o: { now?: Date; text?: string } = {}): RelinkPlan {
  const moved = movedFiles(site, fromFile, toFile);
  // The post is the moved page document: the file itself, or a bundle's index.
  const postFile = [...moved.keys()].find((f) => site.index.pagesOfFile(f).some((p) => p.kind === 'page' || p.kind === 'section'));
  if (!postFile) return EMPTY;
  const doc = site.index.document(postFile)!;
  const oldPage = doc.pages[0];
  const folder = moved.has(fromFile) ? undefined : { from: fromFile, to: toFile };
  const newPage = pagesAfterMove(site, doc, moved.get(postFile)!, moved, o.now ?? new Date(), folder)[0];
  if (!oldPage || !newPage) return EMPTY;
  return relink(site, { file: postFile, newFile: moved.get(postFile)!, oldPage, newPage, moved, folderMove: !!folder }, o.text);
}

/**
 * Edits after a front-matter change of `file` moved its page from `oldUrl` to `newUrl` (a `slug:`
 * or `url:` edit). The index may already hold the edited front matter.
 */
export function planUrlChange(site: Site, file: string, oldUrl: string, newUrl: string, text?: string): RelinkPlan {
  const doc = site.index.document(file);
  const page = doc?.pages[0];
  if (!doc || !page || oldUrl === newUrl) return EMPTY;
  return relink(site, { file, newFile: file, oldPage: { ...page, url: oldUrl }, newPage: { ...page, url: newUrl }, moved: new Map(), folderMove: false }, text);
}

interface Change {
  readonly file: string;
  readonly newFile: string;
  readonly oldPage: Page;
  readonly newPage: Page;
  readonly moved: ReadonlyMap<string, string>;
  /** A folder (bundle) moved, its resources with it. */
  readonly folderMove: boolean;
}

const strip = (u: string) => (u.length > 1 ? u.replace(/\/+$/, '') : u);

/** `text`: the post's current text, for matching the indentation of a block `aliases` list. */
function relink(site: Site, c: Change, text?: string): RelinkPlan {
  const edits: FileTextEdit[] = [];
  const oldKey = strip(c.oldPage.url);
  const urlChanged = c.oldPage.url !== c.newPage.url;
  const fileChanged = c.file !== c.newFile;
  for (const doc of site.index.documents.values()) {
    const self = doc.file === c.file;
    const linkerOld = self ? c.oldPage : doc.pages[0];
    const linkerNew = self ? c.newPage : doc.pages[0];
    const ctx = contextFor(site, doc.file, true, doc);
    if (!ctx) continue;
    for (const link of doc.links) {
      const e = editFor(site, c, doc, link, linkerOld, linkerNew, oldKey, { urlChanged, fileChanged, self });
      if (e !== undefined && e !== link.target) edits.push({ file: doc.file, range: link.range, newText: e });
    }
  }
  const linkers = [...new Set(edits.filter((e) => e.file !== c.file).map((e) => e.file))].sort();
  const aliasEdit = urlChanged && site.model.summary.generator === 'hugo' ? aliasEditFor(site, c.file, c.oldPage.url, text) : undefined;
  return { edits, aliasEdit, oldUrl: c.oldPage.url, newUrl: c.newPage.url, linkers };
}

/** The new destination for one link, or undefined to leave it. */
function editFor(
  site: Site,
  c: Change,
  doc: IndexedDocument,
  link: ExtractedLink,
  linkerOld: Page | undefined,
  linkerNew: Page | undefined,
  oldKey: string,
  f: { urlChanged: boolean; fileChanged: boolean; self: boolean },
): string | undefined {
  if (link.context === 'code') return undefined;
  const written = link.target;
  if (link.kind === 'ref' || link.kind === 'relref') return f.fileChanged ? refEdit(site, c, doc.file, written) : undefined;
  if (link.kind === 'post_url') {
    if (!f.fileChanged) return undefined;
    const oldName = postUrlName(c.file);
    const newName = postUrlName(c.newFile);
    if (!oldName || !newName) return undefined;
    const bare = written.replace(/^\/+/, '');
    return bare === oldName || bare === posix.basename(oldName) ? (bare === oldName ? newName : posix.basename(newName)) : undefined;
  }
  if (link.kind === 'liquid-link') return f.fileChanged && written.replace(/^\/+/, '') === c.file ? (written.startsWith('/') ? '/' : '') + c.newFile : undefined;
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
  if (site.model.summary.linkSemantics === 'file' && !w.path.startsWith('/') && !origin) return fileEdit(c, doc.file, w.path, tail);
  if (!linkerOld && !w.path.startsWith('/')) return undefined;
  const resolved = decodePath(resolvePath(linkerOld?.url ?? '/', w.path));
  const toMoved = strip(resolved) === oldKey;
  const isRelative = !w.path.startsWith('/') && !origin;
  let target: string | undefined;
  if (toMoved && f.urlChanged) target = c.newPage.url;
  else if (isRelative && bundleResourceMoved(c, resolved)) target = c.newPage.url + resolved.slice(c.oldPage.url.length);
  else if (f.self && isRelative && linkerOld && linkerNew && linkerOld.url !== linkerNew.url) target = resolved;
  if (target === undefined) return undefined;
  let out: string;
  if (origin) out = origin + target;
  else if (!isRelative || !linkerNew) out = target;
  else out = relativeUrl((f.self ? c.newPage : linkerNew).url, target);
  if (!w.path.endsWith('/') && out.endsWith('/') && out.length > 1 && !out.endsWith('./')) out = out.slice(0, -1);
  out = out.replace(/ /g, '%20');
  return out + tail;
}

/** A relative link into a moved bundle's own files (from elsewhere the bundle's URL moved with it). */
function bundleResourceMoved(c: Change, resolved: string): boolean {
  return c.oldPage.url !== c.newPage.url && c.oldPage.url.endsWith('/') && resolved.startsWith(c.oldPage.url) && resolved !== c.oldPage.url && c.folderMove;
}

/** File-semantics sites (Docusaurus, plain folders): links are relative file paths. */
function fileEdit(c: Change, linker: string, path: string, tail: string): string | undefined {
  const dir = posix.dirname(linker);
  const resolved = posix.normalize(posix.join(dir, decodePath(path)));
  const newLinker = c.moved.get(linker) ?? linker;
  let target: string | undefined;
  if (c.moved.has(resolved)) target = c.moved.get(resolved);
  else if (newLinker !== linker) target = resolved;
  if (!target) return undefined;
  let rel = posix.relative(posix.dirname(newLinker), target);
  if (path.startsWith('./') && !rel.startsWith('.')) rel = './' + rel;
  return rel.replace(/ /g, '%20') + tail;
}

/** A relref argument that named the moved page, rewritten in the same shape. */
function refEdit(site: Site, c: Change, linker: string, written: string): string | undefined {
  const hash = written.indexOf('#');
  const path = hash >= 0 ? written.slice(0, hash) : written;
  const frag = hash >= 0 ? written.slice(hash) : '';
  const r = resolveHugoRef(site, linker, path, true);
  if (!r || !('page' in r) || r.page.file !== c.file) return undefined;
  const innerOld = innerOf(site, c.file);
  const innerNew = innerOf(site, c.newFile);
  if (!innerOld || !innerNew) return undefined;
  const trimmed = path.trim();
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
    if (clash && ('ambiguous' in clash || clash.page.file !== c.file)) out = '/' + shape(innerNew);
  } else {
    const base = posix.dirname(innerOf(site, c.moved.get(linker) ?? linker) ?? linker);
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
