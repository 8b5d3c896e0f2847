/**
 * `npm start` packages the extension, and vsce refuses a README whose image sources it cannot
 * rewrite: every image the README shows is a file of this repository (or an https URL).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';

const repo = path.resolve(__dirname, '../..');

function imageSources(markdown: string): string[] {
  const out: string[] = [];
  const walk = (tokens: ReturnType<MarkdownIt['parse']>): void => {
    for (const t of tokens) {
      if (t.type === 'image') out.push(t.attrGet('src') ?? '');
      if (t.children) walk(t.children);
    }
  };
  walk(new MarkdownIt({ html: true }).parse(markdown, {}));
  return out;
}

describe('README images', () => {
  it('each is a file of the repository or an https URL, as vsce packages it', () => {
    const sources = imageSources(fs.readFileSync(path.join(repo, 'README.md'), 'utf8'));
    assert.ok(sources.length >= 3, `the README shows its pictures (${sources.length})`);
    const bad = sources.filter((src) => !/^https:\/\//.test(src) && !fs.existsSync(path.join(repo, decodeURI(src))));
    assert.deepEqual(bad, []);
  });

  it('catches an image written inside another image\'s alt text', () => {
    assert.deepEqual(imageSources('![a ![b](x.png) c](docs/y.png)'), ['docs/y.png', 'x.png']);
  });
});
