/** What an update of one document changed, and so what the index must derive again. */
import { fmGet } from '../frontmatter/parse';
import type { GeneratorModel } from './generator';
import type { IndexedDocument } from './documentStore';
import { affectsSiblings } from './fileSet';

/** Whether the update changed the document's pages or terms (what the URL table is built from). */
export function pagesOrTermsChanged(model: GeneratorModel, before: IndexedDocument | undefined, doc: IndexedDocument): boolean {
  // A document published without a page of its own, or copied beside it (copiedDocumentUrls,
  // uncertainUrls), may have moved.
  return !before || !samePagesAndTerms(before, doc) || (!!model.copiedDocumentUrls && (doc.pages.length === 0 || !doc.frontMatter)) || (!!model.uncertainUrls && (!doc.frontMatter || !before.frontMatter));
}

/**
 * Whether the pages below the document's folder must be derived again: a new index file changes its
 * siblings' roles; a section index whose status changed changes whether the pages below it are
 * published; one whose `cascade` changed gives other front matter to everything below it.
 */
export function changesPagesBelow(file: string, isNew: boolean, changed: boolean, before: IndexedDocument | undefined, doc: IndexedDocument): boolean {
  return affectsSiblings(file) && (isNew || (changed && !samePublish(before, doc)) || cascadeOf(before) !== cascadeOf(doc));
}

/** A Hugo index file's `cascade`, comparable between two versions of it. */
function cascadeOf(d: IndexedDocument | undefined): string | undefined {
  const c = d?.frontMatter ? fmGet(d.frontMatter.data, 'cascade') : undefined;
  return c === undefined ? undefined : JSON.stringify(c);
}

function samePublish(a: IndexedDocument | undefined, b: IndexedDocument): boolean {
  const sig = (d: IndexedDocument) => d.pages.map((p) => `${p.status}:${p.willPublish}`).join();
  return !!a && sig(a) === sig(b);
}

function samePagesAndTerms(a: IndexedDocument, b: IndexedDocument): boolean {
  return JSON.stringify([a.pages, [...a.terms]]) === JSON.stringify([b.pages, [...b.terms]]);
}
