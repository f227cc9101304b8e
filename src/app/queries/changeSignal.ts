/**
 * A tiny external store for useSyncExternalStore: a class that changes in
 * place calls `changed()`, and components subscribed re-render.
 */
export class ChangeSignal {
  private readonly listeners = new Set<() => void>();
  private version = 0;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  protected changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
