/** The accounts domain: commands, deciders, read models, process managers and sample data. */
export { DomainError, isDomainError, type DomainErrorCode } from './errors.ts';
export { seededRandom, randomUuid, type Clock, type RandomSource } from './random.ts';

export * from './accounts/events.ts';
export {
  COMMAND_TYPES,
  commandProblems,
  parseCommand,
  type AddFunds,
  type CloseAccount,
  type Command,
  type CommandType,
  type MarkMessageSent,
  type OpenAccount,
  type Transfer,
  type VerifyAccount,
  type Withdraw,
} from './accounts/commands.ts';
export { decide, type DecideContext } from './accounts/decider.ts';
export {
  accountOf,
  allAccounts,
  evolve,
  foldEvents,
  holderOf,
  initialState,
  isLedgerEvent,
  messageStatus,
  type DeciderAccount,
  type DeciderState,
  type MessageStatus,
} from './accounts/deciderState.ts';
export { streamOf } from './accounts/routing.ts';
export { accountNumberOfStream, accountStream, emailKey, emailStream } from './accounts/streams.ts';
export { MAX_AMOUNT, MAX_BALANCE, formatCents } from './accounts/money.ts';
export { CATEGORIES, MAX_CATEGORY_CHARS, UNCATEGORIZED, canonicalCategory, orderCategories, usedCategories, type PresetCategory } from './accounts/categories.ts';
export { SCHEMA_GENERATION, currentSchema, isNewerEvent, schemaMeta, schemaOf, upcast, upcastAll } from './schema/eventSchema.ts';
export { MAX_EMAIL_CHARS, MAX_MESSAGE_ID_CHARS, MAX_NOTE_CHARS, MAX_OWNER_CHARS } from './accounts/fields.ts';
export { parseVerificationQuery, verificationLink } from './accounts/messages.ts';
export { decisionsProjection, versionOf, type DecisionsState } from './readModels/decisions.ts';

export { ledgerProjections } from './readModels/index.ts';
export {
  accountsProjection,
  getAccount,
  listAccounts,
  searchAccounts,
  totalBalance,
  type AccountSummary,
  type AccountsState,
} from './readModels/accounts.ts';
export { historyBackward, historyEntryOf, type HistoryEntry, type HistoryKind, type HistoryStretch } from './readModels/history.ts';
export {
  balanceSeries,
  inactiveAccounts,
  localDay,
  moneyMovedBy,
  reportsProjection,
  type Granularity,
  type PeriodRow,
  type ReportsState,
  type UtcOffsetAt,
} from './readModels/reports.ts';
export { moveSpending, spendingProjection, withoutUnusedCategories, type CategoryMonth, type SpendingMonth, type SpendingState } from './readModels/spending.ts';
export {
  getMessage,
  listMessages,
  messageLink,
  OUTBOX_EVENT_TYPES,
  outboxProjection,
  verificationMessage,
  type OutboxMessage,
  type OutboxState,
} from './readModels/outbox.ts';
export { totalsProjection, type TotalsState } from './readModels/totals.ts';
export { PROCESS_MANAGER_CHECKPOINTS, processManagers } from './processManagers/processManagers.ts';
export { verificationMailer } from './processManagers/verificationMailer.ts';
export { withdrawalNotifier } from './processManagers/withdrawalNotifier.ts';
export type { AccountProfile, AnyProcessManager, ProcessManager } from './processManagers/types.ts';

export { sampleLedger } from './sample/sampleLedger.ts';
export { syntheticLedger, type SyntheticOptions } from './sample/synthetic.ts';
export { MIXED_SCRIPT_NOTES } from './sample/notes.ts';
// The ledger's rules (accounts/ledgerRules.ts), payload checks (accounts/payloadChecks.ts) and the spending
// report (readModels/spendingByCategory.ts) are imported from their modules: only code loaded on demand (file
// imports, what-if checks, the Reports screen) uses them, and a re-export here would bring them into the boot bundle.
