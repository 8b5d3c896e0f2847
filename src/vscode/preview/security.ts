/**
 * The preview's Content Security Policy: our one script (by nonce), our one stylesheet (by nonce),
 * images only from the site folders (and https when the user allowed it). Nothing else loads.
 */
export function makeNonce(): string {
  // Web Crypto: in Node (globalThis.crypto since 19) and in the web extension host alike. Hex:
  // always 32 characters, nothing to strip (base64 minus '+/=' could come out short).
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function contentSecurityPolicy(cspSource: string, nonce: string, allowHttpsImages: boolean): string {
  const img = [cspSource, 'data:', ...(allowHttpsImages ? ['https:'] : [])].join(' ');
  return [`default-src 'none'`, `img-src ${img}`, `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `font-src ${cspSource}`, `base-uri 'none'`, `form-action 'none'`].join('; ');
}
