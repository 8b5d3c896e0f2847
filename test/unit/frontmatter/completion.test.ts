import * as assert from 'node:assert/strict';
import { completeFrontMatter, type FrontMatterCompletion } from '../../../src/core/frontmatter/completion';
import type { Site } from '../../../src/core/service';
import { at, kitchenSite } from './helpers';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft } from '../../../src/core/service';

const NOW = { now: new Date('2026-01-15T12:00:00Z'), utcOffsetMinutes: 60 };

function complete(site: Site, marked: string, file = 'content/posts/new.md'): FrontMatterCompletion[] {
  const { text, offset } = at(marked);
  return completeFrontMatter(site, file, text, offset, NOW);
}

const labels = (items: readonly FrontMatterCompletion[]) => items.map((i) => i.label);
const item = (items: readonly FrontMatterCompletion[], label: string) => {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `an item '${label}' among ${labels(items).join(', ')}`);
  return found;
};

describe('completeFrontMatter', () => {
  it('tags in a YAML flow list: the site values ranked by use, present ones left out, with counts', async () => {
    const { site } = await kitchenSite();
    const items = complete(site, '---\ntitle: "Rye"\ntags: ["sourdough", |]\n---\n');
    // baking 4, sourdough 2 (present), kitchen-tools 2, then the singles in code-unit order.
    assert.deepEqual(labels(items), ['baking', 'kitchen-tools', 'Kitchen Tools', 'fermentation', 'knife skills', 'knife-skill']);
    assert.deepEqual(
      items.map((i) => i.sortText),
      [...items.map((i) => i.sortText)].sort(),
      'sortText keeps the ranking',
    );
    const baking = item(items, 'baking');
    assert.equal(baking.detail, '4 posts');
    assert.match(baking.documentation ?? '', /Reading the Crumb \(`content\/posts\/crumb.md`\)/);
    assert.match(baking.documentation ?? '', /and 1 more/);
    assert.equal(baking.insertText, '"baking"', 'the list quotes its items, so the new one is quoted');
  });

  it('values written the way the list around them is written: bare, or quoted when YAML needs it', async () => {
    const { site } = await kitchenSite();
    const items = complete(site, '---\ntags: [sourdough, |]\n---\n');
    assert.equal(item(items, 'baking').insertText, 'baking');
    assert.equal(item(items, 'knife skills').insertText, 'knife skills', 'spaces are fine in a bare YAML flow item');
    const odd = await kitchenSite({ 'content/posts/odd.md': '---\ntags: ["c#, f#", "2024", "yes"]\n---\n' });
    const more = complete(odd.site, '---\ntags: [sourdough, |]\n---\n');
    assert.equal(item(more, 'c#, f#').insertText, '"c#, f#"');
    assert.equal(item(more, '2024').insertText, '"2024"', 'a bare 2024 would be a number');
    assert.equal(item(more, 'yes').insertText, '"yes"');
  });

  it('replaces the typed item including an auto-closed quote, and filters on what was typed', async () => {
    const { site } = await kitchenSite();
    const { text, offset } = at('---\ntags: ["sourdough", "ba|"]\n---\n');
    const items = completeFrontMatter(site, 'content/posts/new.md', text, offset, NOW);
    const baking = item(items, 'baking');
    assert.equal(text.slice(baking.range.start, baking.range.end), '"ba"');
    assert.equal(baking.filterText, '"baking');
    const applied = text.slice(0, baking.range.start) + baking.insertText + text.slice(baking.range.end);
    assert.equal(applied, '---\ntags: ["sourdough", "baking"]\n---\n');
  });

  it('a single-quoting author keeps single quotes, with YAML escaping', async () => {
    const { site } = await kitchenSite({ 'content/posts/q.md': "---\ntags: ['cook''s notes']\n---\n" });
    const items = complete(site, "---\ntags: ['baking', |]\n---\n");
    assert.equal(item(items, "cook's notes").insertText, "'cook''s notes'");
  });

  it('a YAML block list: values on a dash line, and a new dash line under the list', async () => {
    const { site } = await kitchenSite();
    let items = complete(site, '---\ntags:\n  - sourdough\n  - |\n---\n');
    assert.ok(!labels(items).includes('sourdough'));
    assert.equal(item(items, 'baking').insertText, 'baking', 'the items above are bare');
    assert.equal(item(items, 'knife skills').insertText, 'knife skills');
    items = complete(site, '---\ntags:\n  - "sourdough"\n  |\n---\n');
    assert.equal(item(items, 'baking').insertText, '- "baking"');
  });

  it('an empty value gets the whole list in the site usual shape', async () => {
    const { site } = await kitchenSite();
    assert.equal(item(complete(site, '---\ntags: |\n---\n'), 'baking').insertText, '["baking"]');
    const block = await kitchenSite({
      'content/posts/b1.md': '---\ntags:\n    - a\n---\n',
      'content/posts/b2.md': '---\ntags:\n    - b\n---\n',
      'content/posts/b3.md': '---\ntags:\n    - c\n---\n',
      'content/posts/b4.md': '---\ntags:\n    - d\n---\n',
      'content/posts/b5.md': '---\ntags:\n    - e\n---\n',
      'content/posts/b6.md': '---\ntags:\n    - f\n---\n',
    });
    assert.equal(item(complete(block.site, '---\ncategories:\n    - kit\ntags: |\n---\n'), 'baking').insertText, '\n    - baking', 'block lists of bare items, indented like this post');
  });

  it('TOML arrays: always quoted; present values left out', async () => {
    const { site } = await kitchenSite();
    const items = complete(site, '+++\ntitle = "x"\ntags = ["baking", |]\n+++\n');
    assert.ok(!labels(items).includes('baking'));
    assert.equal(item(items, 'knife skills').insertText, '"knife skills"');
    assert.equal(item(complete(site, '+++\ntags = |\n+++\n'), 'baking').insertText, '["baking"]');
  });

  it('JSON arrays: JSON strings with escapes', async () => {
    const { site } = await kitchenSite({ 'content/posts/j.md': '---\ntags: [\'say "hi"\']\n---\n' });
    const items = complete(site, '{\n  "title": "x",\n  "tags": ["baking", |]\n}\n');
    assert.ok(!labels(items).includes('baking'));
    assert.equal(item(items, 'say "hi"').insertText, '"say \\"hi\\""');
  });

  it('authors: ids from the data files with display names, unused records included', async () => {
    const { site } = await kitchenSite({ 'data/authors/cy.json': '{"name": "Cy Tanaka"}' });
    const items = complete(site, '---\nauthors: ["bo", |]\n---\n');
    assert.deepEqual(labels(items), ['ada', 'cy']);
    assert.equal(item(items, 'ada').detail, 'Ada Brennan · 3 posts');
    assert.equal(item(items, 'ada').kind, 'author');
    assert.equal(item(items, 'cy').detail, 'Cy Tanaka · 0 posts');
  });

  it('a value spelled another way that merges into a present term is not offered again', async () => {
    const { site } = await kitchenSite();
    const items = complete(site, '---\ntags: ["kitchen-tools", |]\n---\n');
    assert.ok(!labels(items).includes('Kitchen Tools'), 'Hugo urlizes both to kitchen-tools');
  });

  it('draft offers true/false bare; date offers now in the site format and offset', async () => {
    const { site } = await kitchenSite();
    const draft = complete(site, '---\ndraft: |\n---\n');
    assert.deepEqual(labels(draft), ['true', 'false']);
    assert.equal(draft[0].insertText, 'true');
    const date = complete(site, '---\ndate: |\n---\n');
    assert.deepEqual(labels(date), ['2026-01-15T13:00:00+01:00']);
    assert.equal(date[0].insertText, '2026-01-15T13:00:00+01:00');
    const toml = complete(site, '+++\ndate = |\n+++\n');
    assert.equal(toml[0].insertText, '2026-01-15T13:00:00+01:00', 'a TOML date is a bare literal');
  });

  it('Jekyll-style dates are copied: space separator and +hhmm zone', async () => {
    const { site } = await kitchenSite({
      'content/posts/j1.md': '---\ndate: 2020-03-14 09:00:00 +0100\n---\n',
      'content/posts/j2.md': '---\ndate: 2020-03-15 09:00:00 +0100\n---\n',
      'content/posts/j3.md': '---\ndate: 2020-03-16 09:00:00 +0100\n---\n',
      'content/posts/j4.md': '---\ndate: 2020-03-17 09:00:00 +0100\n---\n',
      'content/posts/j5.md': '---\ndate: 2020-03-18 09:00:00 +0100\n---\n',
      'content/posts/j6.md': '---\ndate: 2020-03-19 09:00:00 +0100\n---\n',
    });
    assert.equal(complete(site, '---\nlastmod: |\n---\n')[0].label, '2026-01-15 13:00:00 +0100');
  });

  it('keys: those the site uses first, then the generator ones; present keys never', async () => {
    const { site } = await kitchenSite();
    const items = complete(site, '---\ntitle: "x"\ntags: ["a"]\n|\n---\n');
    const ls = labels(items);
    assert.ok(!ls.includes('title') && !ls.includes('tags'));
    assert.deepEqual(ls.slice(0, 3), ['authors', 'categories', 'date']);
    for (const k of ['draft', 'slug', 'aliases', 'publishDate', 'expiryDate', 'weight', 'series', 'lastmod']) assert.ok(ls.includes(k), `offers ${k}`);
    assert.equal(item(items, 'categories').insertText, 'categories: ["$1"]');
    assert.equal(item(items, 'categories').retrigger, true);
    assert.equal(item(items, 'draft').insertText, 'draft: ${1|true,false|}');
    assert.equal(item(items, 'date').insertText, 'date: ${1:2026-01-15T13:00:00+01:00}');
    assert.equal(item(items, 'slug').insertText, 'slug: "$1"');
    const toml = complete(site, '+++\ntitle = "x"\nca|\n+++\n');
    assert.equal(item(toml, 'categories').insertText, 'categories = ["$1"]');
    const json = complete(site, '{\n  "title": "x",\n  "ca|"\n}\n');
    assert.equal(item(json, 'categories').insertText, '"categories": ["$1"]');
    assert.equal(item(json, 'categories').filterText, '"categories');
  });

  it('keys per generator: a Jekyll site offers permalink and published, not Hugo keys', async () => {
    const fs = new MemoryFs('/j', { '_config.yml': 'title: J\n', '_posts/2020-01-01-a.md': '---\nlayout: post\ntitle: A\n---\n' });
    const engine = await createPostcraft({ fs, roots: ['/j'], clock: fixedClock() });
    const site = engine.sites[0];
    assert.equal(site.model.summary.generator, 'jekyll');
    const ls = labels(complete(site, '---\ntitle: B\n|\n---\n', '_posts/2020-01-02-b.md'));
    assert.equal(ls[0], 'layout', 'the key the site already uses comes first');
    for (const k of ['permalink', 'published', 'categories', 'tags', 'excerpt']) assert.ok(ls.includes(k), `offers ${k}`);
    assert.ok(!ls.includes('expiryDate') && !ls.includes('title'));
  });

  it('a value added in one post is offered in the next at once', async () => {
    const { engine, site } = await kitchenSite();
    assert.ok(!labels(complete(site, '---\ntags: [|]\n---\n')).includes('rye'));
    engine.documentChanged('/site/content/posts/crumb.md', '---\ntitle: "Reading the Crumb"\ntags: ["sourdough", "rye"]\n---\n');
    const items = complete(site, '---\ntags: [|]\n---\n');
    assert.equal(item(items, 'rye').detail, '1 post');
    assert.equal(item(items, 'sourdough').detail, '2 posts');
    assert.equal(item(items, 'baking').detail, '3 posts', 'crumb.md no longer counts for baking');
    engine.fileDeleted('/site/content/posts/crumb.md');
    assert.ok(!labels(complete(site, '---\ntags: [|]\n---\n')).includes('rye'));
  });

  it('outside front matter: nothing', async () => {
    const { site } = await kitchenSite();
    assert.deepEqual(complete(site, '---\ntitle: x\n---\ntags: [|]\n'), []);
    assert.deepEqual(complete(site, 'tags: [|]\n'), []);
  });
});
