import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * A short, stable id derived from its parts. Used where the same input must give
 * the same id on every run (a process manager's reaction to one event), so the
 * store's idempotency turns a repeated reaction into a no-op.
 */
export function derivedId(...parts: string[]): string {
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(parts)))).slice(0, 32);
}
