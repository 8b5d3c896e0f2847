import * as assert from 'node:assert/strict';
import { scoreFindings, type Finding } from '../../../bench/accuracy';
import type { PlantedLink } from '../../../bench/manifest';

const planted: PlantedLink[] = [
  { file: 'content/posts/a.md', line: 10, target: '../typo/', code: 'link.not-found' },
  { file: 'content/posts/a.md', line: 10, target: '../b/#nope', code: 'link.fragment-not-found' },
  { file: 'content/posts/b.md', line: 3, target: 'c.md', code: 'link.md-path' },
];

describe('bench accuracy checker', () => {
  it('counts every planted break found with its code, and nothing else', () => {
    const findings: Finding[] = [
      { file: 'content/posts/a.md', line: 10, code: 'link.fragment-not-found', target: '../b/#nope' },
      { file: 'content/posts/a.md', line: 10, code: 'link.not-found', target: '../typo/' },
      { file: 'content/posts/b.md', line: 3, code: 'link.md-path', target: 'c.md' },
    ];
    const r = scoreFindings(planted, findings);
    assert.equal(r.found, 3);
    assert.deepEqual([r.missed.length, r.wrongCode.length, r.falsePositives.length], [0, 0, 0]);
  });

  it('reports misses, wrong codes and false positives separately', () => {
    const findings: Finding[] = [
      { file: 'content/posts/a.md', line: 10, code: 'link.not-found', target: '../b/#nope' },
      { file: 'content/posts/c.md', line: 7, code: 'link.not-found', target: '/posts/x/' },
      { file: 'content/posts/c.md', line: 8, code: 'ref.not-found' },
    ];
    const r = scoreFindings(planted, findings);
    assert.equal(r.found, 0);
    assert.deepEqual(
      r.missed.map((m) => m.target),
      ['../typo/', 'c.md'],
    );
    assert.equal(r.wrongCode.length, 1);
    assert.equal(r.wrongCode[0].planted.target, '../b/#nope');
    assert.equal(r.falsePositives.length, 2);
    assert.deepEqual(r.falsePositivesByCode, { 'link.not-found': 1, 'ref.not-found': 1 });
  });

  it('does not let one finding answer for two planted breaks on the same line', () => {
    const r = scoreFindings(planted, [{ file: 'content/posts/a.md', line: 10, code: 'link.not-found' }]);
    assert.equal(r.found, 1);
    assert.equal(r.missed.length, 2);
  });

  it('matches findings without a target (the peer gives none) by file and line', () => {
    const r = scoreFindings(planted, [{ file: 'content/posts/b.md', line: 3, code: 'link.md-path' }]);
    assert.equal(r.found, 1);
    assert.equal(r.falsePositives.length, 0);
  });

  it('treats a finding on another line or file as a false positive plus a miss', () => {
    const r = scoreFindings([planted[2]], [{ file: 'content/posts/b.md', line: 4, code: 'link.md-path', target: 'c.md' }]);
    assert.equal(r.missed.length, 1);
    assert.equal(r.falsePositives.length, 1);
  });
});
