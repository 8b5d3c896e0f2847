/** Shared fixtures for the front-matter tests: a small cooking blog of our own, and a cursor marker. */
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft, type Postcraft, type Site } from '../../../src/core/service';

/** Text with `|` marking the cursor → the text without it and the cursor offset. */
export function at(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  if (offset < 0) throw new Error('no | cursor marker');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

export const KITCHEN_BLOG: Record<string, string> = {
  'hugo.toml': 'baseURL = "https://kitchen.example/"\ntitle = "Flour on the Keyboard"\n[taxonomies]\n  tag = "tags"\n  category = "categories"\n  author = "authors"\n',
  'data/authors/ada.toml': 'name = "Ada Brennan"\nbio = "Bakes on weekends, debugs on weekdays."\n',
  'data/authors/bo.yaml': 'name: Bo Okafor\nbio: Knife collector.\n',
  'content/posts/starter.md': '---\ntitle: "Feeding a Starter"\ndate: 2023-02-01T08:00:00+01:00\nauthors: ["ada"]\ntags: ["sourdough", "baking", "fermentation"]\ncategories: ["bread"]\n---\nA starter is a pet that lives in a jar.\n',
  'content/posts/crumb.md': '---\ntitle: "Reading the Crumb"\ndate: 2023-03-04T18:30:00+01:00\nauthors: ["ada", "bo"]\ntags: ["sourdough", "baking"]\ncategories: ["bread"]\n---\nOpen crumb is not a virtue in a sandwich loaf.\n',
  'content/posts/knives.md': '---\ntitle: "Three Knives Are Enough"\ndate: 2023-04-10T12:00:00+01:00\nauthors: ["bo"]\ntags: ["knife skills", "baking", "Kitchen Tools"]\ncategories: ["kit"]\n---\nA chef knife, a paring knife and a bread knife.\n',
  'content/posts/oven.md': '+++\ntitle = "Know Your Oven"\ndate = 2023-05-20T09:15:00+01:00\nauthors = ["bo"]\ntags = ["baking", "kitchen-tools"]\ncategories = ["kit"]\n+++\nOven thermometers lie less than oven dials.\n',
  'content/posts/tools.md': '---\ntitle: "Tools I Reach For"\ndate: 2023-06-02T07:45:00+01:00\nauthors: ["ada"]\ntags: ["kitchen-tools", "knife-skill"]\ncategories: ["kit"]\n---\nMostly a bench scraper.\n',
};

export async function kitchenSite(extra: Record<string, string> = {}): Promise<{ engine: Postcraft; site: Site; fs: MemoryFs }> {
  const fs = new MemoryFs('/site', { ...KITCHEN_BLOG, ...extra });
  const engine = await createPostcraft({ fs, roots: ['/site'], clock: fixedClock('2026-01-15T12:00:00Z') });
  return { engine, site: engine.sites[0], fs };
}
