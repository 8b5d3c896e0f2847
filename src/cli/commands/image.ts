/**
 * `postcraft image add FILE --post POST [--alt TEXT] [--into DIR] [--format text|json]`: copies an
 * image where the editor's paste and drop would put it (core/images), and prints the file and the
 * Markdown that shows it. Created exclusively (`wx`): nothing is ever overwritten.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatOption, parseArgs, UsageError } from '../args';
import { openSite, toPosix, type CliIO } from '../context';
import { detectSiteAt } from '../../core/api';
import { nodeFileSystem } from '../../node/nodeFs';

export const imageHelp = `postcraft image add FILE --post POST [--alt TEXT] [--into DIR] [--format text|json]
  Copies the image FILE where the site keeps images for POST (beside it in a page bundle, else the
  folder the site's posts use, else the generator's usual folder; --into: a site-relative folder of
  your choice) under a name no file has yet, and prints the file (relative to the site) and the
  Markdown that shows it, with the URL the site publishes. Never overwrites.
  Exit 0: copied; 1: the name was taken meanwhile; 2: a missing file, not an image, or a post outside any site.`;

/** The nearest folder at or above `dir` holding a generator's site. */
async function siteRootAbove(dir: string): Promise<string | undefined> {
  for (let d = dir; ; d = path.dirname(d)) {
    if (await detectSiteAt(nodeFileSystem, toPosix(d))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}

function readImage(abs: string, arg: string): Uint8Array {
  try {
    const st = fs.statSync(abs);
    if (!st.isFile()) throw new UsageError(`not a file: ${arg}`);
    return fs.readFileSync(abs);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`no such file: ${arg}`);
  }
}

export async function imageCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'add') throw new UsageError(sub ? `unknown subcommand '${sub}' (try: image add FILE --post POST)` : 'expects: image add FILE --post POST');
  const args = parseArgs(rest, { values: ['post', 'alt', 'into', 'format'], flags: [] });
  const format = formatOption(args, ['text', 'json'], 'text');
  const [fileArg, extra] = args.positionals;
  const postArg = args.options.get('post');
  if (!fileArg || extra !== undefined) throw new UsageError('expects one image FILE');
  if (typeof postArg !== 'string') throw new UsageError('needs --post POST (the post the image is for)');
  const image = path.resolve(io.cwd, fileArg);
  const bytes = readImage(image, fileArg);
  const post = path.resolve(io.cwd, postArg);
  if (!fs.existsSync(post) || !fs.statSync(post).isFile()) throw new UsageError(`no such post: ${postArg}`);
  const root = await siteRootAbove(path.dirname(post));
  if (!root) throw new UsageError(`${postArg} is not inside any site (no generator configuration above it)`);
  const { engine } = await openSite(io, root);
  const alt = args.options.get('alt');
  const into = args.options.get('into');
  const r = await engine.images.plan({ post: toPosix(post), name: path.basename(image), bytes, alt: typeof alt === 'string' ? alt : undefined, folder: typeof into === 'string' ? into : undefined });
  if (r.kind === 'refused') throw new UsageError(r.message);
  const target = path.normalize(r.plan.path);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  try {
    fs.writeFileSync(target, bytes, { flag: 'wx' });
  } catch (e) {
    if ((e as { code?: string }).code !== 'EEXIST') throw e;
    io.err(`postcraft image: ${r.plan.file} appeared while the image was being copied; nothing was overwritten.\n`);
    return 1;
  }
  for (const w of r.plan.warnings) io.err(`warning: ${w}\n`);
  if (format === 'json') io.out(JSON.stringify({ file: r.plan.file, markdown: r.plan.markdown }) + '\n');
  else io.out(`${r.plan.file}\n${r.plan.markdown}\n`);
  return 0;
}
