import type { EventInput, JsonValue, StoredEvent } from '../../eventstore/index.ts';
import { parseCommand } from '../accounts/commands.ts';
import { decide } from '../accounts/decider.ts';
import type { LedgerEvent } from '../accounts/events.ts';
import { streamOf } from '../accounts/routing.ts';
import { evolve, initialState, type DeciderState } from '../accounts/deciderState.ts';
import { DomainError } from '../errors.ts';
import { processManagers } from '../processManagers/processManagers.ts';
import { reactionInputs } from '../processManagers/reactions.ts';
import type { AccountProfile } from '../processManagers/types.ts';
import { randomUuid, type RandomSource } from '../random.ts';
import { schemaMeta } from '../schema/eventSchema.ts';

/**
 * Builds a valid history in memory, as if commands had been dispatched at given
 * times and the process managers had reacted: every event goes through the real
 * decider, so generated data obeys the rules (no negative balance, verified
 * before withdrawing). Events come out exactly as the store would keep them in
 * an empty log, marked as sample data.
 */
export function createLedgerBuilder(random: RandomSource) {
  let state: DeciderState = initialState();
  const versions = new Map<string, number>();
  // The process managers' view of each account, as the runner takes it from the opening (the decision state keeps no owner).
  const profiles = new Map<string, AccountProfile>();
  const events: StoredEvent[] = [];
  let lastAt = '';

  function store(input: EventInput, stream: string, at: string): StoredEvent {
    // Time never runs backwards in the log, so seq order and time order agree.
    const time = at > lastAt ? at : new Date(Date.parse(lastAt) + 1).toISOString();
    lastAt = time;
    const version = (versions.get(stream) ?? 0) + 1;
    versions.set(stream, version);
    const meta = { ...input.meta, id: input.meta?.id ?? randomUuid(random), at: time, sample: true, seq: events.length + 1, stream, version };
    const stored: StoredEvent = { type: input.type, payload: input.payload ?? null, meta };
    events.push(stored);
    state = evolve(state, stored as unknown as LedgerEvent);
    if (stored.type === 'AccountOpened') {
      const { accountNumber, owner, email } = stored.payload as AccountProfile;
      profiles.set(accountNumber, { accountNumber, owner, email });
    }
    return stored;
  }

  function react(trigger: StoredEvent, at: Date): StoredEvent[] {
    const out: StoredEvent[] = [];
    for (const manager of processManagers) {
      if (trigger.type !== manager.trigger) continue;
      const profile = profiles.get((trigger.payload as { accountNumber: string }).accountNumber)!;
      const reactAt = new Date(at.getTime() + 60_000).toISOString();
      for (const input of reactionInputs(manager, trigger, profile, { random, at: reactAt }))
        out.push(store(input, trigger.meta.stream, reactAt));
    }
    return out;
  }

  return {
    state: () => state,
    events: () => events,
    /**
     * Decides `command` at time `at`; stores its events and the process managers'
     * reactions. Returns undefined, storing nothing, when the rules refuse it.
     */
    run(command: unknown, at: Date): StoredEvent[] | undefined {
      let decided: LedgerEvent[];
      try {
        decided = decide(parseCommand(command), state, { random });
      } catch (error) {
        if (error instanceof DomainError) return undefined;
        throw error;
      }
      const iso = at.toISOString();
      const stored = decided.map((e) => store({ type: e.type, payload: e.payload as unknown as JsonValue, meta: schemaMeta(e.type) }, streamOf(e), iso));
      return [...stored, ...stored.flatMap((e) => react(e, at))];
    },
  };
}

export type LedgerBuilder = ReturnType<typeof createLedgerBuilder>;
