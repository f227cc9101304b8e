import { afterEach, describe, expect, test, vi } from 'vitest';
import type { StoredEvent } from '../../src/eventstore/index.ts';
import { chooseSaveTarget, exportEvents, exportLog, importLog, verifyLogFile, type ExportProgress } from '../../src/files/index.ts';
import { buildFile, bytes, sampleEvents, sampleStream } from './fileBuilder.ts';
import { appendAll, blobBytes, openStore } from './helpers.ts';

const now = () => new Date('2026-03-01T10:20:30.456Z');

async function filled(count = 30) {
  const store = await openStore();
  await appendAll(store, sampleEvents(count, 4));
  return store;
}

async function linesOf(blob: Blob): Promise<string[]> {
  return new TextDecoder().decode(await blobBytes(blob)).split('\n');
}

describe('exportLog', () => {
  test('writes a header, then every event exactly as stored, one per line, ending in LF', async () => {
    const store = await filled();
    const exported = await exportLog(store, { now, appVersion: '9.9.9' });
    const lines = await linesOf(exported.blob);
    expect(JSON.parse(lines[0]!)).toEqual(exported.header);
    expect(exported.header).toMatchObject({
      format: 'rewind-log',
      formatVersion: 1,
      appVersion: '9.9.9',
      exportedAt: '2026-03-01T10:20:30.456Z',
      eventCount: 30,
      firstSeq: 1,
      lastSeq: 30,
      selection: { kind: 'all' },
    });
    expect(lines.slice(1, -1).map((l) => JSON.parse(l) as StoredEvent)).toEqual(await store.readAll());
    expect(lines.at(-1)).toBe('');
    expect(exported.fileName).toBe('rewind-log-2026-03-01T10-20-30Z.ndjson');
    expect(exported.blob.type).toBe('application/x-ndjson');
    const summary = await verifyLogFile(exported.blob);
    expect(summary.sha256).toBe(exported.header.sha256);
  });

  test('copies the store\'s own lines, range by range, and reports progress', async () => {
    const store = await filled(25);
    const readLines = vi.spyOn(store, 'readLines');
    const readAll = vi.spyOn(store, 'readAll');
    const progress: ExportProgress[] = [];
    await exportLog(store, { batchSize: 10, onProgress: (p) => progress.push(p) });
    expect(readLines.mock.calls.map(([o]) => o)).toEqual([
      { fromSeq: 1, toSeq: 10 },
      { fromSeq: 11, toSeq: 20 },
      { fromSeq: 21, toSeq: 25 },
    ]);
    expect(readAll).not.toHaveBeenCalled();
    expect(progress.map((p) => [p.events, p.totalEvents])).toEqual([
      [10, 25],
      [20, 25],
      [25, 25],
    ]);
  });

  test('ranges that cut across the store\'s sealed pages and its unsealed tail give the lines byte for byte', async () => {
    const events = sampleEvents(1203, 7);
    await importLog(await openStore(), bytes(buildFile(events.slice(0, 1200))), { mode: 'empty' });
    const store = await openStore();
    for (const e of events.slice(1200)) await store.append(e.meta.stream, [{ type: e.type, payload: e.payload, meta: { id: e.meta.id, at: e.meta.at } }]);
    const exported = await blobBytes((await exportLog(store, { batchSize: 333 })).blob);
    const file = bytes(buildFile(events));
    const body = (data: Uint8Array) => Buffer.from(data.subarray(data.indexOf(0x0a) + 1));
    expect(body(exported).equals(body(file))).toBe(true);
  });

  test('refuses lines the store hands back with a gap, rather than write a file the reader would reject', async () => {
    const store = await filled(10);
    const readLines = store.readLines.bind(store);
    vi.spyOn(store, 'readLines').mockImplementation(async (o) => readLines(o?.fromSeq === 1 ? { ...o, toSeq: 4 } : { ...o, fromSeq: 6 }));
    await expect(exportLog(store, { batchSize: 5 })).rejects.toThrow(/seq 6 after seq 4/);
  });

  test.each([
    [{ kind: 'seq', fromSeq: 5, toSeq: 9 }, [5, 6, 7, 8, 9]],
    [{ kind: 'seq', fromSeq: 28, toSeq: 100 }, [28, 29, 30]],
    [{ kind: 'time', from: '2026-01-01T00:00:03.000Z', to: '2026-01-01T00:00:05.500Z' }, [3, 4, 5]],
    [{ kind: 'stream', stream: sampleStream(1) }, [1, 5, 9, 13, 17, 21, 25, 29]],
  ] as const)('exports the selection %j', async (selection, seqs) => {
    const store = await openStore();
    // Times one second apart, so a time range picks known seqs.
    const events = sampleEvents(30, 4);
    for (const e of events) await store.append(e.meta.stream, [{ type: e.type, payload: e.payload, meta: { id: e.meta.id, at: e.meta.at } }]);
    const exported = await exportLog(store, { selection, batchSize: 3 });
    expect(exported.header.selection).toEqual(selection);
    const lines = await linesOf(exported.blob);
    expect(lines.slice(1, -1).map((l) => (JSON.parse(l) as StoredEvent).meta.seq)).toEqual(seqs);
    expect((await verifyLogFile(exported.blob)).eventCount).toBe(seqs.length);
  });

  test('an empty log exports as a sound 0-event file', async () => {
    const exported = await exportLog(await openStore());
    expect(exported.header).toMatchObject({ eventCount: 0, firstSeq: 0, lastSeq: 0 });
    expect(exported.header.sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect((await verifyLogFile(exported.blob)).eventCount).toBe(0);
  });

  test('events appended during an export are not in it: the range is fixed when it starts', async () => {
    const store = await filled(20);
    let appended = false;
    const exported = await exportLog(store, {
      batchSize: 5,
      onProgress: () => {
        if (!appended) void store.append('late', [{ type: 'Late' }]);
        appended = true;
      },
    });
    expect(exported.header.lastSeq).toBe(20);
    expect(await store.lastSeq()).toBe(21);
    expect((await verifyLogFile(exported.blob)).eventCount).toBe(20);
  });

  test('a cancelled export stops with ABORTED', async () => {
    const store = await filled(20);
    const controller = new AbortController();
    const exporting = exportLog(store, { batchSize: 5, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(exporting).rejects.toMatchObject({ code: 'ABORTED' });
  });
});

describe('exportEvents', () => {
  test('a what-if scenario exports in the same format, marked hypothetical with its base point', async () => {
    const events = sampleEvents(6);
    async function* pages() {
      yield events.slice(0, 4);
      yield events.slice(4);
    }
    const exported = await exportEvents(pages(), { selection: { kind: 'all' }, hypothetical: { baseSeq: 4, scenario: 'No rent in May!' } }, { now });
    expect(exported.header).toMatchObject({ hypothetical: true, baseSeq: 4, scenario: 'No rent in May!', eventCount: 6 });
    expect(exported.fileName).toBe('rewind-what-if-no-rent-in-may-2026-03-01T10-20-30Z.ndjson');
    expect((await verifyLogFile(exported.blob)).header.hypothetical).toBe(true);
  });

  test('refuses events out of seq order rather than write a file the reader would reject', async () => {
    const [a, b] = sampleEvents(2);
    async function* pages() {
      yield [b!, a!];
    }
    await expect(exportEvents(pages(), { selection: { kind: 'all' } })).rejects.toThrow(/seq 1 after seq 2/);
  });
});

describe('saving the file', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  test('writes through the save picker where the browser has one', async () => {
    const written: Uint8Array[] = [];
    const showSaveFilePicker = vi.fn(async () => ({
      createWritable: async () => new WritableStream<Uint8Array>({ write: (chunk) => void written.push(chunk) }),
    }));
    vi.stubGlobal('showSaveFilePicker', showSaveFilePicker);
    const target = await chooseSaveTarget('log.ndjson');
    expect(target?.kind).toBe('picker');
    expect(showSaveFilePicker).toHaveBeenCalledWith(expect.objectContaining({ suggestedName: 'log.ndjson' }));
    const exported = await exportLog(await filled(3));
    await target!.write(exported.blob, exported.fileName);
    expect(Buffer.concat(written)).toEqual(Buffer.from(await blobBytes(exported.blob)));
  });

  test('a cancelled picker saves nothing', async () => {
    vi.stubGlobal('showSaveFilePicker', async () => {
      throw new DOMException('The user aborted a request.', 'AbortError');
    });
    expect(await chooseSaveTarget('log.ndjson')).toBeUndefined();
  });

  test('elsewhere, downloads the Blob through a link', async () => {
    const link = { click: vi.fn(), remove: vi.fn(), style: {} } as unknown as HTMLAnchorElement;
    vi.stubGlobal('document', { createElement: () => link, body: { append: vi.fn() } });
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:rewind/1');
    const target = await chooseSaveTarget('log.ndjson');
    expect(target?.kind).toBe('download');
    const blob = new Blob(['x']);
    await target!.write(blob, 'log.ndjson');
    expect(createObjectURL).toHaveBeenCalledWith(blob);
    expect(link).toMatchObject({ href: 'blob:rewind/1', download: 'log.ndjson' });
    expect(link.click).toHaveBeenCalled();
    createObjectURL.mockRestore();
  });
});
