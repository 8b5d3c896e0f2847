/**
 * The preview's Content Security Policy: our one script (by nonce), our one stylesheet (by nonce),
 * images only from the site folders (and https when the user allowed it). Nothing else loads.
 */
import * as crypto from 'node:crypto';

export function makeNonce(): string {
  // Hex: always 32 characters, nothing to strip (base64 minus '+/=' could come out short).
  return crypto.randomBytes(16).toString('hex');
}

export function contentSecurityPolicy(cspSource: string, nonce: string, allowHttpsImages: boolean): string {
  const img = [cspSource, 'data:', ...(allowHttpsImages ? ['https:'] : [])].join(' ');
  return [`default-src 'none'`, `img-src ${img}`, `style-src 'nonce-${nonce}'`, `script-src 'nonce-${nonce}'`, `font-src ${cspSource}`, `base-uri 'none'`, `form-action 'none'`].join('; ');
}
