// Serves the demo portal (index.html, demo/, dist/) under exactly the Content-Security-Policy
// strict government portals use (issue 7): no eval, no inline scripts or styles. The elements
// validate with Ajv code generated ahead of time or the interpreter, never with new Function.
// The headers come from backend/internal/security/headers.json, which the release binary
// (serving the same portal itself) sends too. No request can stop it: a path that does not
// decode, a method other than GET/HEAD or a read error is answered, never thrown.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
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
/** What the portal serves; the release binary embeds exactly these. */
export const PUBLIC = ['index.html', 'demo', 'dist'];
const HEADERS = JSON.parse(readFileSync(join(root, 'backend', 'internal', 'security', 'headers.json'), 'utf8'));

/** The portal's headers; pocketbaseUrl is the API origin the page may connect to. */
export function portalHeaders(pocketbaseUrl) {
  return Object.fromEntries(
    Object.entries(HEADERS.portal).map(([k, v]) => [k, v.replace(' {api}', pocketbaseUrl ? ` ${pocketbaseUrl}` : '')]),
  );
}

/** A path of the portal's files, or null: undecodable, a NUL byte, or outside PUBLIC. */
function publicPath(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return { status: 400, text: 'Bad request: the path is not valid percent-encoded UTF-8' };
  }
  if (decoded.includes('\0')) return { status: 400, text: 'Bad request: the path holds a NUL byte' };
  const relative = normalize(decoded).slice(1);
  const allowed = PUBLIC.some((p) => relative === p || relative.startsWith(p + sep));
  return allowed ? { relative } : { status: 404, text: 'Not found' };
}

export function startDemoServer({ port = 8080, host = '127.0.0.1', pocketbaseUrl }) {
  const headers = portalHeaders(pocketbaseUrl);
  const answer = (res, status, text, extra = {}) => {
    if (res.headersSent) return res.destroy();
    res.writeHead(status, { ...headers, 'content-type': 'text/plain; charset=utf-8', ...extra });
    res.end(text);
  };
  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return answer(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
      }
      let url;
      try {
        url = new URL(req.url ?? '/', 'http://localhost');
      } catch {
        return answer(res, 400, 'Bad request: the request target is not a URL path');
      }
      if (url.pathname === '/demo/config.json') {
        res.writeHead(200, { ...headers, 'content-type': TYPES['.json'], 'cache-control': 'no-store' });
        return res.end(JSON.stringify({ pocketbaseUrl }));
      }
      const target = publicPath(url.pathname);
      if (!target.relative) return answer(res, target.status, target.text);
      const file = join(root, target.relative);
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) return answer(res, 404, 'Not found');
      const body = await readFile(file);
      res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      answer(res, 500, 'Internal error');
      console.error(`demo server: ${req.method} ${req.url}: ${err?.message ?? err}`);
    }
  });
  // A request Node cannot parse (bad header, bad request line) gets a 400, never an exception.
  server.on('clientError', (err, socket) => {
    if (socket.writable && !socket.destroyed) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    else socket.destroy();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({
        url: `http://${host}:${actual}`,
        port: actual,
        stop: () =>
          new Promise((r) => {
            server.close(() => r());
            server.closeAllConnections?.();
          }),
      });
    });
  });
}
