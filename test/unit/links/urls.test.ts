import * as assert from 'node:assert/strict';
import { decodePath, hostOf, lookupServed, resolvePath, servedCandidates } from '../../../src/core/links/urls';

describe('URL paths as hosts serve them', () => {
  it('resolves dot segments as a browser, then merges repeated slashes as a host', () => {
    assert.equal(resolvePath('/posts/a/', '..//b/'), '/posts/b/');
    assert.equal(resolvePath('/', '/a//b///c'), '/a/b/c');
    // The browser resolves `..` against the empty segment first: /a//.. is /a/, not /.
    assert.equal(resolvePath('/', '/a//../c'), '/a/c');
    assert.equal(resolvePath('/x/y.html', 'z'), '/x/z');
  });

  it('decodes percent escapes of any case, keeping malformed ones', () => {
    assert.equal(decodePath('/caf%c3%a9/'), '/café/');
    assert.equal(decodePath('/caf%C3%A9/'), decodePath('/café/'));
    assert.equal(decodePath('/100%/'), '/100%/');
  });

  it('takes the own host with or without www, any scheme, protocol-relative, as one host', () => {
    for (const u of ['https://blog.example.com/x', 'http://www.blog.example.com', '//blog.example.com/x', 'HTTPS://WWW.Blog.Example.com./', 'https://user@blog.example.com:8443/x']) assert.equal(hostOf(u), 'blog.example.com', u);
    assert.equal(hostOf('/x'), undefined);
    assert.equal(hostOf('mailto:a@b.c'), undefined);
  });

  it('tries x.html for /x, and a page at /x for x.html, only where the host serves HTML so', () => {
    assert.deepEqual(servedCandidates({}, '/a').map((c) => c.url), ['/a', '/a/', '/a/index.html']);
    assert.deepEqual(servedCandidates({ htmlExtensionOptional: true }, '/a').map((c) => c.url), ['/a', '/a/', '/a/index.html', '/a.html']);
    assert.deepEqual(servedCandidates({ htmlExtensionOptional: true }, '/a.html'), [{ url: '/a.html' }, { url: '/a.html/' }, { url: '/a.html/index.html' }, { url: '/a', pageOnly: true }]);
    assert.deepEqual(servedCandidates({ htmlExtensionOptional: true }, '/a/').map((c) => c.url), ['/a/', '/a/index.html']);
    // A file at /LICENSE is not served at /LICENSE.html; a page at /about is (written as about.html).
    const table = new Map<string, { type: string }[]>([['/LICENSE', [{ type: 'file' }]], ['/about', [{ type: 'page' }]]]);
    const get = (u: string) => table.get(u) ?? [];
    assert.deepEqual(lookupServed({ htmlExtensionOptional: true }, '/LICENSE.html', get), []);
    assert.deepEqual(lookupServed({ htmlExtensionOptional: true }, '/about.html', get), [{ type: 'page' }]);
    assert.deepEqual(lookupServed({}, '/about.html', get), []);
  });
});
