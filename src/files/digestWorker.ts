/// <reference lib="webworker" />
import { BodyDigest } from './bodyDigest.ts';
import type { DigestReply, DigestRequest } from './digestProtocol.ts';

/**
 * The hashing worker: encodes (what comes as text), hashes and keeps a file's
 * event lines on the second core while the main thread reads the store (export) or
 * parses the file (import). One worker serves one file.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: DigestReply, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

void BodyDigest.create().then(
  (body) => {
    scope.onmessage = ({ data }: MessageEvent<DigestRequest>) => {
      try {
        if (data.kind === 'lines') reply({ kind: 'taken', bytes: data.parts.reduce((bytes, part) => bytes + body.addLines(part), 0) });
        else if (data.kind === 'bytes') {
          body.addBytes(new Uint8Array(data.buffer, 0, data.length));
          reply({ kind: 'returned', buffer: data.buffer }, [data.buffer]);
        } else reply({ kind: 'done', ...body.finish() });
      } catch (error) {
        reply({ kind: 'failed', message: String(error) });
      }
    };
    reply({ kind: 'ready' });
  },
  (error: unknown) => reply({ kind: 'failed', message: String(error) }),
);
