/**
 * Lets a screen follow an object that changes in place (subscribe and a
 * version number, the shape useSyncExternalStore takes): it calls `changed()`.
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
