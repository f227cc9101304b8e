import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ThrowawayPostgres {
  url: string;
  stop(): Promise<void>;
}

/** The newest Debian PostgreSQL binaries, or a failure that says how to get them (never a silent skip). */
function binaries(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(a) - Number(b)).at(-1);
  if (!newest) throw new Error('PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run .ci/run, which installs Debian\'s postgresql package.');
  return join(root, newest, 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A PostgreSQL cluster of its own in a temp dir on a free local port (socket in that dir,
 * fsync off), for one test file. initdb refuses root, so as root it runs as `postgres`
 * through runuser, and the postmaster is spawned as that user and stopped with SIGINT
 * (pg_ctl leaves zombies on this machine).
 */
export async function startPostgres(): Promise<ThrowawayPostgres> {
  const bin = binaries();
  const dir = mkdtempSync(join(tmpdir(), 'rewind-pg-'));
  const asRoot = process.getuid?.() === 0;
  const as = (command: string, args: string[]) => (asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args]) as [string, string[]];
  let owner: { uid: number; gid: number } | undefined;
  if (asRoot) {
    owner = { uid: Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout), gid: Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout) };
    chownSync(dir, owner.uid, owner.gid);
  }
  const data = join(dir, 'data');
  const init = spawnSync(...as(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']), { encoding: 'utf8' });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  }
  const port = await freePort();
  const args = ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  // Spawned as postgres directly rather than through runuser, which turns SIGINT (fast shutdown) into SIGTERM (wait for every client).
  const postmaster = spawn(join(bin, 'postgres'), args, { stdio: ['ignore', 'ignore', 'pipe'], ...owner });
  await ready(postmaster);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      const exited = new Promise<void>((resolve) => (postmaster.exitCode !== null ? resolve() : postmaster.once('exit', () => resolve())));
      postmaster.kill('SIGINT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function ready(postmaster: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => reject(new Error(`PostgreSQL did not start within 30 s:\n${log}`)), 30_000);
    postmaster.stderr!.setEncoding('utf8');
    postmaster.stderr!.on('data', (text: string) => {
      log += text;
      if (log.includes('ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    postmaster.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited (${code}) before it was ready:\n${log}`));
    });
  });
}
