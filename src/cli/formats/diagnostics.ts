/** The three output formats of `postcraft check` (text, json, sarif): a public contract. */
import { pathToFileURL } from 'node:url';
import type { PostcraftDiagnostic } from '../../core/diagnostics';
import type { SiteSummary } from '../../core/site/model';

export interface CheckReport {
  readonly site: SiteSummary & { readonly pages: number };
  readonly diagnostics: readonly PostcraftDiagnostic[];
}

export function toJson(report: CheckReport): string {
  return JSON.stringify(
    {
      site: { root: report.site.root, generator: report.site.generator, pages: report.site.pages },
      diagnostics: report.diagnostics.map((d) => ({
        file: d.file,
        line: d.start.line + 1,
        column: d.start.character + 1,
        endLine: d.end.line + 1,
        endColumn: d.end.character + 1,
        severity: d.severity,
        code: d.code,
        message: d.message,
        target: d.target ?? null,
      })),
    },
    null,
    2,
  );
}

export function summaryLine(diags: readonly PostcraftDiagnostic[], pages: number): string {
  const n = (s: string) => diags.filter((d) => d.severity === s).length;
  const plural = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  return `${plural(pages, 'page')} checked: ${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}, ${n('info')} info`;
}

export function toText(report: CheckReport, quiet: boolean): string {
  const lines = report.diagnostics
    .filter((d) => !quiet || d.severity === 'error')
    .map((d) => `${d.file}:${d.start.line + 1}:${d.start.character + 1}: ${d.severity} ${d.code} ${d.message}`);
  lines.push(summaryLine(report.diagnostics, report.site.pages));
  return lines.join('\n');
}

export function toSarif(report: CheckReport, version: string): string {
  const rules = [...new Set(report.diagnostics.map((d) => d.code))].sort();
  const level = (s: string) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  return JSON.stringify(
    {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: { driver: { name: 'postcraft', version, informationUri: 'https://example.invalid/postcraft', rules: rules.map((id) => ({ id, shortDescription: { text: id } })) } },
          originalUriBaseIds: { SITEROOT: { uri: pathToFileURL(report.site.root).href.replace(/\/?$/, '/') } },
          results: report.diagnostics.map((d) => ({
            ruleId: d.code,
            ruleIndex: rules.indexOf(d.code),
            level: level(d.severity),
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  // A URI reference: a file named `a b#1.md` is `a%20b%231.md`.
                  artifactLocation: { uri: d.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'SITEROOT' },
                  region: { startLine: d.start.line + 1, startColumn: d.start.character + 1, endLine: d.end.line + 1, endColumn: d.end.character + 1 },
                },
              },
            ],
          })),
        },
      ],
    },
    null,
    2,
  );
}
