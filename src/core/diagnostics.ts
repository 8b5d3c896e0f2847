/** Diagnostics as data: the CLI prints them, the extension shows them. Codes are a public contract. */
import type { Position } from './text';

export type Severity = 'error' | 'warning' | 'info';

export interface PostcraftDiagnostic {
  /** Site-relative posix path. */
  readonly file: string;
  /** 0-based positions (UTF-16 columns). */
  readonly start: Position;
  readonly end: Position;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
  /** The link destination as written, for link diagnostics. */
  readonly target?: string;
  /** What a quick fix needs (suggestions, replacement text). */
  readonly data?: Readonly<Record<string, unknown>>;
}

export function compareDiagnostics(a: PostcraftDiagnostic, b: PostcraftDiagnostic): number {
  return a.file.localeCompare(b.file) || a.start.line - b.start.line || a.start.character - b.start.character || a.code.localeCompare(b.code);
}
