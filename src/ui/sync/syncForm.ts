import { parsePairingLink } from '../../app/index.ts';
import { MAX_DEVICE_NAME } from '../../domain/sync/protocol.ts';

/** Where a new sync space goes unless the person names another server: `npm run server` listens here. */
export const DEFAULT_SERVER = 'http://127.0.0.1:8787';

export { MAX_DEVICE_NAME };

/** The app route a pairing link opens: a hash route, so the secret never reaches a web server. */
export const JOIN_ROUTE = '/sync/join';

interface DeviceHints {
  userAgent?: string;
  userAgentData?: { mobile?: boolean };
}

/** "Phone", "Tablet" or "Laptop" from the browser's own hints; "This device" when it gives none. */
export function defaultDeviceName(hints: DeviceHints | undefined = globalThis.navigator as DeviceHints | undefined): string {
  if (hints?.userAgentData?.mobile === true) return 'Phone';
  const agent = hints?.userAgent ?? '';
  if (/iPad|Tablet/i.test(agent) || (/Android/i.test(agent) && !/Mobile/i.test(agent))) return 'Tablet';
  if (/Mobi|iPhone|Android/i.test(agent)) return 'Phone';
  if (/Windows|Macintosh|Linux|CrOS/i.test(agent)) return 'Laptop';
  return 'This device';
}

/** What is wrong with a device name, in words; undefined when it will do. */
export function deviceNameProblem(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give this device a name, such as Phone or Laptop, so the other devices can say where a change came from.';
  if (trimmed.length > MAX_DEVICE_NAME) return `A device name has at most ${MAX_DEVICE_NAME} characters: shorten it.`;
  return undefined;
}

/** What is wrong with a server address, in words; undefined when it is a web address the app can call. */
export function serverProblem(address: string): string | undefined {
  const trimmed = address.trim();
  if (trimmed === '') return `Enter the sync server’s address, such as ${DEFAULT_SERVER}.`;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return `“${trimmed.slice(0, 80)}” is not a web address: enter one such as ${DEFAULT_SERVER}.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `The server’s address starts with http:// or https://, such as ${DEFAULT_SERVER}.`;
  return undefined;
}

/** What a pairing link names: the server and the space; the secret stays inside the link. */
export interface PairingTarget {
  server: string;
  space: string;
}

/** Reads the query of #/sync/join; undefined unless it names a server, a space and a secret (the app's parsePairingLink decides). */
export function pairingTarget(query: string): PairingTarget | undefined {
  try {
    const { server, spaceId } = parsePairingLink(`#${JOIN_ROUTE}?${query}`);
    return { server, space: spaceId };
  } catch {
    return undefined;
  }
}

/** The query of a pasted pairing link (everything after `#/sync/join?`); undefined when the text is not one. */
export function pairingQuery(link: string): string | undefined {
  const marker = `#${JOIN_ROUTE}?`;
  const at = link.indexOf(marker);
  return at === -1 ? undefined : link.slice(at + marker.length).trim();
}

/** What is wrong with a pasted pairing link, in words; undefined when it names a server, a space and a secret. */
export function pairingLinkProblem(link: string): string | undefined {
  if (link.trim() === '') return 'Paste the pairing link shown under “Pair another device” on the device that already syncs.';
  const query = pairingQuery(link);
  if (query === undefined || pairingTarget(query) === undefined)
    return 'That is not a whole pairing link: copy it again from “Pair another device” on the device that already syncs.';
  return undefined;
}
