// `npm start`: builds what is missing, prepares the data folder (migrations, definitions, demo
// data), starts PocketBase on 127.0.0.1:8090 and serves the demo portal on 127.0.0.1:8080.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './paths.mjs';
import { ensureBackend, ensureLibrary, ensureNodeModules } from './ensure.mjs';

ensureNodeModules();
ensureBackend();
ensureLibrary();

const { backendCommandShown, prepareData, startServer, SUPERUSER } = await import('./pocketbase.mjs');
const { startDemoServer } = await import('./demo-server.mjs');

const pbPort = Number(process.env.AZX_PB_PORT ?? 8090);
const demoPort = Number(process.env.AZX_DEMO_PORT ?? 8080);
const dataDir = join(root, '.data', 'pb_data');
const seededMarker = join(root, '.data', 'seeded');
mkdirSync(dataDir, { recursive: true });

/** Stops `npm start` with the step that failed and what to do; nothing is left running. */
function fail(step, err, hint) {
  console.error(`\n✗ ${step} failed: ${err.message}${hint ? `\n  ${hint}` : ''}`);
  process.exit(1);
}

console.log('› preparing the data folder (.data/pb_data)');
await prepareData(dataDir).catch((err) => fail('preparing the data folder', err));
if (!existsSync(seededMarker)) {
  console.log('› generating the demo data (seed 42, about 5,000 enterprises in Zhejiang)');
  // The marker is written only after the seed exits 0, so a failed seed is never served.
  await backendCommandShown(dataDir, ['seed', '--seed', '42']).catch((err) =>
    fail('generating the demo data', err, 'Delete the .data folder and run npm start again to start over.'),
  );
  writeFileSync(seededMarker, new Date().toISOString());
}

// The portal is another origin (another port): the API allows exactly that origin (CORS).
const portalOrigins = [`http://127.0.0.1:${demoPort}`, `http://localhost:${demoPort}`];
const server = await startServer({ dir: dataDir, port: pbPort, quiet: false, origins: portalOrigins }).catch((err) =>
  fail(`starting PocketBase on 127.0.0.1:${pbPort}`, err, 'Is the port in use? Set AZX_PB_PORT.'),
);
// From here on, whatever stops npm start stops PocketBase too: nothing is left running.
let demo;
let stopping = false;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  await demo?.stop().catch(() => {});
  await server.stop();
  process.exit(code);
}
process.on('uncaughtException', (err) => {
  console.error(`\n✗ npm start stopped: ${err.stack ?? err}`);
  shutdown(1);
});
process.on('unhandledRejection', (err) => {
  console.error(`\n✗ npm start stopped: ${err?.stack ?? err}`);
  shutdown(1);
});
server.exited.then((code) => {
  if (!stopping) {
    console.error(`\n✗ PocketBase stopped (exit ${code}); npm start stops too.`);
    shutdown(1);
  }
});
try {
  demo = await startDemoServer({ port: demoPort, pocketbaseUrl: server.url });
} catch (err) {
  console.error(`\n✗ starting the demo portal on 127.0.0.1:${demoPort} failed: ${err.message}\n  Is the port in use? Set AZX_DEMO_PORT.`);
  await shutdown(1);
}

console.log(`
AZX is running.
  Demo portal      ${demo.url}/
  PocketBase API   ${server.url}/api/
  PocketBase admin ${server.url}/_/   (${SUPERUSER.email} / ${SUPERUSER.password})

Demo logins (password azx-demo-2026):
  admin@azx.demo                 administrator (form definitions)
  regulator-zj@azx.demo          Zhejiang provincial regulator (330000)
  regulator-330600@azx.demo      Shaoxing city regulator (any city: regulator-<code>@azx.demo)
  insurer-1@azx.demo             insurer (insurer-1 … insurer-10)
  provider-1@azx.demo            prevention-service provider (provider-1 … provider-6)
  enterprise-1@azx.demo          insured enterprise (enterprise-1 … enterprise-5)
Data lives in .data/ and survives restarts; delete it to start over. Ctrl+C stops.`);

process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
