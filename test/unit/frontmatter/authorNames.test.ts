/**
 * Author display names in the shapes sites keep them: completion, hover and the preview card show
 * "Jane Doe", not the id, for a top-level name, a nested `[name]` table, first/last names, Jekyll's
 * `_data/authors.yml`, Docusaurus' `authors.yml`, Hugo's `data/authors.yaml` and Hugo term pages.
 */
import * as assert from 'node:assert/strict';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft, type Site } from '../../../src/core/service';
import { completeFrontMatter } from '../../../src/core/frontmatter/completion';
import { hoverFrontMatter } from '../../../src/core/frontmatter/hover';
import { authorDisplayName } from '../../../src/core/frontmatter/authorName';
import { siteAuthors } from '../../../src/core/frontmatter/authors';
import { prepareSite, renderInSite } from '../../../src/core/render/site';
import { at } from './helpers';

const HUGO = 'baseURL = "https://crew.example/"\n[taxonomies]\ntag = "tags"\nauthor = "authors"\n';

async function siteOf(files: Record<string, string>): Promise<{ site: Site; render(file: string): Promise<string> }> {
  const fs = new MemoryFs('/s', files);
  const engine = await createPostcraft({ fs, roots: ['/s'], clock: fixedClock('2026-01-15T12:00:00Z') });
  const site = engine.sites[0];
  return {
    site,
    async render(file) {
      const prep = await prepareSite(engine, site);
      return renderInSite(site, `/s/${file}`, files[file], prep, { resourceUri: (abs) => abs, allowHttpsImages: false }).headerHtml;
    },
  };
}

/** Completion detail, hover and preview card of `value` in a post that names that author. */
async function shown(files: Record<string, string>, post: string, key: string, value: string) {
  const { site, render } = await siteOf({ ...files, [post]: `---\ntitle: Watch\n${key}: ["${value}"]\n---\nOn deck.\n` });
  const typed = at(`---\n${key}: ["|"]\n---\n`);
  const item = completeFrontMatter(site, 'content/new.md', typed.text, typed.offset).find((i) => i.label === value || i.insertText === value);
  const text = files[post] ?? `---\ntitle: Watch\n${key}: ["${value}"]\n---\nOn deck.\n`;
  const hover = hoverFrontMatter(site, post, text, text.indexOf(value) + 1);
  return { detail: item?.detail, hover: hover?.markdown ?? '', card: await render(post), site };
}

describe('author display names', () => {
  it('reads the name from every record shape', () => {
    assert.equal(authorDisplayName({ name: 'Jane Doe' }), 'Jane Doe');
    assert.equal(authorDisplayName({ displayName: 'Jane Doe', title: 'Navigator' }), 'Jane Doe');
    assert.equal(authorDisplayName({ display_name: 'Jane Doe' }), 'Jane Doe');
    assert.equal(authorDisplayName({ name: { display: 'Jane Doe', first: 'Jane' } }), 'Jane Doe');
    assert.equal(authorDisplayName({ name: { first: 'Jane', last: 'Doe' }, title: 'Navigator' }), 'Jane Doe');
    assert.equal(authorDisplayName({ first_name: 'Jane', last_name: 'Doe' }), 'Jane Doe');
    assert.equal(authorDisplayName({ firstName: 'Jane', lastName: 'Doe' }), 'Jane Doe');
    assert.equal(authorDisplayName({ title: 'Jane Doe', bio: 'Sails.' }), 'Jane Doe');
    assert.equal(authorDisplayName({ bio: 'Sails.' }), undefined);
  });

  it('Hugo data/authors/<id>.toml with a nested [name] table', async () => {
    const s = await shown({ 'hugo.toml': HUGO, 'data/authors/jdoe.toml': '[name]\ndisplay = "Jane Doe"\n\n[social]\nmastodon = "@jane"\n' }, 'content/posts/watch.md', 'authors', 'jdoe');
    assert.match(s.detail ?? '', /Jane Doe/);
    assert.match(s.hover, /\*\*Jane Doe\*\* — author `jdoe`/);
    assert.match(s.card, />Jane Doe<\/span>/);
  });

  it('Hugo data/authors/<id>.yaml with first and last names', async () => {
    const s = await shown({ 'hugo.toml': HUGO, 'data/authors/jdoe.yaml': 'name:\n  first: Jane\n  last: Doe\n' }, 'content/posts/watch.md', 'authors', 'jdoe');
    assert.match(s.detail ?? '', /Jane Doe/);
    assert.match(s.card, />Jane Doe<\/span>/);
  });

  it('Hugo data/authors.yaml: one file of records', async () => {
    const s = await shown({ 'hugo.toml': HUGO, 'data/authors.yaml': 'jdoe:\n  name: Jane Doe\nkr:\n  displayName: Kai Rowe\n' }, 'content/posts/watch.md', 'authors', 'jdoe');
    assert.match(s.detail ?? '', /Jane Doe/);
    assert.match(s.hover, /\*\*Jane Doe\*\*/);
    assert.match(s.card, />Jane Doe<\/span>/);
    assert.deepEqual(siteAuthors(s.site).map((a) => [a.id, a.name, a.file]), [
      ['jdoe', 'Jane Doe', 'data/authors.yaml'],
      ['kr', 'Kai Rowe', 'data/authors.yaml'],
    ]);
  });

  it('Hugo term pages content/authors/<id>/_index.md, also for a value written as the name', async () => {
    const files = { 'hugo.toml': HUGO, 'content/authors/jane-doe/_index.md': '---\ntitle: Jane Doe\n---\nNavigator.\n' };
    const s = await shown(files, 'content/posts/watch.md', 'authors', 'jane-doe');
    assert.match(s.detail ?? '', /Jane Doe/);
    assert.match(s.hover, /\*\*Jane Doe\*\* — author `jane-doe`/);
    assert.match(s.card, />Jane Doe<\/span>/);
    // Hugo publishes `authors: ["Jane Doe"]` at the same term page: the same author.
    const byName = await shown(files, 'content/posts/watch.md', 'authors', 'Jane Doe');
    assert.match(byName.hover, /author `jane-doe`/);
  });

  it('a term page names a data record that has no name of its own', async () => {
    const { site } = await siteOf({ 'hugo.toml': HUGO, 'data/authors/jdoe.toml': 'mastodon = "@jane"\n', 'content/authors/jdoe/_index.md': '---\ntitle: Jane Doe\n---\n' });
    assert.deepEqual(siteAuthors(site).map((a) => [a.id, a.name, a.file]), [['jdoe', 'Jane Doe', 'data/authors/jdoe.toml']]);
  });

  it('Jekyll _data/authors.yml', async () => {
    const s = await shown({ '_config.yml': 'title: Crew\n', '_data/authors.yml': 'jdoe:\n  display_name: Jane Doe\n' }, '_posts/2024-01-02-watch.md', 'author', 'jdoe');
    assert.match(s.detail ?? '', /Jane Doe/);
    assert.match(s.hover, /\*\*Jane Doe\*\*/);
    assert.match(s.card, />Jane Doe<\/span>/);
  });

  it('Docusaurus blog/authors.yml', async () => {
    const files = {
      'docusaurus.config.js': "module.exports = { title: 'Crew', url: 'https://crew.example', baseUrl: '/', presets: [['classic', { blog: {} }]] };\n",
      'blog/authors.yml': 'jdoe:\n  name: Jane Doe\n  title: Navigator\n',
    };
    const s = await shown(files, 'blog/2024-01-02-watch.md', 'authors', 'jdoe');
    assert.match(s.detail ?? '', /Jane Doe/);
    assert.match(s.hover, /\*\*Jane Doe\*\*/);
    assert.match(s.card, />Jane Doe<\/span>/);
  });
});
