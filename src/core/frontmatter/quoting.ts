/**
 * Writing a value back into front matter: when YAML needs quotes, and how each format escapes.
 */
import type { FrontMatterFormat } from './parse';

export type Quote = '"' | "'" | '';

/**
 * Whether a bare YAML scalar would read as something else (a number, a boolean, null, a comment,
 * an alias, a mapping) or, inside `[…]`, end early at a comma or bracket.
 */
export function yamlNeedsQuotes(value: string, inFlow: boolean): boolean {
  if (value === '' || value !== value.trim()) return true;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) && !/^-[^\s-]/.test(value)) return true;
  if (/: |:$| #|[\r\n\t]/.test(value)) return true;
  if (inFlow && /[,[\]{}]/.test(value)) return true;
  if (/^(true|false|yes|no|on|off|y|n|null|~)$/i.test(value)) return true;
  if (/^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$|^0x[0-9a-f]+$|^0o[0-7]+$|^[-+]?\.(inf|nan)$/i.test(value)) return true;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return true;
  return false;
}

/** The value written with `quote` (which the caller has checked is allowed for the format). */
export function quoteValue(value: string, quote: Quote, format: FrontMatterFormat): string {
  if (quote === '"') return JSON.stringify(value);
  if (quote === "'") return format === 'yaml' ? `'${value.replace(/'/g, "''")}'` : `'${value}'`;
  return value;
}

/**
 * The quote to write a new value with: the one the author already opened, else the site's habit,
 * else whatever the format requires (TOML and JSON strings are always quoted).
 */
export function chooseQuote(value: string, format: FrontMatterFormat, opened: Quote, habit: Quote, inFlow: boolean): Quote {
  if (format === 'json') return '"';
  if (format === 'toml') {
    const q = opened || habit || '"';
    // A TOML literal string cannot hold a single quote or a newline.
    return q === "'" && /['\r\n]/.test(value) ? '"' : q;
  }
  if (opened) return opened;
  if (habit) return habit;
  return yamlNeedsQuotes(value, inFlow) ? '"' : '';
}

export function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, '\\$&');
}
