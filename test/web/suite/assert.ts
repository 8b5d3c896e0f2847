// The few assertions the web suite needs: Node's `assert` does not exist in a web worker.
export class AssertionError extends Error {}

export function ok(value: unknown, message = 'expected a truthy value'): asserts value {
  if (!value) throw new AssertionError(message);
}

export function equal<T>(actual: T, expected: T, message?: string): void {
  if (actual !== expected) throw new AssertionError(`${message ? message + ': ' : ''}expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

export function deepEqual(actual: unknown, expected: unknown, message?: string): void {
  const a = JSON.stringify(actual);
  const b = JSON.stringify(expected);
  if (a !== b) throw new AssertionError(`${message ? message + ': ' : ''}expected ${b}, got ${a}`);
}

export function match(text: string, re: RegExp, message?: string): void {
  if (!re.test(text)) throw new AssertionError(`${message ? message + ': ' : ''}${JSON.stringify(text.slice(0, 300))} does not match ${re}`);
}

export function fail(message: string): never {
  throw new AssertionError(message);
}
