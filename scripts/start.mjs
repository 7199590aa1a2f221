#!/usr/bin/env node
// `npm start`: build what is missing or stale, then serve the demo county site (seeding an empty store).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

const mtime = (file) => (existsSync(join(root, file)) ? statSync(join(root, file)).mtimeMs : 0);
const deps = mtime('package.json');
// Each half is rebuilt only when its own sources changed.
for (const [part, sources, output] of [
  ['server', Math.max(newest('server'), deps), mtime('dist/server/cli.js')],
  ['widgets', Math.max(newest('components'), deps), mtime('dist/widgets/manifest.json')],
]) {
  if (output < sources) {
    console.log(`Building gongkai ${part}…`);
    execSync(`npm run build:${part}`, { cwd: root, stdio: 'inherit' });
  }
}

const { main } = await import('../dist/server/cli.js');
await main(['serve', '--demo', ...process.argv.slice(2)]);
