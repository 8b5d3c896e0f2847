/**
 * `postcraft new "Title" [SITE options]`: the same plan as the editor's New Post, written with
 * exclusive create (`wx`), so an existing post is never overwritten — not even by a race.
 *
 * When the name is taken the command prints the existing post and exits 1: the editor can ask
 * "open it or use a numbered name?", a script cannot, and silently picking `title-2.md` would
 * create near-duplicates. `--numbered` opts into the first free numbered name.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, UsageError } from '../args';
import { openSite, type CliIO } from '../context';
import { planNewPostIn, type NewPostPlan, validateTitle } from '../../core/api';
import { systemClock } from '../../core/host';

export const newHelp = `postcraft new "TITLE" [--site DIR] [--section NAME] [--tags a,b] [--author ID[,ID]] [--bundle] [--draft]
             [--separator -|_] [--numbered]
  Creates a post the way the site expects it (Hugo archetypes, Jekyll/Docusaurus dated names, the
  front-matter format and key order of the site's posts) and prints its path. Never overwrites:
  when the post exists, prints its path and exits 1 (--numbered: use the first free numbered name).`;

function list(v: string | true | undefined): string[] | undefined {
  return typeof v === 'string' ? v.split(',').map((x) => x.trim()).filter(Boolean) : undefined;
}

/** Writes every planned file with exclusive create; a file that appeared meanwhile stops the write. */
export function writePlanExclusive(plan: NewPostPlan): { ok: true } | { ok: false; existing: string } {
  for (const f of plan.files) {
    const p = path.normalize(f.path);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    try {
      fs.writeFileSync(p, f.content, { flag: 'wx' });
    } catch (e) {
      if ((e as { code?: string }).code === 'EEXIST') return { ok: false, existing: f.path };
      throw e;
    }
  }
  return { ok: true };
}

export async function newCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['site', 'section', 'tags', 'author', 'authors', 'separator'], flags: ['bundle', 'draft', 'numbered'] });
  if (args.positionals.length !== 1) throw new UsageError('give the title as one argument, in quotes: postcraft new "My Post"');
  const title = args.positionals[0];
  const sep = args.options.get('separator');
  if (sep !== undefined && sep !== '-' && sep !== '_') throw new UsageError('--separator must be - or _');
  const titleProblem = validateTitle(title);
  if (titleProblem) {
    io.err(`postcraft new: ${titleProblem}\n`);
    return 1;
  }
  const siteOpt = args.options.get('site');
  const { engine, site } = await openSite(io, typeof siteOpt === 'string' ? siteOpt : undefined);
  const now = systemClock.now();
  const result = await planNewPostIn(engine.fs, site, {
    title,
    section: typeof args.options.get('section') === 'string' ? (args.options.get('section') as string) : undefined,
    tags: list(args.options.get('tags')),
    authors: list(args.options.get('author') ?? args.options.get('authors')),
    bundle: args.options.has('bundle') ? true : undefined,
    draft: args.options.has('draft') ? true : undefined,
  }, { now, offsetMinutes: -now.getTimezoneOffset(), separator: sep === '-' || sep === '_' ? sep : 'auto', numbered: args.options.has('numbered') });
  if (result.kind === 'refused') {
    io.err(`postcraft new: ${result.message}\n`);
    return 1;
  }
  if (result.kind === 'exists') {
    const alt = result.alternative ? ` (run again with --numbered to create ${path.basename(result.alternative.bundle ? path.dirname(result.alternative.path) : result.alternative.path)})` : '';
    io.err(`postcraft new: a post with this name already exists${alt}:\n`);
    io.out(result.existing + '\n');
    return 1;
  }
  const written = writePlanExclusive(result.plan);
  if (!written.ok) {
    io.err(`postcraft new: ${written.existing} appeared while the post was being created; nothing was overwritten.\n`);
    return 1;
  }
  for (const w of result.plan.warnings) io.err(`warning: ${w}\n`);
  io.out(result.plan.path + '\n');
  return 0;
}
