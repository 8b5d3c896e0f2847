import * as assert from 'node:assert/strict';
import { liquidTags } from '../../../src/core/markdown/liquidTagScan';

describe('Liquid tags outside raw sections', () => {
  it('finds the named tags with their bodies where they are written, and none inside {% raw %}', () => {
    const text = 'a {% include x.html k="v" %} {% raw %}{% include no.html %}{% endraw %} {%- link _posts/p.md -%} {% if x %}';
    const found = [...liquidTags(text, 0, ['include', 'link'])];
    assert.deepEqual(found.map((t) => [t.name, t.body, text.slice(t.start, t.end)]), [
      ['include', ' x.html k="v" ', '{% include x.html k="v" %}'],
      ['link', ' _posts/p.md ', '{%- link _posts/p.md -%}'],
    ]);
    for (const t of found) assert.equal(text.slice(t.bodyStart, t.bodyStart + t.body.length), t.body);
  });

  it('starts at `from` and finds a tag whose body repeats its name', () => {
    const text = '{% link a %} {% link link.md %}';
    const found = [...liquidTags(text, 5, ['link'])];
    assert.deepEqual(found.map((t) => [t.body, t.bodyStart]), [[' link.md ', 20]]);
  });
});
