// Bundles the demo portal's script (demo/portal.ts) into demo/build/, served by scripts/demo-server.mjs.
import { build } from 'esbuild';
import { join } from 'node:path';
import { root } from './paths.mjs';

await build({
  entryPoints: [join(root, 'demo', 'portal.ts')],
  outdir: join(root, 'demo', 'build'),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});
