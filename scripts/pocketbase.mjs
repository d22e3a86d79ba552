// Starts and stops the AZX backend (PocketBase) for `npm start`, tests and benchmarks.
import { spawn, execFile } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { root } from './paths.mjs';

const run = promisify(execFile);
export const serverBinary = join(root, 'backend', 'bin', 'azx-server');

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Runs one command of the backend binary against a data folder; resolves with its stdout. */
export async function backendCommand(dir, args, { timeout = 600_000 } = {}) {
  const { stdout } = await run(serverBinary, [...args, '--dir', dir], {
    cwd: root,
    timeout,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/**
 * Runs one command of the backend binary with its output shown as it comes (long steps such as
 * the seed print their progress); rejects, with the exit status, when the command fails.
 */
export function backendCommandShown(dir, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(serverBinary, [...args, '--dir', dir], { cwd: root, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`azx-server ${args[0]} ${signal ? `was killed (${signal})` : `exited with ${code}`}`));
    });
  });
}

/**
 * The built-in data every data folder gets, each loaded by `azx-server <command> load --from
 * <folder>`. Add a data set here: `npm run release` embeds every folder of this list, and the
 * release binary loads them the same way when it starts.
 */
export const BUILTIN = [
  { command: 'definitions', folder: 'schemas/definitions' },
  { command: 'packs', folder: 'schemas/packs' },
];

/**
 * Prepares a data folder: migrations (applied by `migrate up`), the superuser, and the built-in
 * data (BUILTIN). Every step is idempotent, so it runs on each start.
 */
export async function prepareData(dir, { superuser = SUPERUSER } = {}) {
  mkdirSync(dir, { recursive: true });
  await backendCommand(dir, ['migrate', 'up']);
  await backendCommand(dir, ['superuser', 'upsert', superuser.email, superuser.password]);
  for (const { command, folder } of BUILTIN) await backendCommand(dir, [command, 'load', '--from', join(root, folder)]);
}

export const SUPERUSER = { email: 'superuser@azx.demo', password: 'azx-demo-2026' };

/** Browser origins a local server allows (CORS): any port on loopback, for tests and benchmarks. */
export const LOOPBACK_ORIGINS = ['http://127.0.0.1:*', 'http://localhost:*'];

/**
 * Starts `azx-server serve` on 127.0.0.1:port and waits for its health endpoint.
 * origins: the browser origins allowed to call it; rateLimits false turns PocketBase's rate
 * limits off for this process (tests sign in from one address many times a second).
 * @returns {Promise<{url: string, port: number, dir: string, stop: () => Promise<void>}>}
 */
export async function startServer({ dir, port, quiet = true, origins = LOOPBACK_ORIGINS, rateLimits = true, binary = serverBinary, env = {} } = {}) {
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(binary, ['serve', '--http', `127.0.0.1:${port}`, '--dir', dir], {
    cwd: root,
    stdio: quiet ? ['ignore', 'ignore', 'pipe'] : 'inherit',
    env: {
      ...process.env,
      AZX_ORIGINS: origins.join(','),
      ...(rateLimits ? {} : { AZX_RATE_LIMITS: 'off' }),
      ...env,
    },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`azx-server exited (${child.exitCode}): ${stderr}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`azx-server did not answer on ${url} within 60 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    dir,
    /** The server process (fault tests kill it). */
    child,
    exited,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
