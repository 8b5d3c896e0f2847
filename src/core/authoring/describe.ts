/** What a hover on a link shows about its target: title, date, publish status, published URL. */
import type { Page } from '../site/model';
import type { LinkTarget } from './targets';

const STATUS: Record<Page['status'], string> = {
  published: 'published',
  draft: 'draft — not in a production build',
  future: 'future-dated — not in a production build yet',
  expired: 'expired — no longer in a production build',
};

const escapeMd = (s: string) => s.replace(/[\\`*_[\]<>()#|]/g, '\\$&');

/** Markdown for a hover; `fileLink` turns a site-relative file into a link target (a URI). */
export function describeTarget(t: LinkTarget, fileLink?: (file: string) => string): string {
  const lines: string[] = [];
  const p = t.page;
  if (p) {
    lines.push(`**${escapeMd(p.title || p.url)}**`);
    const facts = [p.date ? `Date: ${escapeMd(p.date)}` : '', `Status: ${STATUS[p.status]}${p.status === 'published' && !p.willPublish ? ' (not built by the site\'s build options)' : ''}`];
    lines.push(facts.filter(Boolean).join(' · '));
    lines.push(`URL: \`${p.url}${t.fragment ? '#' + t.fragment : ''}\``);
    if (t.fragment && t.line === undefined) lines.push(`No heading with id \`${escapeMd(t.fragment)}\` in this page.`);
  } else if (t.url) lines.push(`URL: \`${t.url}\``);
  if (t.file) lines.push(fileLink ? `[${escapeMd(t.file)}](${fileLink(t.file)})` : `\`${t.file}\``);
  return lines.join('\n\n');
}
