/**
 * Where our model and the real generators knowingly disagree, or where we cannot judge. The
 * conformance suite (known-differences.test.ts) builds each fixture case with the real generator and
 * asserts the difference is still exactly this one (a fix makes it fail: then remove the entry), lists
 * each limitation as a skipped case with its reason, and holds the README's section to this list
 * (knownDifferencesMarkdown). Pure data: no generator needed to read it.
 */
export interface KnownDifference {
  readonly id: string;
  readonly generator: 'Hugo' | 'Jekyll';
  /** What the generator does, and what we do instead (one sentence, for the README). */
  readonly text: string;
  /** A fixture under test/fixtures/known-differences/ that shows it with the real generator… */
  readonly fixture?: string;
  /** …and the disagreement compareWithHugo reports on it, exactly. */
  readonly expected?: readonly string[];
  /** Otherwise a documented limitation: why no fixture can show it here. */
  readonly limitation?: string;
}

export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  {
    id: 'hugo-slug-spaces',
    generator: 'Hugo',
    text: 'A `slug` with spaces before or after it: Hugo turns them into hyphens (`slug: "  spaced out  "` → `/posts/-spaced-out-/`), we trim them (`/posts/spaced-out/`), so links to such a page are judged against the wrong URL.',
    fixture: 'hugo-slug-spaces',
    expected: ['list: content/posts/spaced.md → /posts/-spaced-out-/ (hugo), ours /posts/spaced-out/', 'page: we publish /posts/spaced-out/, hugo does not', 'page: hugo publishes /posts/-spaced-out-/, we do not'],
  },
  {
    id: 'hugo-publish-resources',
    generator: 'Hugo',
    text: "`_build: {publishResources: false}`: Hugo publishes a bundle's files only when a template asks for their permalink; we treat them as published, so a link to one is accepted.",
    fixture: 'hugo-publish-resources',
    expected: ['file: we publish /posts/gallery/photo.png, hugo does not'],
  },
  {
    id: 'hugo-html-opening',
    generator: 'Hugo',
    text: "An HTML content file without front matter: Hugo reads its first character, and copies it as it is only when that is a tag (`<html>`, `<!DOCTYPE`), makes a page of one that opens with text, and stops on one that opens with a comment; we copy every one. A bundle whose `index.html` is copied is no bundle to Hugo (its files are published at their own path); we publish none of them.",
    fixture: 'hugo-html-opening',
    expected: ['list: content/docs/text.html → /docs/text/ (hugo), no page in our model', 'page: hugo publishes /docs/text/, we do not', 'file: we publish /docs/text.html, hugo does not', 'file: hugo publishes /docs/bundle/r.txt, we do not'],
  },
  {
    id: 'hugo-missing-theme',
    generator: 'Hugo',
    text: "A theme or module that is not on disk (a submodule not checked out, a module not downloaded): no shortcode on that site is checked (`theme.missing` says so, once); fragments into a page that uses one of its shortcodes are not judged; other fragments are judged against the content's own ids, so an id only the theme's layouts write (`#comments`, a section id) is reported missing.",
    limitation: 'hugo cannot build a site whose theme is absent (test/conformance/shortcodes.test.ts shows it refuses); the engine check below asserts what we say instead',
  },
  {
    id: 'hugo-later-shortcodes',
    generator: 'Hugo',
    text: 'Shortcodes built into later Hugo versions (`comment` 0.137.1, `details` 0.140.0, `qr`, `x`, `x_simple` 0.141.0): hugo 0.111 stops the build on them, a newer Hugo builds them. Unless the site says which Hugo builds it (`module.hugoVersion`, Netlify\'s `HUGO_VERSION`), a call of one is information, not an error.',
    limitation: 'only hugo 0.111 is installed here: test/conformance/shortcodes.test.ts shows it refuses each of them, and the engine reports them as information',
  },
  {
    id: 'jekyll-github-pages-versions',
    generator: 'Jekyll',
    text: "GitHub Pages runs Jekyll 3.10 with jekyll-relative-links 0.6.1, our fixtures Debian's Jekyll 4.3 with 0.7.0. Where the two plugin versions read a link differently (`/x.md` written in a subfolder: 0.6.1 looks in that folder; `%20` or `+` in the path: only 0.7 unescapes it) we accept it when either makes it work; a title after the path (`[x](other.md \"Title\")`), which 0.6.1 leaves as written, is judged as 0.7 rewrites it.",
    limitation: "GitHub's versions are not packaged by Debian, so no fixture can be built with them; the engine accepts a link either version makes work",
  },
  {
    id: 'jekyll-liquid-site-pages',
    generator: 'Jekyll',
    text: '`site.posts`, `site.tags`, `site.categories` and output collections are evaluated in Liquid loops, but not `site.pages`, `site.documents`, `site.static_files`, nor a document\'s `content`, `excerpt`, `next` or `previous`: links a page prints from those are not judged.',
    limitation: 'their values need every page rendered (content, excerpts) or every file read; the engine reports nothing for such links',
  },
];

/** The README's "Known differences from the generators" list (between its markers). */
export function knownDifferencesMarkdown(list: readonly KnownDifference[] = KNOWN_DIFFERENCES): string {
  return list.map((d) => `- **${d.generator}** (\`${d.id}\`${d.fixture ? ', fixture case' : ', limitation'}): ${d.text}`).join('\n');
}
