/**
 * Which front-matter keys a site's templates read, gathered while the generator reads its layouts:
 * a value no template reads is shown nowhere, so it cannot break a page (an image named in it is no
 * broken card). `dynamic`: some template reads keys we cannot name (a theme out of sight, a loop
 * over all params), so any key may be read.
 */
export interface ParamsRead {
  /** Top-level keys, lower case. */
  readonly keys: ReadonlySet<string>;
  readonly dynamic: boolean;
}

export class ParamsReadBuilder {
  private readonly keys = new Set<string>();
  private dynamic = false;

  add(key: string): void {
    this.keys.add(key.toLowerCase());
  }

  unknown(): void {
    this.dynamic = true;
  }

  build(): ParamsRead {
    return { keys: this.keys, dynamic: this.dynamic };
  }
}
