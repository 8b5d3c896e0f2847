/**
 * The Go template engine's lexer and parser (src/core/generators/hugo/template): each construct of
 * Go 1.20's text/template as hugo 0.111 parses it, and the syntax errors and unsupported
 * constructs that must throw EvalError with a line number. Expected outputs were printed by hugo.
 */
import * as assert from 'node:assert/strict';
import { EvalError, parseGoTemplate, renderShortcode, type ShortcodeCallInput } from '../../../src/core/generators/hugo/template';

const call: ShortcodeCallInput = {
  name: 'x',
  positional: ['a', 'b c'],
  page: { params: { title: 'P' }, title: 'P' },
  site: { params: {}, baseURL: 'https://example.org/' },
};

const render = (src: string, c: ShortcodeCallInput = call) => renderShortcode(parseGoTemplate(src), c);
const refuses = (src: string, message?: RegExp) => assert.throws(() => render(src), (e: unknown) => e instanceof EvalError && (!message || message.test(e.message)));

describe('Go template syntax (hugo/template lex and parse)', () => {
  it('text, actions, trim markers and comments', () => {
    assert.equal(render('a {{ "b" }} c'), 'a b c');
    assert.equal(render('a \n {{- "b" -}} \n c'), 'abc');
    assert.equal(render('a {{/* note */}} b'), 'a  b');
    assert.equal(render('a {{- /* note */ -}} b'), 'ab');
    assert.equal(render('x {{-3}}'), 'x -3', '`{{-3` is a number, not a trim marker');
    assert.equal(render('{{ printf\n  "%s-%s"\n  "a" "b" }}'), 'a-b', 'an action may span lines');
    refuses('{{ "multi\nline" }}', /unterminated quoted string/);
  });

  it('literals: Go escapes, raw strings, ints (decimal, hex, octal, underscores), floats, chars, booleans', () => {
    assert.equal(render('{{ "\\u00e9\\x41\\t|" }}{{ `raw\\n` }}'), 'éA\t|raw\\n');
    assert.equal(render(`{{ 'a' }}|{{ 0x1F }}|{{ -1 }}|{{ 1_000 }}|{{ 0o17 }}|{{ 017 }}|{{ 1e3 }}|{{ 1.0 }}|{{ 1e21 }}`), '97|31|-1|1000|15|15|1000|1|1e&#43;21');
    assert.equal(render('{{ true }}|{{ false }}'), 'true|false');
  });

  it('fields, variables, chains on variables and parenthesised pipelines', () => {
    assert.equal(render('{{ $m := dict "k" (dict "j" "v") }}{{ $m.k.j }}|{{ (dict "a" 1).a }}|{{ (index (slice (dict "N" 1)) 0).N }}'), 'v|1|1');
    assert.equal(render('{{ $.Name }}|{{ .Page.Title }}|{{ with "q" }}{{ $.Get 0 }}{{ . }}{{ end }}'), 'x|P|aq');
  });

  it('pipes pass the value as the last argument', () => {
    assert.equal(render('{{ "a" | printf "%s-%s" "b" }}|{{ 3 | add 1 }}|{{ "x" | len }}'), 'b-a|4|1');
  });

  it('if / else if / else, with / else, range / else with break and continue', () => {
    assert.equal(render('{{ if false }}a{{ else if 0 }}b{{ else }}c{{ end }}'), 'c');
    assert.equal(render('{{ with .Get 3 }}x{{ else }}e{{ end }}|{{ with .Get 1 }}[{{ . }}]{{ end }}'), 'e|[b c]');
    assert.equal(render('{{ range slice 1 2 3 4 }}{{ if eq . 2 }}{{ continue }}{{ end }}{{ if eq . 4 }}{{ break }}{{ end }}{{ . }}{{ end }}'), '13');
    assert.equal(render('{{ range (slice) }}x{{ else }}empty{{ end }}'), 'empty');
    assert.equal(render('{{ with 1 }}a{{ else if true }}b{{ end }}c{{ end }}'), 'a', 'Go 1.20: else if after with opens an if with its own end');
  });

  it('variables: declaration, assignment to the outer variable, scope ending at end', () => {
    assert.equal(render('{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ $y := 3 }}{{ end }}{{ $x }}'), '2');
    assert.equal(render('{{ $x := 1 }}{{ with 2 }}{{ $x := 3 }}{{ end }}{{ $x }}'), '1');
    assert.equal(render('{{ $x := 5 }}{{ range slice 1 2 }}{{ $x = . }}{{ end }}{{ $x }}'), '2');
    assert.equal(render('{{ range $i, $v := slice "x" "y" }}{{ $i }}={{ $v }},{{ end }}|{{ range $v := slice 7 }}{{ $v }}{{ end }}'), '0=x,1=y,|7');
    refuses('{{ if true }}{{ $y := 1 }}{{ end }}{{ $y }}', /line 1: undefined variable "\$y"/);
    refuses('{{ $z = 1 }}', /undefined variable/);
  });

  it('syntax errors carry the line number', () => {
    refuses('a\nb\n{{ if true }}x', /line 3: unexpected EOF/);
    refuses('x\n{{ end }}', /line 2: unexpected \{\{end\}\}/);
    refuses('{{ "unterminated }}', /line 1: unterminated quoted string/);
    refuses('{{ 1a }}', /bad number syntax/);
    refuses('{{ }}', /missing value for command/);
    refuses('{{ nil }}', /nil is not a command/);
    refuses('{{ /* space before the comment */ }}', /unexpected '\/'/);
    refuses('{{ break }}', /outside \{\{range\}\}/);
    refuses('{{ .A.B', /unclosed action/);
    refuses('{{ "a".b }}', /unexpected \. after term/);
  });

  it('constructs Go 1.20 or this engine does not have: else with, define, template, block, unknown functions', () => {
    refuses('{{ with 1 }}a{{ else with 2 }}b{{ end }}', /unexpected <with> in else/);
    refuses('{{ define "x" }}y{{ end }}', /define/);
    refuses('{{ template "x" . }}', /template/);
    refuses('{{ block "x" . }}y{{ end }}', /block/);
    refuses('{{ partial "x.html" . }}', /function "partial" is not supported/);
    refuses('{{ strings.TrimSpace " a " }}', /strings\.TrimSpace/);
    refuses('{{ now }}');
    refuses('{{ 1i }}');
  });
});
