// The benchmark's yardstick: a bare PocketBase (backend/cmd/bare-pocketbase, built from the
// PocketBase version of backend/go.mod) serving a policies collection of the same size and body
// as AZX's, measured in the same run so every AZX figure is printed beside its ratio.
import { mkdirSync, rmSync, statSync, existsSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './paths.mjs';
import { startServer } from './pocketbase.mjs';

export const bareBinary = join(root, 'backend', 'bin', 'bare-pocketbase');
export const BARE_USER = { email: 'insurer@bare.bench', password: 'bare-bench-2026', organization: 'ORG-INSURER-1' };

/** Builds backend/bin/bare-pocketbase when missing or older than its source or go.mod. */
export function ensureBare() {
  const sources = ['cmd/bare-pocketbase/main.go', 'go.mod', 'go.sum'].map((f) => statSync(join(root, 'backend', f)).mtimeMs);
  if (existsSync(bareBinary) && statSync(bareBinary).mtimeMs >= Math.max(...sources)) return bareBinary;
  execFileSync('go', ['build', '-o', 'bin/bare-pocketbase', './cmd/bare-pocketbase'], {
    cwd: join(root, 'backend'),
    env: { ...process.env, CGO_ENABLED: '0' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return bareBinary;
}

/**
 * A fresh bare data folder holding `policies` rows, each with `data` as its record, and one
 * insurer user; then the server. Returns startServer's handle plus the user's token.
 */
export async function startBare({ dir, policies, data }) {
  ensureBare();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const bodyFile = join(dir, 'body.json');
  writeFileSync(bodyFile, JSON.stringify(data));
  execFileSync(bareBinary, ['setup', '--dir', dir, '--policies', String(policies), '--body', bodyFile,
    '--email', BARE_USER.email, '--password', BARE_USER.password, '--organization', BARE_USER.organization], { stdio: ['ignore', 'ignore', 'inherit'], timeout: 1_800_000 });
  const server = await startServer({ dir, binary: bareBinary });
  const res = await fetch(`${server.url}/api/collections/users/auth-with-password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity: BARE_USER.email, password: BARE_USER.password }),
  });
  const json = await res.json();
  if (res.status !== 200) throw new Error(`bare sign-in: ${res.status} ${JSON.stringify(json)}`);
  return { ...server, token: json.token };
}

/** The create body of the bare collection: the AZX policy's columns and its record as data. */
export function bareBody(data, industry) {
  return {
    policy_no: '__N__',
    insurer: BARE_USER.organization,
    industry,
    period_start: `${data.period?.start ?? '2026-06-01'} 00:00:00.000Z`,
    data: { ...data, policy_no: 'BARE' },
  };
}
