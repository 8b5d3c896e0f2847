/**
 * Jekyll's own Liquid filters that decide URLs (jekyll/filters/url_filters.rb and friends), written
 * from their documented behaviour. Liquid's standard filters (`prepend`, `append`, `replace`…) come
 * with liquidjs. Any other filter is left undefined on purpose: the engine then reports it, and the
 * output counts as something we cannot evaluate.
 */
import type { FilterImplOptions } from 'liquidjs';

type FilterThis = { context: { environments: unknown } };

function siteOf(self: FilterThis): Record<string, unknown> {
  const env = self.context.environments as Record<string, unknown>;
  const site = env['site'];
  return site && typeof site === 'object' ? (site as Record<string, unknown>) : {};
}

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;

function leadingSlash(s: string): string {
  return s === '' || s.startsWith('/') ? s : '/' + s;
}

/** Percent-encodes what a URL may not hold as written (Addressable's normalize), keeping `%XX`. */
function normalizeUrl(s: string): string {
  return s.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (c) => encodeURIComponent(c));
}

function urlOf(input: unknown): string | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === 'object' && 'url' in (input as object)) return String((input as { url: unknown }).url);
  return String(input);
}

function relativeUrl(self: FilterThis, input: unknown): string | undefined {
  const s = urlOf(input);
  if (s === undefined) return undefined;
  if (ABSOLUTE.test(s)) return s;
  const base = String(siteOf(self)['baseurl'] ?? '').replace(/\/$/, '');
  return normalizeUrl(leadingSlash(base) + leadingSlash(s));
}

export const jekyllFilters: Record<string, FilterImplOptions> = {
  relative_url(this: FilterThis, input: unknown) {
    return relativeUrl(this, input);
  },
  absolute_url(this: FilterThis, input: unknown) {
    const s = urlOf(input);
    if (s === undefined || ABSOLUTE.test(s)) return s;
    const url = siteOf(this)['url'];
    const rel = relativeUrl(this, s) ?? '';
    return url === undefined || url === null ? rel : normalizeUrl(String(url) + rel);
  },
  /** Jekyll's default mode: runs of anything but letters and digits become `-`, lower-cased. */
  slugify(input: unknown) {
    return String(input ?? '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '');
  },
  uri_escape(input: unknown) {
    return normalizeUrl(String(input ?? ''));
  },
  cgi_escape(input: unknown) {
    return encodeURIComponent(String(input ?? '')).replace(/%20/g, '+');
  },
  xml_escape(input: unknown) {
    return String(input ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  },
  jsonify(input: unknown) {
    return JSON.stringify(input ?? null);
  },
  smartify(input: unknown) {
    return input;
  },
};
