/**
 * Publishing: the sentence "why isn't this live?" says, and Publish / Schedule / Unpublish as one edit
 * in the post's own front-matter format and date style. (Statuses themselves are pinned against hugo
 * in test/conformance/hugo-posts.test.ts.)
 */
import * as assert from 'node:assert/strict';
import { MemoryFs } from '../helpers/memoryFs';
import { createPostcraft, type Postcraft, type Site } from '../../../src/core/service';
import type { PublishAction } from '../../../src/core/api';
import { applyEdits } from '../authoring/helpers';

const NOW = new Date('2027-03-09T08:00:00Z');

async function hugo(files: Record<string, string>, config = ''): Promise<{ engine: Postcraft; site: Site; fs: MemoryFs }> {
  const fs = new MemoryFs('/site', { 'hugo.toml': `baseURL = "https://x.org/"\n${config}`, ...files });
  const engine = await createPostcraft({ fs, roots: ['/site'], clock: { now: () => NOW } });
  return { engine, site: engine.sites[0], fs };
}

async function run(files: Record<string, string>, file: string, action: PublishAction, config = '', offset = 60): Promise<{ text: string; after?: string; warning?: string }> {
  const { engine, site } = await hugo(files, config);
  const text = files[file];
  const plan = engine.publishing.plan(site, file, text, action, offset);
  assert.equal(plan.problem, undefined);
  return { text: applyEdits(text, plan.edits), after: plan.after, warning: plan.warning };
}

describe('Publishing: why a post is not live, in one sentence', () => {
  it('scheduled, with the time in the written offset and the build option', async () => {
    const { engine, site } = await hugo({ 'content/posts/a.md': '---\ntitle: A\ndate: 2027-03-12T09:00:00+01:00\n---\n' });
    const post = engine.publishing.postOf(site, 'content/posts/a.md')!;
    assert.equal(post.status, 'future');
    assert.equal(engine.publishing.explain(site, post).sentence, 'Scheduled: Hugo publishes this on 12 March 2027, 09:00 +01:00 — 3 days from now; `buildFuture` is off.');
    assert.equal(engine.publishing.rfc3339(post.liveAt!), '2027-03-12T09:00:00+01:00');
  });

  it("in the site's timeZone for a date without an offset; publishDate named", async () => {
    const { engine, site } = await hugo({ 'content/posts/a.md': '---\ntitle: A\ndate: 2027-01-01\npublishDate: 2027-03-12 09:00:00\n---\n' }, 'timeZone = "Europe/Berlin"\n');
    const post = engine.publishing.postOf(site, 'content/posts/a.md')!;
    assert.equal(engine.publishing.explain(site, post).sentence, 'Scheduled: Hugo publishes this on 12 March 2027, 09:00 +01:00 (`publishDate`) — 3 days from now; `buildFuture` is off.');
    const hover = engine.publishing.explainKey(site, post, 'date');
    assert.match(hover!, /^Hugo reads `date` as 1 January 2027, 00:00 \+01:00 — 2 months ago: its date \(not when it goes live\)\. Scheduled:/);
  });

  it("the Posts view shows a go-live time in the site's time zone, whatever offset was written", async () => {
    const { engine, site } = await hugo({ 'content/posts/a.md': '---\ntitle: A\ndate: 2027-07-01T09:00:00-07:00\n---\n' }, 'timeZone = "Europe/Berlin"\n');
    const post = engine.publishing.postOf(site, 'content/posts/a.md')!;
    assert.equal(engine.publishing.humanDate(post.liveAt!), '1 July 2027, 09:00 -07:00');
    assert.equal(engine.publishing.humanDate(engine.publishing.inSiteZone(site, post.liveAt!)), '1 July 2027, 18:00 +02:00');
    const { engine: e2, site: utc } = await hugo({ 'content/posts/a.md': '---\ntitle: A\ndate: 2027-07-01T09:00:00-07:00\n---\n' });
    const p2 = e2.publishing.postOf(utc, 'content/posts/a.md')!;
    assert.equal(e2.publishing.humanDate(e2.publishing.inSiteZone(utc, p2.liveAt!)), '1 July 2027, 09:00 -07:00', 'no zone stated: as written');
  });

  it('a build option that publishes it anyway, a draft section, two reasons at once', async () => {
    const { engine, site } = await hugo(
      {
        'content/posts/a.md': '---\ntitle: A\ndraft: true\n---\n',
        'content/notes/_index.md': '---\ntitle: Notes\ndraft: true\n---\n',
        'content/notes/n.md': '---\ntitle: N\n---\n',
        'content/posts/b.md': '+++\ntitle = "B"\ndraft = true\nexpiryDate = 2027-01-01\n+++\n',
      },
      'buildFuture = true\n',
    );
    const say = (f: string) => engine.publishing.explain(site, engine.publishing.postOf(site, f)!).sentence;
    assert.equal(say('content/posts/a.md'), 'Draft: Hugo does not publish this while `draft: true` is set; `buildDrafts` is off.');
    assert.equal(say('content/notes/n.md'), 'Draft: Hugo does not publish this, because its section content/notes/_index.md is a draft (`draft: true`); `buildDrafts` is off.');
    assert.match(say('content/posts/b.md'), /^Draft: Hugo does not publish this: `draft: true` is set, and it expired on 1 January 2027, 00:00 UTC \(`expiryDate`\) — 2 months ago; `buildDrafts` and `buildExpired` are off\.$/);
    const { engine: e2, site: s2 } = await hugo({ 'content/posts/a.md': '---\ntitle: A\ndate: 2027-04-01\n---\n' }, 'buildFuture = true\n');
    const p = e2.publishing.postOf(s2, 'content/posts/a.md')!;
    assert.equal(p.willPublish, true);
    assert.match(e2.publishing.explain(s2, p).sentence, /^Published: it is scheduled for 1 April 2027, 00:00 UTC \(`date`\) — 3 weeks from now, but `buildFuture` is on, so Hugo publishes it\.$/);
  });

  it('Jekyll: a file in _drafts/, published: false', async () => {
    const fs = new MemoryFs('/j', { '_config.yml': 'title: J\n', '_drafts/idea.md': '---\ntitle: Idea\n---\n', '_posts/2027-03-01-x.md': '---\ntitle: X\npublished: false\n---\n' });
    const engine = await createPostcraft({ fs, roots: ['/j'], clock: { now: () => NOW } });
    const site = engine.sites[0];
    const say = (f: string) => engine.publishing.explain(site, engine.publishing.postOf(site, f)!).sentence;
    assert.equal(say('_drafts/idea.md'), 'Draft: Jekyll does not publish files in `_drafts/`; `--drafts` is off.');
    assert.equal(say('_posts/2027-03-01-x.md'), 'Draft: Jekyll does not publish this while `published: false` is set; `unpublished` is off.');
  });

  it("Jekyll: published: false from the config's front-matter defaults; Publish writes the post's own published: true", async () => {
    const config = 'title: J\ndefaults:\n  - scope:\n      path: _posts/hidden\n    values:\n      published: false\n';
    const text = '---\ntitle: H\n---\nBody\n';
    const fs = new MemoryFs('/j', { '_config.yml': config, '_posts/hidden/2024-05-10-h.md': text, 'about.md': '---\ntitle: About\n---\n' });
    const engine = await createPostcraft({ fs, roots: ['/j'], clock: { now: () => NOW } });
    const site = engine.sites[0];
    const post = engine.publishing.postOf(site, '_posts/hidden/2024-05-10-h.md')!;
    assert.equal(post.status, 'draft');
    assert.equal(engine.publishing.explain(site, post).sentence, "Draft: Jekyll does not publish this while `published: false` is set (by the front-matter defaults in the site's config); `unpublished` is off.");
    const plan = engine.publishing.plan(site, '_posts/hidden/2024-05-10-h.md', text, { kind: 'publish' }, 60);
    assert.equal(plan.warning, undefined);
    const edited = [...plan.edits].sort((x, y) => y.range.start - x.range.start).reduce((t, e) => t.slice(0, e.range.start) + e.newText + t.slice(e.range.end), text);
    assert.match(edited, /^published: true$/m);
  });
});

describe('Publishing: Publish, Schedule, Unpublish edit the front matter in its own format', () => {
  it('YAML: draft turned off, the date set to now in its written style and offset', async () => {
    const r = await run({ 'content/posts/a.md': '---\ntitle: A\ndate: 2024-01-05T10:00:00+01:00\ndraft: true\ntags: [x]\n---\nBody\n' }, 'content/posts/a.md', { kind: 'publish' });
    assert.equal(r.text, '---\ntitle: A\ndate: 2027-03-09T09:00:00+01:00\ndraft: false\ntags: [x]\n---\nBody\n');
    assert.equal(r.after, 'Published: Hugo has published this since 9 March 2027, 09:00 +01:00.');
    assert.equal(r.warning, undefined);
  });

  it('TOML: a bare date stays bare, a quoted one quoted; publishDate set too', async () => {
    const text = '+++\ntitle = "A"\ndraft = true\ndate = 2024-01-05\npublishDate = "2028-01-01T00:00:00Z"\n+++\n';
    const r = await run({ 'content/posts/a.md': text }, 'content/posts/a.md', { kind: 'publish' });
    assert.equal(r.text, '+++\ntitle = "A"\ndraft = false\ndate = 2027-03-09\npublishDate = "2027-03-09T08:00:00Z"\n+++\n');
  });

  it('JSON: values replaced in place; a missing date added as the first key', async () => {
    const text = '{\n  "title": "A",\n  "draft": true\n}\nBody\n';
    const r = await run({ 'content/posts/a.md': text }, 'content/posts/a.md', { kind: 'publish' });
    assert.equal(r.text, '{\n  "date": "2027-03-09T09:00:00+01:00",\n  "title": "A",\n  "draft": false\n}\nBody\n');
  });

  it("Schedule: the chosen time, in the site's zone when dates carry no offset; a date-only style grows a time", async () => {
    const at = new Date('2027-04-02T07:30:00Z');
    const local = await run({ 'content/posts/a.md': '---\ntitle: A\ndate: 2024-01-05 10:00:00\n---\n' }, 'content/posts/a.md', { kind: 'schedule', at }, 'timeZone = "Europe/Berlin"\n');
    assert.equal(local.text, '---\ntitle: A\ndate: 2027-04-02 09:30:00\n---\n');
    assert.match(local.after!, /^Scheduled: Hugo publishes this on 2 April 2027, 09:30 \+02:00 — 3 weeks from now; `buildFuture` is off\.$/);
    const day = await run({ 'content/posts/a.md': '---\ntitle: A\ndate: 2024-01-05\n---\n' }, 'content/posts/a.md', { kind: 'schedule', at });
    assert.equal(day.text, '---\ntitle: A\ndate: 2027-04-02T08:30:00+01:00\n---\n');
  });

  it('Unpublish: draft: true added after the title, or turned on where it is', async () => {
    const added = await run({ 'content/posts/a.md': '---\ntitle: A\ndate: 2024-01-05\n---\n' }, 'content/posts/a.md', { kind: 'unpublish' });
    assert.equal(added.text, '---\ntitle: A\ndraft: true\ndate: 2024-01-05\n---\n');
    const toml = await run({ 'content/posts/a.md': '+++\ntitle = "A"\ndraft = false\n+++\n' }, 'content/posts/a.md', { kind: 'unpublish' });
    assert.equal(toml.text, '+++\ntitle = "A"\ndraft = true\n+++\n');
  });

  it('says why a published post would still not be live: an expiry date, a draft section', async () => {
    const r = await run({ 'content/posts/a.md': '---\ntitle: A\ndraft: true\nexpiryDate: 2026-01-01\n---\n' }, 'content/posts/a.md', { kind: 'publish' });
    assert.match(r.warning!, /^It will still not be live: Expired: Hugo stopped publishing this on 1 January 2026/);
    const s = await run({ 'content/notes/_index.md': '---\ntitle: Notes\ndraft: true\n---\n', 'content/notes/n.md': '---\ntitle: N\ndraft: true\n---\n' }, 'content/notes/n.md', { kind: 'publish' });
    assert.match(s.warning!, /its section content\/notes\/_index\.md is a draft/);
  });

  it('CRLF front matter keeps its line endings', async () => {
    const r = await run({ 'content/posts/a.md': '---\r\ntitle: A\r\n---\r\n' }, 'content/posts/a.md', { kind: 'unpublish' });
    assert.equal(r.text, '---\r\ntitle: A\r\ndraft: true\r\n---\r\n');
  });
});
