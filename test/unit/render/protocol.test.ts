import * as assert from 'node:assert/strict';
import { parseHostMessage, parsePageMessage, parsePageState } from '../../../src/core/render/protocol';

describe('preview message protocol', () => {
  it('accepts exactly the page messages we expect', () => {
    assert.deepEqual(parsePageMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parsePageMessage({ type: 'rendered', version: 3, ids: ['a', 'b'] }), { type: 'rendered', version: 3, ids: ['a', 'b'] });
    assert.deepEqual(parsePageMessage({ type: 'revealLine', line: 12 }), { type: 'revealLine', line: 12 });
    assert.deepEqual(parsePageMessage({ type: 'openLink', href: '../a/', form: 'link' }), { type: 'openLink', href: '../a/', form: 'link' });
    assert.deepEqual(parsePageMessage({ type: 'openLink', href: 'a.md', form: 'relref' }), { type: 'openLink', href: 'a.md', form: 'relref' });
  });

  it('ignores anything malformed, without throwing', () => {
    const bad: unknown[] = [
      undefined, null, 42, 'ready', [], { type: 'nope' }, { type: 'ready', extra: 1 },
      { type: 'rendered', version: -1, ids: [] }, { type: 'rendered', version: 1.5, ids: [] }, { type: 'rendered', version: 1 }, { type: 'rendered', version: 1, ids: [1] },
      { type: 'rendered', version: 1, ids: Array(201).fill('x') },
      { type: 'revealLine', line: NaN }, { type: 'revealLine', line: -3 }, { type: 'revealLine', line: '3' }, { type: 'revealLine', line: Infinity },
      { type: 'openLink', href: 1, form: 'link' }, { type: 'openLink', href: 'x', form: 'command' }, { type: 'openLink', href: 'x'.repeat(10_000), form: 'link' },
      { type: 'openLink', href: 'x', form: 'link', command: 'workbench.action.terminal.new' },
      Object.create({ type: 'ready' }),
    ];
    for (const b of bad) assert.equal(parsePageMessage(b), undefined, JSON.stringify(b));
  });

  it('checks host messages on the page side too', () => {
    assert.deepEqual(parseHostMessage({ type: 'scrollToLine', line: 4 }), { type: 'scrollToLine', line: 4 });
    assert.equal(parseHostMessage({ type: 'scrollToLine', line: -1 }), undefined);
    assert.equal(parseHostMessage({ type: 'update', version: 1, file: '/a.md', title: 't', headerHtml: '', bodyHtml: 1, lineCount: 3 }), undefined);
    assert.equal(parseHostMessage({ type: 'update', version: 1, file: '/a.md', title: 't', headerHtml: '', bodyHtml: '<p>x</p>', lineCount: 3 })?.type, 'update');
  });

  it('restores only well-formed saved state', () => {
    assert.deepEqual(parsePageState({ file: '/blog/content/a.md', line: 40 }), { file: '/blog/content/a.md', line: 40, locked: false });
    assert.deepEqual(parsePageState({ file: '/a.md', line: 'x', locked: true }), { file: '/a.md', line: undefined, locked: true });
    for (const bad of [undefined, {}, { file: 'relative.md' }, { file: 3 }, []]) assert.equal(parsePageState(bad), undefined);
  });
});

describe('preview lock message', () => {
  it('is accepted with a boolean only', () => {
    assert.deepEqual(parseHostMessage({ type: 'lock', locked: true }), { type: 'lock', locked: true });
    assert.equal(parseHostMessage({ type: 'lock', locked: 'yes' }), undefined);
  });
});
