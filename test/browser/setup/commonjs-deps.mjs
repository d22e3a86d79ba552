// A web-test-runner plugin: serves CommonJS packages (ajv, ajv-formats, json-logic-js) to the
// browser as ES modules, bundled once with esbuild and split so packages that share code (ajv
// and ajv-formats) share one copy, the way Vite pre-bundles dependencies for Storybook.
// (Written by the core engineer in test/browser/core/; kept here with the runner set-up.)
import { build } from 'esbuild';

const PREFIX = '/__commonjs__/';
const slug = (specifier) => specifier.replace(/[^A-Za-z0-9]+/g, '_');

export function commonjsDeps({ packages, rootDir }) {
  let files;
  async function bundle() {
    const result = await build({
      entryPoints: packages.map((p) => ({ in: p, out: slug(p) })),
      absWorkingDir: rootDir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      outdir: PREFIX,
      write: false,
      logLevel: 'silent',
    });
    return new Map(result.outputFiles.map((f) => [f.path, f.text]));
  }
  return {
    name: 'commonjs-deps',
    resolveImport({ source }) {
      if (packages.includes(source)) return `${PREFIX}${slug(source)}.js`;
      return undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      files ??= bundle();
      const body = (await files).get(context.path);
      return body === undefined ? undefined : { body, type: 'js' };
    },
  };
}

/** The CommonJS packages the components import, for the plugin above. */
export const COMMONJS_PACKAGES = ['ajv/dist/2020.js', 'ajv/dist/2019.js', 'ajv', 'ajv-formats', 'json-logic-js'];
