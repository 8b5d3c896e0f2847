/**
 * `postcraft posts` against the real `hugo` (Debian's 0.111 spells the commands `hugo list drafts`,
 * `hugo list future`, `hugo list expired`; each builds the site with one option on — buildDrafts,
 * buildFuture, buildExpired — and lists the pages that have that property).
 *
 * So hugo lists a page under X exactly when its own front matter (cascades included) holds it back
 * by rule X and nothing but rule X holds it back (its own or a section's): a draft that is also
 * scheduled is in no list. Our statuses are mapped that way, both with hugo's clock pinned
 * (`--clock`, and the CLI's `--clock`) on test/fixtures/hugo-posts — a `timeZone`, dates with and
 * without offsets in YAML, TOML and JSON, publishDate and its aliases, expiry dates, draft, future
 * and cascading sections — and with today's clock; the dates hugo prints must be ours to the second.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildWithHugo, parseCsv, readPublic, requireHugo } from './helpers/hugo';
import { runCli } from '../../src/cli/main';

const repo = path.resolve(__dirname, '../..');
const FIXTURE = path.join(repo, 'test/fixtures/hugo-posts');
const CLOCK = '2024-06-01T13:59:00Z';
type Rule = 'draft' | 'future' | 'expired';
const LISTS: Record<Rule, string> = { draft: 'drafts', future: 'future', expired: 'expired' };

interface JsonPost {
  file: string;
  url: string;
  status: string;
  date: string | null;
  publishDate: string | null;
  expiryDate: string | null;
  liveAt: string | null;
  reason: string;
  heldBy: { rule: Rule | 'drafts-folder'; file: string | null; key: string | null; overridden: boolean }[];
}

/** hugo's `list` builds the site: it runs on a copy in a temp folder, never in the repository. */
function inTemp<T>(fixture: string, run: (siteDir: string, cacheDir: string) => T): T {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-hugo-list-'));
  try {
    const siteDir = path.join(tmp, 'site');
    fs.cpSync(fixture, siteDir, { recursive: true, filter: (src) => !/^(public|resources|\.hugo_build\.lock)$/.test(path.relative(fixture, src)) });
    return run(siteDir, path.join(tmp, 'cache'));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function hugo(fixture: string, args: readonly string[]): string {
  return inTemp(fixture, (siteDir, cacheDir) => execFileSync('hugo', [...args, '--source', siteDir], { encoding: 'utf8', env: { ...process.env, HUGO_CACHEDIR: cacheDir, HUGO_ENVIRONMENT: 'production' } }));
}

function hugoList(fixture: string, which: string, clock?: string): Map<string, string> {
  const out = hugo(fixture, ['list', which, ...(clock ? ['--clock', clock] : [])]);
  // drafts: one path per line; future and expired: path,date (RFC 3339).
  return new Map(parseCsv(out).filter((r) => r[0]).map((r) => [r[0], r[1] ?? '']));
}

async function ourPosts(siteDir: string, clock?: string): Promise<JsonPost[]> {
  let out = '';
  let err = '';
  const code = await runCli(['posts', siteDir, '--format', 'json', ...(clock ? ['--clock', clock] : [])], { out: (t) => (out += t), err: (t) => (err += t), errIsTTY: false, cwd: repo });
  assert.equal(code, 0, err);
  return (JSON.parse(out) as { posts: JsonPost[] }).posts;
}

/** Whether hugo's `list <rule>` lists the post, by our holds: its own rule, and nothing else in the way. */
function listedUnder(p: JsonPost, rule: Rule): boolean {
  const held = p.heldBy.filter((h) => !h.overridden);
  return held.some((h) => h.rule === rule && h.file === p.file) && held.every((h) => h.rule === rule);
}

function compare(posts: JsonPost[], lists: Record<Rule, Map<string, string>>): string[] {
  const problems: string[] = [];
  const postFiles = new Set(posts.map((p) => p.file));
  for (const rule of Object.keys(LISTS) as Rule[]) {
    for (const p of posts) {
      const ours = listedUnder(p, rule);
      const theirs = lists[rule].has(p.file);
      if (ours !== theirs) problems.push(`${p.file}: hugo list ${LISTS[rule]} ${theirs ? 'lists' : 'does not list'} it; ours: ${p.status}, held by ${JSON.stringify(p.heldBy)}`);
      if (ours && p.status !== rule) problems.push(`${p.file}: listed as ${rule} by hugo, our status is ${p.status}`);
      const printed = lists[rule].get(p.file);
      const mine = rule === 'future' ? p.publishDate : rule === 'expired' ? p.expiryDate : undefined;
      if (theirs && printed && mine !== printed) problems.push(`${p.file}: hugo list ${LISTS[rule]} prints ${printed}, ours ${mine}`);
    }
    // What hugo lists besides posts: section index files, which hold back the posts below them.
    for (const f of lists[rule].keys()) if (!postFiles.has(f) && !/(^|\/)_index\.[a-z]+$/.test(f)) problems.push(`${f}: hugo lists it as ${rule}, it is not among our posts`);
  }
  return problems;
}

describe('Hugo conformance: postcraft posts statuses equal hugo list drafts/future/expired', function () {
  this.timeout(120_000);
  before(function () {
    requireHugo(this);
  });

  it(`hugo-posts at ${CLOCK}: time zone, publishDate, expiry, draft and scheduled sections`, async () => {
    const posts = await ourPosts(FIXTURE, CLOCK);
    const lists = { draft: hugoList(FIXTURE, 'drafts', CLOCK), future: hugoList(FIXTURE, 'future', CLOCK), expired: hugoList(FIXTURE, 'expired', CLOCK) };
    // The fixture must exercise what it is for, or the comparison proves little.
    assert.ok(lists.future.size >= 8 && lists.expired.size >= 2 && lists.draft.size >= 4, `hugo listed ${[...Object.values(lists)].map((l) => l.size).join('/')}`);
    assert.deepEqual(compare(posts, lists), []);
    // Posts held back by two rules are in no list of hugo's, and ours say both.
    const twice = posts.filter((p) => p.heldBy.filter((h) => !h.overridden).length > 1).map((p) => p.file);
    assert.ok(twice.includes('content/posts/draft-future.md') && twice.includes('content/posts/future-expired.md'), twice.join(' '));
  });

  it(`hugo-posts at ${CLOCK}: every date hugo reads (hugo list all) is ours, in the site's zone`, async () => {
    const posts = new Map((await ourPosts(FIXTURE, CLOCK)).map((p) => [p.file, p]));
    const rows = parseCsv(hugo(FIXTURE, ['list', 'all', '--clock', CLOCK]));
    const header = rows[0];
    const col = (r: string[], name: string) => r[header.indexOf(name)];
    const zero = (s: string) => (s.startsWith('0001-01-01') ? null : s);
    const problems: string[] = [];
    let compared = 0;
    for (const r of rows.slice(1).filter((x) => x.length === header.length)) {
      const p = posts.get(col(r, 'path'));
      if (!p) continue;
      compared++;
      for (const k of ['date', 'publishDate', 'expiryDate'] as const) if (zero(col(r, k)) !== p[k]) problems.push(`${p.file} ${k}: hugo ${col(r, k)}, ours ${p[k]}`);
    }
    assert.ok(compared >= 25, `compared ${compared} posts`);
    assert.deepEqual(problems, []);
  });

  it('hugo-posts and hugo-status today: statuses and what the build publishes', async () => {
    for (const fixture of [FIXTURE, path.join(repo, 'test/fixtures/hugo-status')]) {
      const posts = await ourPosts(fixture);
      const lists = { draft: hugoList(fixture, 'drafts'), future: hugoList(fixture, 'future'), expired: hugoList(fixture, 'expired') };
      assert.deepEqual(compare(posts, lists), [], fixture);
      const build = buildWithHugo(fixture);
      try {
        const published = readPublic(build.publicDir, '').pages;
        const wrong = posts.filter((p) => published.has(p.url) !== (p.status === 'published')).map((p) => `${p.file}: ${p.status}, hugo ${published.has(p.url) ? 'publishes' : 'does not publish'} ${p.url}`);
        assert.deepEqual(wrong, []);
      } finally {
        build.cleanup();
      }
    }
  });
});
