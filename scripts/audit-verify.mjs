// `npm run audit:verify`: checks the audit hash chain of the local data folder (.data/pb_data).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './paths.mjs';
import { ensureBackend } from './ensure.mjs';

const binary = ensureBackend();
const dir = process.argv[2] ?? join(root, '.data', 'pb_data');
const r = spawnSync(binary, ['audit', 'verify', '--dir', dir], { stdio: 'inherit' });
process.exit(r.status ?? 1);
