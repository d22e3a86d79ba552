// Validated creates per second measured with wrk, a load generator written in C. On a 2-core
// machine a Node client spends about as much CPU per request as the server does, so a
// Node-driven figure measures the client as much as the server; wrk leaves the cores to the server.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './paths.mjs';

export const WRK = '/usr/bin/wrk';

/** A wrk script: every request creates a new policy (unique number per thread and request). */
function luaScript({ token, body }) {
  const [pre, post] = JSON.stringify(body).split('__N__');
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
  local body = ${JSON.stringify(pre)} .. tostring(tid) .. "-" .. tostring(counter) .. ${JSON.stringify(post)}
  return wrk.format("POST", "/api/collections/policies/records",
    { ["Content-Type"] = "application/json", ["Authorization"] = ${JSON.stringify(token)} }, body)
end
function response(status, headers, body)
  if status ~= 200 then
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
  io.write(string.format("AZX %d %d %.3f %.3f %.3f %s\\n", summary.requests, failures,
    summary.duration / 1e6, latency:percentile(50) / 1e3, latency:percentile(95) / 1e3, example))
end
`;
}

/**
 * Runs wrk for `seconds` with `connections` keep-alive connections, each request a validated
 * policy create. Returns null when wrk is not installed.
 */
export function benchCreatesWrk(url, { token, body, seconds = 15, connections = 12 }) {
  if (!existsSync(WRK)) return null;
  const dir = join(root, '.tmp', 'bench');
  mkdirSync(dir, { recursive: true });
  const script = join(dir, 'create-policy.lua');
  writeFileSync(script, luaScript({ token, body }));
  const r = spawnSync(WRK, ['-t2', `-c${connections}`, `-d${seconds}s`, '-s', script, url], { encoding: 'utf8' });
  const line = /^AZX (\d+) (\d+) ([\d.]+) ([\d.]+) ([\d.]+) ?(.*)$/m.exec(r.stdout);
  if (r.status !== 0 || !line) throw new Error(`wrk failed: ${r.stderr || r.stdout}`);
  const [, requests, failed, duration, p50, p95, example] = line;
  const created = Number(requests) - Number(failed);
  return {
    client: 'wrk',
    connections,
    requests: Number(requests),
    created,
    failures: Number(failed) ? { [example]: Number(failed) } : {},
    seconds: Number(duration),
    perSecond: Math.round((created / Number(duration)) * 10) / 10,
    latencyMs: { p50: Number(p50), p95: Number(p95) },
  };
}
