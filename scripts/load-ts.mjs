// Imports a TypeScript module of components/ into a Node script (bundled with its imports by
// esbuild, in memory), so data written once in TS (design tokens, words) feeds the generators.
import { build } from 'esbuild';
import { join } from 'node:path';
import { root } from './paths.mjs';

/**
 * @param {string} file path from the repository root, e.g. `components/core/tokens.ts`; or, with
 *   `contents`, the name of a module written here (its imports are relative to the root)
 * @param {string} [contents] the module's source instead of the file's
 */
export async function importTs(file, contents) {
  const result = await build({
    absWorkingDir: root,
    ...(contents === undefined
      ? { entryPoints: [join(root, file)] }
      : { stdin: { contents, resolveDir: root, sourcefile: file, loader: 'ts' } }),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'warning',
    tsconfig: join(root, 'tsconfig.json'),
  });
  const code = result.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}
