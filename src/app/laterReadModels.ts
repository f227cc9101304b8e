import { decisionsProjection, outboxProjection, reportsProjection } from '../domain/index.ts';

/**
 * The largest read models, which neither the accounts list nor an account's
 * screen reads: the first screen of a reload, or of a jump in time, need not
 * wait for them (the memory image's and time travel's `later`).
 */
export const LATER_READ_MODELS: readonly string[] = [outboxProjection.name, reportsProjection.name, decisionsProjection.name];
