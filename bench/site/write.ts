/** Puts a generated site on disk under the system temp folder, and takes it away again. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { GeneratedSite } from './generate';

export function writeSite(site: GeneratedSite, label: string): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `postcraft-bench-${label}-`));
  const made = new Set<string>();
  for (const [rel, content] of site.files) {
    const abs = path.join(root, rel);
    const dir = path.dirname(abs);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    fs.writeFileSync(abs, content);
  }
  return root;
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
