// Set-up steps shared by `npm start`, `npm test` and `npm run bench`. Only Node built-ins here:
// these run before node_modules exists on a fresh clone.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './paths.mjs';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for Debian's Chromium in tests and benchmarks: headless as root, and none of its
 * background connections, which this machine's closed network refuses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Runs a command with inherited output; throws with the command line on failure. */
export function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
}

function newestMtime(dir, accept) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'bin' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path, accept));
    else if (accept(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Installs the Node dependencies from the lock file when they are missing or older than it. */
export function ensureNodeModules() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('› installing Node dependencies (npm ci)');
  sh('npm', ['ci', '--no-audit', '--no-fund']);
}

/** Go is needed to build the backend; say so plainly when it is missing. */
export function ensureGo() {
  const r = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error('Go (1.25 or newer) is needed to build the backend: https://go.dev/doc/install');
  }
}

/** The PocketBase version backend/go.mod pins ("v0.39.11"). */
export function pocketbaseVersion() {
  const mod = readFileSync(join(root, 'backend', 'go.mod'), 'utf8');
  return /github\.com\/pocketbase\/pocketbase (v\S+)/.exec(mod)?.[1] ?? 'unknown';
}

/** Builds backend/bin/azx-server when it is missing or older than any Go source. */
export function ensureBackend() {
  const backend = join(root, 'backend');
  const binary = join(backend, 'bin', 'azx-server');
  const sources = newestMtime(backend, (n) => n.endsWith('.go') || n === 'go.mod' || n === 'go.sum');
  if (existsSync(binary) && statSync(binary).mtimeMs >= sources) return binary;
  ensureGo();
  console.log(`› building the backend (PocketBase ${pocketbaseVersion()} through the Go module proxy; each package is named as it compiles)`);
  // -v names each package as it compiles: a first build takes minutes and is never silent.
  // CGO off: one static binary, as the release, so the two builds share Go's cache.
  sh('go', ['build', '-v', '-o', 'bin/azx-server', '.'], { cwd: backend, env: { ...process.env, CGO_ENABLED: '0' } });
  return binary;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Installs a Debian package when the file it provides is missing (as root), else explains. */
export function ensureDebianPackage(pkg, file, why) {
  if (existsSync(file)) return;
  if (!isRoot()) {
    throw new Error(`${why} needs ${file}. Install it with: sudo apt-get install -y ${pkg}`);
  }
  console.log(`› installing ${pkg} from Debian (${why})`);
  sh('apt-get', ['update', '-qq']);
  sh('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

export function ensureChromium() {
  ensureDebianPackage('chromium', CHROMIUM, 'the browser tests');
}

/**
 * What the print and export tests need beside Chromium: a free CJK serif for the documents (the
 * fallback of --azx-document-font), poppler to read the printed PDFs and draw the reference PNGs,
 * openpyxl to read the workbooks back (an independent reader).
 */
export function ensurePrintTools() {
  ensureDebianPackage('fonts-noto-cjk', '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', 'the print tests (documents in a CJK serif)');
  ensureDebianPackage('poppler-utils', '/usr/bin/pdftotext', 'the print tests (pdftotext and pdftoppm read the printed PDFs)');
  ensureDebianPackage('python3-openpyxl', '/usr/lib/python3/dist-packages/openpyxl/__init__.py', 'the export tests (openpyxl reads the workbooks back)');
}

/** The library bundle in dist/, built when missing or older than the sources. */
export function ensureLibrary() {
  const sources = Math.max(
    newestMtime(join(root, 'components'), (n) => n.endsWith('.ts')),
    newestMtime(join(root, 'schemas'), (n) => n.endsWith('.json') || n.endsWith('.ts')),
  );
  const stale = (file, own = 0) => !existsSync(file) || statSync(file).mtimeMs < Math.max(sources, own);
  if (stale(join(root, 'dist', 'esm', 'index.js'))) {
    console.log('› building the library (dist/)');
    sh(process.execPath, [join(root, 'scripts', 'build.mjs')]);
  }
  const portal = newestMtime(join(root, 'demo'), (n) => n.endsWith('.ts'));
  if (stale(join(root, 'demo', 'build', 'portal.js'), portal)) {
    console.log('› building the demo portal (demo/build/)');
    sh(process.execPath, [join(root, 'scripts', 'build-demo.mjs')]);
  }
}

export function versionOf(cmd, args = ['--version']) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .split('\n')[0];
  } catch {
    return 'not found';
  }
}
