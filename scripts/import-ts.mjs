// Node scripts and tests that need the components' own TypeScript (formats, vocabularies) load it
// through here: the given re-exports, bundled by esbuild for Node and imported.
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from './paths.mjs';

/** Imports a module whose source is `contents` (paths relative to the repository root). */
export async function importTypeScript(contents) {
  const dir = await mkdtemp(join(tmpdir(), 'azx-ts-'));
  try {
    const file = join(dir, 'module.mjs');
    await build({
      absWorkingDir: root,
      stdin: { contents, resolveDir: root, loader: 'ts' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      outfile: file,
      logLevel: 'warning',
    });
    return await import(pathToFileURL(file).href);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
