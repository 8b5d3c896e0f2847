/**
 * Default severities of the template-call codes (a public contract, in the README's code table).
 * Each error is a build the generator refuses (test/conformance/shortcodes.test.ts builds it).
 */
export const SHORTCODE_SEVERITY = {
  /** No template for this shortcode: `template for shortcode "x" not found`. */
  'shortcode.unknown': 'error',
  /** A shortcode that reads `.Inner` without a closing tag: `must be closed or self-closed`. */
  'shortcode.unclosed': 'error',
  /** A closing tag (or `/>}}`) for a shortcode that does not read `.Inner`, or with none open. */
  'shortcode.unexpected-close': 'error',
  /** `{% include x %}` with no such file: `Could not locate the included file`. */
  'include.not-found': 'error',
  /** A configured theme or module is not on disk: its templates are unknown (said once, on the config). */
  'theme.missing': 'info',
} as const;

export type ShortcodeCode = keyof typeof SHORTCODE_SEVERITY;
