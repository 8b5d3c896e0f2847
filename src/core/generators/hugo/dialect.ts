/**
 * Hugo's Markdown: Goldmark as the site configures it (`markup.goldmark`): raw HTML kept only with
 * `renderer.unsafe`, footnotes on unless `extensions.footnote` is off, `{#id}` headings unless
 * `parser.attribute.title` is off, and the heading id type; shortcodes run before Markdown.
 */
import { asBool, asRecord, asString } from '../../config/parse';
import { GOLDMARK, type MarkdownDialect } from '../../markdown/dialect';
import { HIGHLIGHT_DEFAULTS, type HighlightSettings } from '../../markdown/codeLineIds';
import type { HugoConfig } from './config';

export function hugoDialect(c: HugoConfig): MarkdownDialect {
  const extensions = asRecord(asRecord(asRecord(asRecord(c.raw)['markup'])['goldmark'])['extensions']);
  return {
    ...GOLDMARK,
    headingIds: c.headingIdType === 'github-ascii' ? 'goldmark-ascii' : c.headingIdType === 'blackfriday' ? 'blackfriday' : 'goldmark',
    noAutoIds: !c.autoHeadingID,
    headingAttributes: c.headingAttributes,
    footnotes: asBool(extensions['footnote']) !== false,
    definitionLists: asBool(extensions['definitionlist']) !== false,
    rawHtml: c.unsafeHtml,
    linkify: asBool(extensions['linkify']) !== false,
    typographer: c.typographer,
    highlight: highlightSettings(asRecord(asRecord(asRecord(c.raw)['markup'])['highlight'])),
  };
}

/** `[markup.highlight]` (keys read lower-cased, as Hugo reads them). */
function highlightSettings(h: Record<string, unknown>): HighlightSettings {
  const d = HIGHLIGHT_DEFAULTS;
  const lineNos = h['linenos'];
  const start = typeof h['linenostart'] === 'number' ? h['linenostart'] : Number.parseInt(asString(h['linenostart']) ?? '', 10);
  return {
    codeFences: asBool(h['codefences']) ?? d.codeFences,
    guessSyntax: asBool(h['guesssyntax']) ?? d.guessSyntax,
    // `lineNos = "table"` turns them on too: only false (or "false") is off.
    lineNos: lineNos === undefined ? d.lineNos : lineNos !== false && lineNos !== 'false' && lineNos !== 0,
    anchorLineNos: asBool(h['anchorlinenos']) ?? d.anchorLineNos,
    lineAnchors: asString(h['lineanchors']) ?? d.lineAnchors,
    lineNoStart: Number.isFinite(start) ? start : d.lineNoStart,
  };
}
