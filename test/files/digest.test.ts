import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { expect, test } from 'vitest';
import { BodyDigest, STAGE_BYTES } from '../../src/files/bodyDigest.ts';
import { LineDigest } from '../../src/files/digest.ts';

const enc = new TextEncoder();

test('lines added one by one and as whole runs give SHA-256 of the lines, each ending in LF', async () => {
  const lines = ['{"a":1}', 'Café ☕ 東京', '', 'last'];
  const digest = await LineDigest.create();
  digest.addLine(enc.encode(lines[0]!));
  digest.addLines(enc.encode(`${lines[1]}\n\n`));
  digest.addLine(enc.encode(lines[3]!));
  expect(digest.hex()).toBe(bytesToHex(sha256(enc.encode(lines.map((l) => `${l}\n`).join('')))));
});

test('no lines at all give the digest of nothing', async () => {
  expect((await LineDigest.create()).hex()).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
});

test('a body given as bytes and as text hashes, counts and keeps the same bytes', async () => {
  const lines = ['{"note":"Café ☕ 👩‍👩‍👧"}\n', '{"note":"東京 𝄞"}\n{"n":2}\n', '{"n":3}\n'];
  const asText = await BodyDigest.create();
  const mixed = await BodyDigest.create();
  const sizes = [lines.map((l) => asText.addLines(l)), [mixed.addLines(enc.encode(lines[0]!)), mixed.addLines(lines[1]!), mixed.addLines(enc.encode(lines[2]!))]];
  expect(sizes[1]).toEqual(sizes[0]);
  const [a, b] = [asText.finish(), mixed.finish()];
  expect({ ...b, blob: await b.blob.text() }).toEqual({ ...a, blob: await a.blob.text() });
  expect(a).toMatchObject({ sha256: bytesToHex(sha256(enc.encode(lines.join('')))), bytes: enc.encode(lines.join('')).length });
  expect(await a.blob.text()).toBe(lines.join(''));
});

test('a body of many parts, some larger than the stage that gathers them into Blob parts, keeps every byte in order', async () => {
  const line = (n: number) => `{"n":${n},"note":"東京 👩‍👩‍👧 ${'x'.repeat(n % 50)}"}\n`;
  const run = (from: number, count: number) => Array.from({ length: count }, (_, i) => line(from + i)).join('');
  const parts: (string | Uint8Array)[] = [];
  for (let i = 0; i < 120; i++) parts.push(i % 2 ? run(i * 1000, 1000) : enc.encode(run(i * 1000, 1000)));
  // Past the stage: as text (room for 3 bytes a character) and as bytes.
  parts.splice(40, 0, run(1e6, Math.ceil(STAGE_BYTES / 3 / 60)));
  parts.splice(90, 0, enc.encode(run(2e6, Math.ceil(STAGE_BYTES / 60))));
  expect([(parts[40] as string).length * 3, (parts[90] as Uint8Array).length].every((room) => room > STAGE_BYTES)).toBe(true);
  const whole = enc.encode(parts.map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p))).join(''));
  expect(whole.length).toBeGreaterThan(2 * STAGE_BYTES);

  const body = await BodyDigest.create();
  const sizes = parts.map((p) => body.addLines(p));
  const totals = body.finish();
  expect(sizes.reduce((a, b) => a + b, 0)).toBe(whole.length);
  expect(totals).toMatchObject({ sha256: bytesToHex(sha256(whole)), bytes: whole.length });
  expect(Buffer.from(await totals.blob.arrayBuffer()).equals(Buffer.from(whole))).toBe(true);
});
