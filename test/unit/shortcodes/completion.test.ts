/**
 * Completion of shortcodes and includes, hover and Go to Definition on their names, and the CLI's
 * `postcraft shortcodes`: all from the one catalogue the checks use.
 */
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import { completeTemplates, type TemplateCompletion } from '../../../src/core/shortcodes/completion';
import { templateCompletionContext } from '../../../src/core/shortcodes/completionContext';
import { hoverTemplate, templateDefinition } from '../../../src/core/shortcodes/navigation';
import { runCli } from '../../../src/cli/main';
import { FIXTURES, HUGO_SITE, JEKYLL_SITE, fixtureSite, memorySite } from './helpers';

const FM = '---\ntitle: P\n---\n';

/** Completion at the `|` in `body`. */
async function complete(body: string, tree = HUGO_SITE, file = 'content/posts/p.md'): Promise<TemplateCompletion[]> {
  const text = FM + body.replace('|', '');
  const { site, engine } = await memorySite({ ...tree, [file]: text });
  return (await completeTemplates(engine, site, file, text, FM.length + body.indexOf('|'))).items;
}

const labels = (items: TemplateCompletion[]) => items.map((i) => i.label);

describe('template completion: where the cursor is', () => {
  const at = (line: string, kind: 'shortcode' | 'include' = 'shortcode') => templateCompletionContext(line.replace('|', ''), line.indexOf('|'), kind);

  it('a name after {{< or {{%, a closing name after /, a parameter after the name, a value in quotes', () => {
    assert.equal(at('a {{< no|')?.slot, 'name');
    assert.equal(at('{{%|')?.slot, 'name');
    assert.equal(at('x {{< /no|')?.slot, 'closing');
    assert.deepEqual(at('{{< note ti|'), { slot: 'param', name: 'note', given: [], delim: '<', typed: 'ti', range: { start: 9, end: 11 }, endFollows: false, tagStart: 0 });
    assert.deepEqual(at('{{< note title="a" |')?.slot === 'param' && at('{{< note title="a" |'), { slot: 'param', name: 'note', given: ['title'], delim: '<', typed: '', range: { start: 19, end: 19 }, endFollows: false, tagStart: 0 });
    assert.deepEqual(at('{{< note title="He| >}}'), { slot: 'value', name: 'note', param: 'title', quote: '"', delim: '<', typed: 'He', range: { start: 16, end: 18 }, endFollows: true, tagStart: 0 });
  });

  it('nowhere else: after a tag ends, in a positional string, in the escaped form, outside a call', () => {
    assert.equal(at('{{< note >}} te|'), undefined);
    assert.equal(at('{{< badge "ne|'), undefined);
    assert.equal(at('{{</* no|'), undefined);
    assert.equal(at('plain te|'), undefined);
    assert.equal(at('{{< a >}} and {{< b|')?.typed, 'b');
  });

  it('Jekyll: a file after {% include, then its parameters and their values', () => {
    assert.equal(at('{% include he|', 'include')?.slot, 'name');
    assert.equal(at('{%- include hello.html w|', 'include')?.slot, 'param');
    assert.equal(at('{% include hello.html who="A| %}', 'include')?.slot, 'value');
  });
});

describe('template completion: what is offered', () => {
  it("names with where they come from: the site's, its theme's, the built-ins", async () => {
    const items = await complete('{{< |');
    const by = new Map(items.map((i) => [i.label, i]));
    assert.match(by.get('note')!.detail!, /^site · used 3×/);
    assert.equal(by.get('quote')!.detail, 'theme paper');
    assert.equal(by.get('figure')!.detail, 'built-in');
    assert.ok(labels(items).indexOf('note') < labels(items).indexOf('quote') && labels(items).indexOf('quote') < labels(items).indexOf('figure'), labels(items).join(' '));
    assert.match(by.get('note')!.documentation!, /A note\./);
  });

  it('a snippet: the parameters most calls give as tab stops, and the closing tag for a shortcode with content', async () => {
    const by = new Map((await complete('{{< |')).map((i) => [i.label, i]));
    assert.equal(by.get('note')!.insertText, 'note title="$1" >}}$2{{< /note >}}$0');
    assert.equal(by.get('badge')!.insertText, 'badge "$1" >}}$0');
    assert.equal(by.get('youtube')!.insertText, 'youtube id="$1" >}}$0');
    assert.equal(by.get('quote')!.insertText, 'quote author="$1" >}}$2{{< /quote >}}$0');
    assert.ok(by.get('note')!.snippet);
    // `{{<` without a space gets one; an end already typed is not typed again; `%` keeps its delimiter.
    assert.equal((await complete('{{<|')).find((i) => i.label === 'badge')!.insertText, ' badge "$1" >}}$0');
    assert.equal((await complete('{{< | >}}')).find((i) => i.label === 'badge')!.insertText, 'badge "$1"');
    assert.equal((await complete('{{% |')).find((i) => i.label === 'note')!.insertText, 'note title="$1" %}}$2{{% /note %}}$0');
  });

  it('in a closing tag: the shortcodes open here, innermost first', async () => {
    assert.deepEqual(labels(await complete('{{< note >}}a {{< quote >}}b {{< badge 1 >}} {{< /|')), ['quote', 'note']);
    assert.deepEqual((await complete('{{< note >}}a {{< /|')).map((i) => i.insertText), ['note >}}']);
  });

  it('inside a call: its parameters not given yet; for a parameter, the values written elsewhere, most used first', async () => {
    assert.deepEqual(labels(await complete('{{< figure src="a.png" |')).slice(0, 3), ['link', 'target', 'rel']);
    assert.deepEqual(labels(await complete('{{< note |')), ['title']);
    assert.deepEqual(labels(await complete('{{< note title="a" |')), []);
    const values = await complete('{{< note title="|" >}}');
    assert.deepEqual(values.map((v) => [v.label, v.detail]), [['Heads up', 'title of note · used 2×'], ['Careful', 'title of note · used 1×']]);
    assert.equal((await complete('{{< note title=|')).find((v) => v.label === 'Heads up')!.insertText, '"Heads up"');
  });

  it('values also from posts the index has not analysed yet: their text is scanned, never parsed here', async () => {
    const { engine, site } = await fixtureSite('hugo-site');
    const uses = site.index.document('content/posts/uses.md')!;
    assert.equal(uses.bodyLoaded, false, 'a cold crawl on Node reads front matter only');
    const text = FM + '{{< note title="';
    const items = (await completeTemplates(engine, site, 'content/posts/new.md', text, text.length)).items;
    assert.deepEqual(items.map((i) => i.label), ['Heads up']);
    assert.equal(site.index.document('content/posts/uses.md')!.bodyLoaded, false);
  });

  it('Jekyll: include files, their include.x parameters, values used elsewhere', async () => {
    const J = '_posts/2021-01-01-p.md';
    const names = await complete('{% include |', JEKYLL_SITE, J);
    assert.deepEqual(labels(names), ['cards/card.md', 'hello.html']);
    assert.equal(names.find((i) => i.label === 'hello.html')!.insertText, 'hello.html who="$1" %}$0');
    assert.deepEqual(labels(await complete('{% include hello.html |', JEKYLL_SITE, J)), ['who']);
    assert.deepEqual(labels(await complete('{% include hello.html who="|" %}', JEKYLL_SITE, J)), ['Ada']);
  });
});

describe('hover and Go to Definition on a call', () => {
  it("hover: documentation, source, parameters, whether it takes content, the file", async () => {
    const text = FM + '{{< quote author="x" >}}q{{< /quote >}}\n';
    const { site } = await memorySite({ ...HUGO_SITE, 'content/posts/p.md': text });
    const h = await hoverTemplate(site, text, text.indexOf('quote') + 2, (f) => `file:///site/${f}`);
    assert.ok(h);
    assert.deepEqual(h.range, { start: text.indexOf('quote'), end: text.indexOf('quote') + 5 });
    assert.match(h.markdown, /^\*\*quote\*\* — theme paper shortcode/);
    assert.match(h.markdown, /A pull quote\./);
    assert.match(h.markdown, /Parameters: `author`/);
    assert.match(h.markdown, /Takes content and a closing tag/);
    assert.match(h.markdown, /\[themes\/paper\/layouts\/shortcodes\/quote\.html\]\(file:\/\/\/site\/themes\/paper\/layouts\/shortcodes\/quote\.html\)/);
    // On the closing tag's name too; not on arguments, not on an unknown name.
    assert.ok(await hoverTemplate(site, text, text.lastIndexOf('quote') + 1));
    assert.equal(await hoverTemplate(site, text, text.indexOf('author') + 1), undefined);
  });

  it('definition: the template file; none for a built-in', async () => {
    const text = FM + 'A {{< badge "x" >}} and {{< figure src="a.png" >}}.\n';
    const { site } = await memorySite({ ...HUGO_SITE, 'content/posts/p.md': text });
    assert.deepEqual(await templateDefinition(site, text, text.indexOf('badge')), { file: 'layouts/shortcodes/badge.html', range: { start: text.indexOf('badge'), end: text.indexOf('badge') + 5 } });
    assert.equal(await templateDefinition(site, text, text.indexOf('figure') + 1), undefined);
  });

  it('Jekyll: on an include file name', async () => {
    const text = FM + '{% include cards/card.md heading="x" %}\n';
    const { site } = await memorySite({ ...JEKYLL_SITE, '_posts/2021-01-01-p.md': text });
    assert.equal((await templateDefinition(site, text, text.indexOf('card.md')))?.file, '_includes/cards/card.md');
    assert.match((await hoverTemplate(site, text, text.indexOf('cards')))!.markdown, /^\*\*cards\/card\.md\*\* — site include/);
  });
});

describe('postcraft shortcodes', () => {
  async function cli(...argv: string[]) {
    let out = '';
    let err = '';
    const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t), errIsTTY: false, cwd: os.tmpdir() });
    return { code, out, err };
  }

  it('--format json: the catalogue, site first, then themes, then built-ins', async () => {
    const r = await cli('shortcodes', path.join(FIXTURES, 'hugo-site'), '--format', 'json');
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out) as { kind: string; missing: string[]; shortcodes: { name: string; source: string; params: string[]; positional: boolean; inner: boolean; doc: string | null; file: string | null }[] };
    assert.equal(j.kind, 'shortcode');
    assert.deepEqual(j.missing, []);
    const note = j.shortcodes.find((s) => s.name === 'note')!;
    assert.deepEqual(Object.keys(note), ['name', 'source', 'params', 'positional', 'inner', 'doc', 'file']);
    assert.deepEqual({ ...note, doc: note.doc?.split('\n')[0] }, { name: 'note', source: 'site', params: ['title'], positional: false, inner: true, doc: 'A highlighted note. The title is optional; the text is Markdown.', file: 'layouts/shortcodes/note.html' });
    const sources = j.shortcodes.map((s) => s.source);
    assert.ok(sources.lastIndexOf('site') < sources.indexOf('paper') && sources.indexOf('paper') < sources.indexOf('built-in'), sources.join(' '));
    assert.deepEqual(j.shortcodes.find((s) => s.name === 'youtube'), { name: 'youtube', source: 'built-in', params: ['id', 'class', 'title', 'autoplay'], positional: true, inner: false, doc: j.shortcodes.find((s) => s.name === 'youtube')!.doc, file: null });
  });

  it('text, and a site whose theme is missing says so', async () => {
    const r = await cli('shortcodes', path.join(FIXTURES, 'hugo-missing-theme'));
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Not read: absent/);
    assert.match(r.out, /\nfigure +built-in/);
  });
});
