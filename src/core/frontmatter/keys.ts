/**
 * The front-matter keys each generator reads, with the type it expects. Completion offers them
 * (with a snippet of the right shape) and the type check compares a post against them. Lists are
 * from the generators' documentation (Hugo: content-management/front-matter; Jekyll: front-matter;
 * Docusaurus: plugin-content-blog "Markdown front matter"; Eleventy: data-configuration).
 */
import type { GeneratorId } from '../site/model';

export type KeyType = 'string' | 'list' | 'bool' | 'date' | 'number' | 'map';

export interface KnownKey {
  readonly key: string;
  readonly type: KeyType;
  readonly doc: string;
}

const k = (key: string, type: KeyType, doc: string): KnownKey => ({ key, type, doc });

const HUGO: readonly KnownKey[] = [
  k('title', 'string', 'Page title.'),
  k('date', 'date', 'Date of the post; sorts lists and fills `:year`/`:month` permalinks.'),
  k('lastmod', 'date', 'Date the post was last changed.'),
  k('publishDate', 'date', 'A post dated in the future is not published until then (unless `buildFuture`).'),
  k('expiryDate', 'date', 'After this date the post is no longer published (unless `buildExpired`).'),
  k('draft', 'bool', 'Drafts are not published by a production build (unless `buildDrafts`).'),
  k('slug', 'string', 'Replaces the last segment of the URL.'),
  k('url', 'string', 'Replaces the whole URL path.'),
  k('aliases', 'list', 'Old URLs that redirect here.'),
  k('description', 'string', 'Page description (meta description, summaries).'),
  k('summary', 'string', 'Summary shown in lists instead of the automatic one.'),
  k('tags', 'list', 'Taxonomy: tags.'),
  k('categories', 'list', 'Taxonomy: categories.'),
  k('authors', 'list', 'Taxonomy: authors (ids of `data/authors/*` records).'),
  k('series', 'list', 'Taxonomy: series.'),
  k('weight', 'number', 'Ordering weight in lists (lower first).'),
  k('images', 'list', 'Images for social cards (Open Graph, Twitter).'),
  k('keywords', 'list', 'Meta keywords.'),
  k('layout', 'string', 'Template to render the page with.'),
  k('type', 'string', 'Content type (chooses the template folder).'),
  k('linkTitle', 'string', 'Shorter title for menus and links.'),
  k('isCJKLanguage', 'bool', 'Counts words the CJK way.'),
  k('headless', 'bool', 'Legacy: a headless bundle publishes no page.'),
  k('markup', 'string', 'Markup format of the content (e.g. `md`, `html`).'),
  k('outputs', 'list', 'Output formats of this page.'),
  k('translationKey', 'string', 'Links translations of the same page.'),
  k('menus', 'list', 'Menus this page appears in.'),
  k('build', 'map', 'Build options (`render`, `list`, `publishResources`).'),
  k('resources', 'list', 'Metadata for page resources.'),
  k('sitemap', 'map', 'Sitemap settings for this page.'),
  k('params', 'map', 'Custom page parameters.'),
];

const JEKYLL: readonly KnownKey[] = [
  k('layout', 'string', 'Layout from `_layouts/` to wrap the post in.'),
  k('title', 'string', 'Post title.'),
  k('date', 'date', 'Overrides the date in the file name; format `YYYY-MM-DD HH:MM:SS +/-TTTT`.'),
  k('categories', 'list', 'Categories; they also become a URL prefix.'),
  k('category', 'string', 'A single category.'),
  k('tags', 'list', 'Tags.'),
  k('permalink', 'string', 'Overrides the URL of this post.'),
  k('published', 'bool', '`false` keeps the post out of the built site.'),
  k('author', 'string', 'Author id (a key of `_data/authors.yml`).'),
  k('excerpt', 'string', 'Excerpt shown in lists instead of the first paragraph.'),
  k('excerpt_separator', 'string', 'Marker that ends the automatic excerpt.'),
  k('slug', 'string', 'Replaces `:title` in the permalink.'),
  k('description', 'string', 'Page description (jekyll-seo-tag).'),
  k('image', 'string', 'Social card image (jekyll-seo-tag).'),
  k('last_modified_at', 'date', 'Date the post was last changed.'),
];

const DOCUSAURUS: readonly KnownKey[] = [
  k('title', 'string', 'Post title.'),
  k('slug', 'string', 'URL of the post under the blog route.'),
  k('authors', 'list', 'Author keys from `authors.yml` (or inline author objects).'),
  k('tags', 'list', 'Tags (keys of `tags.yml` when the site defines it).'),
  k('date', 'date', 'Overrides the date in the file name.'),
  k('description', 'string', 'Meta description and list summary.'),
  k('image', 'string', 'Social card image.'),
  k('keywords', 'list', 'Meta keywords.'),
  k('draft', 'bool', 'Drafts are only shown in development.'),
  k('unlisted', 'bool', 'Published, but left out of lists, feeds and the sitemap.'),
  k('hide_table_of_contents', 'bool', 'Hides the table of contents.'),
  k('toc_min_heading_level', 'number', 'Lowest heading level in the table of contents.'),
  k('toc_max_heading_level', 'number', 'Highest heading level in the table of contents.'),
  k('sidebar_label', 'string', 'Label in the blog sidebar.'),
  k('last_update', 'map', '`date` and `author` of the last update.'),
];

const ELEVENTY: readonly KnownKey[] = [
  k('title', 'string', 'Page title.'),
  k('date', 'date', 'Date of the page (`Last Modified`, `Created` or a date).'),
  k('permalink', 'string', 'Output URL of the page (or `false` to write no file).'),
  k('tags', 'list', 'Collections this page belongs to.'),
  k('layout', 'string', 'Layout from `_includes/`.'),
  k('eleventyExcludeFromCollections', 'bool', 'Keeps the page out of every collection.'),
  k('eleventyComputed', 'map', 'Data computed from other data.'),
  k('eleventyNavigation', 'map', 'Navigation plugin entry.'),
  k('pagination', 'map', 'Pagination settings.'),
  k('draft', 'bool', 'A common convention for drafts (needs a preprocessor).'),
  k('description', 'string', 'Page description.'),
];

const HEXO: readonly KnownKey[] = [
  k('title', 'string', 'Post title.'),
  k('date', 'date', 'Creation date.'),
  k('updated', 'date', 'Date of the last change.'),
  k('tags', 'list', 'Tags.'),
  k('categories', 'list', 'Categories (a list is a hierarchy).'),
  k('permalink', 'string', 'Overrides the URL.'),
  k('layout', 'string', 'Layout.'),
  k('comments', 'bool', 'Enables comments.'),
  k('excerpt', 'string', 'Excerpt.'),
  k('published', 'bool', '`false` makes the post a draft.'),
  k('lang', 'string', 'Language.'),
];

const ASTRO: readonly KnownKey[] = [
  k('title', 'string', 'Post title.'),
  k('description', 'string', 'Post description.'),
  k('pubDate', 'date', 'Publication date (the usual blog schema).'),
  k('updatedDate', 'date', 'Date of the last change.'),
  k('heroImage', 'string', 'Header image.'),
  k('tags', 'list', 'Tags.'),
  k('draft', 'bool', 'Draft flag (when the collection schema has one).'),
];

const FOLDER: readonly KnownKey[] = [k('title', 'string', 'Title.'), k('date', 'date', 'Date.'), k('tags', 'list', 'Tags.'), k('description', 'string', 'Description.')];

const BY_GENERATOR: Readonly<Record<GeneratorId, readonly KnownKey[]>> = {
  hugo: HUGO,
  jekyll: JEKYLL,
  docusaurus: DOCUSAURUS,
  eleventy: ELEVENTY,
  hexo: HEXO,
  astro: ASTRO,
  folder: FOLDER,
};

export function knownKeys(generator: GeneratorId): readonly KnownKey[] {
  return BY_GENERATOR[generator] ?? FOLDER;
}

/** Hugo reads keys case-insensitively; the others are case-sensitive, but a case slip is still the same key to a writer. */
export function knownKey(generator: GeneratorId, key: string): KnownKey | undefined {
  const lower = key.toLowerCase();
  return knownKeys(generator).find((x) => x.key.toLowerCase() === lower);
}

/** Keys holding dates in any generator, for the date value and the date check. */
export const DATE_KEYS: ReadonlySet<string> = new Set(['date', 'lastmod', 'publishdate', 'pubdate', 'expirydate', 'unpublishdate', 'updated', 'updateddate', 'last_modified_at']);

export function isDateKey(generator: GeneratorId, key: string): boolean {
  return DATE_KEYS.has(key.toLowerCase()) || knownKey(generator, key)?.type === 'date';
}
