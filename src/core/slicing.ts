/**
 * Cooperative time slicing for the engine's long loops (checking thousands of links in one post):
 * every few milliseconds they give the host's event loop a turn, so an editor never freezes for the
 * whole loop. Host-agnostic: timers exist in Node, browsers and web workers alike.
 */
export class TimeSlicer {
  private last = performance.now();

  constructor(private readonly budgetMs = 8) {}

  /** Resolves at once while within budget; otherwise after one turn of the event loop. */
  async maybeYield(): Promise<void> {
    if (performance.now() - this.last < this.budgetMs) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    this.last = performance.now();
  }
}
