/**
 * What a what-if branch computes with: its replay, the ledger's shortcut and
 * where a command in it takes place. Loaded with the first branch, so a person
 * who never branches does not fetch it before the first render.
 */
export { branchStates, eventAt, prepareBranch } from '../../replay/index.ts';
export { ledgerShortcut } from './whatIfShortcut.ts';
export { commandPlace } from './commandPlace.ts';
