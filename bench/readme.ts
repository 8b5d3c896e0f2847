/**
 * The README's performance table is bench/results.md as the benchmark wrote it, between
 * `<!-- bench:begin -->` and `<!-- bench:end -->`: only a script writes it (test/unit/readme-figures
 * fails when it differs from what bench/results.json gives).
 */
import * as fs from 'node:fs';

export function blockPattern(name: string): RegExp {
  return new RegExp(`(<!-- ${name}:begin -->\\n)([\\s\\S]*?)(\\n?<!-- ${name}:end -->)`);
}

/** The text between the markers of block `name`, or undefined when the README has no such block. */
export function readBlock(text: string, name: string): string | undefined {
  const m = blockPattern(name).exec(text);
  return m ? m[2] : undefined;
}

export function replaceBlock(text: string, name: string, content: string): string {
  const re = blockPattern(name);
  if (!re.test(text)) throw new Error(`README.md has no <!-- ${name}:begin --> … <!-- ${name}:end --> block`);
  return text.replace(re, (_m, a: string, _b: string, c: string) => `${a}${content.replace(/\n$/, '')}\n${c.replace(/^\n/, '')}`);
}

export function replaceReadmeBlock(file: string, md: string, name = 'bench'): void {
  fs.writeFileSync(file, replaceBlock(fs.readFileSync(file, 'utf8'), name, md));
}
