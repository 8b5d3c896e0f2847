/**
 * The name to show for an author record, in the shapes sites write them: a top-level `name`
 * (`display_name`, `displayName`, `title`, `fullname` …), a nested table (`[name]` with `display`,
 * or `first`/`last`), or top-level first and last names. Completion, hover and the preview card show
 * it instead of the id ("Jane Doe", not `jdoe`).
 */
import { lowerKeys } from '../config/parse';

const WHOLE = ['name', 'display_name', 'displayname', 'display', 'fullname', 'full_name'];
const NESTED_WHOLE = ['display', 'display_name', 'displayname', 'full', 'fullname', 'full_name', 'name'];
const FIRST = ['first', 'first_name', 'firstname', 'given', 'given_name', 'givenname'];
const LAST = ['last', 'last_name', 'lastname', 'family', 'family_name', 'familyname', 'surname'];

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function firstOf(rec: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const t = text(rec[k]);
    if (t) return t;
  }
  return undefined;
}

/** `first last` from a record's first- and last-name fields, when it has either. */
function joined(rec: Record<string, unknown>): string | undefined {
  const parts = [firstOf(rec, FIRST), firstOf(rec, LAST)].filter((p): p is string => !!p);
  return parts.length ? parts.join(' ') : undefined;
}

const asRecord = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (lowerKeys(v as Record<string, unknown>) as Record<string, unknown>) : undefined);

export function authorDisplayName(record: Readonly<Record<string, unknown>>): string | undefined {
  const rec = asRecord(record);
  if (!rec) return undefined;
  const whole = firstOf(rec, WHOLE);
  if (whole) return whole;
  // `[name]` / `name: {display: …}` / `name: {first: …, last: …}`
  const nested = asRecord(rec['name']);
  const inner = nested ? (firstOf(nested, NESTED_WHOLE) ?? joined(nested)) : undefined;
  // `title` last: in a record that also has names it is more often a job title.
  return inner ?? joined(rec) ?? text(rec['title']);
}
