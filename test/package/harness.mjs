// The package as a portal developer gets it: `npm pack` of this repository (dist/ must be built),
// installed into apps outside the repository (under the OS temp folder), built with each app's
// own tool, served as static files and driven in Chromium against a real PocketBase.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import puppeteer from 'puppeteer-core';
import { root } from '../../scripts/paths.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/ensure.mjs';
import { backendCommand, prepareData, startServer } from '../../scripts/pocketbase.mjs';

export const PACKAGE = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
export const DEMO_PASSWORD = 'azx-demo-2026';

/** Runs a command; throws with its output when it fails. Returns stdout and the seconds it took. */
export function sh(cmd, args, { cwd, env } = {}) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) exited ${r.status}\n${r.stdout}\n${r.stderr}`);
  return { stdout: r.stdout, seconds: (Date.now() - t0) / 1000 };
}

/** npm as a portal developer runs it: from the registry's cache when it can, quietly. */
export function npm(args, cwd) {
  return sh('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd,
    // a file: dependency is installed as a copy, as from the registry (the examples' .npmrc says so too)
    env: { npm_config_install_links: 'true' },
  });
}

/** `npm pack` of the repository into a fresh folder; the tarball's path. */
export function packTarball() {
  const dir = mkdtempSync(join(tmpdir(), 'azx-pack-'));
  const { stdout } = sh('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root });
  const [info] = JSON.parse(stdout);
  return { tarball: join(dir, info.filename), files: info.files.map((f) => f.path), dir };
}

/**
 * An example app of examples/<name>, copied outside the repository with `azx` pointing at the
 * tarball, installed and built. Its installed node_modules are kept between runs (keyed by its
 * lockfile) so only azx itself is installed again; `seconds` says what each step took.
 */
export function prepareExample(name, tarball) {
  const source = join(root, 'examples', name);
  const lock = readFileSync(join(source, 'package-lock.json'));
  const key = createHash('sha256').update(lock).update(readFileSync(join(source, 'package.json'))).digest('hex').slice(0, 12);
  const cache = join(tmpdir(), 'azx-examples');
  const dir = join(cache, `${name}-${key}`);
  // installs of an older lockfile are not needed again
  for (const old of existsSync(cache) ? readdirSync(cache) : []) if (old.startsWith(`${name}-`) && old !== `${name}-${key}`) rmSync(join(cache, old), { recursive: true, force: true });
  const cold = !existsSync(join(dir, 'node_modules'));
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(source)) {
    if (entry === 'node_modules' || entry === 'dist' || entry === '.angular') continue;
    cpSync(join(source, entry), join(dir, entry), { recursive: true });
  }
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  // the package as published, not the working copy
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  pkg.dependencies.azx = `file:${tarball}`;
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const install = npm(['install'], dir).seconds;
  const build = sh('npm', ['run', 'build'], { cwd: dir, env: { NG_CLI_ANALYTICS: 'false' } }).seconds;
  return { name, dir, cold, seconds: { install, build } };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
};

/** Serves a folder of static files on a free loopback port, optionally under a Content-Security-Policy. */
export function serveStatic(dir, { csp } = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)).slice(1);
    const file = join(dir, path);
    if (path.startsWith('..') || !file.startsWith(dir + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (csp) headers['content-security-policy'] = csp;
      res.writeHead(200, headers);
      res.end(await readFile(file));
    } catch {
      // a browser asks every site for an icon; a missing one is not a test's failure
      res.writeHead(path === 'favicon.ico' ? 204 : 404).end();
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ url: `http://127.0.0.1:${port}`, stop: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

/** A PocketBase with the demo data of `npm start` (its logins; a small registry). */
export async function demoBackend({ enterprises = 300 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'azx-examples-pb-'));
  await prepareData(dir);
  await backendCommand(dir, ['seed', '--seed', '42', '--enterprises', String(enterprises)]);
  const server = await startServer({ dir });
  return {
    url: server.url,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Chromium with a page that collects uncaught errors and CSP violations. */
export async function openBrowser() {
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return {
    browser,
    async newPage() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (err) => problems.push(`page error: ${err?.message ?? err}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
      });
      await page.setViewport({ width: 1280, height: 900 });
      return { page, problems };
    },
    close: () => browser.close(),
  };
}
