/**
 * Makes `require(name)` return a given object, for modules that are absent (the peer library's
 * undeclared `vscode-languageserver` dependency) or must be faked (`vscode` when timing activation).
 */
import Module from 'node:module';

type Resolve = (request: string, parent: unknown, isMain: boolean, options: unknown) => string;
interface ModuleInternals {
  _resolveFilename: Resolve;
}

const injected = new Map<string, string>();
let hooked = false;

export function injectModule(name: string, exports: unknown): void {
  const filename = `/__postcraft_bench__/${name}.js`;
  const m = new Module(filename);
  m.filename = filename;
  m.loaded = true;
  m.exports = exports;
  require.cache[filename] = m;
  injected.set(name, filename);
  if (hooked) return;
  hooked = true;
  const internals = Module as unknown as ModuleInternals;
  const original = internals._resolveFilename;
  internals._resolveFilename = function (request, parent, isMain, options) {
    return injected.get(request) ?? original.call(this, request, parent, isMain, options);
  };
}

/** A require that esbuild leaves alone, for packages that must load from node_modules at run time. */
export function runtimeRequire(name: string): unknown {
  return Module.createRequire(`${process.cwd()}/package.json`)(name);
}
