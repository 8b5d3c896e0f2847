import * as assert from 'node:assert/strict';
import { buildFrontMatter, serializeValue, setFrontMatterField } from '../../../src/core/newpost/frontMatterText';
import { splitFrontMatter } from '../../../src/core/frontmatter/parse';

const data = (text: string) => {
  const fm = splitFrontMatter(text).frontMatter!;
  assert.deepEqual(fm.errors, [], 'parses cleanly');
  return fm.data;
};

describe('New Post: writing front matter', () => {
  it('builds each format so that it parses back to the same values', () => {
    const entries = [
      ['title', 'Colons: "quotes" and # hashes'],
      ['date', { date: '2019-04-11T14:39:51-07:00' }],
      ['draft', false],
      ['tags', ['a b', 'yes', '1.5']],
    ] as const;
    for (const format of ['yaml', 'toml', 'json'] as const) {
      const d = data(buildFrontMatter(format, entries));
      assert.equal(d.title, 'Colons: "quotes" and # hashes', format);
      // smol-toml reads the datetime back with milliseconds; the instant is what matters.
      assert.equal(Date.parse(String(d.date)), Date.parse('2019-04-11T14:39:51-07:00'), format);
      assert.equal(d.draft, false, format);
      assert.deepEqual(d.tags, ['a b', 'yes', '1.5'], format);
    }
    assert.equal(buildFrontMatter('toml', entries).split('\n')[2], 'date = 2019-04-11T14:39:51-07:00', 'TOML date literal, unquoted');
  });

  it('follows the site style: plain or quoted YAML strings, flow or block lists', () => {
    assert.equal(buildFrontMatter('yaml', [['title', 'Plain Title'], ['tags', ['ab', 'cd', 'y']]], { quoteStrings: false, flowLists: true }), '---\ntitle: Plain Title\ntags: [ab, cd, "y"]\n---\n');
    assert.equal(buildFrontMatter('yaml', [['title', 'Quoted'], ['tags', ['x']]], { quoteStrings: true, flowLists: false }), '---\ntitle: "Quoted"\ntags:\n  - "x"\n---\n');
    // Strings YAML would read as something else are quoted even in plain style.
    for (const s of ['yes', 'null', '12', '2019-01-01', 'a: b', '#x', '- x', ' lead']) {
      assert.match(serializeValue('yaml', s, { quoteStrings: false, flowLists: true }), /^"/, s);
    }
    // Jekyll's date style is not a TOML datetime: quoted there.
    assert.equal(serializeValue('toml', { date: '2020-03-14 10:00:00 -0700' }), '"2020-03-14 10:00:00 -0700"');
  });

  it('sets an existing field in place, keeping comments and the rest', () => {
    const yaml = '---\n# written by the archetype\ntitle: "{{ .Name }}"  # keep me\ndraft: true\n---\nBody\n';
    const out = setFrontMatterField(yaml, 'title', 'Real Title');
    assert.equal(out, '---\n# written by the archetype\ntitle: "Real Title"  # keep me\ndraft: true\n---\nBody\n');
    const toml = '+++\nTitle = "x"\ndraft = true\n[params]\n  a = 1\n+++\n';
    assert.equal(setFrontMatterField(toml, 'title', 'Y'), '+++\nTitle = "Y"\ndraft = true\n[params]\n  a = 1\n+++\n');
  });

  it('adds a missing field at the end of the block (before TOML tables)', () => {
    assert.equal(setFrontMatterField('---\ntitle: x\n---\n', 'tags', ['a']), '---\ntitle: x\ntags: ["a"]\n---\n');
    assert.equal(setFrontMatterField('+++\ntitle = "x"\n[params]\n  a = 1\n+++\n', 'tags', ['a']), '+++\ntitle = "x"\ntags = ["a"]\n[params]\n  a = 1\n+++\n');
    const json = setFrontMatterField('{\n  "title": "x"\n}\nBody\n', 'tags', ['a']);
    assert.deepEqual(data(json), { title: 'x', tags: ['a'] });
    assert.ok(json.endsWith('\nBody\n'));
  });

  it('replaces empty and block-list values cleanly', () => {
    assert.deepEqual(data(setFrontMatterField('---\ntitle:\ntags:\n  - a\n  - b\ndraft: true\n---\n', 'tags', ['c'])), { title: null, tags: ['c'], draft: true });
    assert.deepEqual(data(setFrontMatterField('---\ntitle:\n---\n', 'title', 'T')), { title: 'T' });
  });

  it('gives a document without front matter a new block', () => {
    assert.equal(setFrontMatterField('Just text\n', 'title', 'T', 'toml'), '+++\ntitle = "T"\n+++\nJust text\n');
  });
});
