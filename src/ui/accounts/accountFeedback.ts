import type { DispatchResult } from '../../app/index.ts';

/** Tells the person a command on the account screen worked: a toast, and its new history lines highlighted. */
export type TellSuccess = (text: string, result: DispatchResult) => void;
