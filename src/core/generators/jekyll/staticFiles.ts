/** Files Jekyll copies as they are: static files, and a collection's files without front matter. */
import { posix } from '../../posix';
import type { JekyllCollection } from './config';
import { fillTemplate } from './urls';
import { cleanedPath, extOf, type JekyllSite } from './context';
import { collectionTemplate } from './documents';

/**
 * StaticFile#url: a plain file keeps its path (trailing dots of its name dropped); a collection's
 * file follows the collection's permalink with its own extension.
 */
export function staticUrl(j: JekyllSite, file: string, col?: JekyllCollection): string | undefined {
  const ext = extOf(file);
  if (!col) return j.basePath + '/' + file.slice(0, file.length - ext.length).replace(/\.+$/, '') + ext;
  if (!col.output) return undefined;
  const name = posix.basename(file);
  const values = { collection: col.label, path: cleanedPath(j, file, '_' + col.label), output_ext: '', name: name.slice(0, name.length - ext.length).replace(/\.+$/, ''), title: '' };
  return j.basePath + fillTemplate(collectionTemplate(j, col), values).replace(/\/$/, '') + ext;
}

/** The URL of a page's or collection's file that is not a document (an image beside a page). */
export function resourceUrl(j: JekyllSite, file: string): string | undefined {
  const p = j.place(file);
  if (p.kind === 'page') return staticUrl(j, file);
  if (p.kind === 'collection') return staticUrl(j, file, p.collection);
  return undefined;
}
