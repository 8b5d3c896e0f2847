/**
 * Archetypes, as `hugo new` runs them: as text templates (nothing is escaped; a missing map key
 * prints `<no value>`), with the archetype's data as the dot (`.Name`, `.Date`, `.Type`,
 * `.Section`, `.File.*`, `.Site.*`) and `now` at the author's clock and offset. Postcraft adds
 * `.Title` (the title typed in New Post) and `.Kind`, which hugo 0.111's archetype data lacks.
 *
 * Where hugo stops with an error, New Post still writes the post: a visible `{{ … }}` the author
 * can fix beats a value that silently vanished, or no post at all. So the whole template is run
 * first; if anything in it cannot be evaluated, it is run again part by part: each top-level action
 * and each top-level block (from its `if`/`with`/`range` to its `end`) is evaluated on its own, in
 * order, with the variables the parts before it declared; a part that fails is written exactly as
 * it is in the archetype (nothing it printed is kept) and named in a warning with its line.
 */
import { Executor } from './exec';
import { FUNCTIONS, isFunction } from './functions';
import { lexTemplateLoose, type BadItem, type Item } from './lex';
import { parseItems, parseTemplate } from './parse';
import { SiteObject } from './shortcode';
import { EvalError, type GoObject, type Value } from './values';

export interface ArchetypeTemplateInput {
  readonly name: string;
  readonly title: string;
  /** `.Date`: the creation time as an RFC 3339 string (hugo's archetype data holds a string). */
  readonly date: string;
  readonly type: string;
  readonly section: string;
  readonly kind: string;
  readonly file: {
    readonly contentBaseName: string;
    readonly baseFileName: string;
    readonly logicalName: string;
    readonly translationBaseName: string;
    readonly ext: string;
    readonly path: string;
    readonly dir: string;
  };
  readonly site: {
    readonly title: string;
    readonly baseURL: string;
    readonly params: Readonly<Record<string, unknown>>;
    readonly lang: string;
  };
  readonly now: Date;
  readonly offsetMinutes: number;
  /** The site's `titleCaseStyle` as written; undefined: AP, Hugo's default. */
  readonly titleCaseStyle?: string;
}

export interface ArchetypeRenderResult {
  readonly text: string;
  readonly warnings: readonly string[];
}

function unknownMember(type: string, name: string): never {
  throw new EvalError(`can't evaluate field ${name} in type ${type}`);
}

class FieldsObject implements GoObject {
  constructor(
    readonly goType: string,
    private readonly fields: Readonly<Record<string, Value>>,
  ) {}

  member(name: string, args: readonly Value[]): Value {
    if (!Object.prototype.hasOwnProperty.call(this.fields, name)) return unknownMember(this.goType, name);
    if (args.length) throw new EvalError(`${name} is not a method but has arguments`);
    return this.fields[name];
  }
}

/** The site as an archetype sees it: the shortcode engine's site, with `.Language.Lang`. */
class ArchetypeSite implements GoObject {
  readonly goType = 'page.Site';
  // Made on first use: reading the params may fail (keys that collide), and only for the part using them.
  private site: SiteObject | undefined;

  constructor(private readonly input: ArchetypeTemplateInput['site']) {}

  member(name: string, args: readonly Value[]): Value {
    if (name === 'Language' && !args.length) return new FieldsObject('*langs.Language', { Lang: this.input.lang });
    this.site ??= new SiteObject({ params: this.input.params, baseURL: this.input.baseURL, title: this.input.title });
    return this.site.member(name, args);
  }
}

function archetypeData(input: ArchetypeTemplateInput, site: GoObject): GoObject {
  const f = input.file;
  return new FieldsObject('*hugolib.archetypeFileData', {
    Name: input.name,
    Title: input.title,
    Date: input.date,
    Type: input.type,
    Section: input.section,
    Kind: input.kind,
    File: new FieldsObject('source.File', {
      ContentBaseName: f.contentBaseName,
      BaseFileName: f.baseFileName,
      LogicalName: f.logicalName,
      TranslationBaseName: f.translationBaseName,
      Ext: f.ext,
      Path: f.path,
      Dir: f.dir,
    }),
    Site: site,
  });
}

const MAX_STEPS = 100_000;
const MAX_OUTPUT = 1_000_000;

/** An EvalError as it is, anything else (a stack overflow on pathological input) as one. */
function evalError(e: unknown): EvalError {
  if (e instanceof EvalError) return e;
  return new EvalError(`template evaluation failed: ${e instanceof Error ? e.message : String(e)}`);
}

/** The reason for a warning: the line is named there already. */
const reason = (e: EvalError) => e.message.replace(/^template: line \d+: /, '');

type Loose = Item | BadItem;

/** The words that open a block closed by `{{ end }}`; a bad action is judged by its text. */
function blockWord(item: Loose, source: string): string | undefined {
  if (item.k === 'text') return undefined;
  if (item.k === 'action') {
    const t = item.tokens[0];
    return t?.t === 'keyword' ? t.name : undefined;
  }
  return /^\{\{-?\s*([a-z]+)/.exec(source.slice(item.start, item.end))?.[1];
}

const OPENS = new Set(['if', 'with', 'range', 'define', 'block']);

/** The index of the item ending the top-level part that starts at `i`: its block's `end`, else itself. */
function partEnd(items: readonly Loose[], i: number, source: string): number {
  if (!OPENS.has(blockWord(items[i], source) ?? '')) return i;
  let depth = 0;
  for (let j = i; j < items.length; j++) {
    const w = blockWord(items[j], source);
    if (w && OPENS.has(w)) depth++;
    else if (w === 'end' && --depth === 0) return j;
  }
  // Never closed: only the opening action fails, and what follows it is evaluated.
  return i;
}

function partByPart(source: string, root: Value, ex: Executor): ArchetypeRenderResult {
  const items = lexTemplateLoose(source);
  const warnings: string[] = [];
  let vars: readonly string[] = ['$'];
  for (let i = 0; i < items.length; ) {
    const first = items[i];
    if (first.k === 'text') {
      ex.writeText(first.s);
      i++;
      continue;
    }
    const end = partEnd(items, i, source);
    const part = items.slice(i, end + 1);
    try {
      const bad = part.find((p): p is BadItem => p.k === 'bad');
      if (bad) throw new EvalError(bad.message);
      const parsed = parseItems(part as Item[], isFunction, vars);
      ex.runPart(parsed.nodes, root);
      vars = parsed.vars;
    } catch (e) {
      const last = items[end] as Exclude<Loose, { k: 'text' }>;
      ex.writeText(source.slice(first.start, last.end));
      const opening = source.slice(first.start, first.end).trimEnd();
      const quoted = end === i ? opening : `${opening} … ${source.slice(last.start, last.end)}`;
      warnings.push(`Line ${first.line}: ${quoted} was left as written (${reason(evalError(e))}).`);
    }
    i = end + 1;
  }
  return { text: ex.result(), warnings };
}

/** Renders an archetype as `hugo new` would; what cannot be evaluated is left as written, with a warning. */
export function renderArchetypeTemplate(source: string, input: ArchetypeTemplateInput): ArchetypeRenderResult {
  const site = new ArchetypeSite(input.site);
  const root = archetypeData(input, site);
  const executor = () =>
    new Executor({
      functions: FUNCTIONS,
      env: { site, baseURL: input.site.baseURL, clock: { now: input.now, offsetMinutes: input.offsetMinutes }, titleCaseStyle: input.titleCaseStyle },
      maxSteps: MAX_STEPS,
      maxOutput: MAX_OUTPUT,
      escape: 'none',
    });
  try {
    return { text: executor().run(parseTemplate(source, isFunction), root), warnings: [] };
  } catch {
    // Evaluated again part by part below, where each failure is named.
  }
  try {
    return partByPart(source, root, executor());
  } catch (e) {
    // Only the output budget gets here: the archetype is too large to render at all.
    return { text: source, warnings: [`The archetype was left as written (${reason(evalError(e))}).`] };
  }
}
