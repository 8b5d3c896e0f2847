/** Reading values out of parsed front matter: strings, lists, booleans, keys in any case (as Hugo reads them). */

/** String value of a front-matter field, or undefined. */
export function fmString(data: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const v = data[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** A list-valued field (`tags: [a, b]`, `tags: a`), as strings. */
export function fmList(data: Readonly<Record<string, unknown>>, key: string): string[] {
  const v = data[key];
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined && typeof x !== 'object').map(String);
  if (typeof v === 'string' && v.trim()) return [v];
  return [];
}

export function fmBool(data: Readonly<Record<string, unknown>>, key: string): boolean | undefined {
  const v = data[key];
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/**
 * Case-insensitive lookup: Hugo treats front-matter keys case-insensitively (`Title`, `DATE`). The
 * exact key, else the first key spelled that way. One pass over the keys, lower-casing only those
 * that are not lower-case ASCII already (most are): no table kept per front-matter object.
 */
export function fmGet(data: Readonly<Record<string, unknown>>, key: string): unknown {
  if (Object.prototype.hasOwnProperty.call(data, key)) return data[key];
  const lower = key.toLowerCase();
  for (const k in data) {
    if (!Object.prototype.hasOwnProperty.call(data, k)) continue;
    if (isLowerAscii(k) ? k === lower : k.toLowerCase() === lower) return data[k];
  }
  return undefined;
}

/**
 * fmGet for several lower-case names at once, in one pass over the keys: the page model asks for a
 * dozen mostly absent keys per page (publishDate, pubdate, expiryDate, …), and each miss had to rule
 * out other spellings. Same answers as fmGet: the exact key, else the first key spelled that way.
 */
export function fmPick(data: Readonly<Record<string, unknown>>, names: readonly string[]): unknown[] {
  const out: unknown[] = new Array<unknown>(names.length).fill(undefined);
  let exact = 0; // bit i: names[i] was found spelled exactly
  let loose = 0; // bit i: found in another spelling (first one kept)
  for (const k in data) {
    if (!Object.prototype.hasOwnProperty.call(data, k)) continue;
    const l = isLowerAscii(k) ? k : k.toLowerCase();
    const i = names.indexOf(l);
    if (i < 0) continue;
    const bit = 1 << i;
    if (l === k) {
      out[i] = data[k];
      exact |= bit;
    } else if (!(exact & bit) && !(loose & bit)) {
      out[i] = data[k];
      loose |= bit;
    }
  }
  return out;
}

function isLowerAscii(k: string): boolean {
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return false;
  }
  return true;
}

