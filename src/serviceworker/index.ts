export { pwaStore, startPwa } from './startPwa.ts';
export type { PwaState, PwaStore, StorageStatus } from './pwaStore.ts';
