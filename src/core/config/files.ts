/** Reading a site's files for its configuration: text, existence, the first of several names, listings. */
import { posix } from '../posix';
import type { FileSystemHost } from '../host';
import { decodeText } from '../host';

export async function readText(fs: FileSystemHost, path: string): Promise<string | undefined> {
  try {
    return decodeText(await fs.readFile(path)).text;
  } catch {
    return undefined;
  }
}

export async function isDirectory(fs: FileSystemHost, path: string): Promise<boolean> {
  try {
    return (await fs.stat(path))?.type === 'directory';
  } catch {
    return false;
  }
}

export async function isFile(fs: FileSystemHost, path: string): Promise<boolean> {
  try {
    const t = (await fs.stat(path))?.type;
    return t === 'file' || t === 'symlink';
  } catch {
    return false;
  }
}

/** The first of `names` that exists as a file in `dir`, as an absolute path. */
export async function firstFile(fs: FileSystemHost, dir: string, names: readonly string[]): Promise<string | undefined> {
  for (const n of names) if (await isFile(fs, posix.join(dir, n))) return posix.join(dir, n);
  return undefined;
}

/** Recursively lists files (site-relative to `root`) under `dir`, a few levels deep. */
export async function listFiles(fs: FileSystemHost, root: string, dir: string, depth = 6): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string, d: number): Promise<void> => {
    let entries;
    try {
      entries = await fs.readDirectory(posix.join(root, rel));
    } catch {
      return;
    }
    for (const e of entries) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.type === 'directory' && d < depth && e.name !== 'node_modules' && !e.name.startsWith('.')) await walk(child, d + 1);
      else if (e.type === 'file') out.push(child);
    }
  };
  await walk(dir, 0);
  return out.sort();
}
