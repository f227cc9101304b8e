import { describe, expect, test } from 'vitest';
import { pairingLink, parsePairingLink } from '../../../src/app/sync/pairingLink.ts';

const access = { server: 'http://127.0.0.1:8787', spaceId: 'AbCdEfGhIjKlMnOpQrStUv', secret: 'x'.repeat(43) };

describe('pairing links', () => {
  test('a link made on one device names the same space on another, the secret only after the #', () => {
    const link = pairingLink('https://rewind.example/app/#/data', access);
    expect(link.startsWith('https://rewind.example/app/#/sync/join?')).toBe(true);
    expect(link.split('#')[0]).not.toContain(access.secret);
    expect(parsePairingLink(link)).toEqual(access);
    expect(parsePairingLink(`  ${link}\n`)).toEqual(access);
  });

  test('text that is not a whole pairing link is refused in words', () => {
    const link = pairingLink('https://rewind.example/', access);
    expect(() => parsePairingLink('https://rewind.example/')).toThrow(/not a Rewind pairing link/);
    expect(() => parsePairingLink(link.slice(0, -10))).toThrow(/only part of it/);
    expect(() => parsePairingLink(link.replace(encodeURIComponent(access.server), 'ftp%3A%2F%2Fx'))).toThrow(/no sync server/);
    expect(() => parsePairingLink(link.replace(access.spaceId, 'a b'))).toThrow(/no sync space/);
  });
});
