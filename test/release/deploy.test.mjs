// The README's "Deploy" section, followed on this machine: `npm run release` builds one static
// binary, the "Install and start" block runs line by line (relocated under a temporary folder, on
// a free port: the substitutions are listed below), and the result is a running release binary
// serving the portal and the API over loopback, which a real Chromium signs in to.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readFileSync, readSync, closeSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { root } from '../../scripts/paths.mjs';
import { CHROMIUM, CHROMIUM_ARGS } from '../../scripts/ensure.mjs';
import { freePort } from '../../scripts/pocketbase.mjs';

const T = mkdtempSync(join(tmpdir(), 'azx-deploy-'));
const binary = join(root, 'release', 'azx-server');
let port;
let service; // the unit's ExecStart, as systemd would run it
let browser;

/** The first ```sh block after a heading of README.md. */
function readmeBlock(heading) {
  const md = readFileSync(join(root, 'README.md'), 'utf8');
  const at = md.indexOf(`\n${heading}\n`);
  assert.ok(at >= 0, `README has "${heading}"`);
  const block = /```sh\n([\s\S]*?)```/.exec(md.slice(at));
  assert.ok(block, `a sh block under "${heading}"`);
  return block[1].trim().split('\n');
}

/** The same layout under T, on a free port (what differs between this machine and a server). */
const relocate = (s) =>
  s
    .replaceAll('/usr/local/bin/', `${T}/usr/local/bin/`)
    .replaceAll('/etc/systemd/system/', `${T}/etc/systemd/system/`)
    .replaceAll('/var/lib/azx', `${T}/var/lib/azx`)
    .replaceAll('/var/backups/azx', `${T}/var/backups/azx`)
    .replaceAll('127.0.0.1:8090', `127.0.0.1:${port}`);

/** Whether an ELF executable asks for a dynamic loader (has a PT_INTERP program header). */
function dynamicallyLinked(file) {
  const fd = openSync(file, 'r');
  try {
    const h = Buffer.alloc(64);
    readSync(fd, h, 0, 64, 0);
    assert.equal(h.toString('latin1', 1, 4), 'ELF');
    const phoff = Number(h.readBigUInt64LE(32));
    const phentsize = h.readUInt16LE(54);
    const phnum = h.readUInt16LE(56);
    const ph = Buffer.alloc(phentsize * phnum);
    readSync(fd, ph, 0, ph.length, phoff);
    for (let i = 0; i < phnum; i++) if (ph.readUInt32LE(i * phentsize) === 3) return true;
    return false;
  } finally {
    closeSync(fd);
  }
}

before(async () => {
  port = await freePort();
  for (const d of ['usr/local/bin', 'etc/systemd/system']) mkdirSync(join(T, d), { recursive: true });
});
after(async () => {
  await browser?.close();
  if (service && service.exitCode === null) {
    service.kill('SIGTERM');
    await new Promise((r) => service.once('exit', r));
  }
  rmSync(T, { recursive: true, force: true });
});

test('npm run release builds one static binary', () => {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'release.mjs')], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(r.status, 0, `${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
  assert.match(r.stdout, /release\/azx-server +\d+(\.\d)? MB +sha256 [0-9a-f]{64}/);
  assert.equal(dynamicallyLinked(binary), false, 'no dynamic loader: runs on any Linux of the same architecture');
  // nothing staged for go:embed is left in the source tree
  assert.deepEqual(readdirSync(join(root, 'backend', 'internal', 'portal')).sort(), ['embed_dev.go', 'embed_release.go', 'register.go']);
});

test('the "Install and start" block gives a running release serving the portal over loopback', async () => {
  const lines = readmeBlock('### Install and start');
  const ran = [];
  for (const line of lines) {
    if (line.startsWith('useradd ')) continue; // no system user on a test machine
    let cmd = relocate(line).replaceAll(' -o azx -g azx', '').replace(/^runuser -u azx -- /, '');
    if (cmd === 'systemctl daemon-reload') {
      // the relocated units, checked as systemd would load them
      const units = ['azx.service', 'azx-audit-verify.service', 'azx-audit-verify.timer'].map((u) => join(T, 'etc/systemd/system', u));
      for (const u of units) writeFileSync(u, relocate(readFileSync(u, 'utf8')));
      cmd = `systemd-analyze verify ${units.join(' ')}`;
    } else if (cmd.startsWith('systemctl enable --now')) {
      const unit = readFileSync(join(T, 'etc/systemd/system/azx.service'), 'utf8');
      const exec = /^ExecStart=(.*)$/m.exec(unit)[1].split(' ');
      const env = Object.fromEntries([...unit.matchAll(/^Environment=([A-Z_]+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
      service = spawn(exec[0], exec.slice(1), { cwd: join(T, 'var/lib/azx'), env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      service.stdout.on('data', (c) => (out += c));
      service.stderr.on('data', (c) => (out += c));
      for (let i = 0; i < 300; i++) {
        if (service.exitCode !== null) assert.fail(`the service exited (${service.exitCode}): ${out}`);
        if (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.match(out, /built-in definitions:/, 'the binary loaded its built-in definitions on start');
      ran.push(cmd);
      continue;
    }
    const r = spawnSync('sh', ['-c', cmd], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, `${cmd}\n${r.stdout}\n${r.stderr}`);
    ran.push(cmd);
  }
  assert.ok(ran.some((c) => c.startsWith('curl -fsS')), 'the block ends with its health check');

  const url = `http://127.0.0.1:${port}`;
  const page = await fetch(`${url}/`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /demo\/build\/portal\.js/);
  assert.match(page.headers.get('content-security-policy'), /script-src 'self';.*frame-ancestors 'none'/);
  assert.deepEqual(await (await fetch(`${url}/demo/config.json`)).json(), { pocketbaseUrl: '' });
  assert.equal((await fetch(`${url}/demo/build/portal.js`)).status, 200);
  assert.equal((await fetch(`${url}/dist/esm/index.js`)).status, 200, 'the built elements');
  assert.equal((await fetch(`${url}/_/`)).status, 200, 'the admin UI on loopback');

  // the operator's superuser from the block, the backup schedule it set, the built-in definitions
  const su = await (await fetch(`${url}/api/collections/_superusers/auth-with-password`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity: 'ops@example.gov.cn', password: 'a-long-passphrase-2026' }),
  })).json();
  assert.ok(su.token, JSON.stringify(su));
  const auth = { authorization: su.token, 'content-type': 'application/json' };
  const settings = await (await fetch(`${url}/api/settings`, { headers: auth })).json();
  assert.equal(settings.backups.cron, '0 3 * * *');
  assert.equal(settings.rateLimits.enabled, true);
  const defs = await (await fetch(`${url}/api/collections/form_definitions/records?filter=${encodeURIComponent('status = "published"')}`, { headers: auth })).json();
  assert.deepEqual(defs.items.map((d) => d.key).sort(), readdirSync(join(root, 'schemas', 'definitions')).filter((f) => f.endsWith('.json')).map((f) => f.replace('.json', '')).sort());

  // a regulator the administrator creates signs in through the portal in Chromium
  const org = await (await fetch(`${url}/api/collections/organizations/records`, {
    method: 'POST', headers: auth, body: JSON.stringify({ name: '浙江省应急管理厅', kind: 'regulator', region_code: '330000' }),
  })).json();
  const user = await fetch(`${url}/api/collections/users/records`, {
    method: 'POST', headers: auth,
    body: JSON.stringify({
      email: 'regulator@example.gov.cn', password: 'release-pass-2026', passwordConfirm: 'release-pass-2026', verified: true,
      name: '省厅 监管员', role: 'regulator', organization: org.id, scope_level: 'province', region_scope: '330000',
    }),
  });
  assert.equal(user.status, 200, await user.text());
  browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const tab = await browser.newPage();
  const problems = [];
  tab.on('pageerror', (e) => problems.push(String(e?.message ?? e)));
  tab.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await tab.goto(`${url}/`, { waitUntil: 'domcontentloaded' });
  // the demo shell's sign-in form (demo/shell/sign-in.ts) takes any account the server knows
  await tab.waitForSelector('#sign-in-email');
  await tab.type('#sign-in-email', 'regulator@example.gov.cn');
  await tab.type('#sign-in-password', 'release-pass-2026');
  await tab.click('#sign-in-submit');
  await tab.waitForSelector('#side-nav:not([hidden]) a[aria-current="page"]', { timeout: 30_000 });
  assert.match(await tab.$eval('#party', (e) => e.textContent), /省厅 监管员/);
  assert.deepEqual(problems, [], 'no page error, no CSP violation');
});
