/**
 * The output of a text/template execution (how `hugo new` runs archetypes): template text as it
 * is, and each printed value as text/template prints it, with no escaping: "no value" (a missing
 * map key, a nil a function returned) prints `<no value>`, typed strings print their text, and
 * anything else prints as fmt's `%v`.
 */
import { formatV } from './format';
import { TimeValue } from './time';
import { EvalError, type Value } from './values';

export class TextWriter {
  private out = '';

  constructor(private readonly maxOutput: number) {}

  private emit(s: string): void {
    this.out += s;
    if (this.out.length > this.maxOutput) throw new EvalError(`output larger than ${this.maxOutput} characters`);
  }

  get length(): number {
    return this.out.length;
  }

  /** Drops what was written after `length` (a part that failed is written as it was instead). */
  truncate(length: number): void {
    this.out = this.out.slice(0, length);
  }

  result(): string {
    return this.out;
  }

  text(s: string): void {
    this.emit(s);
  }

  value(v: Value): void {
    if (v === undefined) return this.emit('<no value>');
    // Go prints a time with its zone's abbreviation (and `now` with a monotonic-clock reading).
    if (v instanceof TimeValue) throw new EvalError("printing a time (Go prints its zone's abbreviation, not known here); use .Format");
    this.emit(formatV(v));
  }
}
