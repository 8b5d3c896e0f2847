/**
 * New Post planning: from a title and a few choices to the file(s) to create — paths and contents —
 * following the site's generator and its existing posts. Nothing here writes: the CLI and the
 * editor write the plan with exclusive-create semantics, so a plan that raced with another writer
 * fails instead of overwriting.
 */
import { posix } from '../posix';
import type { Postcraft, Site } from '../service';
import { decodeText, type FileSystemHost } from '../host';
import type { IndexedDocument } from '../site/index';
import { generatorName } from '../site/detect';
import { splitFrontMatter } from '../frontmatter/parse';
import type { PostTemplate } from '../site/generator';
import { authorsByUse, detectConventions, type PostConventions } from './conventions';
import { datePrefix, formatDate } from './dates';
import { buildFrontMatter, setFrontMatterField, type FmValue } from './frontMatterText';
import { layoutFor, postFiles, postFolderOf, postFolders, type GeneratorLayout } from './layout';
import { cleanValues, validateSection, validateTitle, type NewPostRequest } from './request';
import { isSafeSegment, slugify, type SlugSeparator } from './slug';

export interface NewPostEnvironment {
  readonly now: Date;
  /** The writer's UTC offset in minutes east (-420 for -07:00). */
  readonly offsetMinutes: number;
  /** `auto` (default) follows the site's file names. */
  readonly separator?: 'auto' | SlugSeparator;
  /** Author used when the request names none; empty → the site's most frequent author. */
  readonly defaultAuthor?: string;
  readonly nonLatin?: 'keep' | 'transliterate';
  /** Take the first free numbered name (`slug-2`) instead of reporting the existing post. */
  readonly numbered?: boolean;
}

export interface PlannedFile {
  /** Absolute posix path. */
  readonly path: string;
  readonly content: string | Uint8Array;
}

export interface NewPostPlan {
  readonly siteRoot: string;
  readonly generator: string;
  /** Absolute path of the post's Markdown file (a bundle's index.md). */
  readonly path: string;
  /** Every file to create, the post first; bundle archetypes add their resources. */
  readonly files: readonly PlannedFile[];
  /** Where the cursor goes: the start of the body (0-based). */
  readonly cursor: { readonly line: number; readonly character: number };
  readonly slug: string;
  /** Site-relative folder the post was put in. */
  readonly folder: string;
  readonly bundle: boolean;
  /** Site-relative archetype used, if any. */
  readonly archetype?: string;
  /** Things the writer should know (unevaluated archetype expressions, ignored options). */
  readonly warnings: readonly string[];
}

export type NewPostResult =
  | { readonly kind: 'planned'; readonly plan: NewPostPlan }
  /** A post already lives at that name; `alternative` is the same post under the first free numbered name. */
  | { readonly kind: 'exists'; readonly existing: string; readonly alternative?: NewPostPlan }
  | { readonly kind: 'refused'; readonly message: string };

const refuse = (message: string): NewPostResult => ({ kind: 'refused', message });

/** Keeps a site-relative path inside a folder: no `..`, no absolute escape. */
function inside(parent: string, child: string): boolean {
  const rel = posix.relative(parent || '.', child || '.');
  return rel === '' || (rel.split('/')[0] !== '..' && !posix.isAbsolute(rel));
}

/** The site a request is for, or why there is none. */
export function resolveSite(engine: Postcraft, request: Pick<NewPostRequest, 'site' | 'folder'>): Site | string {
  if (request.site) {
    const abs = posix.normalize(request.site).replace(/\/+$/, '') || '/';
    return engine.sites.find((s) => s.root === abs) ?? engine.siteOf(abs) ?? `No site found at ${request.site}.`;
  }
  if (request.folder) {
    const s = engine.siteOf(posix.normalize(request.folder));
    if (s) return s;
  }
  if (engine.sites.length === 1) return engine.sites[0];
  if (engine.sites.length === 0) return 'No site is open: open the folder of your blog (or any folder of Markdown) first.';
  return `This workspace has ${engine.sites.length} sites (${engine.sites.map((s) => s.root).join(', ')}); say which one.`;
}

interface Target {
  readonly folder: string;
  readonly warnings: string[];
}

function targetFolder(site: Site, layout: GeneratorLayout, request: NewPostRequest): Target | string {
  const warnings: string[] = [];
  const defaults = postFolders(site, layout);
  if (request.section !== undefined && request.section.trim() !== '') {
    const bad = validateSection(request.section);
    if (bad) return bad;
    let section = request.section.trim().replace(/\/+$/, '');
    // `content/posts` given where `posts` is meant: the content folder is implied.
    if (layout.sectionBase && section.startsWith(layout.sectionBase + '/')) section = section.slice(layout.sectionBase.length + 1);
    if (!layout.sections) {
      warnings.push(`${site.model.summary.generator} sites keep posts in ${defaults[0].folder}; the section '${section}' was ignored.`);
      return { folder: defaults[0].folder, warnings };
    }
    return { folder: posix.join(layout.sectionBase, section), warnings };
  }
  if (request.folder) {
    const rel = posix.relative(site.root, posix.normalize(request.folder));
    const usable = !rel.startsWith('..') && !posix.isAbsolute(rel) && (layout.sections ? inside(layout.sectionBase, rel) && rel !== layout.sectionBase || (layout.sectionBase === '' && rel !== '..') : rel === defaults[0].folder);
    if (usable && !validateSection(rel || 'x')) {
      // Inside a page bundle a new Markdown file would be a resource of that page, not a post.
      const isBundle = [...site.index.documents.keys()].some((f) => posix.dirname(f) === rel && /^index\.[^.]+$/i.test(posix.basename(f)));
      if (!isBundle) return { folder: rel, warnings };
      const parent = posix.dirname(rel) === '.' ? '' : posix.dirname(rel);
      warnings.push(`${rel} is a page bundle; the post was put beside it, in ${parent || 'the site folder'}.`);
      return { folder: parent, warnings };
    }
    if (rel !== defaults[0].folder) warnings.push(`${request.folder} is not a folder posts go in; the post was put in ${defaults[0].folder || 'the site folder'}.`);
  }
  return { folder: defaults[0].folder, warnings };
}

/** Posts that set the example: those in the target folder, else the whole site's. */
function samplePosts(site: Site, folder: string): IndexedDocument[] {
  const all = postFiles(site);
  const here = all.filter((f) => postFolderOf(f) === folder || (folder !== '' && f.startsWith(folder + '/') && postFolderOf(f).split('/').length === folder.split('/').length + 1));
  const files = here.length ? here : all;
  return files.map((f) => site.index.document(f)).filter((d): d is IndexedDocument => !!d);
}

async function readSamples(fs: FileSystemHost, site: Site, docs: readonly IndexedDocument[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const d of docs.slice(0, 20)) {
    try {
      texts.set(d.file, decodeText(await fs.readFile(posix.join(site.root, d.file))).text);
    } catch {
      /* unreadable sample: the others decide */
    }
  }
  return texts;
}

/** Line and character where the body starts (after one blank line), adding that line if missing. */
function withBodyCursor(text: string): { text: string; cursor: { line: number; character: number } } {
  const split = splitFrontMatter(text);
  let out = text;
  let bodyStart = split.bodyStart;
  if (split.frontMatter) {
    const body = out.slice(bodyStart);
    if (body.trim() === '') {
      out = out.slice(0, bodyStart) + '\n';
      if (!out.slice(0, bodyStart).endsWith('\n')) out = out.slice(0, bodyStart) + '\n\n';
      bodyStart = out.length;
    } else {
      // Skip the blank lines after the front matter: the cursor goes where writing starts.
      const m = /^(?:[ \t]*\r?\n)*/.exec(body)!;
      bodyStart += m[0].length;
    }
  } else if (out.trim() === '') bodyStart = out.length;
  const before = out.slice(0, bodyStart);
  const lines = before.split(/\r\n|\r|\n/);
  return { text: out, cursor: { line: lines.length - 1, character: lines[lines.length - 1].length } };
}

interface PostFields {
  readonly title: string;
  readonly tags: readonly string[];
  readonly authors: readonly string[];
  readonly draft?: boolean;
  readonly date: string;
  readonly dateStyleDate: string;
}

function authorValue(key: string, authors: readonly string[]): FmValue {
  return key === 'author' && authors.length === 1 ? authors[0] : authors;
}

/** Front matter for a site without an archetype: its usual format, keys and order. */
function conventionalFrontMatter(c: PostConventions, layout: GeneratorLayout, f: PostFields, tagsKey: string): string {
  const entries: [string, FmValue][] = [];
  const done = new Set<string>();
  const authorKey = c.authorKey ?? layout.defaults.authorKey ?? 'author';
  const put = (k: string, v: FmValue) => {
    if (done.has(k.toLowerCase())) return;
    done.add(k.toLowerCase());
    entries.push([k, v]);
  };
  const order = c.keyOrder.some((k) => k.toLowerCase() === 'title') ? c.keyOrder : ['title', ...c.keyOrder];
  for (const k of order) {
    const lower = k.toLowerCase();
    if (lower === 'title') put(k, f.title);
    else if (k === c.dateKey) put(k, { date: f.dateStyleDate });
    else if (lower === 'draft') put(k, f.draft ?? false);
    else if (k === tagsKey) put(k, f.tags);
    else if (k === authorKey) {
      if (f.authors.length) put(k, authorValue(k, f.authors));
      else if (c.listKeys.has(k)) put(k, []);
    } else if (c.constants.has(k)) put(k, c.constants.get(k)!);
    else if (c.listKeys.has(k)) put(k, []);
    else if (lower === 'description' && c.sampled === 0) put(k, '');
  }
  if (f.tags.length) put(tagsKey, f.tags);
  if (f.authors.length) put(authorKey, authorValue(authorKey, f.authors));
  if (f.draft === true && !layout.draftsFolder) put('draft', true);
  return buildFrontMatter(c.format, entries, c.yamlStyle);
}

/** Sets what the writer chose on top of an archetype's front matter. */
function applyToArchetype(text: string, c: PostConventions, f: PostFields, tagsKey: string): string {
  const fm = splitFrontMatter(text).frontMatter;
  const keys = new Set((fm?.fields ?? []).map((x) => x.key.toLowerCase()));
  let out = setFrontMatterField(text, 'title', f.title, c.format, c.yamlStyle);
  if (f.tags.length) out = setFrontMatterField(out, tagsKey, f.tags, c.format, c.yamlStyle);
  if (f.authors.length) {
    const key = keys.has('authors') ? 'authors' : keys.has('author') ? 'author' : c.authorKey ?? 'authors';
    out = setFrontMatterField(out, key, authorValue(key, f.authors), c.format, c.yamlStyle);
  }
  if (f.draft !== undefined) out = setFrontMatterField(out, 'draft', f.draft, c.format, c.yamlStyle);
  return out;
}

/** Plans a post in the site the request names (or the only site of the workspace). */
export async function planNewPost(engine: Postcraft, request: NewPostRequest, env: NewPostEnvironment): Promise<NewPostResult> {
  const titleProblem = validateTitle(typeof request.title === 'string' ? request.title : '');
  if (titleProblem) return refuse(titleProblem);
  const site = resolveSite(engine, request);
  if (typeof site === 'string') return refuse(site);
  return planNewPostIn(engine.fs, site, request, env);
}

export async function planNewPostIn(fs: FileSystemHost, site: Site, request: NewPostRequest, env: NewPostEnvironment): Promise<NewPostResult> {
  const titleProblem = validateTitle(typeof request.title === 'string' ? request.title : '');
  if (titleProblem) return refuse(titleProblem);
  const title = request.title.trim();
  const layout = layoutFor(site);
  const target = targetFolder(site, layout, request);
  if (typeof target === 'string') return refuse(target);
  const warnings = [...target.warnings];
  let folder = target.folder;
  if (posix.isAbsolute(folder) || !inside('', folder)) return refuse(`The folder ${folder} is outside the site.`);

  const docs = samplePosts(site, folder);
  const conventions = detectConventions(docs, await readSamples(fs, site, docs), layout.defaults);
  const separator: SlugSeparator = env.separator === '-' || env.separator === '_' ? env.separator : conventions.separator;
  const slug = slugify(title, { separator, nonLatin: env.nonLatin });
  if (!slug || !isSafeSegment(slug)) return refuse(`Cannot make a file name from the title "${title}".`);

  const generator = site.model.summary.generator;
  const section = layout.templateFor ? (folder.slice(layout.sectionBase.length + 1).split('/')[0] ?? '') : '';
  let bundle = layout.bundles ? (request.bundle ?? conventions.bundles) : false;
  if (request.bundle && !layout.bundles) warnings.push(`${generatorName(generator)} posts are single files; --bundle was ignored.`);
  // The generator's own template for the section (Hugo's archetype), when it has one.
  const archetype: PostTemplate | undefined = await layout.templateFor?.(fs, section, request.bundle ?? (conventions.bundles || undefined));
  if (archetype?.bundle) bundle = true;
  if (request.draft && layout.draftsFolder) folder = layout.draftsFolder;

  const date = formatDate(env.now, env.offsetMinutes, 'rfc3339');
  // Collections from tags (Eleventy): a tag every post of the folder carries goes on the new one.
  const tags = cleanValues(layout.folderTags ? [...conventions.sharedTags, ...(request.tags ?? [])] : request.tags);
  let authors = cleanValues(request.authors);
  if (request.authors === undefined) {
    const fallback = env.defaultAuthor?.trim() || authorsByUse(site.index.documents.values())[0];
    if (fallback) authors = [fallback];
  }
  const tagsKey = site.model.taxonomies.find((t) => t.plural.toLowerCase() === 'tags')?.plural ?? 'tags';
  const fields: PostFields = { title, tags, authors, draft: request.draft, date, dateStyleDate: formatDate(env.now, env.offsetMinutes, conventions.dateStyle) };
  const ext = conventions.extension;
  const prefix = layout.datedNames && !(request.draft && layout.draftsFolder) ? `${datePrefix(env.now, env.offsetMinutes)}-` : '';
  const folderAbs = posix.join(site.root, folder);

  const build = (n: number): NewPostPlan | string => {
    const name = n === 1 ? slug : `${slug}${separator}${n}`;
    const stem = prefix + name;
    const mainRel = bundle ? `${folder}/${stem}/index${ext}` : `${folder}/${stem}${ext}`;
    const files: PlannedFile[] = [];
    const planWarnings = [...warnings];
    let main: string;
    if (archetype) {
      const contentPath = mainRel.slice(layout.sectionBase.length + 1);
      const r = archetype.render({ title, name: stem, section, contentPath, date, now: env.now, offsetMinutes: env.offsetMinutes });
      planWarnings.push(...r.warnings);
      const mainFile = r.files.find((f) => f.rel === '' || f.rel === 'index.md');
      main = applyToArchetype(typeof mainFile?.content === 'string' ? mainFile.content : '', conventions, fields, tagsKey);
      for (const f of r.files) if (f !== mainFile) files.push({ path: posix.join(site.root, folder, stem, f.rel), content: f.content });
    } else main = conventionalFrontMatter(conventions, layout, fields, tagsKey);
    const { text, cursor } = withBodyCursor(main);
    const all = [{ path: posix.join(site.root, mainRel), content: text }, ...files];
    // The slug and archetype paths are already safe; this is the last line of defence.
    if (!all.every((f) => inside(folderAbs, f.path))) return `The planned file ${all.find((f) => !inside(folderAbs, f.path))!.path} would be outside ${folderAbs}.`;
    return { siteRoot: site.root, generator, path: all[0].path, files: all, cursor, slug: name, folder, bundle, archetype: archetype?.source, warnings: planWarnings };
  };

  // A name is taken when either form exists (`x.md` and `x/index.md` publish the same URL), in any
  // letter case (Hugo lower-cases URLs; macOS and Windows ignore case).
  let listing: { name: string; type: string }[] = [];
  try {
    listing = (await fs.readDirectory(folderAbs)).map((e) => ({ name: e.name, type: e.type }));
  } catch {
    listing = [];
  }
  const taken = (stem: string): string | undefined => {
    const lower = stem.toLowerCase();
    const hit = listing.find((e) => e.name.toLowerCase() === lower || e.name.toLowerCase().replace(/\.(md|markdown|mdown|mkd|mkdn|html?)$/, '') === lower);
    return hit ? posix.join(folderAbs, hit.name) : undefined;
  };
  const existingAt = async (n: number): Promise<string | undefined> => {
    const stem = prefix + (n === 1 ? slug : `${slug}${separator}${n}`);
    const hit = taken(stem);
    if (hit) {
      const st = await fs.stat(hit);
      if (st?.type === 'directory') {
        for (const idx of ['index.md', 'index.markdown', '_index.md']) if ((await fs.stat(posix.join(hit, idx)))?.type === 'file') return posix.join(hit, idx);
      }
      return hit;
    }
    const planned = build(n);
    if (typeof planned !== 'string' && (await fs.stat(planned.path))) return planned.path;
    return undefined;
  };

  const existing = await existingAt(1);
  if (!existing) {
    const plan = build(1);
    return typeof plan === 'string' ? refuse(plan) : { kind: 'planned', plan };
  }
  let alternative: NewPostPlan | undefined;
  for (let n = 2; n <= 100 && !alternative; n++) {
    if (await existingAt(n)) continue;
    const p = build(n);
    if (typeof p === 'string') return refuse(p);
    alternative = p;
  }
  if (env.numbered && alternative) return { kind: 'planned', plan: alternative };
  return { kind: 'exists', existing, alternative };
}
