// No request crashes anything: every custom route under /api/azx/ and the demo portal answer
// malformed paths, encodings, bodies and headers with a 4xx (never a 5xx, never a dropped
// connection), and both still serve normally afterwards. The requests go over raw sockets, so
// they reach the servers exactly as written.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '../fixtures/server.mjs';
import { createWorld } from '../fixtures/world.mjs';
import { rawRequest } from '../fixtures/raw-http.mjs';
import { startDemoServer } from '../../scripts/demo-server.mjs';

let server;
let world;
let demo;
const tokens = {};
let round;

before(async () => {
  server = await startTestServer();
  world = await createWorld(server.url);
  for (const who of ['insurerA', 'regulatorShaoxing', 'regulatorZhejiang']) tokens[who] = await world.login(who);
  tokens.superuser = await world.login('superuser');
  const r = await world.api(tokens.regulatorShaoxing).request('POST', '/api/azx/compliance/rounds', {
    name: '抽查', region: '330600', seed: 7, size: 1,
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  round = r.body.id;
  demo = await startDemoServer({ port: 0, pocketbaseUrl: server.url });
});
after(async () => {
  await demo?.stop();
  await server?.stop();
});

/** Every custom route, with the role that passes its sign-in gate (so the handler itself is reached). */
const routes = () => [
  ['GET', '/api/azx/coverage/figures', 'regulatorZhejiang'],
  ['GET', '/api/azx/coverage/records', 'regulatorZhejiang'],
  ['GET', '/api/azx/coverage/index', 'regulatorZhejiang'],
  ['GET', '/api/azx/compliance/report', 'regulatorShaoxing'],
  ['GET', '/api/azx/compliance/rounds', 'regulatorShaoxing'],
  ['POST', '/api/azx/compliance/rounds', 'regulatorShaoxing'],
  ['GET', `/api/azx/compliance/rounds/${round}/findings`, 'regulatorShaoxing'],
  ['POST', `/api/azx/compliance/rounds/${round}/findings`, 'regulatorShaoxing'],
  ['POST', `/api/azx/compliance/rounds/${round}/findings/import`, 'regulatorShaoxing'],
  ['POST', '/api/azx/bulk/policies', 'insurerA'],
  ['POST', '/api/azx/bulk/enterprises', 'regulatorShaoxing'],
  ['GET', '/api/azx/bulk/policies/template.csv', 'insurerA'],
  ['GET', '/api/azx/bulk/enterprises/template.csv', 'regulatorShaoxing'],
  ['GET', '/api/azx/bulk/policies/template.xlsx', 'insurerA'],
  ['GET', '/api/azx/bulk/enterprises/template.xlsx', 'regulatorShaoxing'],
  ['GET', '/api/azx/services/ledger', 'insurerA'],
  ['GET', '/api/azx/paging/policies/key', 'insurerA'],
  ['POST', '/api/azx/hazards/sweep', 'superuser'],
];

const BAD_UTF8 = Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]); // {"a":"\xff\xfe"}

/** A request head; a token (when given) goes in Authorization. */
function head(method, target, { token, headers = [] } = {}) {
  return [
    `${method} ${target} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Connection: close',
    ...(token ? [`Authorization: ${token}`] : []),
    ...headers,
  ].join('\r\n');
}

async function send(url, method, target, { token, headers = [], body, endAfterBody } = {}) {
  const extra = [...headers];
  if (body !== undefined && !extra.some((h) => /^content-length:/i.test(h))) extra.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return rawRequest(url, head(method, target, { token, headers: extra }), { body, endAfterBody });
}

/** Asserts a 4xx and collects what went wrong instead of stopping at the first case. */
function expect4xx(problems, what, r) {
  if (!(r.status >= 400 && r.status < 500)) problems.push(`${what}: ${r.status || 'no answer'} ${r.text.slice(r.head.length, r.head.length + 200).trim()}`);
}

describe('custom routes under /api/azx/', () => {
  test('malformed paths and percent-encodings are refused with a 4xx', async () => {
    const problems = [];
    for (const [method, path, who] of routes()) {
      for (const target of [
        `${path}%E0%A4%A`, // a cut UTF-8 sequence
        `${path}/%ZZ`,
        `${path}%00`,
        `${path}/..%2f..%2f..%2fetc%2fpasswd`,
        `${path}/${'x'.repeat(6000)}`,
      ]) {
        expect4xx(problems, `${method} ${target.slice(0, 90)}`, await send(server.url, method, target, { token: tokens[who] }));
      }
    }
    for (const target of ['/api/azx/%E0%A4%A', '/api/azx/paging/%E0%A4%A/key', '/api/azx/paging/%00/key', '/api/azx/paging/_superusers/key',
      `/api/azx/compliance/rounds/%E0%A4%A/findings`, `/api/azx/compliance/rounds/${'9'.repeat(300)}/findings`]) {
      expect4xx(problems, `GET ${target}`, await send(server.url, 'GET', target, { token: tokens.regulatorShaoxing }));
    }
    assert.deepEqual(problems, []);
  });

  test('malformed query strings are refused with a 4xx', async () => {
    const problems = [];
    const queries = {
      '/api/azx/coverage/figures': ['region=%E0%A4%A', 'region=%ZZ', 'region=33060x', 'from=2026-13-45', 'at=yesterday', 'min_share=abc', 'min_share=1e999'],
      '/api/azx/coverage/records': ['metric=%00', 'metric=nonsense', 'page=-1', 'perPage=abc', 'page=99999999999999999999', 'region=%E0%A4%A'],
      '/api/azx/compliance/report': ['region=%E0%A4%A', 'round=%00', 'from=x'],
      '/api/azx/compliance/rounds': ['region=%E0%A4%A', 'region=999999'],
      '/api/azx/services/ledger': ['', 'policy=%E0%A4%A', 'policy=%00', `policy=${'a'.repeat(5000)}`],
      '/api/azx/paging/policies/key': ['offset=-1', 'offset=abc', 'offset=1e400', 'sort=-created', 'filter=((((', 'filter=%E0%A4%A', 'sort=%00,id'],
    };
    for (const [path, list] of Object.entries(queries)) {
      const who = path.includes('ledger') || path.includes('paging') ? 'insurerA' : path.includes('coverage') ? 'regulatorZhejiang' : 'regulatorShaoxing';
      for (const q of list) {
        expect4xx(problems, `GET ${path}?${q.slice(0, 60)}`, await send(server.url, 'GET', `${path}?${q}`, { token: tokens[who] }));
      }
    }
    assert.deepEqual(problems, []);
  });

  test('malformed bodies are refused with a 4xx', async () => {
    const problems = [];
    const json = ['Content-Type: application/json'];
    const bodies = [
      ['not JSON', json, '{'],
      ['JSON of the wrong shape (an array)', json, '[]'],
      ['JSON null', json, 'null'],
      ['a JSON string', json, '"x"'],
      ['fields of the wrong type', json, '{"name":1,"region":[],"seed":"x","size":{},"rows":"x","policy":5,"category":[],"at":7}'],
      ['invalid UTF-8', json, BAD_UTF8],
      ['nesting 100,000 deep', json, '['.repeat(100_000)],
      // the client stops sending (closes its side) before the body is complete
      ['a body shorter than its Content-Length', [...json, 'Content-Length: 5000'], '{"rows":[', true],
      ['multipart without a boundary', ['Content-Type: multipart/form-data'], '--x\r\n\r\n'],
      ['multipart cut short', ['Content-Type: multipart/form-data; boundary=zz'], '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc'],
      ['gzip that is not gzip', [...json, 'Content-Encoding: gzip'], 'not gzip at all'],
      ['an unknown content type', ['Content-Type: application/x-nonsense'], '\u0000\u0001\u0002'],
    ];
    for (const [method, path, who] of routes().filter(([m]) => m === 'POST')) {
      for (const [what, headers, body, endAfterBody] of bodies) {
        expect4xx(problems, `${method} ${path} with ${what}`, await send(server.url, method, path, { token: tokens[who], headers, body, endAfterBody }));
      }
    }
    assert.deepEqual(problems, []);
  });

  test('malformed headers are refused with a 4xx', async () => {
    const problems = [];
    for (const [method, path] of routes()) {
      const cases = [
        ['a token that is not a token', ['Authorization: Bearer not.a.token']],
        ['a token of bytes', [Buffer.from('Authorization: \xff\xfe\xfd', 'latin1').toString('latin1')]],
        ['two Content-Lengths that differ', ['Content-Length: 1', 'Content-Length: 2']],
        ['a header without a colon', ['This is not a header']],
        ['a header name with a space', ['Bad Name: x']],
      ];
      for (const [what, headers] of cases) {
        expect4xx(problems, `${method} ${path} with ${what}`, await send(server.url, method, path, { headers }));
      }
      // a signed-in request with a garbled language and content type still gets its 4xx or its answer, never a 5xx
      const r = await send(server.url, method, path, {
        token: tokens.insurerA,
        headers: ['Accept-Language: \u00ff\u00fe;q=abc,,,', 'Content-Type: application/json; charset=klingon'],
        body: method === 'POST' ? '{' : undefined,
      });
      if (!(r.status >= 200 && r.status < 500)) problems.push(`${method} ${path} with a garbled Accept-Language: ${r.status}`);
    }
    assert.deepEqual(problems, []);
  });

  test('the server still answers normally afterwards', async () => {
    const r = await world.api(tokens.regulatorZhejiang).request('GET', '/api/azx/coverage/figures');
    assert.equal(r.status, 200, JSON.stringify(r.body).slice(0, 300));
    assert.equal((await fetch(`${server.url}/api/health`)).status, 200);
  });
});

describe('the demo portal server', () => {
  test('malformed paths, methods and headers are refused with a 4xx', async () => {
    const problems = [];
    for (const target of ['/%E0%A4%A', '/%ZZ', '/%00', '/demo/%E0%A4%A.js', '/..%2f..%2fetc%2fpasswd', '/../../etc/passwd', '//etc/passwd',
      '/dist/%2e%2e/%2e%2e/package.json', `/${'a'.repeat(6000)}`, '/index.html%00.png', 'http://[::1', '*']) {
      expect4xx(problems, `GET ${target.slice(0, 60)}`, await send(demo.url, 'GET', target));
    }
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'BREW']) {
      expect4xx(problems, `${method} /`, await send(demo.url, method, '/', { body: '{' }));
    }
    for (const headers of [['This is not a header'], ['Content-Length: 1', 'Content-Length: 2'], ['Bad Name: x'], [`X-Long: ${'x'.repeat(20_000)}`]]) {
      expect4xx(problems, `GET / with ${headers[0].slice(0, 40)}`, await send(demo.url, 'GET', '/', { headers }));
    }
    const garbage = await rawRequest(demo.url, 'NOT AN HTTP REQUEST AT ALL');
    expect4xx(problems, 'a request line that is not HTTP', garbage);
    assert.deepEqual(problems, []);
  });

  test('it still serves the portal afterwards, with its security headers', async () => {
    const r = await fetch(`${demo.url}/`);
    assert.equal(r.status, 200);
    assert.match(await r.text(), /<azx-|portal\.js/);
    const csp = r.headers.get('content-security-policy');
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, new RegExp(`connect-src 'self' ${server.url.replaceAll('.', '\\.')}`));
    assert.ok(r.headers.get('referrer-policy'));
    assert.match(r.headers.get('permissions-policy'), /camera=\(\)/);
    assert.equal((await fetch(`${demo.url}/demo/config.json`)).status, 200);
  });
});
