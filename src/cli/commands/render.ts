/** `postcraft render FILE [--out OUT.html] [--allow-https-images] [--include-drafts]` */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createPostcraft, type Postcraft, type Site } from '../../core/service';
import { detectSiteAt, prepareSite, renderInSite, standalonePage } from '../../core/api';
import { nodeFileSystem } from '../../node/nodeFs';
import { parseArgs, UsageError } from '../args';
import { SetupError, toPosix, type CliIO } from '../context';

export const renderHelp = `postcraft render FILE [--out OUT.html] [--allow-https-images] [--include-drafts]
  Renders one post the way the preview shows it (front-matter card, shortcodes, highlighted code,
  broken links marked) as a standalone HTML page: CSS inlined, images embedded, no script.
  Without --out the page is written to stdout.`;

const MIME: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', avif: 'image/avif', svg: 'image/svg+xml', bmp: 'image/bmp', ico: 'image/x-icon' };
/** Larger images are left out rather than bloating a page meant for sharing. */
const MAX_EMBED = 8 * 1024 * 1024;

/** The nearest folder above FILE that holds a site (a config file a generator recognises). */
async function siteRootOf(file: string): Promise<string> {
  let dir = path.posix.dirname(file);
  for (let i = 0; i < 12; i++) {
    const model = await detectSiteAt(nodeFileSystem, dir);
    if (model) return dir;
    const up = path.posix.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return path.posix.dirname(file);
}

async function openFileSite(abs: string): Promise<{ engine: Postcraft; site: Site }> {
  const root = await siteRootOf(abs);
  const engine = await createPostcraft({ fs: nodeFileSystem, roots: [root] });
  const site = engine.siteOf(abs);
  if (!site) throw new SetupError(`no site contains ${abs}`);
  return { engine, site };
}

function dataUri(abs: string): string | undefined {
  const mime = MIME[path.extname(abs).slice(1).toLowerCase()];
  if (!mime) return undefined;
  try {
    const st = fs.statSync(abs);
    if (!st.isFile() || st.size > MAX_EMBED) return undefined;
    return `data:${mime};base64,${fs.readFileSync(abs).toString('base64')}`;
  } catch {
    return undefined;
  }
}

export async function renderCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['out'], flags: ['allow-https-images', 'include-drafts'] });
  const fileArg = args.positionals[0];
  if (!fileArg) throw new UsageError('render needs a FILE (a Markdown post)');
  if (args.positionals.length > 1) throw new UsageError(`unexpected argument '${args.positionals[1]}'`);
  const abs = toPosix(path.resolve(io.cwd, fileArg));
  let text: string;
  try {
    text = fs.readFileSync(abs, 'utf8');
  } catch {
    throw new SetupError(`cannot read ${fileArg}`);
  }
  const { engine, site } = await openFileSite(abs);
  const allowHttpsImages = args.options.has('allow-https-images');
  const prep = await prepareSite(engine, site);
  const post = renderInSite(site, abs, text, prep, { resourceUri: dataUri, allowHttpsImages, includeDrafts: args.options.has('include-drafts') });
  const html = standalonePage(post, { allowHttpsImages });
  const out = args.options.get('out');
  if (typeof out === 'string') {
    const target = path.resolve(io.cwd, out);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, html);
    } catch (e) {
      throw new SetupError(`cannot write ${out}: ${(e as Error).message}`);
    }
    const broken = post.links.filter((l) => l.verdict.broken).length;
    io.err(`wrote ${out} (${post.title || path.basename(abs)}; ${post.links.length} link(s), ${broken} broken)\n`);
  } else io.out(html);
  return 0;
}
