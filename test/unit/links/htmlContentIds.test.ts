/**
 * Fragments into HTML pages (a Hugo `.html` content file is published as written): the ids are the
 * id/name attributes the file writes, not those in comments, and a page with a script is not judged
 * (it may add ids when it runs). Against hugo: test/fixtures/verdicts/hugo-html-content.
 */
import * as assert from 'node:assert/strict';
import { createPostcraft } from '../../../src/core/service';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';

async function findings(tree: Record<string, string>): Promise<string[]> {
  const fs = new MemoryFs('/site', { 'hugo.toml': 'baseURL = "https://blog.example.com/"\n', ...tree });
  const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock() });
  const diags = await engine.checkSite(engine.sites[0]);
  return diags.filter((d) => d.severity === 'warning' || d.severity === 'error').map((d) => `${d.file}:${d.code}:${d.target}`);
}

const PAGE = '---\ntitle: Old\n---\n<h2 id="history">History</h2>\n<p><a name="by-name"></a># Not a heading</p>\n<!-- <div id="commented"></div> -->\n';

describe('fragments into HTML content files', () => {
  it('judges them against the attributes the file writes', async () => {
    const found = await findings({
      'content/posts/old.html': PAGE + '<a href="#history">in</a> <a href="#gone">out</a>\n',
      'content/posts/links.md': '---\ntitle: L\n---\n[a](../old/#history) [b](../old/#by-name) [c](../old/#commented) [d](../old/#not-a-heading)\n',
    });
    assert.deepEqual(found.sort(), [
      'content/posts/links.md:link.fragment-not-found:../old/#commented',
      'content/posts/links.md:link.fragment-not-found:../old/#not-a-heading',
      'content/posts/old.html:link.fragment-not-found:#gone',
    ]);
  });

  it('does not judge a page whose script may add ids', async () => {
    const found = await findings({
      'content/posts/app.html': '---\ntitle: App\n---\n<div id="root"></div>\n<script>document.body.id = "made"</script>\n',
      'content/posts/links.md': '---\ntitle: L\n---\n[a](../app/#made) [b](../app/#root)\n',
    });
    assert.deepEqual(found, []);
  });
});
