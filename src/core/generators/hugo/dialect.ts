/**
 * Hugo's Markdown: Goldmark as the site configures it (`markup.goldmark`): raw HTML kept only with
 * `renderer.unsafe`, footnotes on unless `extensions.footnote` is off, `{#id}` headings unless
 * `parser.attribute.title` is off, and the heading id type; shortcodes run before Markdown.
 */
import { asBool, asRecord } from '../../config/parse';
import { GOLDMARK, type MarkdownDialect } from '../../markdown/dialect';
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
  };
}
