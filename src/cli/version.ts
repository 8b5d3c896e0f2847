// Replaced at bundle time would be nicer; reading package.json keeps one source of truth.
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const VERSION: string = (require('../../package.json') as { version: string }).version;
