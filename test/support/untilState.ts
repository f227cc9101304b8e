/** A Zustand store as far as waiting on it goes. */
interface Watched<S> {
  getState(): S;
  subscribe(listener: (state: S) => void): () => void;
}

/** Resolves with the store's state once `done` holds for it: at once, or at the change that makes it so. */
export function untilState<S>(store: Watched<S>, done: (state: S) => boolean): Promise<S> {
  return new Promise((resolve) => {
    if (done(store.getState())) return resolve(store.getState());
    const stop = store.subscribe((state) => {
      if (!done(state)) return;
      stop();
      resolve(state);
    });
  });
}
