import { isPlainObject } from '../../src/lib/isPlainObject.ts';
import type { PushCommit, WireEvent } from '../store/types.ts';
import { MAX_COMMIT_ID_CHARS, MAX_COMMITS, MAX_DEVICE_CHARS, MAX_EVENT_BYTES, MAX_EVENTS_PER_COMMIT } from './limits.ts';
import { wireEventProblem } from '../../src/domain/sync/wireEvent.ts';

export interface PushBody {
  device: string;
  commits: PushCommit[];
}

/** Why a push was refused before anything was tried: a wrong shape (400) or an event over the size limit (413). */
export interface BodyProblem {
  code: 'BAD_REQUEST' | 'EVENT_TOO_LARGE';
  message: string;
}

const utf8 = new TextEncoder();

/** The push request `{ device, commits: [{ id, events }] }` checked field by field, or the first problem, naming where it is. */
export function parsePushBody(body: unknown): PushBody | BodyProblem {
  const bad = (message: string): BodyProblem => ({ code: 'BAD_REQUEST', message });
  if (!isPlainObject(body)) return bad('The body must be a JSON object { "device", "commits" }.');
  for (const key of Object.keys(body)) if (key !== 'device' && key !== 'commits') return bad(`"${key.slice(0, 50)}" is not a field of a push (only device and commits are).`);
  const { device, commits } = body;
  if (typeof device !== 'string' || device.trim().length === 0 || device.length > MAX_DEVICE_CHARS)
    return bad(`device must be this device's name, 1 to ${MAX_DEVICE_CHARS} characters.`);
  if (!Array.isArray(commits) || commits.length === 0 || commits.length > MAX_COMMITS) return bad(`commits must be a list of 1 to ${MAX_COMMITS} commits.`);
  for (const [i, commit] of commits.entries()) {
    const problem = commitProblem(commit, `commits[${i}]`);
    if (problem) return problem;
  }
  return { device, commits: commits as PushCommit[] };
}

function commitProblem(commit: unknown, path: string): BodyProblem | undefined {
  const bad = (message: string): BodyProblem => ({ code: 'BAD_REQUEST', message });
  if (!isPlainObject(commit)) return bad(`${path} must be an object { "id", "events" }.`);
  for (const key of Object.keys(commit)) if (key !== 'id' && key !== 'events') return bad(`${path}.${key.slice(0, 50)} is not a field of a commit (only id and events are).`);
  if (typeof commit.id !== 'string' || commit.id.length === 0 || commit.id.length > MAX_COMMIT_ID_CHARS)
    return bad(`${path}.id must be a string of 1 to ${MAX_COMMIT_ID_CHARS} characters.`);
  const { events } = commit;
  if (!Array.isArray(events) || events.length === 0 || events.length > MAX_EVENTS_PER_COMMIT)
    return bad(`${path}.events must be a list of 1 to ${MAX_EVENTS_PER_COMMIT} events.`);
  const next = new Map<string, number>();
  for (const [j, event] of events.entries()) {
    const at = `${path}.events[${j}]`;
    const bytes = utf8.encode(JSON.stringify(event)).length;
    if (bytes > MAX_EVENT_BYTES) return { code: 'EVENT_TOO_LARGE', message: `${at} is ${bytes} bytes; an event may be at most ${MAX_EVENT_BYTES} bytes (64 KiB).` };
    const problem = wireEventProblem(event, at);
    if (problem) return bad(problem);
    const { stream, version } = (event as WireEvent).meta;
    const expected = next.get(stream);
    if (expected !== undefined && version !== expected)
      return bad(`${at}.meta.version must be ${expected}: a commit's events on ${stream} carry consecutive versions.`);
    next.set(stream, version + 1);
  }
  return undefined;
}
