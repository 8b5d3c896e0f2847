/**
 * Archetypes against the real `hugo new`: a scratch site (in a temp folder) with an archetype using
 * if/else, with, range with variables, assignments, trim markers, site params of any case, a
 * missing param and text that html/template would escape; hugo creates two posts from it, and the
 * archetype renderer New Post uses must write exactly the same files (given the `.Date` hugo wrote).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { findArchetype, renderArchetype } from '../../src/core/generators/hugo/archetype';
import { loadHugoConfig } from '../../src/core/generators/hugo/config';
import { nodeFileSystem } from '../../src/node/nodeFs';
import { requireHugo } from './helpers/hugo';

const CONFIG = `baseURL = "https://example.org/"
title = "Notes & <Floor>"
[params]
author = "rich"
toc = true
Tags = ["a", "b"]
[params.Social]
twitter = "x"
`;

const ARCHETYPE = `---
title: "{{ replace .File.ContentBaseName "-" " " | title }}"
date: {{ .Date }}
draft: true
{{- with .Site.Params.author }}
author: {{ . }}
{{- end }}
{{- if .Site.Params.toc }}
toc: true
{{- else }}
toc: false
{{- end }}
{{- with .Site.Params.editor }}
editor: {{ . }}
{{- end }}
tags:
{{- range $i, $t := .Site.Params.tags }}
  - {{ $t }}{{ if eq $i 0 }} # first{{ end }}
{{- end }}
{{- $kind := "note" }}
{{- if eq .Section "posts" }}{{ $kind = "article" }}{{ end }}
kind: {{ $kind }}
missing: {{ .Site.Params.editor }}
social: {{ range $k, $v := .Site.Params.social }}{{ $k }}={{ $v }}{{ end }}
site: {{ .Site.Title }} {{ "<b>" }} {{ .Site.Language.Lang }} {{ .Type }}
file: {{ .Name }} {{ .File.Path }} {{ .File.Dir }} {{ .File.LogicalName }}
---
`;

describe('New Post archetypes render as `hugo new` writes them', function () {
  before(function () {
    requireHugo(this);
  });

  it('blocks, variables, params and unescaped text: the same file for two sections', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'postcraft-hugo-new-'));
    try {
      fs.writeFileSync(path.join(dir, 'hugo.toml'), CONFIG);
      fs.mkdirSync(path.join(dir, 'archetypes'));
      fs.mkdirSync(path.join(dir, 'content'));
      fs.writeFileSync(path.join(dir, 'archetypes', 'default.md'), ARCHETYPE);
      const { config } = await loadHugoConfig(nodeFileSystem, dir);
      for (const [section, name] of [['posts', 'my-first-post'], ['notes', 'a-b-c']]) {
        const contentPath = `${section}/${name}.md`;
        execFileSync('hugo', ['new', contentPath, '--cacheDir', path.join(dir, '.cache')], { cwd: dir, env: { ...process.env, TZ: 'America/Denver' }, stdio: 'pipe' });
        const hugo = fs.readFileSync(path.join(dir, 'content', contentPath), 'utf8');
        const date = /^date: (.*)$/m.exec(hugo)![1];
        const archetype = await findArchetype(nodeFileSystem, dir, config, section, undefined);
        assert.equal(archetype?.source, 'archetypes/default.md');
        const ours = renderArchetype(archetype!, { config, title: 'Typed', name, section, contentPath, date, now: new Date(), offsetMinutes: -420 });
        assert.deepEqual(ours.warnings, []);
        assert.equal(ours.files[0].content, hugo, contentPath);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
