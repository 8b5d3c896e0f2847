/**
 * Command ids are a public contract: the README's table lists every command package.json
 * contributes, and only those, with the same titles; views and their welcome content are declared.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../..');

interface Contributes {
  readonly commands: readonly { command: string; title: string }[];
  readonly views?: Record<string, readonly { id: string }[]>;
  readonly viewsWelcome?: readonly { view: string }[];
  readonly menus?: Record<string, readonly { command: string }[]>;
}

const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { contributes: Contributes };

function readmeRows(): Map<string, string> {
  const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const start = readme.indexOf('## Commands and views');
  assert.ok(start >= 0, 'the README has a Commands and views section');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 3));
  const rows = new Map<string, string>();
  for (const m of section.matchAll(/^\| `(postcraft\.[\w.]+)` \| (.*?) \| .* \|$/gm)) rows.set(m[1], m[2]);
  return rows;
}

describe('commands: the README lists the public command ids', () => {
  const rows = readmeRows();
  const commands = pkg.contributes.commands;

  it('every contributed command, and only those', () => {
    assert.deepEqual([...rows.keys()].sort(), commands.map((c) => c.command).sort());
  });

  it('with the title the palette shows', () => {
    for (const c of commands) assert.equal(rows.get(c.command), c.title, c.command);
  });

  it('no test-only command is contributed', () => {
    assert.deepEqual(commands.filter((c) => c.command.startsWith('postcraft.test.')), []);
  });

  it('menus name only contributed commands', () => {
    const ids = new Set(commands.map((c) => c.command));
    for (const [menu, items] of Object.entries(pkg.contributes.menus ?? {})) for (const i of items) assert.ok(ids.has(i.command), `${menu}: ${i.command}`);
  });

  it('the Posts and Taxonomies views are declared, the Posts view with its welcome content', () => {
    const views = Object.values(pkg.contributes.views ?? {}).flat().map((v) => v.id);
    assert.ok(views.includes('postcraft.posts') && views.includes('postcraft.taxonomies'), views.join(', '));
    assert.ok((pkg.contributes.viewsWelcome ?? []).some((w) => w.view === 'postcraft.posts'));
  });
});
