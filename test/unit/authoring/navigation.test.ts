import * as assert from 'node:assert/strict';
import { HUGO, site } from './helpers';
import { linkAt, referencesTo, targetOf } from '../../../src/core/authoring/targets';
import { describeTarget } from '../../../src/core/authoring/describe';

describe('following links', () => {
  it('definition targets for every link form, at the heading for #fragment links', async () => {
    const extra = {
      'content/posts/all.md':
        '---\ntitle: All\n---\n\n## Here\n\n[u](../go-karts/#why) [r]({{< relref "leading-vs-managing.md#agenda-template" >}}) [root](/posts/hiring/) ![i](/images/logo.png) ![b](../bundle/diagram.png) [self](#here) [abs](https://blog.example.com/posts/go-karts/) <a href="/posts/bundle/">h</a> [x](../nowhere/) [ext](https://example.org/)\n',
    };
    const { site: s } = await site({ ...HUGO, ...extra });
    const doc = s.index.document('content/posts/all.md')!;
    const got = doc.body().links.map((l) => {
      const t = targetOf(s, doc.file, l);
      return t ? `${l.target} → ${t.file}${t.line !== undefined ? ':' + t.line : ''}` : `${l.target} → none`;
    });
    assert.deepEqual(got, [
      '../go-karts/#why → content/posts/go-karts.md:5',
      'leading-vs-managing.md#agenda-template → content/posts/leading-vs-managing.md:7',
      '/posts/hiring/ → content/posts/hiring.md',
      '/images/logo.png → static/images/logo.png',
      '../bundle/diagram.png → content/posts/bundle/diagram.png',
      '#here → content/posts/all.md:4',
      'https://blog.example.com/posts/go-karts/ → content/posts/go-karts.md',
      '/posts/bundle/ → content/posts/bundle/index.md',
      '../nowhere/ → none',
      'https://example.org/ → none',
    ]);
  });

  it('the link at a cursor: inside the destination or the whole shortcode', async () => {
    const { site: s } = await site();
    const doc = s.index.document('content/posts/hiring.md')!;
    const text = HUGO['content/posts/hiring.md'];
    assert.equal(linkAt(doc, text.indexOf('{{<') + 1)?.kind, 'relref');
    assert.equal(linkAt(doc, text.indexOf('Read')), undefined);
  });

  it('Jekyll post_url and link tags lead to the post', async () => {
    const { site: s } = await site({ '_config.yml': 'title: J\n', '_posts/2019-03-01-first.md': '---\ntitle: First\n---\n', '_posts/2019-04-01-second.md': '---\ntitle: Second\n---\n{% post_url 2019-03-01-first %} {% link _posts/2019-03-01-first.md %}\n' });
    const doc = s.index.document('_posts/2019-04-01-second.md')!;
    assert.deepEqual(doc.body().links.map((l) => targetOf(s, doc.file, l)?.file), ['_posts/2019-03-01-first.md', '_posts/2019-03-01-first.md']);
  });

  it('hover text: title, date, status and URL', async () => {
    const { site: s } = await site({ ...HUGO, 'content/posts/x.md': '---\ntitle: X\n---\n[d](../draft/) [l](../leading-vs-managing/#agenda-template)\n' });
    const doc = s.index.document('content/posts/x.md')!;
    const [d, l] = doc.body().links.map((k) => describeTarget(targetOf(s, doc.file, k)!));
    assert.match(d, /\*\*Secret Draft\*\*/);
    assert.match(d, /Status: draft/);
    assert.match(l, /Date: 2024-03-01 · Status: published/);
    assert.match(l, /URL: `\/posts\/leading-vs-managing\/#agenda-template`/);
  });

  it('references: every link to a post across the site, in any form', async () => {
    const { site: s } = await site();
    const refs = referencesTo(s, 'content/posts/leading-vs-managing.md').map((r) => `${r.file}:${r.link.kind}:${r.link.target}`);
    assert.deepEqual(refs, [
      'content/posts/go-karts.md:inline:../leading-vs-managing/#the-difference',
      'content/posts/hiring.md:relref:leading-vs-managing.md#agenda-template',
      'content/posts/hiring.md:relref:/posts/leading-vs-managing',
      'content/posts/hiring.md:definition:../leading-vs-managing/',
      'content/posts/hiring.md:autolink:https://blog.example.com/posts/leading-vs-managing/',
    ]);
    assert.deepEqual(referencesTo(s, 'content/posts/draft.md'), []);
  });
});
