/** Shared set-up for renderer tests: hooks that record calls, and ids read back from HTML. */
import type { ImageResolution, LinkVerdict, RenderHooks } from '../../../src/core/render/types';

export function plainHooks(overrides: Partial<RenderHooks> = {}): RenderHooks {
  return {
    resolveImage: (src): ImageResolution => (src.includes('missing') ? { missing: true, reason: `not found: ${src}` } : { uri: `https://res.test/${src.replace(/^\//, '')}` }),
    resolveLink: (target): LinkVerdict => (target.includes('broken') ? { kind: 'internal', broken: `no page at ${target}` } : { kind: /^https?:/.test(target) ? 'external' : 'internal' }),
    ...overrides,
  };
}

/** `id` attributes of h1–h6 in document order. */
export function headingIdsIn(html: string): string[] {
  return [...html.matchAll(/<h[1-6][^>]*\sid="([^"]*)"/g)].map((m) => m[1]);
}
