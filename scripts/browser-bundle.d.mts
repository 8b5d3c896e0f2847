// Types of browser-bundle.mjs, for the TypeScript tests that bundle with the same settings.
import type { BuildOptions, BuildResult, Metafile } from 'esbuild';

export function browserOptions(entry: string, outfile: string, options?: { production?: boolean; problems?: string[] }): BuildOptions & { metafile: true };
export function checkBundle(outfile: string, metafile: Metafile): string[];
export function buildBrowserBundle(entry: string, outfile: string, options?: { production?: boolean }): Promise<BuildResult>;
