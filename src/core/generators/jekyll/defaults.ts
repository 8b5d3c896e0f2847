/**
 * Front-matter defaults from `_config.yml` as Jekyll 4.3 applies them (FrontmatterDefaults): a scope
 * path is a plain string prefix of the file's relative path (or a glob), a longer scope path wins,
 * at equal length a scope with a type wins, and otherwise the later set wins.
 */
import type { FrontMatterDefault } from './config';

/** Dir.glob semantics for a scope path with `*`: `*` stays within a folder, `**` crosses folders. */
function globRegExp(glob: string): RegExp {
  const r = glob
    .split('**')
    .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]'))
    .join('.*');
  return new RegExp('^' + r + '$');
}

interface Scope {
  readonly path: string;
  readonly type?: string;
  readonly glob?: RegExp;
  readonly values: Readonly<Record<string, unknown>>;
}

/** FrontmatterDefaults#update_deprecated_types. */
function scopeType(t: string | undefined): string | undefined {
  return t === 'page' ? 'pages' : t === 'post' ? 'posts' : t === 'draft' ? 'drafts' : t;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** Utils.deep_merge_hashes: nested maps merge, anything else is replaced (a nil keeps the old value). */
function deepMerge(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    if (v === null || v === undefined) continue;
    const old = out[k];
    out[k] = isRecord(old) && isRecord(v) ? deepMerge(old, v) : v;
  }
  return out;
}

export interface DefaultsLookup {
  /** FrontmatterDefaults#all: every applicable value, merged by precedence. */
  all(path: string, type: string): Record<string, unknown>;
  /** FrontmatterDefaults#find: the value of one key (what a page's `data[key]` falls back to). */
  find(path: string, type: string, key: string): unknown;
}

export function createDefaults(defaults: readonly FrontMatterDefault[], collectionsDir: string): DefaultsLookup {
  const strip = (p: string) => (collectionsDir && p.startsWith(collectionsDir + '/') ? p.slice(collectionsDir.length + 1) : p);
  const scopes: Scope[] = defaults.map((d) => {
    const path = d.path.replace(/^\/+/, '');
    return { path, type: scopeType(d.type), glob: path.includes('*') ? globRegExp(strip(path)) : undefined, values: d.values };
  });

  function applies(s: Scope, path: string, type: string): boolean {
    if (s.type !== undefined && s.type !== type) return false;
    if (!s.path) return true;
    if (s.glob) {
      const segs = path.split('/');
      for (let i = 1; i <= segs.length; i++) if (s.glob.test(segs.slice(0, i).join('/'))) return true;
      return false;
    }
    return path.startsWith(strip(s.path));
  }

  function hasPrecedence(old: Scope | undefined, next: Scope): boolean {
    if (!old) return true;
    if (next.path.length !== old.path.length) return next.path.length >= old.path.length;
    return next.type !== undefined || old.type === undefined;
  }

  return {
    all(path, type) {
      let out: Record<string, unknown> = {};
      let old: Scope | undefined;
      for (const s of scopes) {
        if (!applies(s, path, type)) continue;
        if (hasPrecedence(old, s)) {
          out = deepMerge(out, s.values);
          old = s;
        } else out = deepMerge(s.values, out);
      }
      return out;
    },
    find(path, type, key) {
      let value: unknown;
      let old: Scope | undefined;
      for (const s of scopes) {
        if (!applies(s, path, type) || !(key in s.values) || !hasPrecedence(old, s)) continue;
        value = s.values[key];
        old = s;
      }
      return value;
    },
  };
}
