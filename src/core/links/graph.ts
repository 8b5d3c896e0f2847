/**
 * The reverse link map: for each dependency key (`file:<path>`, `url:<path without trailing
 * slash>`, `ref:<base name>`), the documents whose links depend on it. Updated per document check,
 * so creating, deleting or renaming a post re-checks exactly the documents that link to it.
 */
export class LinkGraph {
  private readonly forward = new Map<string, readonly string[]>();
  private readonly reverse = new Map<string, Set<string>>();

  /** Replaces what `file` depends on. */
  set(file: string, keys: readonly string[]): void {
    const before = this.forward.get(file);
    // A re-check usually finds the same links: nothing to move.
    if (before && before.length === keys.length && before.every((k, i) => k === keys[i])) return;
    for (const k of before ?? []) {
      const s = this.reverse.get(k);
      s?.delete(file);
      if (s && s.size === 0) this.reverse.delete(k);
    }
    if (keys.length === 0) {
      this.forward.delete(file);
      return;
    }
    this.forward.set(file, keys);
    for (const k of keys) {
      let s = this.reverse.get(k);
      if (!s) this.reverse.set(k, (s = new Set()));
      s.add(file);
    }
  }

  forget(file: string): void {
    this.set(file, []);
  }

  /** Documents depending on any of the keys; a `file:` key also matches files below it (folders). */
  dependents(keys: readonly string[]): Set<string> {
    const out = new Set<string>();
    for (const k of keys) {
      for (const f of this.reverse.get(k) ?? []) out.add(f);
      if (k.startsWith('file:')) {
        const prefix = k + '/';
        for (const [rk, files] of this.reverse) if (rk.startsWith(prefix)) for (const f of files) out.add(f);
      }
    }
    return out;
  }

  dependenciesOf(file: string): readonly string[] {
    return this.forward.get(file) ?? [];
  }
}

/** The keys a content file stands for once it exists: its path, its URLs, its ref name. */
export function keysForFile(file: string, urls: readonly string[]): string[] {
  const keys = ['file:' + file];
  for (const u of urls) keys.push('url:' + (u.length > 1 ? u.replace(/\/+$/, '') : u));
  const name = file
    .toLowerCase()
    .replace(/\/(_?index)(\.[a-z-]+)?\.[^./]+$/, '')
    .replace(/\.[^./]+$/, '')
    .split('/')
    .pop();
  if (name) keys.push('ref:' + name);
  return keys;
}
