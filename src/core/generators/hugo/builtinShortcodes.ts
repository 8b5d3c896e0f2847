/**
 * The shortcodes Hugo itself provides, as hugo 0.111 (the version the conformance suite builds
 * with) has them. The list is pinned by test/conformance/shortcodes.test.ts, which builds a page
 * calling each name with the real hugo: every one here is found, and the names later versions added
 * (`x`, `qr`, `details`, …) or the internal `__h_simple_*` templates are "not found". Parameters and
 * `.Inner` as the embedded templates read them; the descriptions are ours.
 */
import { BUILTIN_SOURCE, type TemplateEntry } from '../../site/templates';

function builtin(name: string, doc: string, params: readonly string[], positional: boolean, inner = false): TemplateEntry {
  return { name, source: BUILTIN_SOURCE, params, positional, inner, doc };
}

/**
 * Shortcodes later Hugo versions build in, with the first release that has each (the tag holding the
 * commit that added its template to gohugoio/hugo). hugo 0.111 stops the build on them (verified by
 * the conformance suite), a newer Hugo does not: which one a site is built with decides.
 */
export const HUGO_LATER_SHORTCODES: readonly (TemplateEntry & { readonly since: string })[] = [
  { ...builtin('comment', 'Leaves its content out of the page (Hugo 0.137.1 and later).', [], false, true), since: '0.137.1' },
  { ...builtin('details', 'An HTML `<details>` element around its content (Hugo 0.140.0 and later).', ['class', 'name', 'summary', 'title', 'open'], false, true), since: '0.140.0' },
  { ...builtin('qr', 'A QR code image of its text (Hugo 0.141.0 and later).', ['text', 'level', 'scale', 'targetDir', 'alt', 'class', 'id', 'title', 'loading'], false, true), since: '0.141.0' },
  { ...builtin('x', 'Embeds a post from X: `{{< x user="x" id="123" >}}` (Hugo 0.141.0 and later).', ['id', 'user'], false), since: '0.141.0' },
  { ...builtin('x_simple', 'A static card for a post from X (Hugo 0.141.0 and later).', ['id', 'user'], false), since: '0.141.0' },
];

const EMBEDS_NOTE = 'Fetches the post when the site is built (needs network access).';

export const HUGO_BUILTIN_SHORTCODES: readonly TemplateEntry[] = [
  builtin('figure', 'An image in a `<figure>`, with an optional link, title, caption and attribution.', ['src', 'link', 'target', 'rel', 'alt', 'title', 'caption', 'attr', 'attrlink', 'width', 'height', 'class'], false),
  builtin('gist', 'Embeds a GitHub gist: `{{< gist user id [file] >}}`.', [], true),
  builtin('highlight', 'Highlighted code: `{{< highlight go "linenos=table" >}}…{{< /highlight >}}`; the language first, then options.', [], true, true),
  builtin('instagram', `Embeds an Instagram post: \`{{< instagram id [hidecaption] >}}\`. Needs \`services.instagram.accessToken\`. ${EMBEDS_NOTE}`, [], true),
  builtin('instagram_simple', `A static Instagram card: \`{{< instagram_simple id [hidecaption] >}}\`. Needs \`services.instagram.accessToken\`. ${EMBEDS_NOTE}`, [], true),
  builtin('param', "Prints a page parameter (or the site's, when the page has none): `{{< param key >}}`. A missing key fails the build.", [], true),
  builtin('ref', 'The absolute permalink of a page: `{{< ref "posts/x.md#anchor" >}}`. A page that does not exist fails the build.', ['path', 'lang', 'outputFormat'], true),
  builtin('relref', 'The relative permalink of a page: `{{< relref "posts/x.md#anchor" >}}`. A page that does not exist fails the build.', ['path', 'lang', 'outputFormat'], true),
  builtin('tweet', `Embeds a post from X (Twitter): \`{{< tweet user="x" id="123" >}}\`. ${EMBEDS_NOTE}`, ['user', 'id'], true),
  builtin('twitter', `Deprecated name of \`tweet\`. ${EMBEDS_NOTE}`, ['user', 'id'], true),
  builtin('twitter_simple', `A static card for a post from X (Twitter). ${EMBEDS_NOTE}`, ['user', 'id'], true),
  builtin('vimeo', 'Embeds a Vimeo video: `{{< vimeo id="146022717" >}}` or `{{< vimeo 146022717 >}}`.', ['id', 'class', 'title'], true),
  builtin('vimeo_simple', `A static Vimeo thumbnail linking to the video: \`{{< vimeo_simple 146022717 >}}\`. ${EMBEDS_NOTE}`, [], true),
  builtin('youtube', 'Embeds a YouTube video: `{{< youtube id="w7Ft2ymGmfc" >}}` or `{{< youtube w7Ft2ymGmfc >}}`.', ['id', 'class', 'title', 'autoplay'], true),
];
