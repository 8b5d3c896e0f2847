import * as assert from 'node:assert/strict';
import { renderArchetypeTemplate, type ArchetypeTemplateInput } from '../../../src/core/generators/hugo/template';
import { datePrefix, dateStyleOf, formatDate } from '../../../src/core/newpost/dates';

// 2019-04-11T14:39:51-07:00, a Thursday.
const NOW = new Date('2019-04-11T21:39:51Z');
const INPUT: ArchetypeTemplateInput = {
  name: 'leading-vs-managing',
  title: 'Leading vs Managing',
  date: '2019-04-11T14:39:51-07:00',
  type: 'posts',
  section: 'posts',
  kind: 'page',
  file: { contentBaseName: 'my-first-post', baseFileName: 'my-first-post', logicalName: 'my-first-post.md', translationBaseName: 'my-first-post', ext: 'md', path: 'posts/my-first-post.md', dir: 'posts/' },
  site: { title: 'Notes from the Floor', baseURL: 'https://example.org/', params: { author: 'rich' }, lang: 'en' },
  now: NOW,
  offsetMinutes: -420,
};
const render = (src: string, input: Partial<ArchetypeTemplateInput> = {}) => renderArchetypeTemplate(src, { ...INPUT, ...input });
const value = (src: string, input: Partial<ArchetypeTemplateInput> = {}) => {
  const r = render(src, input);
  assert.deepEqual(r.warnings, [], `no warnings for ${src}`);
  return r.text;
};

/** The site of the archetypes checked with `hugo new` (hugo 0.111.3, TZ=America/Denver). */
const HUGO_SITE: ArchetypeTemplateInput['site'] = {
  title: 'Notes & <Floor>',
  baseURL: 'https://example.org/',
  params: { author: 'rich', toc: true, Tags: ['a', 'b'], Social: { twitter: 'x' } },
  lang: 'en',
};
const HUGO_INPUT: Partial<ArchetypeTemplateInput> = {
  name: 'my-first-post',
  site: HUGO_SITE,
};

describe('New Post: dates', () => {
  it('writes the local offset, RFC 3339 style', () => {
    assert.equal(formatDate(NOW, -420), '2019-04-11T14:39:51-07:00');
    assert.equal(formatDate(NOW, 330), '2019-04-12T03:09:51+05:30');
    assert.equal(formatDate(NOW, 0), '2019-04-11T21:39:51+00:00');
    assert.equal(formatDate(NOW, -420, 'space-offset'), '2019-04-11 14:39:51 -0700');
    assert.equal(formatDate(NOW, -420, 'local'), '2019-04-11 14:39:51');
    assert.equal(formatDate(NOW, -420, 'date'), '2019-04-11');
  });

  it('takes the day of a dated file name from the local offset, not UTC', () => {
    // 21:39 UTC is already the next day in Kolkata.
    assert.equal(datePrefix(NOW, -420), '2019-04-11');
    assert.equal(datePrefix(NOW, 330), '2019-04-12');
  });

  it('recognises the date styles posts use', () => {
    assert.equal(dateStyleOf('2019-04-11T14:39:51-07:00'), 'rfc3339');
    assert.equal(dateStyleOf('2020-03-14 10:00:00 -0700'), 'space-offset');
    assert.equal(dateStyleOf('2020-03-14 10:00:00'), 'local');
    assert.equal(dateStyleOf('2020-03-14'), 'date');
    assert.equal(dateStyleOf('last tuesday'), undefined);
  });

});

describe('New Post: archetype templates', () => {
  it('evaluates fields, nested fields and literals', () => {
    assert.equal(value('{{ .Name }}|{{ .Title }}|{{ .Date }}|{{ .Type }}|{{ .Section }}|{{ .Kind }}'), 'leading-vs-managing|Leading vs Managing|2019-04-11T14:39:51-07:00|posts|posts|page');
    assert.equal(value('{{ .Site.Title }} / {{ .File.ContentBaseName }} / {{ .Site.Params.author }} / {{ .Site.Language.Lang }} / {{ site.BaseURL }}'), 'Notes from the Floor / my-first-post / rich / en / https://example.org/');
    assert.equal(value('{{ .File.BaseFileName }} {{ .File.LogicalName }} {{ .File.TranslationBaseName }} {{ .File.Ext }} {{ .File.Path }} {{ .File.Dir }}'), 'my-first-post my-first-post.md my-first-post md posts/my-first-post.md posts/');
    assert.equal(value('{{ "quoted" }} {{ `raw` }} {{ 42 }} {{ 1.5 }} {{ true }}'), 'quoted raw 42 1.5 true');
  });

  it('has replace, title, upper, lower, humanize, urlize, printf, default, trim', () => {
    assert.equal(value('{{ replace .Name "-" " " }}'), 'leading vs managing');
    assert.equal(value('{{ title "a tale of two cities" }}'), 'A Tale of Two Cities');
    assert.equal(value('{{ upper .Name }} {{ lower "MiXeD" }}'), 'LEADING-VS-MANAGING mixed');
    assert.equal(value('{{ humanize "my-first_post" }}'), 'My first post');
    assert.equal(value('{{ urlize "Hello World Again" }}'), 'hello-world-again');
    assert.equal(value('{{ printf "%s (%d)" .Title 3 }} {{ printf "%q" .Name }}'), 'Leading vs Managing (3) "leading-vs-managing"');
    assert.equal(value('{{ default "none" "" }}|{{ default "none" "x" }}|{{ default "d" .Site.Params.nope }}'), 'none|x|d');
    assert.equal(value('{{ trim "--x--" "-" }}'), 'x');
  });

  it('pipes the value in as the last argument, as Go does', () => {
    // Hugo's default archetype.
    assert.equal(value(`title = '{{ replace .File.ContentBaseName "-" " " | title }}'`), "title = 'My First Post'");
    assert.equal(value('{{ .Name | upper | lower }}'), 'leading-vs-managing');
    // replace INPUT OLD NEW: the piped " " becomes NEW.
    assert.equal(value('{{ " " | replace .Name "-" }}'), 'leading vs managing');
    assert.equal(value('{{ (replace .Name "-" " ") | title }}'), 'Leading vs Managing');
  });

  it('formats now and dates with Go layouts', () => {
    assert.equal(value('{{ now.Format "2006" }}'), '2019');
    assert.equal(value('{{ now.Format "2006-01-02T15:04:05-07:00" }}'), '2019-04-11T14:39:51-07:00');
    assert.equal(value('{{ time.Format "Jan 2, 2006" .Date }}'), 'Apr 11, 2019');
    assert.equal(value('{{ .Date | dateFormat "Monday" }}'), 'Thursday');
    assert.equal(value('{{ (now).Format "01/02" }} {{ now.Year }} {{ (time .Date).YearDay }}'), '04/11 2019 101');
    assert.equal(value('{{ now.Format "Monday, January 2 at 3:04 PM" }}|{{ now.Format "06/01/02 -0700" }}'), 'Thursday, April 11 at 2:39 PM|19/04/11 -0700');
    // Every layout element, as hugo printed them.
    assert.equal(
      value('{{ time.Format "Jan 2, 2006 .000 .999 _2 __2 002 3PM pm -07 Z07:00 Mon Monday January 06 1 2 4 5" .Date }}'),
      'Apr 11, 2019 .000  11 101 101 2PM pm -07 -07:00 Thu Thursday April 19 4 11 39 51',
    );
    assert.equal(value('{{ dateFormat "2006-01-02T15:04:05Z07:00" "2019-04-11T14:39:51Z" }}|{{ dateFormat "Z07:00 -07:00" "2019-04-11T14:39:51+05:30" }}'), '2019-04-11T14:39:51Z|+05:30 +05:30');
    assert.equal(value('{{ now.Format "15:04:05.000" }}', { now: new Date('2019-04-11T21:39:51.25Z') }), '14:39:51.250');
  });

  it('trims whitespace around {{- and -}} and drops comments', () => {
    assert.equal(value('a  \n {{- .Type -}} \n  b'), 'apostsb');
    assert.equal(value('a {{/* note to self */}}b'), 'a b');
    assert.equal(value('x\n{{- /* gone */ -}}\ny'), 'xy');
  });

  it('escapes nothing and prints a missing key as <no value>, as hugo new does', () => {
    const r = value(`esc: {{ "<b>&'\\"" }} | {{ .Site.Title }} | {{ "a<b" | safeHTML }} | <a href="{{ "javascript:x" }}">\nnov: [{{ .Site.Params.nope }}] [{{ .Site.Params.social.nope }}] [{{ index .Site.Params "nope" }}]`, HUGO_INPUT);
    assert.equal(r, `esc: <b>&'" | Notes & <Floor> | a<b | <a href="javascript:x">\nnov: [<no value>] [<no value>] [<no value>]`);
    assert.equal(value('{{ .Site.Params.author }} {{ .Site.Params.Author }} {{ .Site.Params.tags }} {{ .Site.Params.social }} {{ .Site.Params.social.twitter }}', HUGO_INPUT), 'rich rich [a b] map[twitter:x] x');
  });

  it('evaluates if, with, range and variables as hugo new does', () => {
    // hugo new posts/my-first-post.md printed each of these with HUGO_SITE's params.
    const src = [
      '{{ if .Site.Params.toc }}toc: true{{ end }}',
      '{{ with .Site.Params.author }}author: {{ . }}{{ end }}',
      '{{ with .Site.Params.nope }}x{{ else }}nope-else{{ end }}',
      'tags:{{ range .Site.Params.tags }} - {{ . }}{{ end }}',
      '{{ $x := replace .Name "-" " " }}{{ $x = title $x }}v: {{ $x }}',
      '{{ range $i, $t := .Site.Params.tags }}{{ $i }}={{ $t }};{{ end }}',
      '{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}{{ with $y := "w" }}{{ $y }}{{ end }}',
      '{{ range $k, $v := .Site.Params.social }}{{ $k }}:{{ $v }}{{ end }}|{{ range .Site.Params.nope }}x{{ else }}empty{{ end }}',
      '{{ len .Name }}|{{ eq .Section "posts" }}',
    ].join('\n');
    assert.equal(value(src, HUGO_INPUT), 'toc: true\nauthor: rich\nnope-else\ntags: - a - b\nv: My First Post\n0=a;1=b;\n2w\ntwitter:x|empty\n13|true');
  });

  it('renders a front matter built with blocks and trim markers as hugo new does', () => {
    const archetype = [
      '---',
      'title: "{{ replace .File.ContentBaseName "-" " " | title }}"',
      'draft: true',
      '{{- with .Site.Params.author }}',
      'author: {{ . }}',
      '{{- end }}',
      '{{- if .Site.Params.toc }}',
      'toc: true',
      '{{- else }}',
      'toc: false',
      '{{- end }}',
      '{{- with .Site.Params.editor }}',
      'editor: {{ . }}',
      '{{- end }}',
      'tags:',
      '{{- range $i, $t := .Site.Params.tags }}',
      '  - {{ $t }}{{ if eq $i 0 }} # first{{ end }}',
      '{{- end }}',
      '{{- $kind := "note" }}',
      '{{- if eq .Section "posts" }}{{ $kind = "article" }}{{ end }}',
      'kind: {{ $kind }}',
      'missing: {{ .Site.Params.editor }}',
      '---',
      '',
    ].join('\n');
    const file = (path: string, name: string, section: string) => ({ ...INPUT.file, contentBaseName: name, path, dir: section + '/' });
    // hugo new posts/my-first-post.md, then hugo new notes/a-b-c.md.
    assert.equal(
      value(archetype, { ...HUGO_INPUT, file: file('posts/my-first-post.md', 'my-first-post', 'posts') }),
      '---\ntitle: "My First Post"\ndraft: true\nauthor: rich\ntoc: true\ntags:\n  - a # first\n  - b\nkind: article\nmissing: <no value>\n---\n',
    );
    assert.equal(
      value(archetype, { ...HUGO_INPUT, name: 'a-b-c', section: 'notes', type: 'notes', file: file('notes/a-b-c.md', 'a-b-c', 'notes') }),
      '---\ntitle: "A B C"\ndraft: true\nauthor: rich\ntoc: true\ntags:\n  - a # first\n  - b\nkind: note\nmissing: <no value>\n---\n',
    );
  });

  it('leaves what it cannot evaluate visible, with a warning naming it', () => {
    const r = render('title: "{{ .Nope }}"\n{{ if .Site.Params.author }}by {{ partial "x" . }}{{ end }}\n{{ $x := nosuch 1 }}{{ $y := 2 }}[{{ $x }}|{{ $y }}]\n{{ slugify .Name }}\n{{ else }}\n');
    assert.equal(r.text, 'title: "{{ .Nope }}"\n{{ if .Site.Params.author }}by {{ partial "x" . }}{{ end }}\n{{ $x := nosuch 1 }}[{{ $x }}|2]\n{{ slugify .Name }}\n{{ else }}\n');
    assert.deepEqual(r.warnings, [
      'Line 1: {{ .Nope }} was left as written (can\'t evaluate field Nope in type *hugolib.archetypeFileData).',
      'Line 2: {{ if .Site.Params.author }} … {{ end }} was left as written (function "partial" is not supported).',
      'Line 3: {{ $x := nosuch 1 }} was left as written (function "nosuch" is not supported).',
      'Line 3: {{ $x }} was left as written (undefined variable "$x").',
      'Line 4: {{ slugify .Name }} was left as written (function "slugify" is not supported).',
      'Line 5: {{ else }} was left as written (unexpected {{else}}).',
    ]);
  });

  it('leaves a time it would have to print with its zone name, and an unknown site data, as written', () => {
    const r = render('{{ now }}|{{ now.Format "15:04 MST" }}|{{ .Site.Data.authors }}|{{ now.Format "15:04" }}');
    assert.equal(r.text, '{{ now }}|{{ now.Format "15:04 MST" }}|{{ .Site.Data.authors }}|14:39');
    assert.equal(r.warnings.length, 3);
    assert.match(r.warnings[0], /^Line 1: \{\{ now \}\} was left as written \(printing a time/);
    assert.match(r.warnings[1], /zone's abbreviation/);
  });

  it('warns on wrong argument counts, an unclosed block and an unclosed action, keeping the text', () => {
    const r = render('{{ replace .Name "-" }} and {{ if true }}open {{ .Type }} {{ .Name');
    assert.equal(r.text, '{{ replace .Name "-" }} and {{ if true }}open posts {{ .Name');
    assert.match(r.warnings[0], /replace: wrong number of arguments \(2\)/);
    assert.match(r.warnings[1], /Line 1: \{\{ if true \}\} .*never closed/);
    assert.match(r.warnings[2], /unclosed action/);
  });

  it('title case follows the configured style', () => {
    // hugo 0.111 with titleCaseStyle unset (AP) and "go".
    const src = '{{ title "10 tips for go" }}|{{ title "2024 recap of the year" }}|{{ title "into the wild with you" }}|{{ title "over the hill" }}';
    assert.equal(value(src), '10 Tips for Go|2024 Recap of the Year|Into the Wild With You|Over the Hill');
    assert.equal(value(src, { titleCaseStyle: 'go' }), '10 Tips For Go|2024 Recap Of The Year|Into The Wild With You|Over The Hill');
    assert.equal(value('{{ title "my-first post_x" }}', { titleCaseStyle: 'go' }), 'My-First Post_x');
    assert.equal(value('{{ title "leading vs managing in the age of ai" }}'), 'Leading vs Managing in the Age of Ai');
    assert.equal(value('{{ title "leading vs managing" }}', { titleCaseStyle: 'firstupper' }), 'Leading vs managing');
    assert.equal(value('{{ title "of mice and men" }}'), 'Of Mice and Men');
  });
});
