/**
 * Front matter the fast path (yamlFast.ts) leaves to the `yaml` library: values with source ranges,
 * errors at the place the author must look, and — where `yaml` is stricter than the YAML readers
 * Hugo and Jekyll use — the reading those generators make (yamlLenient.ts).
 */
import { parseDocument, isMap, isScalar, isSeq, visit, type Document, type Node as YamlNode } from 'yaml';
import type { TextRange } from '../text';
import type { FrontMatterError, FrontMatterField, Parsed } from './parse';
import { shapeOf, type ValueShape } from './shape';
import { relaxYaml } from './yamlLenient';

const NO_ERRORS: readonly FrontMatterError[] = Object.freeze([]);

const YAML_OPTIONS = { uniqueKeys: false, strict: false, prettyErrors: false } as const;

/** The full YAML parse (exported for the test that holds the fast path to the same answers). */
export function parseYamlWithLibrary(source: string, base: number): Parsed {
  let doc: Document.Parsed;
  try {
    doc = parseDocument(source, YAML_OPTIONS);
  } catch (e) {
    return { data: {}, fields: [], errors: [{ code: 'frontmatter.syntax', message: `YAML: ${(e as Error).message}`, range: { start: base, end: base } }] };
  }
  if (doc.errors.length) {
    // What Hugo's and Jekyll's YAML readers accept and `yaml` does not: read it as they do.
    const lenient = parseLenient(source);
    if (lenient) return fromDocument(lenient, base, []);
  }
  return fromDocument(doc, base, syntaxErrors(doc, base));
}

/** The document as Go's YAML and libyaml read it, when `yaml` rejects it only for their leniencies. */
function parseLenient(source: string): Document.Parsed | undefined {
  const relaxed = relaxYaml(source);
  if (!relaxed) return undefined;
  let doc: Document.Parsed;
  try {
    doc = parseDocument(relaxed.text, YAML_OPTIONS);
  } catch {
    return undefined;
  }
  if (doc.errors.length) return undefined;
  visit(doc, {
    Scalar(_key, node) {
      const value = node.range ? relaxed.scalars.get(node.range[0]) : undefined;
      if (value !== undefined) node.value = value;
    },
  });
  return doc;
}

function syntaxErrors(doc: Document.Parsed, base: number): FrontMatterError[] {
  const all: FrontMatterError[] = doc.errors.map((e) => {
    // `yaml` reports a missing closing quote or `]` where it gave up (often the end of the block);
    // the author needs the place it was opened.
    const opened = e.code === 'MISSING_CHAR' || (e.code === 'BAD_INDENT' && /end with/.test(e.message)) ? unclosedNodeStart(doc, e.pos[0]) : undefined;
    return {
      code: 'frontmatter.syntax' as const,
      message: `YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      range: opened !== undefined ? { start: base + opened, end: base + opened + 1 } : { start: base + e.pos[0], end: base + Math.max(e.pos[1], e.pos[0]) },
    };
  });
  // One unclosed `[` makes `yaml` report a missing quote and an unended flow sequence at the same
  // place: the first message says it; two squiggles there say nothing more.
  return all.filter((e, i) => !all.slice(0, i).some((p) => p.range.start === e.range.start && p.range.end === e.range.end));
}

function jsOf(node: YamlNode | null): unknown {
  try {
    return node && 'toJSON' in node ? (node as { toJSON(): unknown }).toJSON() : null;
  } catch {
    return null;
  }
}

function fromDocument(doc: Document.Parsed, base: number, errors: FrontMatterError[]): Parsed {
  const fields: FrontMatterField[] = [];
  const seen = new Map<string, { range: TextRange; value: YamlNode | null }>();
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      const k = item.key as YamlNode | null;
      if (!k || !isScalar(k) || !k.range) continue;
      const key = String(k.value);
      const keyRange = { start: base + k.range[0], end: base + k.range[1] };
      const v = item.value as YamlNode | null;
      const valueRange = v && v.range ? { start: base + v.range[0], end: base + v.range[1] } : { start: keyRange.end + 1, end: keyRange.end + 1 };
      const earlier = seen.get(key);
      if (earlier) {
        // Hugo and Jekyll keep the last value and build [verified]: the squiggle goes on the one ignored.
        const same = JSON.stringify(jsOf(earlier.value)) === JSON.stringify(jsOf(v));
        const message = same
          ? `Duplicate key '${key}': written again below with the same value (the generator keeps the last one).`
          : `Duplicate key '${key}': the generator keeps the value written last and ignores this one.`;
        errors.push({ code: 'frontmatter.duplicate-key', message, range: earlier.range });
      }
      seen.set(key, { range: keyRange, value: v });
      fields.push({ key, keyRange, valueRange, shape: yamlShape(v) });
    }
  } else if (doc.contents && (isSeq(doc.contents) || (isScalar(doc.contents) && doc.contents.value !== null))) {
    const r = doc.contents.range ?? [0, 0];
    errors.push({ code: 'frontmatter.syntax', message: 'Front matter must be a mapping of keys to values.', range: { start: base + r[0], end: base + r[1] } });
  }
  let data: Record<string, unknown> = {};
  try {
    const js = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (js && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
  } catch (e) {
    errors.push({ code: 'frontmatter.syntax', message: `YAML: ${(e as Error).message}`, range: { start: base, end: base } });
  }
  return { data, fields, errors: errors.length ? errors : NO_ERRORS };
}

/** Start of the last quoted scalar or flow collection that is still open at `pos`. */
function unclosedNodeStart(doc: Document.Parsed, pos: number): number | undefined {
  let found: number | undefined;
  visit(doc, (_key, node) => {
    // `yaml` visits a pair's missing key or value as null (`---\n:\n`).
    const r = (node as { range?: [number, number, number] } | null)?.range;
    if (!r || r[0] >= pos || r[1] < pos) return;
    if ((isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) || ((isSeq(node) || isMap(node)) && node.flow)) found = r[0];
  });
  return found;
}

function yamlQuote(n: unknown): '"' | "'" | '' {
  if (!isScalar(n)) return '';
  return n.type === 'QUOTE_DOUBLE' ? '"' : n.type === 'QUOTE_SINGLE' ? "'" : '';
}

function yamlShape(v: YamlNode | null): ValueShape {
  if (!v || (isScalar(v) && v.value === null && !v.source)) return shapeOf('empty', false, '');
  if (isSeq(v)) return shapeOf('list', !!v.flow, yamlQuote(v.items.find((i) => isScalar(i) && typeof i.value === 'string')));
  if (isMap(v)) return shapeOf('map', !!v.flow, '');
  return shapeOf('scalar', false, yamlQuote(v));
}
