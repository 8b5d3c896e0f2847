/**
 * The preview webview's walls, tested where they are built: the Content Security Policy, the page
 * shell (one script, by nonce), and the message parser every message from the page goes through
 * (src/vscode/preview/panel.ts calls parsePageMessage before acting on anything).
 */
import * as assert from 'node:assert/strict';
import { parseFragment } from 'parse5';
import { contentSecurityPolicy, makeNonce } from '../../../src/vscode/preview/security';
import { previewShell } from '../../../src/vscode/preview/html';
import { parsePageMessage, parsePageState } from '../../../src/core/render/protocol';
import { DEFAULT_MARKUP, renderPost } from '../../../src/core/render/render';
import { unsafeParts } from '../../fuzz/domCheck';

const CSP_SOURCE = 'https://file+.vscode-resource.vscode-cdn.net';

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
}

interface El {
  readonly nodeName: string;
  readonly tagName?: string;
  readonly attrs?: readonly { name: string; value: string }[];
  readonly childNodes?: readonly El[];
}

function elements(html: string): El[] {
  const out: El[] = [];
  const visit = (n: El) => {
    if (n.tagName) out.push(n);
    for (const c of n.childNodes ?? []) visit(c);
  };
  visit(parseFragment(html) as unknown as El);
  return out;
}

const attr = (e: El, name: string) => e.attrs?.find((a) => a.name === name)?.value;

describe('robustness: webview', () => {
  it('the CSP allows nothing but our nonce\'d script and style, local images (and https when allowed)', () => {
    for (const https of [false, true]) {
      const d = directives(contentSecurityPolicy(CSP_SOURCE, 'N0nce', https));
      assert.deepEqual(d.get('default-src'), ["'none'"]);
      assert.deepEqual(d.get('script-src'), ["'nonce-N0nce'"]);
      assert.deepEqual(d.get('style-src'), ["'nonce-N0nce'"]);
      assert.deepEqual(d.get('img-src'), [CSP_SOURCE, 'data:', ...(https ? ['https:'] : [])]);
      assert.deepEqual(d.get('base-uri'), ["'none'"]);
      assert.deepEqual(d.get('form-action'), ["'none'"]);
      for (const [name, values] of d) {
        for (const v of values) assert.ok(!/unsafe|^\*$|^http:$|^blob:$/.test(v), `${name} ${v}`);
        if (name !== 'img-src') assert.ok(!values.includes('data:') && !values.includes('https:'), `${name} allows ${values.join(' ')}`);
      }
      assert.ok(!d.has('connect-src') && !d.has('frame-src') && !d.has('object-src'), 'everything else falls back to default-src none');
    }
  });

  it('nonces are fresh, long and plain (safe inside an attribute and a CSP)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const n = makeNonce();
      assert.match(n, /^[A-Za-z0-9]{20,}$/);
      seen.add(n);
    }
    assert.equal(seen.size, 200);
  });

  it('the page shell has exactly one script (ours, by nonce), whatever the post and its path contain', () => {
    const hostile = '---\ntitle: "</title><script>alert(1)</script>"\n---\n<script>alert(2)</script>\n<img src=x onerror=alert(3)>\n[x](javascript:alert(4))\n';
    for (const unsafeHtml of [false, true]) {
      const post = renderPost(hostile, { ...DEFAULT_MARKUP, dialect: { ...DEFAULT_MARKUP.dialect, rawHtml: unsafeHtml } }, { resolveImage: () => ({ missing: true, reason: 'x' }), resolveLink: () => ({ kind: 'other' }) });
      const html = previewShell({ post, file: '/b/"><script>alert(5)</script>.md', version: 1, scriptUri: `${CSP_SOURCE}/ext/dist/media/preview.js`, cspSource: CSP_SOURCE, nonce: 'N0nce', allowHttpsImages: false, scrollSync: true, initialLine: 0 });
      const all = elements(html.replace(/^<!DOCTYPE html>/, ''));
      const scripts = all.filter((e) => e.tagName === 'script');
      assert.equal(scripts.length, 1, `${scripts.length} scripts`);
      assert.equal(attr(scripts[0], 'nonce'), 'N0nce');
      assert.equal(attr(scripts[0], 'src'), `${CSP_SOURCE}/ext/dist/media/preview.js`);
      const meta = all.filter((e) => e.tagName === 'meta' && attr(e, 'http-equiv')?.toLowerCase() === 'content-security-policy');
      assert.equal(meta.length, 1);
      assert.equal(attr(meta[0], 'content'), contentSecurityPolicy(CSP_SOURCE, 'N0nce', false));
      assert.deepEqual(unsafeParts(post.headerHtml + post.bodyHtml), []);
      assert.ok(!all.some((e) => e.attrs?.some((a) => a.name.startsWith('on'))), 'no event handler anywhere in the page');
    }
  });

  it('page messages: prototype tricks, wrong types and oversized values are dropped, never thrown on', () => {
    const bad: unknown[] = [
      JSON.parse('{"__proto__":{"type":"ready"}}'),
      JSON.parse('{"type":"ready","__proto__":{"x":1}}'),
      JSON.parse('{"type":"openLink","href":"x","form":"link","constructor":{"prototype":{"polluted":1}}}'),
      Object.assign(Object.create({ href: 'inherited' }), { type: 'openLink', form: 'link' }),
      { type: 'openLink', href: 'x', form: '__proto__' },
      { type: 'openLink', href: 'x', form: 'toString' },
      { type: 'openLink', href: ['x'], form: 'link' },
      { type: 'openLink', href: 'x'.repeat(8193), form: 'link' },
      { type: 'rendered', version: Number.MAX_SAFE_INTEGER + 2, ids: [] },
      { type: 'rendered', version: 1, ids: { length: 1, 0: 'x' } },
      { type: 'rendered', version: 1, ids: ['x'.repeat(8193)] },
      { type: 'revealLine', line: 1e12 },
      { type: 'revealLine', line: -0.5 },
      { type: ['ready'] },
      new Map([['type', 'ready']]),
      new Date(),
      Object.assign(() => undefined, { type: 'ready' }),
      new Proxy({}, {}),
    ];
    for (const b of bad) assert.equal(parsePageMessage(b), undefined, String(Object.keys(b as object)));
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    // The accepted form is a copy: a page cannot smuggle extra state through an accepted object.
    const ok = JSON.parse('{"type":"openLink","href":"/a/","form":"link"}') as unknown;
    const m = parsePageMessage(ok);
    assert.deepEqual(m, { type: 'openLink', href: '/a/', form: 'link' });
    assert.notEqual(m, ok);
  });

  it('restored page state: only an absolute path and plain values survive', () => {
    assert.equal(parsePageState(JSON.parse('{"__proto__":{"file":"/a.md"}}')), undefined);
    assert.equal(parsePageState({ file: '/'.padEnd(5000, 'x') }), undefined);
    assert.deepEqual(parsePageState({ file: '/a.md', line: 1e300, locked: 'yes' }), { file: '/a.md', line: undefined, locked: false });
  });
});
