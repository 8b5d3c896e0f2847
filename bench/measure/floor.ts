/**
 * The floor a whole-site check can approach: reading every post, and reading plus one markdown-it
 * parse with the engine's own parser instance, nothing else.
 */
import * as fs from 'node:fs';
import { analysisParser } from '../../src/core/markdown/parser';
import { sample, type Sample } from '../stats';

export async function readOnly(files: readonly string[], reps: number): Promise<Sample[]> {
  return sample(reps, () => {
    let bytes = 0;
    for (const f of files) bytes += fs.readFileSync(f).length;
    return bytes;
  });
}

export async function readAndParse(files: readonly string[], reps: number): Promise<Sample[]> {
  const md = analysisParser();
  return sample(reps, () => {
    let tokens = 0;
    for (const f of files) tokens += md.parse(fs.readFileSync(f, 'utf8'), {}).length;
    return tokens;
  });
}
