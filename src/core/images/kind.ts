/**
 * What counts as an image: by its name (what the generator and the browser go by) and, when the bytes
 * are at hand, by their signature (a `.png` that is really text is refused before it is copied).
 */

/** A bundle's index file (`index.md`, a language's `index.fr.md`): its folder is the post's. */
export const BUNDLE_INDEX = /^index\.(?:[^.]+\.)?[^.]+$/i;

/** Extensions browsers show in `<img>`, lower case, with their signature family. */
const IMAGE_EXTS: Readonly<Record<string, string>> = {
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  gif: 'gif',
  webp: 'webp',
  avif: 'avif',
  svg: 'svg',
  bmp: 'bmp',
  ico: 'ico',
  apng: 'png',
};

export function imageExtension(name: string): string | undefined {
  const m = /\.([A-Za-z0-9]+)$/.exec(name);
  const ext = m?.[1].toLowerCase();
  return ext && IMAGE_EXTS[ext] ? ext : undefined;
}

export function isImageName(name: string): boolean {
  return imageExtension(name) !== undefined;
}

/** The image family the bytes start with, or undefined when they are no image we know. */
export function sniffImage(bytes: Uint8Array): string | undefined {
  const b = (i: number) => bytes[i] ?? -1;
  const ascii = (from: number, s: string) => [...s].every((c, i) => b(from + i) === c.charCodeAt(0));
  if (b(0) === 0x89 && ascii(1, 'PNG')) return 'png';
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'jpeg';
  if (ascii(0, 'GIF8')) return 'gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'webp';
  if (ascii(4, 'ftyp') && (ascii(8, 'avif') || ascii(8, 'avis'))) return 'avif';
  if (ascii(0, 'BM')) return 'bmp';
  if (b(0) === 0 && b(1) === 0 && b(2) === 1 && b(3) === 0) return 'ico';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'svg';
  return undefined;
}

/** Whether bytes named `name` are an image of the kind the name says (a jpeg named .jpg is). */
export function imageMismatch(name: string, bytes: Uint8Array): string | undefined {
  const ext = imageExtension(name);
  if (!ext) return `${name} is not an image (expected ${Object.keys(IMAGE_EXTS).join(', ')}).`;
  const kind = sniffImage(bytes);
  if (!kind) return `${name} does not hold an image (its bytes are no ${ext.toUpperCase()}).`;
  if (kind !== IMAGE_EXTS[ext]) return `${name} holds a ${kind.toUpperCase()} image, not ${ext.toUpperCase()}: rename it to .${kind === 'jpeg' ? 'jpg' : kind}.`;
  return undefined;
}

/** The extension for an image of this family (a pasted clipboard image has no name). */
export function extensionFor(kind: string): string {
  return kind === 'jpeg' ? 'jpg' : kind;
}
