import * as assert from 'node:assert/strict';
import { frontMatterContext, type ValueContext, type KeyContext } from '../../../src/core/frontmatter/context';
import { at } from './helpers';

function ctx(marked: string) {
  const { text, offset } = at(marked);
  return { c: frontMatterContext(text, offset), text, offset };
}

function value(marked: string): ValueContext & { replaced: string } {
  const { c, text } = ctx(marked);
  assert.ok(c, `a context for ${JSON.stringify(marked)}`);
  assert.equal(c.kind, 'value', JSON.stringify(c));
  return { ...c, replaced: text.slice(c.range.start, c.range.end) };
}

function key(marked: string): KeyContext & { replaced: string } {
  const { c, text } = ctx(marked);
  assert.ok(c, `a context for ${JSON.stringify(marked)}`);
  assert.equal(c.kind, 'key', JSON.stringify(c));
  return { ...c, replaced: text.slice(c.range.start, c.range.end) };
}

describe('frontMatterContext', () => {
  describe('YAML', () => {
    it('inside a flow list, in an opened and auto-closed quote', () => {
      const c = value('---\ntitle: "x"\ntags: ["sourdough", "ba|"]\n---\nbody\n');
      assert.equal(c.key, 'tags');
      assert.equal(c.container, 'flow');
      assert.deepEqual(c.present, ['sourdough']);
      assert.equal(c.replaced, '"ba"');
      assert.equal(c.typed, '"ba');
      assert.equal(c.quote, '"');
      assert.equal(c.listQuote, '"');
    });

    it('after a comma in a flow list: an empty item at the cursor', () => {
      const c = value('---\ntags: [sourdough, baking, |]\n---\n');
      assert.equal(c.container, 'flow');
      assert.deepEqual(c.present, ['sourdough', 'baking']);
      assert.equal(c.replaced, '');
      assert.equal(c.quote, '');
      assert.equal(c.listQuote, '');
    });

    it('a bare item being typed, and a flow list spread over lines', () => {
      assert.equal(value('---\ntags: [sourdough, ba|]\n---\n').replaced, 'ba');
      const c = value('---\ntags: [\n  "sourdough",\n  |\n]\ndraft: true\n---\n');
      assert.equal(c.container, 'flow');
      assert.deepEqual(c.present, ['sourdough']);
    });

    it('an unclosed quote never swallows the closing bracket', () => {
      const c = value('---\ntags: ["sourdough", "ba|]\n---\n');
      assert.equal(c.replaced, '"ba');
    });

    it('a block list item, a fresh dash, and an empty indented line below the list', () => {
      let c = value('---\ntags:\n  - sourdough\n  - ba|\ncategories: [bread]\n---\n');
      assert.equal(c.container, 'block');
      assert.deepEqual(c.present, ['sourdough']);
      assert.equal(c.replaced, 'ba');
      assert.equal(c.prefix, '');
      c = value('---\ntags:\n  - sourdough\n  -|\n---\n');
      assert.equal(c.prefix, ' ', 'a space goes between the dash and the value');
      c = value('---\ntags:\n  - sourdough\n  |\n---\n');
      assert.equal(c.container, 'block');
      assert.equal(c.prefix, '- ');
      assert.deepEqual(c.present, ['sourdough']);
    });

    it('a bare scalar and an empty value', () => {
      let c = value('---\nauthor: ad|\n---\n');
      assert.equal(c.container, 'scalar');
      assert.equal(c.replaced, 'ad');
      c = value('---\ntags: |\ntitle: x\n---\n');
      assert.equal(c.container, 'empty');
      assert.equal(c.replaced, '');
      assert.equal(c.prefix, '');
      c = value('---\ntags:|\n---\n');
      assert.equal(c.prefix, ' ', 'a space goes after the colon');
    });

    it('key positions: a new line, a partial key, the key of an existing line', () => {
      let k = key('---\ntitle: x\nta|\n---\n');
      assert.equal(k.replaced, 'ta');
      assert.deepEqual(k.present, ['title']);
      assert.equal(k.keyOnly, false);
      k = key('---\ntitle: x\n|\n---\n');
      assert.equal(k.replaced, '');
      k = key('---\nti|tle: x\ndraft: true\n---\n');
      assert.equal(k.replaced, 'title');
      assert.equal(k.keyOnly, true);
      assert.deepEqual(k.present, ['draft']);
    });

    it('nothing outside the front matter, on its delimiters, or on a comment line', () => {
      assert.equal(ctx('---\ntitle: x\n---\ntags: [a, |]\n').c, undefined);
      assert.equal(ctx('|---\ntitle: x\n---\n').c, undefined);
      assert.equal(ctx('Just a note with tags: [a, |]\n').c, undefined);
      assert.equal(ctx('---\n# a comm|ent\ntitle: x\n---\n').c, undefined);
    });

    it('works after a BOM and with CRLF line ends', () => {
      const c = value('\uFEFF---\r\ntitle: x\r\ntags:\r\n  - sourdough\r\n  - |\r\n---\r\n');
      assert.equal(c.container, 'block');
      assert.deepEqual(c.present, ['sourdough']);
    });

    it('decodes quoted values when listing what is present', () => {
      const c = value("---\ntags: ['it''s bread', \"knife \\\"skills\\\"\", |]\n---\n");
      assert.deepEqual(c.present, ["it's bread", 'knife "skills"']);
    });
  });

  describe('TOML', () => {
    it('inside an array, on one line and over several', () => {
      let c = value('+++\ntitle = "x"\ntags = ["sourdough", "|"]\n+++\n');
      assert.equal(c.format, 'toml');
      assert.equal(c.container, 'flow');
      assert.deepEqual(c.present, ['sourdough']);
      assert.equal(c.replaced, '""');
      c = value("+++\ntags = [\n  'sourdough',\n  |\n]\n+++\n");
      assert.deepEqual(c.present, ['sourdough']);
      assert.equal(c.listQuote, "'");
    });

    it('a key on its own line, not inside a [table]', () => {
      const k = key('+++\ntitle = "x"\nta|\n+++\n');
      assert.equal(k.replaced, 'ta');
      assert.deepEqual(k.present, ['title']);
      assert.equal(ctx('+++\ntitle = "x"\n[params]\nfo|\n+++\n').c, undefined);
    });

    it('an empty value after =', () => {
      const c = value('+++\ntags = |\n+++\n');
      assert.equal(c.container, 'empty');
    });
  });

  describe('JSON', () => {
    it('inside an array value', () => {
      const c = value('{\n  "title": "x",\n  "tags": ["sourdough", "|"]\n}\nbody\n');
      assert.equal(c.format, 'json');
      assert.equal(c.key, 'tags');
      assert.equal(c.container, 'flow');
      assert.deepEqual(c.present, ['sourdough']);
      assert.equal(c.replaced, '""');
    });

    it('a key string being typed, and a value after a colon', () => {
      const k = key('{\n  "title": "x",\n  "ta|"\n}\n');
      assert.equal(k.replaced, '"ta"');
      assert.deepEqual(k.present, ['title']);
      let c = value('{\n  "title": "x",\n  "draft": |\n}\n');
      assert.equal(c.key, 'draft');
      assert.equal(c.container, 'empty');
      c = value('{\n  "title": "x",\n  "draft": tr|\n}\n');
      assert.equal(c.container, 'scalar');
      assert.equal(c.replaced, 'tr');
      assert.equal(ctx('{\n  "draft": true, |\n}\n').c?.kind, 'key');
    });

    it('nothing inside a nested object or after the closing brace', () => {
      assert.equal(ctx('{\n  "params": {"a": "|"}\n}\n').c, undefined);
      assert.equal(ctx('{\n  "title": "x"\n}\n|body\n').c, undefined);
    });
  });
});
