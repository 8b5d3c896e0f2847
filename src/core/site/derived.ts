/** Shared by the generators' `derivedPages`: collect generated pages once per URL, plus feed URLs. */
import type { Page } from './model';

export interface DerivedCollector {
  readonly out: Page[];
  readonly extra: string[];
  /** Adds a generated page unless a content page (or an earlier generated one) has its URL. */
  add(p: Page): void;
}

export function derivedCollector(pages: readonly Page[]): DerivedCollector {
  const out: Page[] = [];
  const extra: string[] = [];
  const have = new Set(pages.map((p) => p.url));
  return {
    out,
    extra,
    add(p: Page) {
      if (!have.has(p.url)) {
        have.add(p.url);
        out.push(p);
      }
    },
  };
}
