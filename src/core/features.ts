/**
 * Imports every feature module that registers itself with the engine (document checks). The CLI and
 * the extension import this once. Add one side-effect import line per module.
 */
import './links/diagnostics';
import './frontmatter/checks';
export {};
