import { afterEach, describe, expect, it } from 'vitest';
import { EVENTS_PER_PAGE, type EventStore, type StoredEvent } from '../../../src/eventstore/index.ts';
import { PAGE_DAMAGES, damagePageBytes, inEveryForm, rewritePages } from '../damage.ts';
import { closeStores, openStore, range } from '../helpers.ts';
import { databaseOf } from '../../../src/eventstore/storage/databaseOf.ts';

/*
 * Pages are written with their lines as ASCII bytes (characters beyond ASCII
 * escaped); pages written before hold them as UTF-8 bytes or as text. Every
 * form must read the same, alone or mixed in one log, and a damaged page must
 * fail the same way in any form.
 */

afterEach(() => closeStores());

/** Notes in several scripts, with astral characters (emoji, a family ZWJ sequence) and combining marks. */
const NOTES = ['家賃 3月分', 'Миша — подарок 🎁', '👩‍👩‍👧 dinner', 'إيجار الشقة', 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̦', 'plain', '𝄞 música', 'ค่าไฟฟ้า 💸'];

/** 2 sealed pages and 10 events in the tail, in commits of 37 to streams a, b and c in turn; event n (at seq n) has note n. */
async function mixedScriptLog(name?: string): Promise<EventStore> {
  const store = await openStore(name === undefined ? {} : { name });
  const count = 2 * EVENTS_PER_PAGE + 10;
  for (let first = 1; first <= count; first += 37) {
    const events = range(first, Math.min(count, first + 36)).map((n) => ({ type: 'Noted', payload: { n, note: NOTES[n % NOTES.length]! }, meta: { id: `id-${n}` } }));
    await store.append(['a', 'b', 'c'][((first - 1) / 37) % 3]!, events);
  }
  return store;
}

const textOf = (parts: readonly (string | Uint8Array)[]) => parts.map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p))).join('');

/** Everything the store reads out of pages: events (whole, across a page boundary, inside one), streams, picked ids, lines. */
async function readings(store: EventStore) {
  return {
    all: await store.readAll(),
    across: await store.readAll({ fromSeq: EVENTS_PER_PAGE - 3, toSeq: EVENTS_PER_PAGE + 3 }),
    inside: await store.readAll({ fromSeq: 7, toSeq: 9 }),
    stream: await store.readStream('b', { fromVersion: 150, toVersion: 180 }),
    backward: await store.readStream('c', { direction: 'backward', limit: 200 }),
    ids: await store.hasIds(['id-2', `id-${EVENTS_PER_PAGE + 1}`, `id-${2 * EVENTS_PER_PAGE + 5}`, 'id-none']),
    lines: textOf((await store.readLines()).parts),
    linesAcross: textOf((await store.readLines({ fromSeq: EVENTS_PER_PAGE - 1, toSeq: 2 * EVENTS_PER_PAGE + 2 })).parts),
  };
}

describe('pages as ASCII bytes, as UTF-8 bytes and as text', () => {
  it('new pages hold ASCII bytes, and read back exactly as the same pages held as UTF-8 bytes or as text, alone or mixed in one log', async () => {
    const store = await mixedScriptLog();
    const pages = await databaseOf(store).pages.toArray();
    expect(pages.map((p) => [p.first, p.bytes?.every((b) => b < 0x80), p.text])).toEqual([
      [1, true, undefined],
      [EVENTS_PER_PAGE + 1, true, undefined],
    ]);
    const asAscii = await readings(store);
    expect(asAscii.all.map((e) => e.meta.seq)).toEqual(range(1, 2 * EVENTS_PER_PAGE + 10));
    expect(asAscii.all.every((e) => (e.payload as { note: string }).note === NOTES[e.meta.seq % NOTES.length])).toBe(true);
    expect(asAscii.ids).toEqual(new Map([['id-2', 2], [`id-${EVENTS_PER_PAGE + 1}`, EVENTS_PER_PAGE + 1], [`id-${2 * EVENTS_PER_PAGE + 5}`, 2 * EVENTS_PER_PAGE + 5]]));
    // The lines read out are JSON.stringify's, escapes undone: what a file holds.
    expect(asAscii.lines).toBe(asAscii.all.map((e) => `${JSON.stringify(e)}\n`).join(''));
    const firstPage = asAscii.lines.split('\n').slice(0, EVENTS_PER_PAGE).join('\n') + '\n';
    const escaped = firstPage.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    expect(new TextDecoder().decode(pages[0]!.bytes)).toBe(escaped);

    await rewritePages(store, 'text', { firsts: [1] });
    expect((await databaseOf(store).pages.get(1))?.text).toBe(firstPage);
    expect(await readings(store)).toEqual(asAscii);
    await rewritePages(store, 'bytes', { firsts: [EVENTS_PER_PAGE + 1] });
    expect(await readings(store)).toEqual(asAscii);
    await rewritePages(store, 'text');
    expect(await readings(store)).toEqual(asAscii);
    await rewritePages(store, 'bytes');
    expect(await readings(store)).toEqual(asAscii);
  });

  it('in a UTF-8 page, a byte changed inside a character reads as U+FFFD there, as a changed character of a text page reads as itself', async () => {
    const store = await mixedScriptLog();
    await rewritePages(store, 'bytes', { firsts: [1] });
    // Seq 1's note is 'Миша — подарок 🎁': the first byte of its М, 0xD0, becomes 0xFF, and the 0x9C after it is left alone.
    await damagePageBytes(store, 1, (bytes) => {
      const text = new TextDecoder().decode(bytes);
      const at = new TextEncoder().encode(text.slice(0, text.indexOf('Миша'))).length;
      expect(bytes.subarray(at, at + 2)).toEqual(new Uint8Array([0xd0, 0x9c]));
      bytes[at] = 0xff;
    });
    const [event] = await store.readAll({ fromSeq: 1, toSeq: 1 });
    expect(event!.payload).toEqual({ n: 1, note: '\uFFFD\uFFFDиша — подарок 🎁' });
  });

  it('in an ASCII page written before checksums, a damaged escape fails that event alone', async () => {
    const store = await mixedScriptLog();
    await rewritePages(store, 'ascii', { firsts: [1] });
    expect((await databaseOf(store).pages.get(1))?.sum).toBeUndefined();
    // Seq 1's note starts with М, escaped \u041c: a hex digit turned into a letter that is none.
    await damagePageBytes(store, 1, (bytes) => {
      const at = new TextDecoder().decode(bytes).indexOf('\\u041c');
      bytes[at + 3] = 0x7a;
    });
    await expect(store.readAll({ fromSeq: 1, toSeq: 1 })).rejects.toMatchObject({ name: 'DamagedEventError', code: 'DAMAGED_EVENT', seq: 1 });
    expect((await store.readAll({ fromSeq: 2, toSeq: 3 })).map((e) => e.meta.seq)).toEqual([2, 3]);
  });
});

type Outcome = { ok: unknown } | { error: string; message: string };

async function outcome(read: Promise<unknown>): Promise<Outcome> {
  return read.then(
    (ok) => ({ ok }),
    (e: unknown) => ({ error: (e as Error).name, message: (e as Error).message }),
  );
}

describe('a damaged page', () => {
  async function readsOf(store: EventStore) {
    const seqs = (events: StoredEvent[]) => events.map((e) => e.meta.seq);
    return {
      all: await outcome(store.readAll().then(seqs)),
      sound: await outcome(store.readAll({ fromSeq: 100, toSeq: 101 }).then(seqs)),
      near: await outcome(store.readAll({ fromSeq: 299, toSeq: 302 }).then(seqs)),
      stream: await outcome(store.readStream('a', { fromVersion: 99, toVersion: 102 }).then(seqs)),
      lines: await outcome(store.readLines({ fromSeq: 1, toSeq: EVENTS_PER_PAGE }).then((l) => textOf(l.parts).split('\n').length - 1)),
    };
  }

  it.each(Object.entries(PAGE_DAMAGES))('%s: fails the same reads with the same errors, as text, UTF-8 or ASCII bytes', async (_, damage) => {
    const store = await mixedScriptLog();
    const seen = await inEveryForm(store, 1, damage, () => readsOf(store));
    const asText = seen.text;
    expect(seen.bytes).toEqual(asText);
    expect(seen.ascii).toEqual(asText);
    // The reads that do not touch the damage still work; a read through it fails or shows it.
    expect(asText.sound).toEqual({ ok: [100, 101] });
    expect(asText.all).not.toEqual({ ok: range(1, 2 * EVENTS_PER_PAGE + 10) });
  });

  it('each damage shows as the text version showed it', async () => {
    const found: Record<string, Outcome> = {};
    for (const [name, damage] of Object.entries(PAGE_DAMAGES)) {
      const store = await mixedScriptLog(name);
      await rewritePages(store, 'ascii', { firsts: [1], change: damage });
      found[name] = await outcome(store.readAll().then((events) => events.filter((e, i) => e.meta.seq !== i + 1).map((e) => e.meta.seq)));
    }
    // A line that does not parse, or is not the event its place says, names its event: the first one that cannot be read.
    expect(found).toEqual({
      'cut inside a line': { error: 'DamagedEventError', message: 'Event 300 is damaged in the log and cannot be read (Unexpected end of JSON input).' },
      'cut at a line end': { error: 'DamagedEventError', message: 'Event 300 is damaged in the log and cannot be read (Unexpected end of JSON input).' },
      'its last LF gone': { error: 'DamagedEventError', message: 'Event 500 is damaged in the log and cannot be read (Unexpected end of JSON input).' },
      'a brace changed': { error: 'DamagedEventError', message: expect.stringMatching(/^Event 300 is damaged in the log and cannot be read \(.*JSON.*\)\.$/) as string },
      'a seq changed': { error: 'DamagedEventError', message: 'Event 300 is damaged in the log and cannot be read (its seq is 301 where 300 belongs).' },
    });
  });
});
