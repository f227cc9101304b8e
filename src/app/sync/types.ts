import type { StoreApi } from 'zustand/vanilla';
import type { Command } from '../../domain/accounts/commands.ts';
import type { Refusal } from '../../domain/sync/redecide.ts';

/**
 * Where this ledger's sync stands, as the header and the Sync panel show it:
 * - `off`: no sync space on this ledger (the app works exactly as without a server);
 * - `connecting`: a request or the live connection is being set up;
 * - `synced`: online, nothing waiting to send;
 * - `sending`: online, local changes on their way;
 * - `offline`: the server cannot be reached; changes wait on this device;
 * - `attention`: something the person must look at: a conflict, or the server refused this device (`error`).
 */
export type SyncPhase = 'off' | 'connecting' | 'synced' | 'sending' | 'offline' | 'attention';

/** Another device's change that a conflict ran into, in the words the notice needs. */
export interface CompetingChange {
  /** The event's id, so a what-if branch can leave it out. */
  eventId: string;
  device: string;
  type: string;
  at: string;
  accountNumber?: string;
  amount?: number;
}

/**
 * A command this device made while another device changed the same account:
 * decided again on top of what arrived, and either applied after all or
 * refused. Kept until the person dismisses it.
 */
export interface SyncConflict {
  id: string;
  /** The command as the person made it. */
  command: Command;
  /** When the person made it (ISO-8601 UTC). */
  at: string;
  /** This device's name when it was made. */
  device: string;
  outcome: 'applied' | 'refused';
  /** Why it was refused: the decider's error code, its sentence and its details. */
  reason?: Refusal;
  /** What the other devices recorded on the same accounts meanwhile. */
  competing: CompetingChange[];
}

export interface SyncStatus {
  phase: SyncPhase;
  /** Set once this ledger belongs to a sync space. */
  server?: string;
  spaceId?: string;
  deviceName?: string;
  /** Local events not yet on the server. */
  waiting: number;
  /** When this device last heard from the server (ISO-8601 UTC). */
  lastContact?: string;
  /** The last failure that needs the person (wrong secret, unknown space, a refusal), in words. */
  error?: { code: string; message: string };
  conflicts: SyncConflict[];
}

/** What the screens may do with sync: the Sync panel on the Data screen and the header's status. */
export interface LedgerSync {
  readonly status: StoreApi<SyncStatus>;
  /** Creates a new space on `server` holding this ledger, and starts syncing it. */
  createSpace(server: string, deviceName: string): Promise<void>;
  /** Joins the space a pairing link names; this ledger must be empty or already hold only what the space holds. */
  joinSpace(link: string, deviceName: string): Promise<void>;
  /** The link (and QR code content) that pairs another device; undefined while sync is off. */
  pairingLink(): string | undefined;
  renameDevice(name: string): Promise<void>;
  /** Stops syncing on this device; the ledger stays as it is. */
  disconnect(): Promise<void>;
  /** Pushes and pulls now instead of waiting. */
  syncNow(): Promise<void>;
  dismissConflict(id: string): Promise<void>;
}
