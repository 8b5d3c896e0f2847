/**
 * On copies of the example sites (Hugo, Jekyll, Docusaurus): `postcraft image add` for a bundle
 * post and a single-file post, the Markdown appended to the post, and `postcraft check` has nothing
 * new to say, and the preview's render shows the image — the same proof the integration suite makes
 * in a real VS Code on the Hugo blog.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { PNG } from './helpers';

const EXAMPLES = path.resolve(__dirname, '../../../examples');

async function cli(cwd: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), errIsTTY: false, cwd });
  return { code, out, err };
}

async function findings(root: string): Promise<string[]> {
  const r = await cli(root, 'check', root, '--format', 'json');
  const diags = (JSON.parse(r.out) as { diagnostics: { file: string; line: number; code: string; severity: string }[] }).diagnostics;
  return diags.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => `${d.file}:${d.line} ${d.code}`);
}

const CASES: [string, string, string, string][] = [
  ['blog', 'content/posts/incident-reviews/index.md', 'content/posts/incident-reviews/', '(Team-Photo.png)'],
  ['blog', 'content/posts/one_on_ones.md', 'static/images/', '(/images/Team-Photo.png)'],
  ['jekyll-blog', '_posts/2021-04-08-pairing-across-time-zones.md', 'assets/images/', '(/assets/images/Team-Photo.png)'],
  ['docusaurus-blog', 'blog/2021-06-12-second-post/index.md', 'blog/2021-06-12-second-post/', '(./Team-Photo.png)'],
  ['docusaurus-blog', 'blog/2021-05-30-first-post.md', 'static/img/', '(/img/Team-Photo.png)'],
];

describe('images: postcraft image add on the example sites', function () {
  this.timeout(60_000);
  for (const [example, post, folder, link] of CASES) {
    it(`${example}: ${post} → ${folder}, check finds nothing new, the preview shows it`, async () => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), `postcraft-img-${example}-`));
      try {
        fs.cpSync(path.join(EXAMPLES, example), root, { recursive: true, filter: (s) => !/node_modules|[\\/](public|_site|\.docusaurus)$/.test(s) });
        fs.writeFileSync(path.join(root, 'Team Photo.png'), PNG);
        const before = await findings(root);
        const r = await cli(root, 'image', 'add', 'Team Photo.png', '--post', post, '--alt', 'Team photo', '--format', 'json');
        assert.equal(r.code, 0, r.err);
        const { file, markdown } = JSON.parse(r.out) as { file: string; markdown: string };
        assert.ok(file.startsWith(folder), `${file} in ${folder}`);
        assert.ok(markdown.includes(link), `${markdown} has ${link}`);
        assert.ok(fs.existsSync(path.join(root, file)));
        fs.appendFileSync(path.join(root, post), `\n${markdown}\n`);
        assert.deepEqual(await findings(root), before);
        // The preview shows it: the standalone render embeds the file.
        const html = (await cli(root, 'render', post)).out;
        assert.match(html, /<img src="data:image\/png;base64,[A-Za-z0-9+/=]+" alt="Team photo"/);
        // The same link to a file that is not there is reported: the comparison can fail.
        fs.rmSync(path.join(root, file));
        assert.notDeepEqual(await findings(root), before);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    });
  }
});
