import * as assert from 'node:assert/strict';
import { HUGO, linkCodes, site } from './helpers';
import { completeLinks } from '../../../src/core/authoring/completion';
import { linkCompletionContext } from '../../../src/core/authoring/completionContext';
import { countLinkStyles, detectLinkStyle, writeLink } from '../../../src/core/authoring/linkStyle';
import { fuzzyScore } from '../../../src/core/authoring/fuzzy';

const FM = '---\ntitle: New Post\n---\n\n';
const FILE = 'content/posts/new.md';

/** The text with `|` marking the cursor: [text, offset]. */
function at(s: string): [string, number] {
  const i = s.indexOf('|');
  return [s.slice(0, i) + s.slice(i + 1), i];
}

describe('link completion', () => {
  describe('contexts', () => {
    const cases: [string, string, string][] = [
      ['See [x](|)', 'markdown', ''],
      ['See [x](lead|)', 'markdown', 'lead'],
      ['![pic](|)', 'image', ''],
      ['[label]: |', 'markdown', ''],
      ['<a href="|">', 'html', ''],
      ['<img src="|">', 'image', ''],
      ['[x]({{< relref "lea|" >}})', 'ref', 'lea'],
      ['{{< ref "|" >}}', 'ref', ''],
      ['{% post_url 2019|', 'post_url', '2019'],
      ['{% link _po|', 'liquid-link', '_po'],
    ];
    for (const [src, slot, typed] of cases) {
      it(`${src} → ${slot}`, () => {
        const [text, offset] = at(src);
        const c = linkCompletionContext(text, offset);
        assert.equal(c?.slot, slot);
        assert.equal(c?.typed, typed);
        assert.equal(c?.range.end, offset);
        assert.equal(c?.range.start, offset - typed.length);
      });
    }
    it('after # in a link: the fragment, with the destination before it', () => {
      const [text, offset] = at('See [x](../a/#int|)');
      assert.deepEqual(linkCompletionContext(text, offset), { slot: 'markdown', typed: 'int', range: { start: offset - 3, end: offset }, fragmentOf: '../a/' });
    });
    it('nothing in plain text, in code spans or in fenced code', () => {
      for (const src of ['Just text|', 'Code `[x](|`', '```\n[x](|\n```']) {
        const [text, offset] = at(src);
        assert.equal(linkCompletionContext(text, offset), undefined, src);
      }
    });
  });

  describe('link form', () => {
    it('detects the form most links use', async () => {
      const { site: s } = await site();
      assert.deepEqual(countLinkStyles(s), { relative: 3, root: 1, relref: 2, post_url: 0 });
      assert.equal(detectLinkStyle(s), 'relative');
    });
    it('a site of relrefs gets relrefs; a site without links root URLs', async () => {
      const refs = await site({ ...HUGO, 'content/posts/r1.md': '---\ntitle: R\n---\n[a]({{< relref "go-karts" >}}) [b]({{< ref "hiring" >}}) [c]({{< relref "bundle" >}})\n' });
      assert.equal(detectLinkStyle(refs.site), 'relref');
      const none = await site({ 'hugo.toml': 'title = "x"\n', 'content/posts/a.md': '---\ntitle: A\n---\n' });
      assert.equal(detectLinkStyle(none.site), 'root');
    });
    it('writes each form', async () => {
      const { site: s } = await site();
      const page = s.index.pagesOfFile('content/posts/go-karts.md')[0];
      const from = 'content/posts/hiring.md';
      assert.equal(writeLink(s, from, page, 'relative', 'why').destination, '../go-karts/#why');
      assert.equal(writeLink(s, from, page, 'root').destination, '/posts/go-karts/');
      assert.equal(writeLink(s, from, page, 'relref').destination, '{{< relref "/posts/go-karts.md" >}}');
    });
  });

  describe('fuzzy ranking', () => {
    it('matches in order, prefers word starts and runs', () => {
      assert.equal(fuzzyScore('xyz', 'Leading vs Managing'), undefined);
      assert.ok(fuzzyScore('lvm', 'Leading vs Managing')! > fuzzyScore('lvm', 'all of it: love and mangoes')!);
      assert.ok(fuzzyScore('go', 'Go-Karts')! > fuzzyScore('go', 'Hiring Loops')!);
    });
    it('ranks the intended post first by title, slug or URL', async () => {
      const { site: s } = await site();
      for (const [typed, want] of [['lead man', 'Leading vs Managing'], ['karts', 'Bumper Cars or Go-Karts?'], ['hiring', 'Hiring Loops'], ['bundle', 'Bundle Post']]) {
        const [text, offset] = at(`${FM}See [x](${typed}|)\n`);
        const r = completeLinks(s, FILE, text, offset);
        assert.equal(r.items[0]?.label, want, typed);
      }
    });
  });

  it('offers pages in the site form, without drafts (unless drafts count), never itself', async () => {
    const { site: s } = await site();
    const [text, offset] = at(`${FM}See [x](|)\n`);
    const r = completeLinks(s, FILE, text, offset);
    const inserts = r.items.map((i) => i.insertText).sort();
    assert.ok(inserts.includes('../go-karts/'));
    assert.ok(inserts.includes('../bundle/'));
    assert.ok(!inserts.some((i) => i.includes('draft')));
    assert.ok(!inserts.includes('./'), 'not the post itself');
    const withDrafts = completeLinks(s, FILE, text, offset, { includeDrafts: true });
    const d = withDrafts.items.find((i) => i.insertText === '../draft/');
    assert.match(d?.detail ?? '', /draft/);
    const root = completeLinks(s, FILE, text, offset, { style: 'root' });
    assert.ok(root.items.some((i) => i.insertText === '/posts/go-karts/'));
  });

  it('relref and post_url slots insert the path or name only', async () => {
    const { site: s } = await site();
    const [text, offset] = at(`${FM}See [x]({{< relref "kar|" >}})\n`);
    assert.equal(completeLinks(s, FILE, text, offset).items[0]?.insertText, '/posts/go-karts.md');
    const j = await site({ '_config.yml': 'title: J\n', '_posts/2019-03-01-first-post.md': '---\ntitle: First Post\n---\n', '_posts/2019-04-01-second.md': '---\ntitle: Second\n---\n{% post_url 2019-03-01-first-post %} and {% post_url 2019-03-01-first-post %}\n' }, '/site');
    const [t2, o2] = at('---\ntitle: X\n---\n\n{% post_url fir|');
    assert.equal(completeLinks(j.site, '_posts/2019-05-01-x.md', t2, o2).items[0]?.insertText, '2019-03-01-first-post');
    const [t3, o3] = at('---\ntitle: X\n---\n\n[a](fir|)');
    assert.equal(completeLinks(j.site, '_posts/2019-05-01-x.md', t3, o3).items[0]?.insertText, '{% post_url 2019-03-01-first-post %}');
  });

  it('after #: the target page\'s heading ids, or this document\'s', async () => {
    const { site: s } = await site();
    const [text, offset] = at(`${FM}See [x](../leading-vs-managing/#|)\n`);
    assert.deepEqual(completeLinks(s, FILE, text, offset).items.map((i) => i.insertText), ['the-difference', 'agenda-template']);
    const [t2, o2] = at(`${FM}## My Own Heading\n\n[x]({{< relref "go-karts.md#|" >}})`);
    assert.deepEqual(completeLinks(s, FILE, t2, o2).items.map((i) => i.insertText), ['why']);
    const [t3, o3] = at(`${FM}## My Own Heading\n\n[x](#|)`);
    assert.deepEqual(completeLinks(s, FILE, t3, o3).items.map((i) => i.insertText), ['my-own-heading']);
  });

  it('images: static files and the page bundle, as paths that resolve', async () => {
    const { site: s } = await site();
    const [text, offset] = at(`${FM}![x](|)\n`);
    assert.deepEqual(completeLinks(s, FILE, text, offset).items.map((i) => i.insertText).sort(), ['/images/logo.png', '/posts/bundle/diagram.png']);
    const bundleText = '---\ntitle: Bundle Post\ndate: 2024-04-01\n---\n\n![x]()\n';
    const items = completeLinks(s, 'content/posts/bundle/index.md', bundleText, bundleText.indexOf('()') + 1).items;
    assert.equal(items[0].insertText, 'diagram.png', 'the bundle\'s own image first, relative');
  });

  describe('inserted items pass the link checker', () => {
    const slots: [string, string][] = [
      ['markdown', 'See [x](|) here.\n'],
      ['definition', '[x][d]\n\n[d]: |\n'],
      ['relref', 'See [x]({{< relref "|" >}}).\n'],
      ['image', '![x](|)\n'],
      ['fragment', 'See [x](../leading-vs-managing/#|).\n'],
      ['own fragment', '## Mine\n\nSee [x](#|).\n'],
    ];
    for (const style of ['auto', 'relative', 'root', 'relref'] as const) {
      for (const [name, body] of slots) {
        it(`${name} (${style})`, async () => {
          const { engine, site: s } = await site();
          const [text, offset] = at(FM + body);
          const items = completeLinks(s, FILE, text, offset, { style }).items;
          assert.ok(items.length > 0, 'offers something');
          for (const item of items) {
            const inserted = text.slice(0, item.range.start) + item.insertText + text.slice(item.range.end);
            assert.deepEqual(await linkCodes(engine, FILE, inserted), [], inserted);
          }
        });
      }
    }
    it('(the harness sees what the checker flags: a draft, a .md path)', async () => {
      const { engine } = await site();
      assert.equal((await linkCodes(engine, FILE, `${FM}[x](../draft/) [y](go-karts.md)\n`)).length, 2);
    });
    it('on a plain folder of Markdown (file links) and a Jekyll site', async () => {
      const folder = { 'docs/a.md': '# A\n\n## Part\n', 'docs/sub/b.md': '# B\n', 'img/x.png': 'png', 'docs/new.md': '# New\n' };
      const j = { '_config.yml': 'title: J\n', '_posts/2019-03-01-first.md': '---\ntitle: First\n---\n\n## Part\n', 'about.md': '---\ntitle: About\n---\n', '_posts/2019-05-01-new.md': '---\ntitle: N\n---\n' };
      for (const [tree, file] of [[folder, 'docs/new.md'], [j, '_posts/2019-05-01-new.md']] as const) {
        const { engine, site: s } = await site(tree);
        for (const body of ['See [x](|).\n', '![i](|)\n', 'See [x](a.md#|).\n']) {
          const [text, offset] = at('# New\n\n' + body);
          for (const item of completeLinks(s, file, text, offset).items) {
            const inserted = text.slice(0, item.range.start) + item.insertText + text.slice(item.range.end);
            assert.deepEqual(await linkCodes(engine, file, inserted), [], inserted);
          }
        }
        const [text, offset] = at('# New\n\nSee [x](|).\n');
        assert.ok(completeLinks(s, file, text, offset).items.length >= 2, file);
      }
    });
    it('on a site with ugly URLs, a sub-path and a link render hook', async () => {
      for (const extra of <Record<string, string>[]>[{ 'hugo.toml': 'baseURL = "https://x.org/blog/"\nuglyURLs = true\n' }, { 'layouts/_default/_markup/render-link.html': '{{ with .Page.GetPage .Destination }}{{ .RelPermalink }}{{ end }}' }]) {
        const { engine, site: s } = await site({ ...HUGO, ...extra });
        for (const style of ['relative', 'root'] as const) {
          const [text, offset] = at(`${FM}See [x](|).\n`);
          const items = completeLinks(s, FILE, text, offset, { style }).items;
          assert.ok(items.length > 3);
          for (const item of items) {
            const inserted = text.slice(0, item.range.start) + item.insertText + text.slice(item.range.end);
            assert.deepEqual(await linkCodes(engine, FILE, inserted), [], inserted);
          }
        }
      }
    });
  });
});
