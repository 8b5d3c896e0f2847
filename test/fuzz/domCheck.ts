/**
 * Judges rendered HTML the way a browser would see it: parse5 implements the WHATWG parsing
 * algorithm (a different parser from the sanitiser's htmlparser2, so a disagreement between the two
 * shows up here instead of being shared), then every element and attribute of the tree is checked.
 */
import { parseFragment } from 'parse5';

/** Elements that run code, load documents, change where URLs point or submit anywhere. */
const FORBIDDEN_ELEMENTS = new Set([
  'script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'style', 'form', 'button', 'textarea', 'select',
  'svg', 'math', 'template', 'noscript', 'portal', 'video', 'audio', 'source', 'track',
]);

/** Attributes whose value is fetched or navigated to. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite', 'srcset', 'ping', 'codebase', 'longdesc', 'lowsrc', 'dynsrc']);

/** Attributes that are code or documents in themselves. */
const FORBIDDEN_ATTRIBUTES = new Set(['srcdoc', 'style', 'http-equiv', 'formaction', 'action']);

interface HtmlNode {
  readonly nodeName: string;
  readonly tagName?: string;
  readonly attrs?: readonly { readonly name: string; readonly value: string }[];
  readonly childNodes?: readonly HtmlNode[];
  readonly content?: HtmlNode;
}

/**
 * The scheme a browser would see in a URL attribute: it strips leading and trailing C0 controls and
 * spaces and removes tabs and newlines anywhere before parsing (URL standard).
 */
export function effectiveScheme(value: string): string | undefined {
  const cleaned = value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(cleaned);
  return m ? m[1].toLowerCase() : undefined;
}

function urlProblem(element: string, attr: string, value: string): string | undefined {
  const values = attr === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
  for (const v of values) {
    const scheme = effectiveScheme(v);
    if (!scheme) continue;
    if (scheme === 'javascript' || scheme === 'vbscript') return `${element}[${attr}] is a ${scheme}: URL: ${JSON.stringify(value.slice(0, 120))}`;
    // An <img> may show a data: image (it cannot run script); nothing else may load data: URLs.
    if (scheme === 'data' && !(element === 'img' && attr === 'src' && /^\s*data:image\//i.test(v))) return `${element}[${attr}] is a data: URL: ${JSON.stringify(value.slice(0, 120))}`;
  }
  return undefined;
}

/** Every reason the HTML could run code or navigate by itself; empty when it is inert. */
export function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  const visit = (n: HtmlNode): void => {
    if (n.tagName) {
      const tag = n.tagName.toLowerCase();
      if (FORBIDDEN_ELEMENTS.has(tag)) problems.push(`<${tag}> element`);
      if (tag === 'input') {
        const type = n.attrs?.find((a) => a.name === 'type')?.value.toLowerCase();
        if (type !== 'checkbox' || !n.attrs?.some((a) => a.name === 'disabled')) problems.push(`<input type=${type ?? '(none)'}> that is not a disabled checkbox`);
      }
      for (const a of n.attrs ?? []) {
        const name = a.name.toLowerCase();
        if (name.startsWith('on')) problems.push(`${tag}[${name}] event handler`);
        if (FORBIDDEN_ATTRIBUTES.has(name)) problems.push(`${tag}[${name}] attribute`);
        if (URL_ATTRIBUTES.has(name)) {
          const p = urlProblem(tag, name, a.value);
          if (p) problems.push(p);
        }
      }
    }
    for (const c of n.childNodes ?? []) visit(c);
    if (n.content) visit(n.content);
  };
  // parse5 throws on lone surrogates (String.fromCodePoint); a browser keeps them as text. Either way
  // they are not markup, so U+FFFD stands in without changing the tree.
  visit(parseFragment(html.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')) as unknown as HtmlNode);
  return problems;
}
