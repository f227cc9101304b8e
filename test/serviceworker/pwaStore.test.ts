import { describe, expect, test, vi } from 'vitest';
import { createPwaStore, type PwaPorts } from '../../src/serviceworker/pwaStore.ts';

type StoragePort = NonNullable<PwaPorts['storage']>;

function fakeStorage(overrides: Partial<StoragePort> = {}) {
  let persisted = false;
  const storage = {
    estimate: vi.fn(async () => ({ usage: 2_000, quota: 1_000_000 })),
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => {
      persisted = true;
      return true;
    }),
    ...overrides,
  };
  return storage;
}

function setup(ports: Partial<PwaPorts> = {}) {
  const acceptUpdate = vi.fn();
  const store = createPwaStore({ isOnline: () => true, storage: fakeStorage(), acceptUpdate, ...ports });
  return { store, acceptUpdate };
}

describe('connectivity', () => {
  test('starts offline when the browser says so', () => {
    expect(setup({ isOnline: () => false }).store.getState().offline).toBe(true);
    expect(setup({ isOnline: () => true }).store.getState().offline).toBe(false);
  });
});

describe('updates', () => {
  test('accepting does nothing while no update waits', () => {
    const { store, acceptUpdate } = setup();
    store.getState().acceptUpdate();
    expect(acceptUpdate).not.toHaveBeenCalled();
  });

  test('accepting a waiting update hands it to the service worker', () => {
    const { store, acceptUpdate } = setup();
    store.setState({ updateAvailable: true });
    store.getState().acceptUpdate();
    expect(acceptUpdate).toHaveBeenCalledOnce();
  });
});

describe('storage', () => {
  test('reads usage, quota and persistence', async () => {
    const { store } = setup();
    await store.getState().refreshStorage();
    expect(store.getState().storage).toEqual({ persisted: false, usage: 2_000, quota: 1_000_000, error: null });
  });

  test('without the storage API it says so and knows nothing', async () => {
    const { store } = setup({ storage: undefined });
    await store.getState().refreshStorage();
    expect(store.getState().storage).toEqual({
      persisted: null,
      usage: null,
      quota: null,
      error: 'This browser does not report storage use.',
    });
    expect(await store.getState().requestPersistence()).toBe(false);
  });

  test('a failing estimate is reported and changes nothing else', async () => {
    const estimate = vi.fn(async (): Promise<StorageEstimate> => ({ usage: 2_000, quota: 1_000_000 }));
    const { store } = setup({ storage: fakeStorage({ estimate }) });
    await store.getState().refreshStorage();
    estimate.mockRejectedValueOnce(new Error('disk unavailable'));
    await store.getState().refreshStorage();
    expect(store.getState().storage).toEqual({
      persisted: false,
      usage: 2_000,
      quota: 1_000_000,
      error: 'Could not read storage use: disk unavailable',
    });
  });

  test('a slow, stale reading never overwrites a newer one', async () => {
    let answerFirst: (persisted: boolean) => void = () => {};
    const persisted = vi
      .fn<() => Promise<boolean>>()
      .mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)))
      .mockResolvedValue(true);
    const { store } = setup({ storage: fakeStorage({ persisted }) });
    const first = store.getState().refreshStorage();
    await store.getState().refreshStorage();
    answerFirst(false);
    await first;
    expect(store.getState().storage.persisted).toBe(true);
  });

  test('asking for persistence once it is granted does not ask again', async () => {
    const storage = fakeStorage();
    const { store } = setup({ storage });
    expect(await store.getState().requestPersistence()).toBe(true);
    expect(store.getState().storage.persisted).toBe(true);
    expect(await store.getState().requestPersistence()).toBe(true);
    expect(storage.persist).toHaveBeenCalledOnce();
  });

  test('a declined request leaves the data marked as not persisted', async () => {
    const storage = fakeStorage({ persist: vi.fn(async () => false) });
    const { store } = setup({ storage });
    expect(await store.getState().requestPersistence()).toBe(false);
    expect(store.getState().storage).toMatchObject({ persisted: false, error: null });
  });

  test('a request that throws is reported', async () => {
    const storage = fakeStorage({ persist: vi.fn(async () => Promise.reject(new Error('not allowed'))) });
    const { store } = setup({ storage });
    expect(await store.getState().requestPersistence()).toBe(false);
    expect(store.getState().storage.error).toBe('Could not ask for persistent storage: not allowed');
  });
});
