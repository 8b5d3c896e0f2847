/**
 * Taxonomy values that are one value spelled several ways: `JavaScript`/`Javascript`,
 * `tech debt`/`tech-debt`/`tech_debt`, `team`/`teams`. Each spelling makes its own term page (or,
 * where the generator's URL rules happen to merge them, one page with an inconsistent name), so the
 * check points the rarer spellings at the dominant one.
 */
export interface Spelling {
  readonly value: string;
  readonly count: number;
}

export interface DuplicateGroup {
  /** The comparison key all spellings share. */
  readonly key: string;
  /** Most used first; the first is the dominant spelling. */
  readonly spellings: readonly Spelling[];
  readonly dominant: string;
}

/** Singular of the last word, for the plural forms taxonomy values take (`teams`, `stories`, `processes`). */
function singular(word: string): string {
  if (word.length <= 3) return word;
  if (/ies$/.test(word)) return word.slice(0, -3) + 'y';
  if (/(ss|us|is)$/.test(word)) return word;
  if (/(xes|ches|shes|sses|zzes)$/.test(word)) return word.slice(0, -2);
  if (/s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Case, spaces, hyphens, underscores and dots ignored; the last word made singular. */
export function nearDuplicateKey(value: string): string {
  const words = value
    .normalize('NFKC')
    .toLowerCase()
    .split(/[\s_\-.]+/)
    .filter(Boolean);
  if (words.length === 0) return '';
  words[words.length - 1] = singular(words[words.length - 1]);
  return words.join('');
}

/**
 * Groups of two or more spellings. The dominant spelling is the most used; on a tie, the one
 * already in URL form (lower-case, hyphenated), then the alphabetically first — so the choice
 * never depends on file order.
 */
export function nearDuplicateGroups(values: Iterable<Spelling>): DuplicateGroup[] {
  const byKey = new Map<string, Spelling[]>();
  for (const v of values) {
    const k = nearDuplicateKey(v.value);
    if (!k) continue;
    const list = byKey.get(k);
    if (list) list.push(v);
    else byKey.set(k, [v]);
  }
  const urlForm = (s: string) => (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(s) ? 0 : 1);
  const out: DuplicateGroup[] = [];
  for (const [key, list] of byKey) {
    if (list.length < 2) continue;
    const spellings = [...list].sort((a, b) => b.count - a.count || urlForm(a.value) - urlForm(b.value) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
    out.push({ key, spellings, dominant: spellings[0].value });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : 1));
}
