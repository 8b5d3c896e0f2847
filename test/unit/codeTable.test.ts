/**
 * Diagnostic codes are a public contract: every code the engine can emit is in the README's code
 * table with the severity it defaults to, and the table names no code the engine does not have.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SEVERITY } from '../../src/core/links/problems';
import { FRONTMATTER_SEVERITY } from '../../src/core/frontmatter/severity';
import { SHORTCODE_SEVERITY } from '../../src/core/shortcodes/severity';

const README = fs.readFileSync(path.join(__dirname, '../../README.md'), 'utf8');

function tableRows(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const m of README.matchAll(/^\| `((?:link|ref|template|frontmatter|shortcode|include|theme)\.[a-z-]+)` \| (error|warning|info|hint)\b/gm)) rows.set(m[1], m[2]);
  return rows;
}

describe("README's code table", () => {
  const rows = tableRows();
  const codes: Record<string, string> = { ...DEFAULT_SEVERITY, ...FRONTMATTER_SEVERITY, ...SHORTCODE_SEVERITY };

  it('lists every link, front-matter and template-call code with its default severity', () => {
    for (const [code, severity] of Object.entries(codes)) assert.equal(rows.get(code), severity, `README row for ${code}`);
  });

  it('lists no code the engine does not have', () => {
    for (const code of rows.keys()) assert.ok(code in codes, `${code} is in the README but not in the engine`);
  });
});
