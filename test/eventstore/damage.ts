import type { EventStore } from '../../src/eventstore/index.ts';
import { utf8Json } from '../../src/eventstore/pages/asciiJson.ts';
import { asciiJson } from '../../src/lib/asciiJson.ts';
import { databaseOf } from '../../src/eventstore/storage/databaseOf.ts';
import { pageStart, type PageRecord } from '../../src/eventstore/pages/pageCodec.ts';

/*
 * Damages the stored log behind the store's back, as a failing disk or a buggy
 * version might, for tests of what readers do with it.
 */

/**
 * Replaces the stored record of `seq` with `value` (which need not be a sound
 * event), in a page or tail record as written before checksums (none kept),
 * so what readers make of the value itself is seen.
 */
export async function replaceStoredEvent(store: EventStore, seq: number, value: (before: unknown) => unknown): Promise<void> {
  const db = databaseOf(store);
  await db.transaction('rw', [db.pages, db.tail], async () => {
    const page = await db.pages.get(pageStart(seq));
    if (page) {
      const lines = pageTextOf(page).split('\n');
      lines[seq - page.first] = JSON.stringify(value(JSON.parse(lines[seq - page.first]!)));
      await db.pages.put(pageAs(formOf(page), page, lines.join('\n')));
      return;
    }
    const record = (await db.tail.where(':id').belowOrEqual(seq).toArray()).find((r) => r.last >= seq);
    if (!record) throw new Error(`No stored event at seq ${seq}`);
    const events = record.events.map((e) => (e.meta.seq === seq ? (value(e) as typeof e) : e));
    await db.tail.put({ first: record.first, last: record.last, events });
  });
}

/**
 * How a sealed page holds its lines: `ascii` bytes (characters beyond ASCII
 * escaped, the form written today), UTF-8 `bytes` or `text` (the forms older
 * versions wrote, which still read).
 */
export type PageForm = 'ascii' | 'bytes' | 'text';

/** A page's lines as JSON.stringify wrote them (escapes undone), whichever form it holds them in. */
export function pageTextOf(page: PageRecord): string {
  return page.bytes === undefined ? page.text : new TextDecoder().decode(utf8Json(page.bytes));
}

function formOf(page: PageRecord): PageForm {
  if (page.bytes === undefined) return 'text';
  return page.bytes.every((b) => b < 0x80) ? 'ascii' : 'bytes';
}

function pageAs(form: PageForm, page: PageRecord, text: string): PageRecord {
  const { first, last, firstAt, lastAt } = page;
  if (form === 'text') return { first, last, firstAt, lastAt, text };
  return { first, last, firstAt, lastAt, bytes: new TextEncoder().encode(form === 'ascii' ? asciiJson(text) : text) };
}

/**
 * Rewrites sealed pages (every one, or those starting at `firsts`) holding their
 * lines in `form`; `change` alters the lines on the way (damage).
 */
export async function rewritePages(store: EventStore, form: PageForm, options: { firsts?: number[]; change?: (text: string) => string } = {}): Promise<void> {
  const db = databaseOf(store);
  const { firsts, change = (text: string) => text } = options;
  await db.transaction('rw', db.pages, async () => {
    const pages = firsts ? (await db.pages.bulkGet(firsts)).filter((p) => p !== undefined) : await db.pages.toArray();
    if (pages.length !== (firsts?.length ?? pages.length)) throw new Error(`No sealed page at each of ${firsts?.join(', ')}`);
    await db.pages.bulkPut(pages.map((page) => pageAs(form, page, change(pageTextOf(page)))));
  });
}

/**
 * What `observe` sees with the page at `first` damaged by `change`, held in
 * each form in turn: as text first (the damage is made on its lines), then the
 * same lines as UTF-8 bytes and as ASCII.
 */
export async function inEveryForm<T>(store: EventStore, first: number, change: (text: string) => string, observe: () => Promise<T>): Promise<Record<PageForm, T>> {
  await rewritePages(store, 'text', { firsts: [first], change });
  const text = await observe();
  await rewritePages(store, 'bytes', { firsts: [first] });
  const bytes = await observe();
  await rewritePages(store, 'ascii', { firsts: [first] });
  return { text, bytes, ascii: await observe() };
}

/** Changes bytes of a sealed page held as bytes, ASCII or UTF-8 (in place, on a copy read for it), as a failing disk might. */
export async function damagePageBytes(store: EventStore, first: number, change: (bytes: Uint8Array) => void): Promise<void> {
  const db = databaseOf(store);
  await db.transaction('rw', db.pages, async () => {
    const page = await db.pages.get(first);
    if (page?.bytes === undefined) throw new Error(`No sealed page held as bytes at ${first}`);
    change(page.bytes);
    await db.pages.put(page);
  });
}

/** Where the line of the page's `n`th event starts in its text. */
const lineStart = (text: string, n: number) => text.split('\n').slice(0, n - 1).join('\n').length + 1;

/** Ways a page's lines get damaged on disk, each around the 300th line of a full page (seq 300 of the first). */
export const PAGE_DAMAGES: Record<string, (text: string) => string> = {
  'cut inside a line': (text) => text.slice(0, lineStart(text, 300) + 20),
  'cut at a line end': (text) => text.slice(0, lineStart(text, 300)),
  'its last LF gone': (text) => text.slice(0, -1),
  'a brace changed': (text) => `${text.slice(0, lineStart(text, 300))}[${text.slice(lineStart(text, 300) + 1)}`,
  'a seq changed': (text) => text.replace('"seq":300,', '"seq":301,'),
};

/** Removes the event at `seq` from the unsealed tail (a gap in the log). */
export async function removeTailEvent(store: EventStore, seq: number): Promise<void> {
  const db = databaseOf(store);
  await db.transaction('rw', db.tail, async () => {
    const record = (await db.tail.where(':id').belowOrEqual(seq).toArray()).find((r) => r.last >= seq);
    if (!record) throw new Error(`No event at seq ${seq} in the tail`);
    await db.tail.put({ ...record, events: record.events.filter((e) => e.meta.seq !== seq) });
  });
}

/** Rewrites the tail record holding `seq` as `change` makes it (which need not be a sound record), as a failing disk might. */
export async function damageTailRecord(store: EventStore, seq: number, change: (record: Record<string, unknown>) => void): Promise<void> {
  const db = databaseOf(store);
  await db.transaction('rw', db.tail, async () => {
    const record = (await db.tail.where(':id').belowOrEqual(seq).toArray()).find((r) => r.last >= seq);
    if (!record) throw new Error(`No tail record holds seq ${seq}`);
    change(record as unknown as Record<string, unknown>);
    await db.tail.put(record);
  });
}
