/**
 * VS Code's own link validation (npm vscode-markdown-languageservice), set up as VS Code does when
 * a user turns on `markdown.validate.enabled`: a workspace over the files on disk, markdown-it as
 * the parser and github-slugger ids, and the validation options VS Code passes. It is slow on
 * large sites, so it runs under a time cap and the total is extrapolated from the share done.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { slug } from 'github-slugger';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type * as mdls from 'vscode-markdown-languageservice';
import type { Finding } from '../accuracy';
import { now } from '../stats';
import { injectModule, runtimeRequire } from './moduleShim';
import { languageServerShim } from './languageServerShim';

export interface PeerResult {
  readonly ms: number;
  readonly documents: number;
  readonly checked: number;
  /** True when the cap stopped the run; `ms` is then extrapolated from `elapsedMs`. */
  readonly capped: boolean;
  readonly elapsedMs: number;
  /** CPU time of the part done (extrapolated like `ms` when capped). */
  readonly cpuMs: number;
  readonly findings: readonly Finding[];
}

type Mdls = typeof mdls;

function loadPeer(): Mdls {
  injectModule('vscode-languageserver', languageServerShim);
  // Loaded from node_modules at run time: bundling it would need the missing dependency at build time.
  return runtimeRequire('vscode-markdown-languageservice') as Mdls;
}

class PeerSlug {
  constructor(readonly value: string) {}
  equals(other: PeerSlug): boolean {
    return this.value === other.value;
  }
}

/** The files of a folder as VS Code's Markdown extension sees them: read on demand, then cached. */
class DiskWorkspace implements mdls.IWorkspace {
  private readonly docs = new Map<string, TextDocument>();
  private readonly none = () => ({ dispose() {} });
  readonly onDidChangeMarkdownDocument = this.none;
  readonly onDidCreateMarkdownDocument = this.none;
  readonly onDidDeleteMarkdownDocument = this.none;

  constructor(private readonly root: string) {}

  get workspaceFolders(): readonly URI[] {
    return [URI.file(this.root)];
  }

  async getAllMarkdownDocuments(): Promise<Iterable<TextDocument>> {
    const out: TextDocument[] = [];
    for (const f of markdownFiles(this.root)) {
      const d = await this.openMarkdownDocument(URI.file(f));
      if (d) out.push(d);
    }
    return out;
  }

  hasMarkdownDocument(resource: URI): boolean {
    return this.docs.has(resource.toString());
  }

  async openMarkdownDocument(resource: URI): Promise<TextDocument | undefined> {
    const key = resource.toString();
    const cached = this.docs.get(key);
    if (cached) return cached;
    if (!/\.md$/i.test(resource.fsPath)) return undefined;
    let text: string;
    try {
      text = fs.readFileSync(resource.fsPath, 'utf8');
    } catch {
      return undefined;
    }
    const doc = TextDocument.create(key, 'markdown', 1, text);
    this.docs.set(key, doc);
    return doc;
  }

  async stat(resource: URI): Promise<mdls.FileStat | undefined> {
    try {
      return { isDirectory: fs.statSync(resource.fsPath).isDirectory() };
    } catch {
      return undefined;
    }
  }

  async readDirectory(resource: URI): Promise<Iterable<readonly [string, mdls.FileStat]>> {
    return fs.readdirSync(resource.fsPath, { withFileTypes: true }).map((e) => [e.name, { isDirectory: e.isDirectory() }] as const);
  }
}

export function markdownFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.name.endsWith('.md')) out.push(abs);
    }
  };
  walk(root);
  return out;
}

function parser(): mdls.IMdParser {
  const md = MarkdownIt({ html: true });
  // VS Code's engine keeps the tokens of the last document it parsed; so does this.
  let last: { uri: string; version: number; tokens: mdls.Token[] } | undefined;
  return {
    slugifier: { fromHeading: (heading: string) => new PeerSlug(slug(heading)) } as unknown as mdls.ISlugifier,
    async tokenize(doc) {
      if (last && last.uri === doc.uri && last.version === doc.version) return last.tokens;
      const tokens = md.parse(doc.getText(), {}) as unknown as mdls.Token[];
      last = { uri: doc.uri, version: doc.version, tokens };
      return tokens;
    },
  };
}

/** Diagnostics for every Markdown file under `root`, stopping after `capMs`. */
export async function peerCheckSite(root: string, capMs: number): Promise<PeerResult> {
  const lib = loadPeer();
  const workspace = new DiskWorkspace(root);
  const ls = lib.createLanguageService({ workspace, parser: parser(), logger: { level: lib.LogLevel.Off, log() {} } });
  const warning = lib.DiagnosticLevel.warning;
  const options: mdls.DiagnosticOptions = {
    validateFileLinks: warning,
    validateReferences: warning,
    validateFragmentLinks: warning,
    validateMarkdownFileLinkFragments: warning,
    validateUnusedLinkDefinitions: lib.DiagnosticLevel.ignore,
    validateDuplicateLinkDefinitions: warning,
    ignoreLinks: [],
  };
  const token = new languageServerShim.CancellationTokenSource().token;
  const files = markdownFiles(root);
  const findings: Finding[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = now();
  let checked = 0;
  for (const f of files) {
    const doc = await workspace.openMarkdownDocument(URI.file(f));
    if (!doc) continue;
    const diags = await ls.computeDiagnostics(doc, options, token);
    const rel = path.relative(root, f).split(path.sep).join('/');
    for (const d of diags) findings.push({ file: rel, line: d.range.start.line, code: String(d.code ?? 'unknown'), message: typeof d.message === 'string' ? d.message : d.message.value });
    checked++;
    if (now() - t0 > capMs) break;
  }
  const elapsedMs = now() - t0;
  const cpu = process.cpuUsage(cpu0);
  ls.dispose();
  const capped = checked < files.length;
  const scale = capped ? files.length / checked : 1;
  return { ms: elapsedMs * scale, cpuMs: ((cpu.user + cpu.system) / 1000) * scale, documents: files.length, checked, capped, elapsedMs, findings };
}
