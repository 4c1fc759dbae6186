#!/usr/bin/env node
// `npm test`: type-check everything, then run every *.test.ts with node:test.
// Node 20's `node --test` does not expand `**` globs, so the files are listed here.
// Pass paths or folders to run a subset: `npm test -- simulations/scheduler`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const roots = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['server', 'simulations', 'test']).filter((r) => {
  try {
    statSync(join(root, r));
    return true;
  } catch {
    return false;
  }
});
const skipDirs = new Set(['node_modules', 'bench', 'fixtures', '.git']);

function collect(path, out) {
  const stat = statSync(path);
  if (stat.isFile()) {
    if (path.endsWith('.test.ts')) out.push(path);
    return out;
  }
  for (const entry of readdirSync(path)) {
    if (skipDirs.has(entry)) continue;
    collect(join(path, entry), out);
  }
  return out;
}

const files = roots.flatMap((r) => collect(join(root, r), [])).map((f) => relative(root, f)).sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}

if (!process.env.SKIP_TYPECHECK) {
  console.log('> tsc --noEmit');
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', root], {
    stdio: 'inherit',
    cwd: root,
  });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}

console.log(`> node --test (${files.length} files)`);
const run = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', ...files],
  { stdio: 'inherit', cwd: root, env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(run.status ?? 1);
