/**
 * The Go template engine (src/core/generators/hugo/template) against the real hugo: the fixture
 * test/fixtures/hugo-template-engine is built by hugo, and each shortcode call its pages wrap in
 * `<!--cN-->…<!--/cN-->` markers is rendered by renderShortcode from the same front matter, site
 * params and arguments; our HTML must be exactly what hugo put between the markers. Calls wrapped
 * in `<!--eN-->` markers use what the engine refuses (a partial, `define`, the page's Scratch):
 * hugo builds them, and we must throw EvalError rather than print something.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { EvalError, parseGoTemplate, renderShortcode, type ShortcodeArg, type ShortcodeCallInput } from '../../src/core/generators/hugo/template';
import { requireHugo, runHugo } from './helpers/hugo';

const FIXTURE = path.resolve(__dirname, '../fixtures/hugo-template-engine');

interface Call {
  readonly marker: string;
  readonly name: string;
  readonly positional?: ShortcodeArg[];
  readonly named?: Record<string, ShortcodeArg>;
  readonly inner?: string;
}

/** A shortcode argument as hugo types it: quoted text is a string, bare numbers and booleans are typed. */
function typed(raw: string, quoted: boolean): ShortcodeArg {
  if (quoted) return raw;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  if (/^-?\d+$/.test(raw)) return Number(raw);
  if (/^-?\d+\.\d+$/.test(raw)) return Number(raw);
  return raw;
}

/** The arguments of `{{< name … >}}`: `"quoted \" text"`, bare words and `key=value` pairs. */
function parseArgs(text: string): Pick<Call, 'positional' | 'named'> {
  const positional: ShortcodeArg[] = [];
  const named: Record<string, ShortcodeArg> = {};
  const re = /\s*(?:([A-Za-z_][\w-]*)=)?(?:"((?:[^"\\]|\\.)*)"|(\S+))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const value = m[2] !== undefined ? typed(m[2].replace(/\\(.)/g, '$1'), true) : typed(m[3], false);
    if (m[1]) named[m[1]] = value;
    else positional.push(value);
  }
  return Object.keys(named).length ? { named } : { positional };
}

function callsOf(source: string, kind: 'c' | 'e'): Call[] {
  const out: Call[] = [];
  const re = new RegExp(`<!--(${kind}\\d+)-->\\{\\{< ([\\w-]+)(.*?)(/)?>\\}\\}(?:(.*?)\\{\\{< /\\2 >\\}\\})?<!--/\\1-->`, 'g');
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const [, marker, name, args, selfClosed, inner] = m;
    out.push({ marker, name, ...parseArgs(args), inner: selfClosed ? '' : inner });
  }
  return out;
}

function frontMatter(source: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(source);
  assert.ok(m, 'the fixture pages have YAML front matter');
  return parseYaml(m[1]) as Record<string, unknown>;
}

const md = new MarkdownIt({ html: true });

/** Goldmark's output for the fixture's simple Markdown; inline drops a lone paragraph's `<p>`, as Hugo does. */
function renderMarkdown(text: string, inline: boolean): string {
  const html = md.render(text);
  if (!inline) return html;
  const m = /^<p>([\s\S]*)<\/p>\n$/.exec(html);
  return m && !m[1].includes('<p>') ? m[1] : html;
}

function hugoOutput(html: string, marker: string): string {
  const start = html.indexOf(`<!--${marker}-->`);
  const end = html.indexOf(`<!--/${marker}-->`);
  assert.ok(start >= 0 && end > start, `hugo's page has the markers of ${marker}`);
  return html.slice(start + marker.length + 7, end);
}

describe('the Go template engine renders shortcodes exactly as hugo 0.111 does (test/fixtures/hugo-template-engine)', function () {
  this.timeout(120_000);
  const config = parseToml(fs.readFileSync(path.join(FIXTURE, 'config.toml'), 'utf8')) as { baseURL: string; title: string; params: Record<string, unknown> };
  const pages = ['tables', 'misc'];

  it('every marked call: our HTML equals hugo’s, and the refused calls throw EvalError', function () {
    requireHugo(this);
    const run = runHugo(FIXTURE);
    try {
      assert.equal(run.status, 0, run.log);
      let compared = 0;
      let refused = 0;
      for (const page of pages) {
        const source = fs.readFileSync(path.join(FIXTURE, 'content/posts', `${page}.md`), 'utf8');
        const fm = frontMatter(source);
        const html = fs.readFileSync(path.join(run.publicDir, 'posts', page, 'index.html'), 'utf8');
        const input = (c: Call): ShortcodeCallInput => ({
          name: c.name,
          positional: c.positional,
          named: c.named,
          inner: c.inner,
          page: { params: fm, title: String(fm.title), relPermalink: `/docs/posts/${page}/`, permalink: `https://example.org/docs/posts/${page}/` },
          site: { params: config.params, baseURL: config.baseURL, title: config.title },
          renderMarkdown,
        });
        const template = (name: string) => parseGoTemplate(fs.readFileSync(path.join(FIXTURE, 'layouts/shortcodes', `${name}.html`), 'utf8'));
        for (const c of callsOf(source, 'c')) {
          let ours: string;
          try {
            ours = renderShortcode(template(c.name), input(c));
          } catch (e) {
            assert.fail(`${page} ${c.marker} (${c.name}): ${(e as Error).message}`);
          }
          assert.equal(ours, hugoOutput(html, c.marker), `${page} ${c.marker} (${c.name})`);
          compared++;
        }
        for (const c of callsOf(source, 'e')) {
          assert.ok(hugoOutput(html, c.marker).length > 0, `hugo rendered ${c.marker}`);
          assert.throws(() => renderShortcode(template(c.name), input(c)), EvalError, `${page} ${c.marker} (${c.name}) must be refused`);
          refused++;
        }
      }
      assert.equal(compared, 12, 'the fixture has twelve compared calls');
      assert.equal(refused, 3, 'the fixture has three refused calls');
    } finally {
      run.cleanup();
    }
  });
});
