// A web-test-runner plugin: serves the official JSON-Schema-Test-Suite (drafts 2020-12, 2019-09 and
// 7) to the browser at /__azx/json-schema-suite.json, read from the same place as the Go tests
// (backend/internal/validation/suite_source_test.go): the module zip of
// github.com/kaptinlin/jsonschema@v0.9.10 through `go mod download`, never copied into the repo.
// When the suite cannot be read the route answers { error } with the reason, and the test fails on it.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';

const SUITE_PATH = '/__azx/json-schema-suite.json';
const MODULE = 'github.com/kaptinlin/jsonschema';
const VERSION = 'v0.9.10';
const TESTS = `${MODULE}@${VERSION}/testdata/JSON-Schema-Test-Suite/tests/`;
/** The suite's folder of each draft the interpreter speaks. */
const DRAFTS = { '2020-12': 'draft2020-12/', '2019-09': 'draft2019-09/', '7': 'draft7/' };

/** The module zip's path in the module cache, downloading it if needed. */
async function moduleZip() {
  // A throwaway module, so nothing touches the backend's go.mod; GOTOOLCHAIN=local because the
  // module asks for a newer Go, which must not start a toolchain download (we only read files).
  const dir = mkdtempSync(join(tmpdir(), 'azx-suite-'));
  try {
    writeFileSync(join(dir, 'go.mod'), 'module probe\n\ngo 1.25\n');
    const env = { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local', GOWORK: 'off' };
    // exits 1 on the go-version notice although the zip is there: judge by the JSON
    const stdout = await promisify(execFile)('go', ['mod', 'download', '-json', `${MODULE}@${VERSION}`], { cwd: dir, env })
      .then((r) => r.stdout, (err) => err.stdout ?? '');
    let info;
    try {
      info = JSON.parse(stdout);
    } catch {
      throw new Error(`go mod download ${MODULE}@${VERSION} gave no module information: ${String(stdout).slice(0, 300)}`);
    }
    if (!info.Zip) throw new Error(`go mod download ${MODULE}@${VERSION} gave no module zip: ${info.Error ?? ''}`);
    return info.Zip;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The files of a zip under prefix, by their path below it (a Go module zip: no zip64). */
export function readZip(buf, prefix) {
  let end = buf.length - 22;
  while (end >= 0 && buf.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('not a zip file');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const files = {};
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('broken zip central directory');
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const skip = nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    at += 46 + skip;
    if (!name.startsWith(prefix) || name.endsWith('/')) continue;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    files[name.slice(prefix.length)] = (method === 8 ? inflateRawSync(raw) : raw).toString('utf8');
  }
  return files;
}

/** Test files only: a list of { schema, tests } groups (the 2019-09 folder also holds output-format files). */
const isTestFile = (groups) => Array.isArray(groups) && groups.every((g) => g && 'schema' in g && Array.isArray(g.tests));

async function loadSuite() {
  const zip = await moduleZip();
  const all = readZip(readFileSync(zip), TESTS);
  const drafts = {};
  for (const [draft, dir] of Object.entries(DRAFTS)) {
    const names = Object.keys(all).filter((k) => k.startsWith(dir)).sort();
    if (!names.includes(`${dir}type.json`)) throw new Error(`${zip} has no ${TESTS}${dir}type.json`);
    const files = {};
    for (const k of names) {
      const groups = JSON.parse(all[k]);
      if (isTestFile(groups)) files[k.slice(dir.length)] = groups;
    }
    drafts[draft] = files;
  }
  // `files`: the 2020-12 tests, as before
  return JSON.stringify({ source: `${MODULE}@${VERSION}`, files: drafts['2020-12'], drafts });
}

export function jsonSchemaSuite() {
  let suite;
  return {
    name: 'json-schema-suite',
    async serve(context) {
      if (context.path !== SUITE_PATH) return undefined;
      suite ??= loadSuite().then(
        (body) => ({ body, type: 'application/json' }),
        (err) => ({ body: JSON.stringify({ error: `JSON-Schema-Test-Suite unavailable: ${err.message ?? err}` }), type: 'application/json' }),
      );
      return suite;
    },
  };
}
