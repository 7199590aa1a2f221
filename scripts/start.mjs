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
const sources = Math.max(newest('server'), newest('components'), mtime('package.json'));
const built = Math.min(mtime('dist/server/cli.js'), mtime('dist/widgets/manifest.json'));
if (built < sources) {
  console.log('Building gongkai (server and widgets)…');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}

const { main } = await import('../dist/server/cli.js');
await main(['serve', '--demo', ...process.argv.slice(2)]);
