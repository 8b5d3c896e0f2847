/**
 * The three things vscode-markdown-languageservice 0.4 takes from `vscode-languageserver`, which it
 * requires but does not declare (and which is not installed): an event emitter, a cancellation
 * token source and the diagnostic severities.
 */
type Listener<T> = (e: T) => void;

class Emitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

class CancellationTokenSource {
  private cancelled = false;
  private readonly emitter = new Emitter<void>();
  readonly token = {
    isCancellationRequested: false,
    onCancellationRequested: this.emitter.event,
  };
  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    this.token.isCancellationRequested = true;
    this.emitter.fire();
  }
  dispose(): void {
    this.emitter.dispose();
  }
}

export const languageServerShim = {
  Emitter,
  CancellationTokenSource,
  DiagnosticSeverity: { Error: 1, Warning: 2, Information: 3, Hint: 4 },
};
