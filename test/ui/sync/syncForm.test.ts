import { describe, expect, it } from 'vitest';
import { defaultDeviceName, deviceNameProblem, pairingLinkProblem, pairingTarget, serverProblem } from '../../../src/ui/sync/syncForm.ts';
import { LINK, SERVER, SPACE } from '../support/fakeSync.ts';

describe('this device’s default name', () => {
  it.each([
    [{ userAgentData: { mobile: true }, userAgent: 'Mozilla/5.0 (X11; Linux x86_64)' }, 'Phone'],
    [{ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Mobile/15E148' }, 'Phone'],
    [{ userAgent: 'Mozilla/5.0 (Linux; Android 15; Pixel 9) Chrome/140.0 Mobile Safari/537.36' }, 'Phone'],
    [{ userAgent: 'Mozilla/5.0 (Linux; Android 15; SM-X910) Chrome/140.0 Safari/537.36' }, 'Tablet'],
    [{ userAgent: 'Mozilla/5.0 (iPad; CPU OS 18_0 like Mac OS X)' }, 'Tablet'],
    [{ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Safari/605.1.15' }, 'Laptop'],
    [{ userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/140.0' }, 'Laptop'],
    [{ userAgent: 'Node.js/22' }, 'This device'],
    [undefined, 'This device'],
  ])('%o → %s', (hints, name) => {
    expect(defaultDeviceName(hints ?? {})).toBe(name);
  });
});

describe('a device name', () => {
  it('takes 1 to 60 characters, spaces around not counted', () => {
    expect(deviceNameProblem('Phone')).toBeUndefined();
    expect(deviceNameProblem(`  ${'x'.repeat(60)}  `)).toBeUndefined();
    expect(deviceNameProblem('   ')).toMatch(/^Give this device a name/);
    expect(deviceNameProblem('x'.repeat(61))).toBe('A device name has at most 60 characters: shorten it.');
  });
});

describe('a server address', () => {
  it('is an http or https address', () => {
    expect(serverProblem(SERVER)).toBeUndefined();
    expect(serverProblem(' https://sync.example.org ')).toBeUndefined();
    expect(serverProblem('')).toBe('Enter the sync server’s address, such as http://127.0.0.1:8787.');
    expect(serverProblem('127.0.0.1:8787')).toMatch(/starts with http:\/\/ or https:\/\/|is not a web address/);
    expect(serverProblem('my server')).toBe('“my server” is not a web address: enter one such as http://127.0.0.1:8787.');
    expect(serverProblem('ftp://example.org')).toBe('The server’s address starts with http:// or https://, such as http://127.0.0.1:8787.');
  });
});

describe('a pairing link', () => {
  it('names the server and the space, keeping the secret to itself', () => {
    const query = LINK.slice(LINK.indexOf('?') + 1);
    const target = pairingTarget(query);
    expect(target).toEqual({ server: SERVER, space: SPACE });
    expect(JSON.stringify(target)).not.toContain('secret');
  });

  it('is refused without a server, a space or a secret', () => {
    expect(pairingTarget(`server=${encodeURIComponent(SERVER)}&space=${SPACE}`)).toBeUndefined();
    expect(pairingTarget(`server=${encodeURIComponent(SERVER)}&secret=x`)).toBeUndefined();
    expect(pairingTarget(`space=${SPACE}&secret=x`)).toBeUndefined();
    expect(pairingTarget(`server=nowhere&space=${SPACE}&secret=x`)).toBeUndefined();
  });

  it('pasted: a whole link passes, anything else is told what to do', () => {
    expect(pairingLinkProblem(LINK)).toBeUndefined();
    expect(pairingLinkProblem(`  ${LINK}\n`)).toBeUndefined();
    expect(pairingLinkProblem('')).toMatch(/^Paste the pairing link/);
    expect(pairingLinkProblem('https://example.org/')).toMatch(/^That is not a whole pairing link/);
    expect(pairingLinkProblem(LINK.slice(0, LINK.indexOf('&secret')))).toMatch(/^That is not a whole pairing link/);
  });
});
