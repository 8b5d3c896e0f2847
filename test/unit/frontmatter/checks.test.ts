import * as assert from 'node:assert/strict';
import type { PostcraftDiagnostic } from '../../../src/core/diagnostics';
import { nearDuplicateGroups, nearDuplicateKey } from '../../../src/core/frontmatter/nearDuplicates';
import { LineIndex } from '../../../src/core/text';
import { kitchenSite } from './helpers';
import { MemoryFs, fixedClock } from '../helpers/memoryFs';
import { createPostcraft } from '../../../src/core/service';

async function check(text: string, extra: Record<string, string> = {}) {
  const { engine } = await kitchenSite(extra);
  const all = await engine.checkDocument('/site/content/posts/new.md', text);
  return { all, fm: all.filter((d) => d.code.startsWith('frontmatter.')) };
}

/** The text of a diagnostic's range. */
function textOf(text: string, d: PostcraftDiagnostic): string {
  const li = new LineIndex(text);
  return text.slice(li.offsetAt(d.start), li.offsetAt(d.end));
}

function applyFix(text: string, d: PostcraftDiagnostic): string {
  const li = new LineIndex(text);
  const replacement = d.data?.['replacement'];
  assert.equal(typeof replacement, 'string', `${d.code} carries a replacement`);
  return text.slice(0, li.offsetAt(d.start)) + (replacement as string) + text.slice(li.offsetAt(d.end));
}

describe('near-duplicate grouping', () => {
  it('ignores case, spaces, hyphens, underscores and a plural ending', () => {
    const same = ['JavaScript', 'Javascript', 'javascript', 'java-script', 'java_script'];
    assert.equal(new Set(same.map(nearDuplicateKey)).size, 1);
    assert.equal(nearDuplicateKey('tech debt'), nearDuplicateKey('tech-debt'));
    assert.equal(nearDuplicateKey('Tech_Debt'), nearDuplicateKey('tech-debt'));
    assert.equal(nearDuplicateKey('teams'), nearDuplicateKey('team'));
    assert.equal(nearDuplicateKey('user stories'), nearDuplicateKey('user story'));
    assert.equal(nearDuplicateKey('knife skills'), nearDuplicateKey('knife-skill'));
  });

  it('keeps apart words that only look plural, and different words', () => {
    assert.notEqual(nearDuplicateKey('process'), nearDuplicateKey('proces'));
    assert.notEqual(nearDuplicateKey('bread'), nearDuplicateKey('breads-and-butter'));
    assert.notEqual(nearDuplicateKey('go'), nearDuplicateKey('gos'), 'short words are not singularised');
    assert.notEqual(nearDuplicateKey('planning'), nearDuplicateKey('planting'));
  });

  it('the dominant spelling is the most used; ties go to the URL form, then alphabetical order', () => {
    const [g] = nearDuplicateGroups([
      { value: 'tech debt', count: 1 },
      { value: 'tech-debt', count: 2 },
      { value: 'Tech Debt', count: 1 },
    ]);
    assert.equal(g.dominant, 'tech-debt');
    assert.deepEqual(g.spellings.map((s) => s.value), ['tech-debt', 'Tech Debt', 'tech debt']);
    const [tie] = nearDuplicateGroups([
      { value: 'Kitchen Tools', count: 2 },
      { value: 'kitchen-tools', count: 2 },
    ]);
    assert.equal(tie.dominant, 'kitchen-tools');
    assert.deepEqual(nearDuplicateGroups([{ value: 'a', count: 3 }, { value: 'b', count: 1 }]), []);
  });
});

describe('front-matter checks', () => {
  it('near-duplicate: the rarer spelling is flagged with a fix to the dominant one', async () => {
    const text = '---\ntitle: "Sharp"\nauthors: ["bo"]\ntags: ["Kitchen Tools", "baking"]\n---\n';
    const { fm } = await check(text);
    const d = fm.find((x) => x.code === 'frontmatter.near-duplicate');
    assert.ok(d, JSON.stringify(fm));
    assert.equal(textOf(text, d), '"Kitchen Tools"');
    assert.equal(d.severity, 'info', 'Hugo urlizes both to /tags/kitchen-tools/: merged on the built site');
    assert.match(d.message, /'Kitchen Tools' is spelled 'kitchen-tools' in 2 posts/);
    assert.equal(applyFix(text, d), '---\ntitle: "Sharp"\nauthors: ["bo"]\ntags: ["kitchen-tools", "baking"]\n---\n');
  });

  it('near-duplicate on a site with no page per term says the spellings are listed apart', async () => {
    const tree: Record<string, string> = { '_config.yml': 'title: T\n' };
    for (let i = 1; i <= 3; i++) tree[`_posts/2024-01-0${i}-p${i}.md`] = '---\ntitle: P\ntags: [JavaScript]\n---\n';
    tree['_posts/2024-02-01-odd.md'] = '---\ntitle: Odd\ntags: [javascript]\n---\n';
    const engine = await createPostcraft({ fs: new MemoryFs('/site', tree), roots: ['/site'], clock: fixedClock() });
    const d = (await engine.checkSite(engine.sites[0])).find((x) => x.code === 'frontmatter.near-duplicate');
    assert.ok(d, 'the odd spelling is found');
    assert.match(d.message, /lists each spelling apart \(it has no page per term\)/);
  });

  it('near-duplicate across singular/plural is info too (each spelling gets its own page, and the site builds)', async () => {
    const text = '---\ntags:\n  - knife-skill\n---\n';
    // The checked post is indexed too: its own spelling counts (as it does for `postcraft check`).
    const { fm } = await check(text, { 'content/posts/more.md': '---\ntags: ["knife skills"]\n---\n', 'content/posts/most.md': '---\ntags: ["knife skills"]\n---\n' });
    const d = fm.find((x) => x.code === 'frontmatter.near-duplicate');
    assert.ok(d);
    assert.equal(d.severity, 'info');
    assert.match(d.message, /Each spelling gets its own page/);
    assert.equal(textOf(text, d), 'knife-skill');
    assert.equal(applyFix(text, d), '---\ntags:\n  - knife skills\n---\n');
  });

  it('the dominant spelling itself is never flagged', async () => {
    const { fm } = await check('---\ntags: ["kitchen-tools", "baking"]\n---\n');
    assert.deepEqual(fm.filter((x) => x.code === 'frontmatter.near-duplicate'), []);
  });

  it('unknown author: flagged with the closest ids, in YAML, TOML and JSON', async () => {
    for (const text of ['---\nauthors: ["ada", "Bo Okafor"]\n---\n', '+++\nauthors = ["ada", "Bo Okafor"]\n+++\n', '{\n  "authors": ["ada", "Bo Okafor"]\n}\n']) {
      const { fm } = await check(text);
      const d = fm.filter((x) => x.code === 'frontmatter.unknown-author');
      assert.equal(d.length, 1, `${text}: ${JSON.stringify(fm)}`);
      assert.equal(d[0].severity, 'info', 'Hugo builds a post whose author has no record');
      assert.equal(textOf(text, d[0]), '"Bo Okafor"');
      assert.deepEqual(d[0].data?.['candidates'], ['bo']);
      assert.equal(applyFix(text, d[0]).includes('["ada", "bo"]'), true);
    }
  });

  it('unknown author is silent on a site without author records', async () => {
    const fs = new MemoryFs('/s', { 'hugo.toml': '[taxonomies]\nauthor = "authors"\n', 'content/a.md': '---\nauthors: [zed]\n---\n' });
    const engine = await createPostcraft({ fs, roots: ['/s'], clock: fixedClock() });
    const ds = await engine.checkDocument('/s/content/a.md', '---\nauthors: [zed]\n---\n');
    assert.deepEqual(ds.filter((d) => d.code === 'frontmatter.unknown-author'), []);
  });

  it('invalid dates: impossible days and months, and text that is no date', async () => {
    const cases: [string, RegExp][] = [
      ['---\ndate: 2023-02-30T10:00:00+01:00\n---\n', /day 30 does not exist in 2023-02/],
      ['---\ndate: 2023-13-01\n---\n', /month 13/],
      ['---\nlastmod: "next tuesday"\n---\n', /none of the forms Hugo reads/],
      ['+++\ndate = "2023-04-31"\n+++\n', /day 31/],
      // Hugo has no layout for it (verified: test/fixtures/frontmatter/hugo-dates).
      ['---\ndate: "Jan 2, 2006"\n---\n', /none of the forms Hugo reads/],
    ];
    for (const [text, re] of cases) {
      const { fm } = await check(text);
      const d = fm.find((x) => x.code === 'frontmatter.invalid-date');
      assert.ok(d, `${text} → ${JSON.stringify(fm)}`);
      assert.equal(d.severity, 'error');
      assert.match(d.message, re);
    }
    for (const ok of ['---\ndate: 2024-02-29\n---\n', '---\ndate: 2019-04-11T14:39:51-07:00\n---\n', '---\ndate: 2020-03-14 09:00:00 +0100\n---\n', '+++\ndate = 2023-05-20T09:15:00+01:00\n+++\n', '+++\ndate = "2019-04-09T8:09:26-07:00"\n+++\n', '---\ndate: "02 Jan 2006"\n---\n', '---\nupdated: "next tuesday"\n---\n']) {
      const { fm } = await check(ok);
      assert.deepEqual(fm.filter((x) => x.code === 'frontmatter.invalid-date'), [], ok);
    }
  });

  it('wrong type: a string where every post has a list, with a fix that makes it a list', async () => {
    const text = '---\ntags: baking\ndraft: "no"\nweight: heavy\ntitle: [a, b]\n---\n';
    const { fm } = await check(text);
    const wrong = fm.filter((x) => x.code === 'frontmatter.wrong-type');
    assert.deepEqual(wrong.map((d) => textOf(text, d)).sort(), ['"no"', '[a, b]', 'baking', 'heavy']);
    const tags = wrong.find((d) => textOf(text, d) === 'baking')!;
    assert.match(tags.message, /5 of the site's posts write it as a list/);
    assert.equal(applyFix(text, tags).split('\n')[1], 'tags: [baking]');
    // A habit of the site is info; what Hugo throws away is a warning that says what Hugo reads
    // instead (verified: test/fixtures/frontmatter/hugo-accepted).
    const severity = Object.fromEntries(wrong.map((d) => [textOf(text, d), d.severity]));
    assert.deepEqual(severity, { baking: 'info', '"no"': 'warning', heavy: 'warning', '[a, b]': 'warning' });
    assert.match(wrong.find((d) => textOf(text, d) === '[a, b]')!.message, /Hugo reads it as empty text/);
  });

  it('a list for a text key is the site\'s convention when its posts often write lists (and the generator keeps them)', async () => {
    const post = (author: string) => `---\ntitle: P\nauthor: ${author}\n---\nText.\n`;
    const site = async (lists: number, singles: number) => {
      const tree: Record<string, string> = { '_config.yml': 'title: T\n' };
      for (let i = 0; i < lists; i++) tree[`_posts/2024-01-0${i + 1}-l${i}.md`] = post('[ada, bob]');
      for (let i = 0; i < singles; i++) tree[`_posts/2024-02-${String(i + 10)}-s${i}.md`] = post('ada');
      const engine = await createPostcraft({ fs: new MemoryFs('/site', tree), roots: ['/site'], clock: fixedClock() });
      return (await engine.checkSite(engine.sites[0])).filter((d) => d.code === 'frontmatter.wrong-type').length;
    };
    // Three of ten posts write a list: the site's templates loop over it.
    assert.equal(await site(3, 7), 0);
    // One of twelve: a slip, said as information.
    assert.equal(await site(1, 11), 1);
    // A mapping the site's layouts read (`page.image.feature`), written so in most posts.
    const tree: Record<string, string> = { '_config.yml': 'title: T\n' };
    for (let i = 1; i <= 4; i++) tree[`_posts/2024-01-0${i}-m${i}.md`] = '---\ntitle: M\nimage:\n  feature: a.png\n---\n';
    const engine = await createPostcraft({ fs: new MemoryFs('/site', tree), roots: ['/site'], clock: fixedClock() });
    assert.deepEqual((await engine.checkSite(engine.sites[0])).filter((d) => d.code === 'frontmatter.wrong-type'), []);
  });

  it('wrong type is info where Hugo converts the value (text it reads as a boolean or a number)', async () => {
    const text = '---\ndraft: "false"\nweight: "12"\n---\n';
    const { fm } = await check(text);
    const wrong = fm.filter((x) => x.code === 'frontmatter.wrong-type');
    assert.deepEqual(wrong.map((d) => [textOf(text, d), d.severity]), [
      ['"false"', 'info'],
      ['"12"', 'info'],
    ]);
  });

  it('syntax errors come once, from the parser, not again from these checks', async () => {
    const { all } = await check('---\ntags: ["a", "b"\ntitle: x\n---\n');
    assert.equal(all.filter((d) => d.code === 'frontmatter.syntax').length, 1);
    assert.deepEqual(all.filter((d) => d.code === 'frontmatter.wrong-type'), []);
  });

  it('a clean post has no front-matter findings', async () => {
    const { fm } = await check('---\ntitle: "Fine"\ndate: 2023-07-01T10:00:00+01:00\nauthors: ["ada"]\ntags: ["baking", "sourdough"]\ncategories: ["bread"]\ndraft: false\n---\nText.\n');
    assert.deepEqual(fm, []);
  });
});
