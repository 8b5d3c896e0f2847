/**
 * Hugo's path sanitising (helpers/path.go in Hugo: UnicodeSanitize, MakePath, URLize), re-stated.
 * Letters, digits and marks are kept with `. / \ _ - # + ~`; white space becomes one hyphen (none
 * after a hyphen); anything else is dropped. `%XX` escapes survive.
 */

const ALLOWED = new Set(['.', '/', '\\', '_', '#', '+', '~', '-']);
const LETTER_DIGIT_MARK = /[\p{L}\p{N}\p{M}]/u;

function isHex(c: string | undefined): boolean {
  return !!c && /^[0-9a-fA-F]$/.test(c);
}

export function removeAccents(s: string): string {
  return s.normalize('NFD').replace(/\p{Mn}/gu, '').normalize('NFC');
}

// Only characters kept as they are, and nothing that makes a hyphen: the usual file and folder name.
const KEPT_AS_IS = /^[A-Za-z0-9._\/\\#+~-]*$/;

export function unicodeSanitize(s: string, removePathAccents = false): string {
  if (KEPT_AS_IS.test(s)) return s;
  const src = Array.from(removePathAccents ? removeAccents(s) : s);
  let out = '';
  let prependHyphen = false;
  let wasHyphen = false;
  for (let i = 0; i < src.length; i++) {
    const r = src[i];
    const allowed = ALLOWED.has(r) || LETTER_DIGIT_MARK.test(r) || (r === '%' && isHex(src[i + 1]) && isHex(src[i + 2]));
    if (allowed) {
      wasHyphen = r === '-';
      if (prependHyphen) {
        if (!wasHyphen) out += '-';
        prependHyphen = false;
      }
      out += r;
    } else if (out.length > 0 && !wasHyphen && /\s/u.test(r)) {
      // Only white space becomes a hyphen; other characters are dropped silently.
      prependHyphen = true;
    }
  }
  return out;
}

export interface PathOptions {
  readonly disablePathToLower: boolean;
  readonly removePathAccents: boolean;
}

/** MakePath: sanitise, and lower-case unless disablePathToLower. */
export function makePath(s: string, o: PathOptions): string {
  const p = unicodeSanitize(s, o.removePathAccents);
  return o.disablePathToLower ? p : p.toLowerCase();
}

/** MakePathSanitized: like MakePath but always lower-cased unless disablePathToLower. Used for terms. */
export function urlize(s: string, o: PathOptions): string {
  const p = makePath(s.trim(), o);
  // Hugo percent-encodes what is not URL-safe; our URLs are compared decoded, so keep it decoded.
  return p;
}
