// Serves the demo portal (index.html, demo/, dist/) under exactly the Content-Security-Policy
// strict government portals use (issue 7): no eval, no inline scripts or styles. The elements
// validate with Ajv code generated ahead of time or the interpreter, never with new Function.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { root } from './paths.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
const PUBLIC = ['index.html', 'demo', 'dist'];

export function contentSecurityPolicy(pocketbaseUrl) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${pocketbaseUrl}`,
    "img-src 'self' blob: data:",
  ].join('; ');
}

export function startDemoServer({ port = 8080, host = '127.0.0.1', pocketbaseUrl }) {
  const csp = contentSecurityPolicy(pocketbaseUrl);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/demo/config.json') {
      res.writeHead(200, { 'content-type': TYPES['.json'], 'cache-control': 'no-store' });
      res.end(JSON.stringify({ pocketbaseUrl }));
      return;
    }
    const relative = normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)).slice(1);
    const allowed = PUBLIC.some((p) => relative === p || relative.startsWith(p + sep));
    try {
      if (!allowed) throw new Error('not public');
      const file = join(root, relative);
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
      });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({
        url: `http://${host}:${actual}`,
        stop: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
