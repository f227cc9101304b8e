/**
 * Runs a task for each value given, one at a time: a value given while a task
 * runs waits for it, and only the newest waiting value runs next (those
 * before it are dropped). `settled` hears each value whose task ended with
 * nothing waiting behind it. For a control (a slider) whose every move starts
 * work at once, without piling up work nobody will see.
 */
export function latestRunner<T>(task: (value: T) => Promise<unknown>, settled: (value: T) => void = () => {}) {
  let running = false;
  let waiting: { value: T } | undefined;
  let stopped = false;

  const run = (value: T) => {
    running = true;
    void task(value)
      .catch(() => undefined)
      .finally(() => {
        running = false;
        const next = waiting;
        waiting = undefined;
        if (stopped) return;
        if (next) run(next.value);
        else settled(value);
      });
  };

  return {
    give(value: T): void {
      if (stopped) return;
      if (running) waiting = { value };
      else run(value);
    },
    /** Nothing waiting runs, and nothing more is heard. */
    stop(): void {
      stopped = true;
      waiting = undefined;
    },
  };
}
