import { FILE_EXTENSION, MEDIA_TYPE } from './format.ts';

/**
 * The one place that touches the File System Access API. Where it exists, the
 * file is written through a save picker; elsewhere it is downloaded from the Blob.
 */
export interface SaveTarget {
  readonly kind: 'picker' | 'download';
  write(blob: Blob, fileName: string): Promise<void>;
}

interface WritableFileLike {
  createWritable(): Promise<WritableStream<Uint8Array>>;
}

type ShowSaveFilePicker = (options: {
  suggestedName?: string;
  types?: { description: string; accept: Record<string, string[]> }[];
}) => Promise<WritableFileLike>;

function savePicker(): ShowSaveFilePicker | undefined {
  const w = globalThis as { showSaveFilePicker?: ShowSaveFilePicker };
  return typeof w.showSaveFilePicker === 'function' ? w.showSaveFilePicker.bind(globalThis) : undefined;
}

const downloadTarget: SaveTarget = {
  kind: 'download',
  write: async (blob, fileName) => {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    link.style.display = 'none';
    document.body.append(link);
    link.click();
    link.remove();
    // Revoked later: some browsers read the URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  },
};

/**
 * Asks where to save. Call it straight from the click handler, before the
 * export runs: browsers only show a picker during the user's gesture. Resolves to
 * undefined when the person cancels the picker.
 */
export async function chooseSaveTarget(suggestedName: string): Promise<SaveTarget | undefined> {
  const pick = savePicker();
  if (!pick) return downloadTarget;
  let handle: WritableFileLike;
  try {
    handle = await pick({
      suggestedName,
      types: [{ description: 'Rewind log', accept: { [MEDIA_TYPE]: [FILE_EXTENSION] } }],
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') return undefined;
    throw error;
  }
  return {
    kind: 'picker',
    // pipeTo closes the file when the Blob's stream ends, and aborts it on an error.
    write: async (blob) => blob.stream().pipeTo(await handle.createWritable()),
  };
}
