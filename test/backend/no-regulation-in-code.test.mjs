// Regulation is data (DESIGN.md): no Go or TypeScript source holds a base rate, a coefficient or
// a threshold of the rule packs. The patterns are made from the shipped packs themselves
// (schemas/packs/*.json): every amount, share, day count and rate they set, in the forms a
// programmer would write it (400000, 400_000, 40万, 0.21, 21%, a rate beside its industry code,
// a coefficient beside its option code). Data files, generated files and tests are not code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from '../../scripts/paths.mjs';

const PACKS = join(root, 'schemas', 'packs');

/** Go and TypeScript sources that are code: not tests, not generated, not dependencies. */
function sources() {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const rel = relative(root, path);
      if (['node_modules', 'dist', '.tmp', 'bin'].includes(name) || rel === join('components', 'validators')) continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(go|ts)$/.test(name) && !/_test\.go$|_gen\.go$|\.d\.ts$/.test(name)) out.push(path);
    }
  };
  for (const dir of ['backend', 'components', 'demo', 'stories']) walk(join(root, dir));
  return out;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every number a pack's tables set, with the name of its table and the path inside. */
function tableNumbers() {
  const out = [];
  const visit = (v, table, path) => {
    if (typeof v === 'number') out.push({ value: v, table, path });
    else if (Array.isArray(v)) v.forEach((x, i) => visit(x, table, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, table, [...path, k]);
  };
  for (const file of readdirSync(PACKS).filter((f) => f.endsWith('.json') && f !== 'pack.schema.json')) {
    const pack = JSON.parse(readFileSync(join(PACKS, file), 'utf8'));
    for (const [name, table] of Object.entries(pack.tables ?? {})) visit(table.value, name, []);
  }
  return out;
}

/** name → RegExp of everything that would be a pack's value written in code. */
function patterns() {
  const p = new Map();
  const packs = readdirSync(PACKS).filter((f) => f.endsWith('.json') && f !== 'pack.schema.json').map((f) => JSON.parse(readFileSync(join(PACKS, f), 'utf8')));
  for (const { value, table, path } of tableNumbers()) {
    if (value >= 10000) {
      // an amount of money: 400000, 400_000, 400,000, 4e5, 40万 / 40 万
      const grouped = value.toLocaleString('en-US');
      const wan = value % 10000 === 0 ? `|${value / 10000}\\s?万` : '';
      const exp = `${value / 10 ** Math.floor(Math.log10(value))}e${Math.floor(Math.log10(value))}`;
      p.set(`${table} ${value}`, new RegExp(`(?<![\\d.,_])(?:${value}|${value.toLocaleString('en-US').replaceAll(',', '_')}|${escape(grouped)}|${escape(exp)}${wan})(?![\\d_])`));
    } else if (value > 0 && value < 1 && !table.includes('factor')) {
      // a share: 0.21, 0.210, 21%, 21 %
      const pct = Math.round(value * 10000) / 100;
      p.set(`${table} ${value}`, new RegExp(`(?<![\\d.])(?:${escape(String(value))}0*(?![\\d])(?!\\s?(?:s|ms|em|rem|px)\\b)|${escape(String(pct))}\\s?%)`));
    } else if ((table.endsWith('_days') || path.includes('days')) && value >= 7) {
      // a number of days beside a word that says so (366 days, 30 天, lateAfterDays = 30), or in seconds
      p.set(`${table} ${value} days`, new RegExp(`(?:(?<![\\d.])${value}(?![\\d.])[^\\n]{0,20}(?:day|Day|天))|(?:(?:day|Day|天)[^\\n]{0,20}(?<![\\d.])${value}(?![\\d.]))|(?<!\\d)${value * 86400}(?!\\d)`));
    }
  }
  for (const pack of packs) {
    const rates = pack.tables?.base_rates?.value?.rates ?? {};
    for (const [industry, rate] of Object.entries(rates)) {
      // a rate beside its industry's code on one line (a rate table in code)
      p.set(`base rate ${industry}`, new RegExp(`["'\`]${industry}["'\`][^\\n]*(?<![\\d.])${rate}(?![\\d.])`));
    }
    for (const f of pack.tables?.rating_factors?.value ?? []) {
      for (const o of f.options ?? []) {
        // a coefficient beside its option's code (0.8 or 80 hundredths)
        p.set(`coefficient ${f.key} ${o.code}`, new RegExp(`["'\`]${o.code}["'\`]\\s*[:,]\\s*(?:${escape(String(o.value))}|${Math.round(o.value * 100)})(?![\\d.])`));
      }
    }
  }
  return p;
}

test('no Go or TypeScript file holds a rate, a coefficient or a threshold of the rule packs', () => {
  const pats = patterns();
  assert.ok(pats.size >= 40, `only ${pats.size} patterns from the packs`);
  const hits = [];
  for (const file of sources()) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const [name, re] of pats) {
        const m = re.exec(line);
        if (m) hits.push(`${relative(root, file)}:${i + 1}: ${name} (${m[0].trim()}): ${line.trim().slice(0, 120)}`);
      }
    });
  }
  assert.deepEqual(hits, [], `regulation written in code:\n${hits.join('\n')}`);
});

test('the scan would find a threshold written in code', () => {
  const pats = patterns();
  const found = (line) => [...pats.values()].some((re) => re.test(line));
  for (const line of ['if cover < 400000 {', 'const MIN = 400_000;', 'ratio := 0.21', 'budget >= premium * 0.2', "'至少 20%'", 'const lateAfterDays = 30',
    '{"hazardous_chemicals", "危险化学品", 14, true, true, 400, "HG2017"}', 'var grades = map[string]int64{"level_1": 80}', 'maxDays := 366 // days']) {
    assert.ok(found(line), `not caught: ${line}`);
  }
  for (const line of ['transition: opacity 0.2s;', 'width: 95%;', 'const pageSize = 200;', 'setTimeout(resolve, 30)']) {
    assert.ok(!found(line), `caught by mistake: ${line}`);
  }
});
