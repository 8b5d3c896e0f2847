import * as assert from 'node:assert/strict';
import { FM, checkPost } from './helpers';
import { fixesFor, refactorsAt, type LinkEdit } from '../../../src/core/links/fixes';

function apply(text: string, e: LinkEdit): string {
  return text.slice(0, e.range.start) + e.newText + text.slice(e.range.end);
}

describe('link quick fixes and refactors', () => {
  it('did-you-mean replaces the destination in the writer\'s form', async () => {
    const body = `${FM}\nSee [a](../alpah) now.\n`;
    const r = await checkPost(body);
    const [fix] = fixesFor(r.diagnostics[0], body);
    assert.equal(fix.title, 'Change to ../alpha');
    assert.equal(apply(body, fix), `${FM}\nSee [a](../alpha) now.\n`);
  });

  it('a bad fragment offers the nearest heading; a .md link its working forms', async () => {
    const body = `${FM}\n[a](../alpha/#intr) [b](alpha.md)\n`;
    const r = await checkPost(body);
    const frag = fixesFor(r.diagnostics[0], body);
    assert.equal(apply(body, frag[0]), `${FM}\n[a](../alpha/#intro) [b](alpha.md)\n`);
    const md = fixesFor(r.diagnostics[1], body).map((f) => apply(body, f));
    assert.deepEqual(md, [`${FM}\n[a](../alpha/#intr) [b](../alpha/)\n`, `${FM}\n[a](../alpha/#intr) [b](/posts/alpha/)\n`, `${FM}\n[a](../alpha/#intr) [b]({{< relref "/posts/alpha.md" >}})\n`]);
  });

  it('template code is replaced by the shortcode', async () => {
    const body = `${FM}\n[p]({{ relref . "alpha.md" }})\n`;
    const r = await checkPost(body);
    assert.equal(apply(body, fixesFor(r.diagnostics[0], body)[0]), `${FM}\n[p]({{< relref "alpha.md" >}})\n`);
  });

  it('offers no fix when the text under the range changed since the check', async () => {
    const body = `${FM}\nSee [a](../alpah) now.\n`;
    const r = await checkPost(body);
    assert.deepEqual(fixesFor(r.diagnostics[0], body.replace('alpah', 'alpaz')), []);
  });

  it('converts a relref to its URL and a URL link to a relref', async () => {
    const body = `${FM}\n[a]({{< relref "alpha.md#intro" >}}) and [b](/posts/bundle/)\n`;
    const { engine } = await checkPost(body);
    const site = engine.sites[0];
    const at = body.indexOf('relref');
    const toUrl = await refactorsAt(engine, site, 'content/posts/test.md', at);
    assert.deepEqual(toUrl.map((e) => apply(body, e)), [`${FM}\n[a](../alpha/#intro) and [b](/posts/bundle/)\n`, `${FM}\n[a](/posts/alpha/#intro) and [b](/posts/bundle/)\n`]);
    const toRef = await refactorsAt(engine, site, 'content/posts/test.md', body.indexOf('/posts/bundle/'));
    assert.deepEqual(toRef.map((e) => apply(body, e)), [`${FM}\n[a]({{< relref "alpha.md#intro" >}}) and [b]({{< relref "/posts/bundle/index.md" >}})\n`]);
    assert.deepEqual(await refactorsAt(engine, site, 'content/posts/test.md', 2), []);
  });
});
