import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../test/e2e/support/preview.ts';
import type { AppendRound, SyncStoreName } from '../lib/syncMetrics.ts';

/** What bench/sync/serverAppend.ts prints per store (its JSON). */
interface ScriptStore {
  events: number;
  rewind: { ms: number; eventsPerSecond: number };
  emmett: { ms: number; eventsPerSecond: number };
  pull: { events: number; ms: number; perSecond: number };
}

export interface AppendOptions {
  commits: number;
  /** Events the script's server-side pull reads. */
  pullEvents: number;
  /** The bench's PostgreSQL cluster, so the script starts none of its own. */
  databaseUrl: string;
}

/**
 * One round of bench/sync/serverAppend.ts (the server's append with all its
 * checks against Emmett's own append of the same commits, and the pull
 * endpoint's rate), run as the script it is, against the bench's PostgreSQL.
 */
export function appendRound(options: AppendOptions): Promise<Record<SyncStoreName, AppendRound>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(projectRoot, 'bench/sync/serverAppend.ts'), '--commits', String(options.commits), '--pull', String(options.pullEvents)],
      { cwd: projectRoot, env: { ...process.env, DATABASE_URL: options.databaseUrl }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (err += text));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`serverAppend.ts exited with ${code}: ${err.trim().slice(-500)}`));
      try {
        const parsed = JSON.parse(out.slice(out.indexOf('{'))) as Record<SyncStoreName, ScriptStore>;
        const round = (s: ScriptStore): AppendRound => ({
          events: s.events,
          rewindEventsPerS: s.rewind.eventsPerSecond,
          emmettEventsPerS: s.emmett.eventsPerSecond,
          serverPullEventsPerS: s.pull.perSecond,
        });
        resolve({ sqlite: round(parsed.sqlite), postgresql: round(parsed.postgresql) });
      } catch (error) {
        reject(new Error(`serverAppend.ts printed no results: ${String(error)}\n${out.slice(0, 500)}`));
      }
    });
  });
}
