// Throughput and latency measured with wrk, a load generator written in C. On a 2-core machine a
// Node client spends about as much CPU per request as the server does, so a Node-driven figure
// measures the client as much as the server; wrk leaves the cores to the server. Every answer wrk
// times is checked in its Lua script (status and content); a run counts only the good ones, and
// the caller fails the benchmark when any answer was refused or wrong.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './paths.mjs';

export const WRK = '/usr/bin/wrk';

const lua = (s) => JSON.stringify(s); // a JSON string is a valid Lua string literal for our text

/**
 * The Lua around a request function and a check of each answer: counts failures per thread and
 * prints one line with requests, failures, duration and latency percentiles.
 * @param {string} request Lua body of request() returning wrk.format(...)
 * @param {string} check Lua expression over (status, body): true when the answer is right
 */
function script(request, check) {
  return `
local threads = {}
local next_id = 0
function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end
function init(args)
  counter = 0
  failed = 0
  first_failure = ""
end
function request()
  counter = counter + 1
${request}
end
-- every key "field":"value" in body equals want (and there is at least one)
function all_equal(body, field, want)
  local n = 0
  for v in string.gmatch(body, '"' .. field .. '":"([^"]*)"') do
    if v ~= want then return false end
    n = n + 1
  end
  return n > 0
end
function response(status, headers, body)
  if not (${check}) then
    failed = failed + 1
    if first_failure == "" then first_failure = tostring(status) .. " " .. string.sub(body, 1, 200) end
  end
end
function done(summary, latency, requests)
  local failures, example = 0, ""
  for _, t in ipairs(threads) do
    failures = failures + t:get("failed")
    if example == "" then example = t:get("first_failure") end
  end
  io.write(string.format("AZX %d %d %.3f %.3f %.3f %.3f %s\\n", summary.requests, failures,
    summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3,
    latency:percentile(99) / 1e3, example))
end
`;
}

/**
 * Creates: every request posts body to path with a unique number in place of its one `__N__`;
 * an answer is right when it is 200 and names the new record.
 */
export function createScript({ token, path, body }) {
  const parts = JSON.stringify(body).split('__N__');
  if (parts.length !== 2) throw new Error('a create body needs exactly one __N__ (the unique number)');
  return script(
    `  local body = ${lua(parts[0])} .. tostring(tid) .. "-" .. tostring(counter) .. ${lua(parts[1])}
  return wrk.format("POST", ${lua(path)}, { ["Content-Type"] = "application/json", ["Authorization"] = ${lua(token)} }, body)`,
    `status == 200 and string.find(body, '"id":"', 1, true) ~= nil`,
  );
}

/**
 * Lists: requests cycle through paths; an answer is right when it is 200, has rows, and every row's
 * `field` is `value` (the caller's own rows: an insurer's, a city's) and `same` (the filtered
 * column) is one value for the page.
 */
export function listScript({ token, paths, field, value, same }) {
  return script(
    `  local paths = { ${paths.map(lua).join(', ')} }
  local path = paths[(counter + tid) % #paths + 1]
  return wrk.format("GET", path, { ["Authorization"] = ${lua(token)} })`,
    `status == 200 and all_equal(body, ${lua(field)}, ${lua(value)}) and all_equal(body, ${lua(same)}, string.match(body, '"' .. ${lua(same)} .. '":"([^"]*)"') or "")`,
  );
}

/**
 * Runs wrk with a script for `seconds` on `connections` keep-alive connections (2 threads).
 * Returns null when wrk is not installed.
 */
export function runWrk(url, luaText, { name, seconds = 15, connections = 12 }) {
  if (!existsSync(WRK)) return null;
  const dir = join(root, '.tmp', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.lua`);
  writeFileSync(file, luaText);
  const r = spawnSync(WRK, ['-t2', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', file, url], { encoding: 'utf8' });
  const line = /^AZX (\d+) (\d+) ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) ?(.*)$/m.exec(r.stdout);
  if (r.status !== 0 || !line) throw new Error(`wrk failed: ${r.stderr || r.stdout}`);
  const [, requests, failed, duration, p50, p95, p99, example] = line;
  // socket errors (timeouts, resets) are answers that never came: refused work too
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(r.stdout);
  const socketErrors = socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0;
  const good = Number(requests) - Number(failed);
  const failures = {};
  if (Number(failed)) failures[example] = Number(failed);
  if (socketErrors) failures['socket errors'] = socketErrors;
  return {
    client: 'wrk',
    connections,
    requests: Number(requests) + socketErrors,
    good,
    failures,
    seconds: Number(duration),
    perSecond: Math.round((good / Number(duration)) * 10) / 10,
    latencyMs: { p50: Number(p50), p95: Number(p95), p99: Number(p99) },
  };
}
