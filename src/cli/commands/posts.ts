/** `postcraft posts [SITE_DIR] [--format text|json]`: every post, its publish status, and why. */
import { formatOption, parseArgs, UsageError } from '../args';
import { openSite, type CliIO } from '../context';
import type { Hold, PostEntry, PostGroups, ReadDate } from '../../core/api';

export const postsHelp = `postcraft posts [SITE_DIR] [--format text|json] [--clock TIME]
  Lists the site's posts by publish status as the generator decides it now: drafts, scheduled
  (with the time each goes live, in the site's time zone), expired, and published (newest first,
  by section), each with one sentence saying why (draft flag, date, publishDate, expiryDate, a
  draft section, buildFuture …). json: {"posts":[{"file","title","url","status","date",
  "publishDate","expiryDate","liveAt","reason","section","heldBy"}]}. --clock judges the site at
  another time (RFC 3339, as hugo's own --clock: 2027-03-12T09:00:00+01:00).`;

interface JsonHold {
  rule: Hold['kind'];
  /** The file whose front matter says so (the post's own, or a section index above it). */
  file: string | null;
  key: string | null;
  /** The build option that publishes it anyway, and whether it is on. */
  setting: string | null;
  overridden: boolean;
}

function holdJson(h: Hold): JsonHold {
  const setting = h.setting?.name || null;
  const overridden = !!h.setting?.on;
  if (h.kind === 'drafts-folder') return { rule: h.kind, file: null, key: null, setting, overridden };
  return { rule: h.kind, file: h.file, key: h.kind === 'draft' ? h.key : h.date.key, setting, overridden };
}

export async function postsCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'clock'], flags: [] });
  const format = formatOption(args, ['text', 'json'], 'text');
  if (args.positionals.length > 1) throw new UsageError(`unexpected argument '${args.positionals[1]}'`);
  const clock = args.options.get('clock');
  const now = typeof clock === 'string' ? new Date(clock) : undefined;
  if (now && (isNaN(now.getTime()) || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(clock as string))) throw new UsageError(`--clock must be a time such as 2027-03-12T09:00:00+01:00 (got '${clock}')`);
  const { engine, site, close } = await openSite(io, args.positionals[0], { now });
  try {
    const pub = engine.publishing;
    const posts = pub.posts(site).sort((a, b) => a.file.localeCompare(b.file));
    const date = (d?: ReadDate) => (d ? pub.rfc3339(d) : null);
    if (format === 'json') {
      const out = {
        site: { root: site.root, generator: site.model.summary.generator, pages: site.index.contentPages().length },
        posts: posts.map((p) => ({
          file: p.file,
          title: p.title,
          url: p.url,
          status: p.status,
          date: date(p.date),
          publishDate: date(p.publishDate),
          expiryDate: date(p.expiryDate),
          liveAt: date(p.liveAt),
          reason: pub.explain(site, p).sentence,
          section: p.section,
          heldBy: p.holds.map(holdJson),
        })),
      };
      io.out(JSON.stringify(out, null, 2) + '\n');
      return 0;
    }
    printText(io, pub.groups(posts), (p) => pub.explain(site, p).sentence, date);
    return 0;
  } finally {
    close();
  }
}

function printText(io: CliIO, g: PostGroups, reason: (p: PostEntry) => string, date: (d?: ReadDate) => string | null): void {
  const line = (p: PostEntry, when?: ReadDate) => `  ${p.file}  ${when ? date(when) + '  ' : ''}${p.title}\n    ${reason(p)}\n`;
  const head = (name: string, n: number) => io.out(`${name} (${n})\n`);
  head('Drafts', g.drafts.length);
  for (const p of g.drafts) io.out(line(p));
  head('Scheduled', g.scheduled.length);
  for (const p of g.scheduled) io.out(line(p, p.holds.find((h) => h.kind === 'future')?.date));
  head('Expired', g.expired.length);
  for (const p of g.expired) io.out(line(p, p.expiryDate));
  head('Published', g.publishedCount);
  for (const [section, list] of g.published) {
    io.out(`  ${section || '(root)'} (${list.length})\n`);
    for (const p of list) io.out(`    ${p.file}  ${p.liveAt ?? p.date ? date(p.liveAt ?? p.date) + '  ' : ''}${p.title}\n`);
  }
}
