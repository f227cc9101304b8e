/**
 * What the bench page offers the runner (window.rewindBench) and what each
 * measurement returns. Types only: the runner imports them, never the page code.
 */

export interface SeedOptions {
  events: number;
  accounts: number;
  seed: number;
  /** The share of movements on the first account, whose history grows long (syntheticLedger's busiestShare). */
  busiestShare: number;
  /** The first this many events are also written one record per event, for the baselines. */
  baselineCap: number;
}

export interface SeedResult {
  events: number;
  streams: number;
  ms: number;
  generateMs: number;
  waitForWriteMs: number;
  meanEventJsonBytes: number;
  /** Writing the same events as schema 1 into a log of their own (for the upcasting measurement), after `ms`. */
  schemaOneCopyMs?: number;
}

export interface BaselineOptions {
  /** Baselines read at most this many events (the first ones): their rate, not their total, is compared. */
  cap: number;
  /** Events per record in the packed layout. */
  packSize: number;
  /** Commands in the one-transaction-per-command baseline. */
  oneTxCommands: number;
}

export interface Rate {
  events: number;
  ms: number;
  eventsPerS: number;
}

export interface PackedReads {
  rawPacked: Rate;
  rawPackedJson: Rate & { parseMs: number };
}

export interface BaselineResult {
  /** One getAll over the same events stored one record per event (bench/page/rowsDb.ts). */
  rawRows: Rate;
  /** The same events packed `packSize` per record (structured clone of an array), one getAll. */
  rawPacked: Rate & { records: number; writeMs: number };
  /** Packed as one JSON string per record: getAll, then JSON.parse. */
  rawPackedJson: Rate & { parseMs: number };
  /** Dexie table of events, toArray, then fold every projection. */
  naive: Rate & { readMs: number; foldMs: number };
  /** The store's readAll in the replay's batch size, no fold: the app's read path. */
  storeRead: Rate & { batchSize: number };
  /** One strict readwrite transaction per command (as durable as the store's commits), all started without waiting: what group commit must beat. */
  oneTx: { commands: number; ms: number; perS: number };
  /** The same with Chromium's default, relaxed durability (reported, no target). */
  oneTxRelaxed: { commands: number; ms: number; perS: number };
}

export interface FullReplayResult extends Rate {
  readMs: number;
  foldMs: number;
  /** Fold time of each projection alone over the first `sampleEvents` events, in ms. */
  perProjectionMs: Record<string, number>;
  sampleEvents: number;
  /** Checking every page's checksum, as the replay's reads do, timed alone (see checksumTime). */
  checksumMs: number;
  /** Pages whose checksum was checked (and matched). */
  checksummedPages: number;
  /** Checking that each of the first `sampleEvents` events is shaped like one, as reads of pages without a checksum do, timed alone. */
  shapeCheckMs: number;
}

export interface UpcastReplayRound {
  /** Full replay of the log as the app reads it, through the upcasters (currentShapes). */
  liftedMs: number;
  /** The same replay on the log as stored: nothing lifted, nothing asked. */
  storedMs: number;
  /** The same events stored as schema 1, every movement lifted on read (one round only). */
  schemaOneMs?: number;
}

export interface UpcastReplayResult {
  events: number;
  rounds: UpcastReplayRound[];
  /** Lifting alone: `upcastAll` over every batch of the log, timed without the reads. */
  liftMs: number;
}

export interface KeyframesResult {
  seqs: number[];
  ms: number;
  saveMs: number;
  /** Saving every read model at each keyframe, in order: what one snapshot of the live image costs at that size. */
  saveMsEach: number[];
}

export interface SnapshotInfo {
  name: string;
  seq: number;
  loadMs: number;
  /** Length of the state as JSON: a fair proxy for its stored size. */
  jsonBytes: number;
}

export interface SnapshotsResult {
  /** Opening the log as the app does (registry, then the database). */
  openMs: number;
  projections: SnapshotInfo[];
}

export interface TimeTravelJump {
  seq: number;
  /** To the view landing with what the first screens read. */
  ms: number;
  /** To the larger read models (the app's `later`) following it: the whole past view. */
  wholeMs: number;
  /** From the first snapshot load started to the last one done. */
  snapshotMs: number;
  readMs: number;
  /** Events replayed on top of the keyframe. */
  distance: number;
}

export interface TimeTravelResult {
  jumps: TimeTravelJump[];
  requested: number;
  budgetHit: boolean;
}

export interface WhatIfRun {
  fromSeq: number;
  toSeq: number;
  ms: number;
  /** The real state just before the branch point (keyframe + tail), measured alone. */
  baseMs: number;
  branchEvents: number;
  /** 'partitioned' when only what the change touches was re-folded, 'replayed' when every later event was. */
  method: 'partitioned' | 'replayed';
}

export interface ExportRun {
  events: number;
  bytes: number;
  ms: number;
}

export interface ImportRun {
  /** Events read, checked and written; fewer than the file holds when the time budget cut the import short. */
  events: number;
  ms: number;
  /** The time budget ran out before the import finished: the rate is over the part done. */
  partial: boolean;
}

export interface AppendSample {
  ms: number;
  /** Time in the store's readStream calls (the command handler loading its streams). */
  readMs: number;
  reads: number;
  /** Time in appendMany (the write transaction). */
  appendMs: number;
  events: number;
}

export interface BurstRun {
  commands: number;
  /** Commands done (durable and in the memory image) when the burst was measured. */
  ok: number;
  failed: Record<string, number>;
  ms: number;
  /** appendMany calls: one per command plus one per retry after a version conflict. */
  appendCalls: number;
  /** readStream calls done by then (the command handler loading streams), and the time they took together. */
  reads: number;
  readMs: number;
  /** When the first command was done (ms after the burst started); absent when none was. */
  firstDoneMs?: number;
  /** The time budget ran out before every command settled: the rate is over those done by then. */
  partial: boolean;
}

export interface CommandsOptions {
  appends: number;
  warmup: number;
  /** 0 to skip the burst. */
  burst: number;
  burstBudgetMs: number;
  seed: number;
  /** Leave the ledger open afterwards (close it with closeLedgers). */
  keepOpen?: boolean;
}

export interface CommandsResult {
  bootMs: number;
  appends: AppendSample[];
  /** Commands the domain refused (nothing appended), left out of the samples. */
  refused: number;
  /**
   * Whether the handler's store calls went through the timing wrappers; when
   * false, readMs and appendMs are zero because nothing was timed, not because nothing took time.
   */
  instrumented: boolean;
  burst?: BurstRun;
}

export interface BenchApi {
  seed(options: SeedOptions): Promise<SeedResult>;
  /** The baselines in three steps, each on a fresh page (see baselines.ts). */
  baselineRows(options: BaselineOptions): Promise<Pick<BaselineResult, 'rawRows' | 'oneTx' | 'oneTxRelaxed'> & { packedWrite: { records: number; writeMs: number } }>;
  baselinePacked(): Promise<PackedReads>;
  baselineNaive(options: Pick<BaselineOptions, 'cap'>): Promise<Pick<BaselineResult, 'naive' | 'storeRead'>>;
  fullReplay(options: { sampleEvents: number }): Promise<FullReplayResult>;
  upcastReplay(options: { rounds: number }): Promise<UpcastReplayResult>;
  keyframes(options: { every: number; keep: number }): Promise<KeyframesResult>;
  snapshots(): Promise<SnapshotsResult>;
  /** Loads one projection's newest snapshot and keeps it referenced (heap attribution). */
  holdSnapshot(name: string): Promise<void>;
  timeTravel(options: { jumps: number; seed: number; budgetMs: number }): Promise<TimeTravelResult>;
  /** `account`: the second account opened, with an ordinary history, or the first, the busiest (settings.busiestShare). */
  whatIf(options: { back: number; account: 'ordinary' | 'busiest' }): Promise<WhatIfRun>;
  exportLog(): Promise<ExportRun>;
  /** Reads and checks the exported file, writing nothing: the import's own work without IndexedDB. */
  verifyLog(options: { budgetMs: number }): Promise<ImportRun>;
  importLog(options: { budgetMs: number }): Promise<ImportRun>;
  commands(options: CommandsOptions): Promise<CommandsResult>;
  closeLedgers(): Promise<void>;
}

declare global {
  interface Window {
    rewindBench: BenchApi;
  }
}
