import * as assert from 'node:assert/strict';
import { renderGoTemplate, titleCase, type TemplateContext } from '../../../src/core/generators/hugo/goTemplate';
import { datePrefix, dateStyleOf, formatDate } from '../../../src/core/newpost/dates';
import { formatGoLayout } from '../../../src/core/generators/hugo/goLayout';

// 2019-04-11T14:39:51-07:00, a Thursday.
const NOW = new Date('2019-04-11T21:39:51Z');
const ctx: TemplateContext = {
  data: {
    Name: 'leading-vs-managing',
    Title: 'Leading vs Managing',
    Date: '2019-04-11T14:39:51-07:00',
    Type: 'posts',
    Section: 'posts',
    Site: { Title: 'Notes from the Floor', Params: { author: 'rich' } },
    File: { ContentBaseName: 'my-first-post' },
  },
  now: NOW,
  offsetMinutes: -420,
};
const render = (src: string, c: TemplateContext = ctx) => renderGoTemplate(src, c);
const value = (src: string) => {
  const r = render(src);
  assert.deepEqual(r.warnings, [], `no warnings for ${src}`);
  return r.text;
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

  it('formats Go reference layouts', () => {
    assert.equal(formatGoLayout(NOW, -420, '2006-01-02T15:04:05-07:00'), '2019-04-11T14:39:51-07:00');
    assert.equal(formatGoLayout(NOW, -420, 'Jan 2, 2006'), 'Apr 11, 2019');
    assert.equal(formatGoLayout(NOW, -420, 'Monday, January 2 at 3:04 PM'), 'Thursday, April 11 at 2:39 PM');
    assert.equal(formatGoLayout(NOW, -420, '06/01/02 -0700'), '19/04/11 -0700');
  });
});

describe('New Post: archetype templates', () => {
  it('evaluates fields, nested fields and literals', () => {
    assert.equal(value('{{ .Name }}|{{ .Title }}|{{ .Date }}|{{ .Type }}|{{ .Section }}'), 'leading-vs-managing|Leading vs Managing|2019-04-11T14:39:51-07:00|posts|posts');
    assert.equal(value('{{ .Site.Title }} / {{ .File.ContentBaseName }} / {{ .Site.Params.author }}'), 'Notes from the Floor / my-first-post / rich');
    assert.equal(value('{{ "quoted" }} {{ `raw` }} {{ 42 }}'), 'quoted raw 42');
  });

  it('has replace, title, upper, lower, humanize, urlize, printf, default, trim', () => {
    assert.equal(value('{{ replace .Name "-" " " }}'), 'leading vs managing');
    assert.equal(value('{{ title "a tale of two cities" }}'), 'A Tale of Two Cities');
    assert.equal(value('{{ upper .Name }} {{ lower "MiXeD" }}'), 'LEADING-VS-MANAGING mixed');
    assert.equal(value('{{ humanize "my-first_post" }}'), 'My first post');
    assert.equal(value('{{ urlize "Hello World Again" }}'), 'hello-world-again');
    assert.equal(value('{{ printf "%s (%d)" .Title 3 }}'), 'Leading vs Managing (3)');
    assert.equal(value('{{ default "none" "" }}|{{ default "none" "x" }}'), 'none|x');
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
    assert.equal(value('{{ (now).Format "01/02" }}'), '04/11');
  });

  it('trims whitespace around {{- and -}} and drops comments', () => {
    assert.equal(value('a  \n {{- .Type -}} \n  b'), 'apostsb');
    assert.equal(value('a {{/* note to self */}}b'), 'a b');
    assert.equal(value('x\n{{- /* gone */ -}}\ny'), 'xy');
  });

  it('leaves what it cannot evaluate visible, with a warning naming it', () => {
    const r = render('title: "{{ .Nope }}"\n{{ if .Draft }}draft{{ end }}\n{{ $x := 1 }}\n{{ slugify .Name }}\n');
    assert.equal(r.text, 'title: "{{ .Nope }}"\n{{ if .Draft }}draft{{ end }}\n{{ $x := 1 }}\n{{ slugify .Name }}\n');
    assert.equal(r.warnings.length, 5);
    assert.match(r.warnings[0], /Line 1: \{\{ \.Nope \}\} .*unknown field \.Nope/);
    assert.match(r.warnings[1], /Line 2: \{\{ if \.Draft \}\}/);
    assert.match(r.warnings[4], /unknown function 'slugify'/);
  });

  it('warns on wrong argument counts and an unclosed action, keeping the text', () => {
    const r = render('{{ replace .Name "-" }} and {{ .Name');
    assert.equal(r.text, '{{ replace .Name "-" }} and {{ .Name');
    assert.match(r.warnings[0], /replace takes 3–4 arguments, got 2/);
    assert.match(r.warnings[1], /never closed/);
  });

  it('title case follows the configured style', () => {
    assert.equal(titleCase('leading vs managing in the age of ai', 'ap'), 'Leading vs Managing in the Age of Ai');
    assert.equal(titleCase('leading vs managing', 'go'), 'Leading Vs Managing');
    assert.equal(titleCase('leading vs managing', 'firstupper'), 'Leading vs managing');
    assert.equal(value('{{ title "of mice and men" }}'), 'Of Mice and Men');
  });
});
