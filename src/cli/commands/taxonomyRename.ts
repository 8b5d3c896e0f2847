/**
 * `postcraft taxonomy rename TAXONOMY OLD NEW [SITE_DIR] [--dry-run] [--format text|json]`: one value
 * renamed (or merged into another) in every post's front matter, and its term folder moved.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatOption, parseArgs, UsageError } from '../args';
import { openSite, type CliIO } from '../context';
import type { TaxonomyRenamePlan } from '../../core/api';

export const taxonomyRenameHelp = `postcraft taxonomy rename TAXONOMY OLD NEW [SITE_DIR] [--dry-run] [--format text|json]
  Renames the value OLD of a taxonomy (tags, categories, series, authors …) to NEW in every post's
  front matter (YAML, TOML or JSON), changing only those values: quoting, list style and order stay;
  where a post already has NEW, OLD is removed. Hugo: content/<taxonomy>/<old>/ moves to <new>/.
  Prints every changed line. Exit 0: renamed; 1: OLD is not used (nothing to do); 2: usage error.
  json: {"taxonomy","from","to","dryRun","files":[{"file","lines":[{"line","before","after"}]}],
  "folders":[{"from","to"}],"notes":[]}.`;

function apply(root: string, plan: TaxonomyRenamePlan): void {
  const byFile = new Map<string, TaxonomyRenamePlan['edits']>();
  for (const e of plan.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  for (const [file, edits] of byFile) {
    const abs = path.join(root, file);
    let text = fs.readFileSync(abs, 'utf8');
    for (const e of [...edits].sort((a, b) => b.range.start - a.range.start)) text = text.slice(0, e.range.start) + e.newText + text.slice(e.range.end);
    fs.writeFileSync(abs, text);
  }
  for (const m of plan.folderMoves) fs.renameSync(path.join(root, m.from), path.join(root, m.to));
}

export async function taxonomyRenameCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['format'], flags: ['dry-run'] });
  const format = formatOption(args, ['text', 'json'], 'text');
  const [taxonomy, from, to, dir, ...extra] = args.positionals;
  if (to === undefined) throw new UsageError('usage: postcraft taxonomy rename TAXONOMY OLD NEW [SITE_DIR]');
  if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}'`);
  if (!from.trim() || !to.trim()) throw new UsageError('OLD and NEW must not be empty');
  const dryRun = args.options.has('dry-run');
  const { engine, site, close } = await openSite(io, dir);
  let plan: TaxonomyRenamePlan;
  try {
    // Files are read as they are on disk now (BOM and line endings kept: edits are offsets into them).
    const textOf = (file: string) => {
      try {
        return fs.readFileSync(path.join(site.root, file), 'utf8');
      } catch {
        return undefined;
      }
    };
    plan = engine.authoring.planTaxonomyRename(site, { taxonomy, from: [from], to }, textOf);
  } finally {
    close();
  }
  if (plan.problem) throw new UsageError(plan.problem);
  const field = plan.field!.field;
  if (plan.uses === 0) {
    io.err(`postcraft taxonomy rename: no post uses '${from}' in ${field}: nothing to rename\n`);
    return 1;
  }
  if (!dryRun) apply(site.root, plan);
  const files = [...new Set(plan.changes.map((c) => c.file))];
  if (format === 'json') {
    const out = {
      taxonomy: field,
      from,
      to,
      dryRun,
      files: files.map((file) => ({ file, lines: plan.changes.filter((c) => c.file === file).map((c) => ({ line: c.line, before: c.before, after: c.removed ? null : c.after })) })),
      folders: plan.folderMoves,
      notes: plan.notes,
    };
    io.out(JSON.stringify(out, null, 2) + '\n');
    return 0;
  }
  for (const c of plan.changes) io.out(`${c.file}:${c.line}: ${c.before.trim()}  →  ${c.removed ? '(line removed)' : c.after.trim()}\n`);
  for (const m of plan.folderMoves) io.out(`${m.from}/  →  ${m.to}/\n`);
  for (const n of plan.notes) io.out(`note: ${n}\n`);
  const verb = dryRun ? 'Would rename' : 'Renamed';
  io.out(`${verb} ${field} '${from}' to '${to}' in ${files.length} file${files.length === 1 ? '' : 's'}${plan.folderMoves.length ? ` and ${plan.folderMoves.length} folder${plan.folderMoves.length === 1 ? '' : 's'}` : ''}${dryRun ? ' (dry run: nothing written)' : ''}.\n`);
  return 0;
}
