// No bundler: the page and the files it loads, copied into dist/ as a portal would put them
// among its static assets (the AZX file keeps its versioned name, so caches never mix versions).
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist/vendor', { recursive: true });
for (const file of ['index.html', 'app.js']) cpSync(file, `dist/${file}`);
for (const file of readdirSync('node_modules/azx/dist/cdn')) cpSync(`node_modules/azx/dist/cdn/${file}`, `dist/vendor/${file}`);
cpSync('node_modules/azx/dist/themes/light.css', 'dist/vendor/azx-light.css');
cpSync('node_modules/jquery/dist/jquery.min.js', 'dist/vendor/jquery.min.js');
console.log('dist/ is ready: serve it as static files');
