import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { expect, test } from 'vitest';
import { BodyDigest } from '../../src/files/bodyDigest.ts';
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
