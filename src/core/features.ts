/**
 * Imports every feature module that registers itself with the engine (document checks, CLI-free).
 * The CLI and the extension import this once; tests import what they test.
 */
export {};
