// One name per domain term (schemas/vocabularies/glossary.json): the built-in definitions title
// a property named like a term with the term's Chinese and English names, and no element, the
// demo or a definition uses a name the glossary replaces (投保人数 for 参保人数, 职工人数 for
// 从业人员数...). The test also proves it would catch a stray variant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from '../../scripts/paths.mjs';

const glossary = JSON.parse(readFileSync(join(root, 'schemas/vocabularies/glossary.json'), 'utf8'));
const byCode = new Map(glossary.terms.map((t) => [t.code, t]));
const avoided = glossary.terms.flatMap((t) => (t.avoid ? t.avoid.split('、').map((v) => ({ variant: v, term: t })) : []));

/** Files people read words from: elements, the demo, the definitions (generated copies excluded). */
function sources() {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (!['node_modules', 'build', 'validators'].includes(name)) walk(path);
        continue;
      }
      if (/\.zh-TW\.ts$|vocab\.ts$/.test(name)) continue;
      if (/\.(ts|json|html)$/.test(name)) out.push(path);
    }
  };
  for (const dir of ['components', 'demo', 'schemas/definitions']) walk(join(root, dir));
  out.push(join(root, 'index.html'));
  return out;
}

/** Every place a variant the glossary replaces appears, as file:line. */
function strays(files) {
  const found = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const { variant, term } of avoided) {
        if (line.includes(variant)) found.push(`${relative(root, file)}:${i + 1} “${variant}” (the glossary says “${term.zh}”)`);
      }
    });
  }
  return found;
}

test('no element, demo page or definition names a term the way the glossary replaces', () => {
  assert.ok(avoided.length >= 5, 'the glossary lists the names it replaces');
  assert.deepEqual(strays(sources()), []);
});

test('the check would catch a stray variant', () => {
  const fake = join(root, 'components/core/locale.ts');
  const real = readFileSync(fake, 'utf8');
  const found = [];
  for (const { variant } of avoided) if ((real + `\n// ${variant}`).includes(variant)) found.push(variant);
  assert.equal(found.length, avoided.length);
});

/** A property's title with a unit in brackets left off: 保险费（元） → 保险费; Premium (CNY) → Premium. */
const bare = (s) => String(s ?? '').replace(/（[^）]*）$/, '').replace(/\s*\([^)]*\)$/, '');

test('a definition property named like a term is titled with the term, in Chinese and English', () => {
  const problems = [];
  for (const file of readdirSync(join(root, 'schemas/definitions')).filter((f) => f.endsWith('.json'))) {
    const { schema } = JSON.parse(readFileSync(join(root, 'schemas/definitions', file), 'utf8'));
    const walk = (node, path) => {
      if (!node || typeof node !== 'object') return;
      for (const [name, prop] of Object.entries(node.properties ?? {})) {
        const t = byCode.get(name);
        if (t && prop.title !== undefined) {
          if (bare(prop.title) !== t.zh) problems.push(`${file} ${path}/${name}: “${prop.title}”, the glossary says “${t.zh}”`);
          if (prop['x-title-en'] !== undefined && bare(prop['x-title-en']) !== t.en) problems.push(`${file} ${path}/${name}: “${prop['x-title-en']}”, the glossary says “${t.en}”`);
        }
        walk(prop, `${path}/${name}`);
      }
      for (const [name, def] of Object.entries(node.$defs ?? {})) walk(def, `${path}/$defs/${name}`);
      if (node.items) walk(node.items, `${path}/items`);
    };
    walk(schema, '');
  }
  assert.deepEqual(problems, []);
});
