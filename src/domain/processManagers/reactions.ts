import type { EventInput, JsonValue, StoredEvent } from '../../eventstore/index.ts';
import type { AccountEvent, Stored } from '../accounts/events.ts';
import { derivedId } from '../ids.ts';
import type { RandomSource } from '../random.ts';
import { schemaMeta } from '../schema/eventSchema.ts';
import type { AccountProfile, AnyProcessManager } from './types.ts';

/** Whether a manager reacts to this stored event. Sample data already holds its own reactions. */
export function triggers(manager: AnyProcessManager, event: StoredEvent): boolean {
  return event.type === manager.trigger && event.meta.sample !== true;
}

/**
 * A manager's reaction as events ready to append: ids derived from the trigger
 * (so a repeated reaction is recognised by the store), the trigger as causation
 * and the flow's correlation id.
 */
export function reactionInputs(
  manager: AnyProcessManager,
  trigger: StoredEvent,
  account: AccountProfile,
  ctx: { random: RandomSource; at: string },
): EventInput[] {
  // `triggers` has checked the type; the union of managers cannot see that the two agree.
  const react = manager.react as (trigger: Stored<AccountEvent>, account: AccountProfile, ctx: { random: RandomSource }) => AccountEvent[];
  const events = react.call(manager, trigger as unknown as Stored<AccountEvent>, account, ctx);
  const correlationId = trigger.meta.correlationId ?? trigger.meta.id;
  return events.map((event, i) => ({
    type: event.type,
    payload: event.payload as unknown as JsonValue,
    meta: {
      id: derivedId('event', manager.name, trigger.meta.id, String(i)),
      at: ctx.at,
      causationId: trigger.meta.id,
      correlationId,
      ...schemaMeta(event.type),
    },
  }));
}
