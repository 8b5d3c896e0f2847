/**
 * Taxonomy rename and merge in the engine: values only, in each item's quoting, duplicates a merge
 * makes removed. (test/conformance/taxonomy-rename.test.ts runs the CLI on a fixture and builds it
 * with hugo.)
 */
import * as assert from 'node:assert/strict';
import { MemoryFs } from '../helpers/memoryFs';
import { createPostcraft } from '../../../src/core/service';
import { applyEdits } from './helpers';

async function rename(tree: Record<string, string>, taxonomy: string, from: string[], to: string, root = '/site') {
  const fs = new MemoryFs(root, tree);
  const engine = await createPostcraft({ fs, roots: [root], clock: { now: () => new Date('2027-01-01T00:00:00Z') } });
  const site = engine.sites[0];
  const plan = engine.authoring.planTaxonomyRename(site, { taxonomy, from, to }, (f) => tree[f]);
  const out: Record<string, string> = {};
  for (const f of new Set(plan.edits.map((e) => e.file))) out[f] = applyEdits(tree[f], plan.edits.filter((e) => e.file === f));
  return { plan, out };
}

const HUGO = 'baseURL = "https://x.org/"\n';

describe('Taxonomy rename and merge (engine)', () => {
  it('merges several spellings into one: the value a post already has stays, the others go', async () => {
    const { plan, out } = await rename(
      {
        'hugo.toml': HUGO,
        'content/a.md': '---\ntitle: A\ntags: [Tech Debt, tech-debt, tech_debt, other]\n---\n',
        'content/b.md': '---\ntitle: B\ntags:\n  - tech_debt\n  - other\n  - Tech Debt\n---\n',
        'content/c.md': '---\ntitle: C\ntags: [other, tech-debt, tech_debt]\n---\n',
      },
      'tags',
      ['Tech Debt', 'tech_debt'],
      'tech-debt',
    );
    assert.equal(plan.uses, 3);
    assert.deepEqual(out, {
      'content/a.md': '---\ntitle: A\ntags: [tech-debt, other]\n---\n',
      'content/b.md': '---\ntitle: B\ntags:\n  - tech-debt\n  - other\n---\n',
      'content/c.md': '---\ntitle: C\ntags: [other, tech-debt]\n---\n',
    });
  });

  it('quotes a new value where YAML needs it, keeps single quotes in TOML where they can hold it', async () => {
    const { out } = await rename(
      {
        'hugo.toml': HUGO,
        'content/a.md': '---\ntitle: A\ntags: [cpp, web]\n---\n',
        'content/b.md': "+++\ntitle = 'B'\ntags = ['cpp']\n+++\n",
        'content/c.md': '---\ntitle: C\ntags:\n  - cpp\n---\n',
      },
      'tags',
      ['cpp'],
      'c++, the language',
    );
    assert.equal(out['content/a.md'], '---\ntitle: A\ntags: ["c++, the language", web]\n---\n');
    assert.equal(out['content/b.md'], "+++\ntitle = 'B'\ntags = ['c++, the language']\n+++\n");
    assert.equal(out['content/c.md'], '---\ntitle: C\ntags:\n  - c++, the language\n---\n');
  });

  it("Jekyll: a word of a space-separated tags string, the singular `tag`, CRLF kept", async () => {
    const { out } = await rename(
      {
        '_config.yml': 'title: J\n',
        '_posts/2024-01-01-a.md': '---\r\ntitle: A\r\ntags: ruby jekyll  web\r\n---\r\n',
        '_posts/2024-01-02-b.md': '---\ntitle: B\ntag: ruby\n---\n',
        '_posts/2024-01-03-c.md': '---\ntitle: C\ntags: rubygems web\n---\n',
      },
      'tags',
      ['ruby'],
      'Ruby',
      '/j',
    );
    assert.deepEqual(out, { '_posts/2024-01-01-a.md': '---\r\ntitle: A\r\ntags: Ruby jekyll  web\r\n---\r\n', '_posts/2024-01-02-b.md': '---\ntitle: B\ntag: Ruby\n---\n' });
  });

  it('an unknown taxonomy, an unused value and an empty name are said, not guessed', async () => {
    const tree = { 'hugo.toml': HUGO, 'content/a.md': '---\ntitle: A\ntags: [x]\n---\n' };
    assert.match((await rename(tree, 'colours', ['x'], 'y')).plan.problem!, /not a taxonomy of this site/);
    assert.equal((await rename(tree, 'tags', ['nope'], 'y')).plan.uses, 0);
    assert.match((await rename(tree, 'tags', ['x'], '  ')).plan.problem!, /empty/);
  });

  it('moves the term folder, or says why it cannot', async () => {
    const base = { 'hugo.toml': HUGO, 'content/a.md': '---\ntitle: A\ntags: [Go Lang]\n---\n', 'content/tags/go-lang/_index.md': '---\ntitle: Go\n---\n' };
    assert.deepEqual((await rename(base, 'tags', ['Go Lang'], 'Golang')).plan.folderMoves, [{ from: 'content/tags/go-lang', to: 'content/tags/golang' }]);
    const taken = await rename({ ...base, 'content/tags/golang/_index.md': '---\ntitle: G\n---\n' }, 'tags', ['Go Lang'], 'golang');
    assert.deepEqual(taken.plan.folderMoves, []);
    assert.match(taken.plan.notes[0], /content\/tags\/go-lang\/ was left where it is: content\/tags\/golang\/ already exists/);
  });
});
