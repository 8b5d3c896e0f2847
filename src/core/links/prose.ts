/**
 * Whether brackets read as a reference link a writer meant (`[text][label]`), or as code.
 */

/**
 * Whether `[a][b]` at `rel` in `segment` reads as a reference link a writer meant: not brackets
 * attached to code-like text (`m[i][j]`, `$rows['a']['b']`, `[[wiki]]`) nor a label in quotes.
 */
export function looksLikeProse(segment: string, at: number): boolean {
  const before = at > 0 ? segment[at - 1] : ' ';
  if (/[\p{L}\p{N}_\])$'"`[]/u.test(before)) return false;
  const m = /^\[([^[\]]*)\]\[([^[\]]*)\]/.exec(segment.slice(at));
  if (!m) return false;
  const label = m[2] || m[1];
  // A numeric label is a reference (`[the guide][1]`) only when the text reads as words.
  return !/^\s*["'`]|["'`]\s*$/.test(label) && (!/^[\d\s.,:;+*/=<>-]*$/.test(label) || (m[2] !== '' && /\p{L}/u.test(m[1])));
}
