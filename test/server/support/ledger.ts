import { accountStream, emailStream, schemaMeta, UNCATEGORIZED } from '../../../src/domain/index.ts';
import { verificationQueued } from '../../../src/domain/processManagers/verificationMailer.ts';
import type { JsonValue, PushCommit, WireEvent } from '../../../server/store/types.ts';

/**
 * Commits as one device's commands write them, valid by the ledger's rules: each call
 * returns one commit and moves this device's idea of each stream's version along.
 */
export class DeviceLedger {
  private readonly versions = new Map<string, number>();
  private count = 0;

  constructor(
    readonly name: string,
    private readonly at = '2026-03-01T09:00:00.000Z',
  ) {}

  open(accountNumber: string, owner = 'Ann Lee'): PushCommit {
    const email = `${accountNumber}@example.org`;
    const queued = verificationQueued({ accountNumber, owner, email }, this.id('m'), '123456');
    return this.commit([
      ['AccountOpened', accountStream(accountNumber), { accountNumber, owner, email }],
      ['EmailReserved', emailStream(email), { email, accountNumber }],
      [queued.type, accountStream(accountNumber), queued.payload as unknown as JsonValue],
      ['AccountVerified', accountStream(accountNumber), { accountNumber }],
    ]);
  }

  deposit(accountNumber: string, amount: number): PushCommit {
    return this.commit([['FundsAdded', accountStream(accountNumber), { accountNumber, amount, category: UNCATEGORIZED }]]);
  }

  withdraw(accountNumber: string, amount: number): PushCommit {
    return this.commit([['FundsWithdrawn', accountStream(accountNumber), { accountNumber, amount, category: 'Groceries' }]]);
  }

  transfer(from: string, to: string, amount: number, halves: 'both' | 'sent only' = 'both'): PushCommit {
    const transferId = this.id('t');
    const sent: Step = ['TransferSent', accountStream(from), { accountNumber: from, transferId, to, amount, category: UNCATEGORIZED }];
    const received: Step = ['TransferReceived', accountStream(to), { accountNumber: to, transferId, from, amount, category: UNCATEGORIZED }];
    return this.commit(halves === 'both' ? [sent, received] : [sent]);
  }

  /** Forgets what a commit did, as when the server refused it. */
  undo(commit: PushCommit): void {
    for (const event of commit.events) this.versions.set(event.meta.stream, event.meta.version - 1);
  }

  private commit(steps: Step[]): PushCommit {
    const events = steps.map(([type, stream, payload]): WireEvent => {
      const version = (this.versions.get(stream) ?? 0) + 1;
      this.versions.set(stream, version);
      return { type, payload, meta: { id: this.id('e'), stream, version, at: this.at, ...schemaMeta(type) } };
    });
    return { id: this.id('c'), events };
  }

  private id(kind: string): string {
    this.count += 1;
    return `${this.name}-${kind}${this.count}`;
  }
}

type Step = [type: string, stream: string, payload: JsonValue];
