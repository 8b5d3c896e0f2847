/** The file-system host over Node's fs: used by the CLI, the Node extension host and tests. */
import * as fs from 'node:fs';
import type { FileEntry, FileSystemHost, FileType } from '../core/host';
import { readFilesOnWorker } from './parallelRead';

function typeOf(d: fs.Dirent | fs.Stats): FileType {
  if (d.isSymbolicLink()) return 'symlink';
  if (d.isDirectory()) return 'directory';
  if (d.isFile()) return 'file';
  return 'other';
}

export const nodeFileSystem: FileSystemHost = {
  async readFile(path) {
    return fs.promises.readFile(path);
  },
  readFileSync(path) {
    return fs.readFileSync(path);
  },
  async readDirectory(path): Promise<FileEntry[]> {
    const entries = await fs.promises.readdir(path, { withFileTypes: true });
    return entries.map((e) => ({ name: e.name, type: typeOf(e) }));
  },
  readDirectorySync(path): FileEntry[] {
    return fs.readdirSync(path, { withFileTypes: true }).map((e) => ({ name: e.name, type: typeOf(e) }));
  },
  async stat(path) {
    try {
      const s = await fs.promises.stat(path);
      return { type: typeOf(s), size: s.size, mtimeMs: s.mtimeMs };
    } catch {
      return undefined;
    }
  },
  async realpath(path) {
    return fs.promises.realpath(path);
  },
  readFilesInOrder(paths, options) {
    return readFilesOnWorker(paths, options?.headOnly);
  },
  realpathSync(path) {
    return fs.realpathSync.native(path);
  },
};
