/**
 * A stand-in `vscode` module, only for timing how long the bundled extension takes to load and
 * return from activate(). Anything not listed answers every access, call and `new` with another
 * stand-in, so registering commands, providers and status items succeeds without an editor. It is
 * no test of behaviour: it never calls back into the extension.
 */
type Anything = Record<string | symbol, unknown>;

function anything(): unknown {
  const cache = new Map<string | symbol, unknown>();
  const target = function () {} as unknown as Anything;
  return new Proxy(target, {
    get(_t, prop) {
      // Not a promise, not iterable with content, printable: keeps awaits, for-of and templates sane.
      if (prop === 'then') return undefined;
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === 'dispose') return () => {};
      if (!cache.has(prop)) cache.set(prop, anything());
      return cache.get(prop);
    },
    apply: () => anything(),
    construct: () => anything() as object,
    set: () => true,
  });
}

class Disposable {
  constructor(private readonly fn: () => void = () => {}) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((i) => i.dispose()));
  }
  dispose(): void {
    this.fn();
  }
}

class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  readonly event = (l: (e: T) => void) => {
    this.listeners.push(l);
    return new Disposable(() => (this.listeners = this.listeners.filter((x) => x !== l)));
  };
  fire(e: T): void {
    for (const l of this.listeners) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

const uri = (p: string) => ({ scheme: 'file', path: p, fsPath: p, authority: '', query: '', fragment: '', toString: () => `file://${p}`, with: () => uri(p) });

function withDefaults(base: unknown, fields: Record<string, unknown>): unknown {
  return new Proxy(base as Anything, { get: (t, prop) => (typeof prop === 'string' && prop in fields ? fields[prop] : t[prop]) });
}

const noEvent = () => new Disposable();

/**
 * The module object. A plain object, not a proxy: esbuild's `__toESM` copies only own enumerable
 * properties, so every name the bundle uses (`names`, read from the bundle) must be one.
 */
export function fakeVscode(names: readonly string[]): Record<string, unknown> {
  const configuration = { get: (_k: string, d?: unknown) => d, has: () => false, inspect: () => undefined, update: async () => {} };
  const known: Record<string, unknown> = {
    Disposable,
    EventEmitter,
    Uri: { file: uri, parse: (s: string) => uri(s.replace(/^file:\/\//, '')), joinPath: (u: { path: string }, ...p: string[]) => uri([u.path, ...p].join('/')) },
    StatusBarAlignment: { Left: 1, Right: 2 },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
    workspace: withDefaults(anything(), {
      workspaceFolders: [],
      textDocuments: [],
      getConfiguration: () => configuration,
      onDidChangeConfiguration: noEvent,
      onDidChangeTextDocument: noEvent,
      onDidOpenTextDocument: noEvent,
      onDidCloseTextDocument: noEvent,
      onDidSaveTextDocument: noEvent,
      onDidRenameFiles: noEvent,
      onDidChangeWorkspaceFolders: noEvent,
    }),
    window: withDefaults(anything(), {
      activeTextEditor: undefined,
      visibleTextEditors: [],
      onDidChangeActiveTextEditor: noEvent,
      onDidChangeVisibleTextEditors: noEvent,
    }),
  };
  const out: Record<string, unknown> = {};
  for (const name of names) out[name] = anything();
  return Object.assign(out, known);
}

/** Names the bundle reads off its `vscode` imports (esbuild calls them vscode, vscode2, …). */
export function vscodeNamesIn(bundle: string): string[] {
  const names = new Set<string>();
  for (const m of bundle.matchAll(/\bvscode\d*\.([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
  return [...names].sort();
}

/** The ExtensionContext parts an activate() touches. */
export function fakeContext(extensionPath: string): unknown {
  return withDefaults(anything(), {
    subscriptions: [],
    extensionPath,
    extensionUri: uri(extensionPath),
    asAbsolutePath: (p: string) => `${extensionPath}/${p}`,
    extensionMode: 1,
  });
}
