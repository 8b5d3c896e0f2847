import * as assert from 'node:assert/strict';
import { HUGO, NOW, applyEdits, editsOf, linkCodes, site } from './helpers';
import { planPostMove, planUrlChange } from '../../../src/core/authoring/relink';
import { planHeadingRename } from '../../../src/core/authoring/headingRename';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft } from '../../../src/core/service';

describe('keeping links correct', () => {
  describe('planPostMove', () => {
    it('rewrites every inbound link in its own form, keeping fragments', async () => {
      const { site: s } = await site();
      const plan = planPostMove(s, 'content/posts/leading-vs-managing.md', 'content/posts/leadership.md', { now: NOW });
      assert.equal(plan.oldUrl, '/posts/leading-vs-managing/');
      assert.equal(plan.newUrl, '/posts/leadership/');
      assert.deepEqual(plan.linkers, ['content/posts/go-karts.md', 'content/posts/hiring.md']);
      assert.equal(applyEdits(HUGO['content/posts/go-karts.md'], editsOf(plan.edits, 'content/posts/go-karts.md')), HUGO['content/posts/go-karts.md'].replace('../leading-vs-managing/#the-difference', '../leadership/#the-difference'));
      const hiring = applyEdits(HUGO['content/posts/hiring.md'], editsOf(plan.edits, 'content/posts/hiring.md'));
      assert.equal(
        hiring,
        '---\ntitle: Hiring Loops\ndate: 2024-01-01\n---\n\nRead [leading]({{< relref "leadership.md#agenda-template" >}}) and [abs]({{< relref "/posts/leadership" >}}).\n\n[ref]: ../leadership/\n\nUse [the ref][ref] and <https://blog.example.com/posts/leadership/>.\n',
      );
    });

    it('after applying the edits and the move, the linkers check clean', async () => {
      const { site: s } = await site();
      const from = 'content/posts/leading-vs-managing.md';
      const to = 'content/posts/section/leadership.md';
      const plan = planPostMove(s, from, to, { now: NOW });
      const tree: Record<string, string> = {};
      for (const [f, text] of Object.entries(HUGO)) tree[f === from ? to : f] = applyEdits(text, editsOf(plan.edits, f));
      const fs = new MemoryFs('/site', tree);
      const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
      for (const f of Object.keys(tree).filter((x) => x.endsWith('.md'))) assert.deepEqual(await linkCodes(engine, f, tree[f]), [], f);
      // The moved post's own relative links were recomputed from its new URL.
      assert.match(tree[to], /\[go-karts\]\(\.\.\/\.\.\/go-karts\/\)/);
    });

    it('relative links are recomputed from each linker\'s own URL (a nested linker)', async () => {
      const { site: s } = await site({ ...HUGO, 'content/notes/deep/n.md': '---\ntitle: N\n---\n[a](../../../posts/go-karts/#why)\n' });
      const plan = planPostMove(s, 'content/posts/go-karts.md', 'content/archive/karts.md', { now: NOW });
      const e = editsOf(plan.edits, 'content/notes/deep/n.md');
      assert.deepEqual(e.map((x) => x.newText), ['../../../archive/karts/#why']);
      assert.deepEqual(editsOf(plan.edits, 'content/posts/leading-vs-managing.md').map((x) => x.newText), ['../../archive/karts/', '/archive/karts/#why']);
    });

    it('adds the old URL to aliases (new key, flow list, block list)', async () => {
      const { site: s } = await site({
        ...HUGO,
        'content/posts/a.md': '---\ntitle: A\naliases: ["/x/"]\n---\n',
        'content/posts/b.md': '---\ntitle: B\naliases:\n  - /y/\ndate: 2024-01-01\n---\n',
        'content/posts/c.md': '+++\ntitle = "C"\n+++\n',
      });
      const alias = (from: string, to: string, text: string) => {
        const p = planPostMove(s, from, to, { now: NOW, text });
        return p.aliasEdit ? applyEdits(text, [p.aliasEdit]) : text;
      };
      assert.equal(alias('content/posts/go-karts.md', 'content/posts/karts.md', HUGO['content/posts/go-karts.md']), '---\ntitle: Bumper Cars or Go-Karts?\ndate: 2024-02-01\naliases: ["/posts/go-karts/"]\n---\n\n## Why\n\nBack to [leading](../leading-vs-managing/#the-difference).\n');
      assert.equal(alias('content/posts/a.md', 'content/posts/a2.md', '---\ntitle: A\naliases: ["/x/"]\n---\n'), '---\ntitle: A\naliases: ["/x/", "/posts/a/"]\n---\n');
      assert.equal(alias('content/posts/b.md', 'content/posts/b2.md', '---\ntitle: B\naliases:\n  - /y/\ndate: 2024-01-01\n---\n'), '---\ntitle: B\naliases:\n  - /y/\n  - "/posts/b/"\ndate: 2024-01-01\n---\n');
      assert.equal(alias('content/posts/c.md', 'content/posts/c2.md', '+++\ntitle = "C"\n+++\n'), '+++\ntitle = "C"\naliases = ["/posts/c/"]\n+++\n');
    });

    it('a bundle folder moves with its resources', async () => {
      const { site: s } = await site({ ...HUGO, 'content/posts/x.md': '---\ntitle: X\n---\n[b](../bundle/) ![d](../bundle/diagram.png) [i](/posts/bundle/#inside)\n' });
      const plan = planPostMove(s, 'content/posts/bundle', 'content/posts/pictures', { now: NOW });
      assert.deepEqual(editsOf(plan.edits, 'content/posts/x.md').map((e) => e.newText), ['../pictures/', '../pictures/diagram.png', '/posts/pictures/#inside']);
      assert.deepEqual(editsOf(plan.edits, 'content/posts/bundle/index.md'), [], 'the bundle\'s own relative image still resolves');
    });

    it('a folder of posts moves: links between them, to them and from them all follow', async () => {
      const tree = { ...HUGO, 'content/notes/n.md': '---\ntitle: N\n---\n[k](/posts/go-karts/) [h]({{< relref "/posts/hiring.md" >}})\n' };
      const { site: s } = await site(tree);
      const plan = planPostMove(s, 'content/posts', 'content/blog', { now: NOW });
      const moved: Record<string, string> = {};
      for (const [f, text] of Object.entries(tree)) moved[f.replace(/^content\/posts\//, 'content/blog/')] = applyEdits(text, editsOf(plan.edits, f));
      assert.match(moved['content/notes/n.md'], /\[k\]\(\/blog\/go-karts\/\) \[h\]\(\{\{< relref "\/blog\/hiring.md" >\}\}\)/);
      assert.match(moved['content/blog/leading-vs-managing.md'], /\[go-karts\]\(\.\.\/go-karts\/\) and \[again\]\(\/blog\/go-karts\/#why\)/);
      assert.deepEqual(plan.linkers, ['content/notes/n.md']);
      assert.ok((plan.aliasEdits?.length ?? 0) >= 4, 'an alias for each moved post');
      const fs = new MemoryFs('/site', moved);
      const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
      for (const f of Object.keys(moved).filter((x) => x.endsWith('.md'))) assert.deepEqual(await linkCodes(engine, f, moved[f]), [], f);
    });

    it('Jekyll: post_url names and URL links follow a renamed post', async () => {
      const { site: s } = await site({ '_config.yml': 'title: J\npermalink: pretty\n', '_posts/2019-03-01-first.md': '---\ntitle: First\n---\n', '_posts/2019-04-01-second.md': '---\ntitle: Second\n---\n{% post_url 2019-03-01-first %} [u](/2019/03/01/first/)\n' });
      const plan = planPostMove(s, '_posts/2019-03-01-first.md', '_posts/2019-03-02-renamed.md', { now: NOW });
      assert.deepEqual(plan.edits.map((e) => `${e.file}:${e.newText}`), ['_posts/2019-04-01-second.md:2019-03-02-renamed', '_posts/2019-04-01-second.md:/2019/03/02/renamed/']);
      assert.equal(plan.aliasEdit, undefined, 'aliases are Hugo\'s');
    });

    it('a file-semantics site rewrites relative file paths', async () => {
      const { site: s } = await site({ 'docs/a.md': '# A\n\n[b](./b.md#x)\n', 'docs/b.md': '# B\n\n## X\n\n[a](a.md)\n' });
      assert.equal(s.model.summary.linkSemantics, 'file');
      const plan = planPostMove(s, 'docs/b.md', 'docs/sub/b.md', { now: NOW });
      assert.deepEqual(plan.edits.map((e) => `${e.file}:${e.newText}`).sort(), ['docs/a.md:./sub/b.md#x', 'docs/b.md:../a.md']);
    });
  });

  it('planUrlChange: a slug edit updates links to the old URL', async () => {
    const { site: s } = await site();
    const plan = planUrlChange(s, 'content/posts/go-karts.md', '/posts/go-karts/', '/posts/karting/');
    assert.deepEqual(plan.edits.map((e) => `${e.file}:${e.newText}`), ['content/posts/leading-vs-managing.md:../karting/', 'content/posts/leading-vs-managing.md:/posts/karting/#why']);
    assert.ok(plan.aliasEdit);
  });

  describe('planHeadingRename', () => {
    it('renames the heading and every #fragment link to it, here and elsewhere', async () => {
      const { site: s } = await site();
      const file = 'content/posts/leading-vs-managing.md';
      const text = HUGO[file];
      const plan = planHeadingRename(s, file, text, text.indexOf('The Difference') + 2, 'What Differs');
      assert.equal(plan?.oldId, 'the-difference');
      assert.equal(plan?.newId, 'what-differs');
      assert.equal(applyEdits(text, editsOf(plan!.edits, file)), text.replace('## The Difference', '## What Differs'));
      assert.deepEqual(editsOf(plan!.edits, 'content/posts/go-karts.md').map((e) => e.newText), ['what-differs']);
      const karts = applyEdits(HUGO['content/posts/go-karts.md'], editsOf(plan!.edits, 'content/posts/go-karts.md'));
      assert.match(karts, /\(\.\.\/leading-vs-managing\/#what-differs\)/);
      const relref = planHeadingRename(s, file, text, text.indexOf('Agenda Template'), 'Agenda');
      assert.deepEqual(relref!.edits.map((e) => `${e.file}:${e.newText}`), [`${file}:Agenda`, 'content/posts/hiring.md:agenda']);
    });
    it('a custom {#id} does not change; a duplicate gets the generator suffix', async () => {
      const { site: s } = await site();
      const file = 'content/posts/z.md';
      const text = '---\ntitle: Z\n---\n\n## Intro\n\n## Other {#keep}\n\n[a](#keep) [b](#other)\n';
      s.index.updateDocument(file, text);
      const custom = planHeadingRename(s, file, text, text.indexOf('Other'), 'Renamed');
      assert.equal(custom?.newId, 'keep');
      assert.equal(custom?.edits.length, 1);
      const dup = planHeadingRename(s, file, text, text.indexOf('Other'), 'Intro');
      assert.equal(dup?.newId, 'keep');
      const t2 = '---\ntitle: Z\n---\n\n## Intro\n\n## Other\n\n[b](#other)\n';
      s.index.updateDocument(file, t2);
      const p2 = planHeadingRename(s, file, t2, t2.indexOf('Other'), 'Intro');
      assert.equal(p2?.newId, 'intro-1');
      assert.equal(applyEdits(t2, p2!.edits), t2.replace('## Other', '## Intro').replace('(#other)', '(#intro-1)'));
      assert.equal(planHeadingRename(s, file, t2, 2, 'x'), undefined, 'not on a heading');
    });
  });
});
