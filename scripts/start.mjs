#!/usr/bin/env node
// `npm start`: builds the server (server/main.ts and everything it imports from
// this project) into one JavaScript file with esbuild, then runs it with plain
// Node. Running through tsx instead keeps tsx's module loader alive on a thread
// of its own for the life of the server (~35 MB) and transforms every file at
// start-up. Packages stay outside the bundle and load from node_modules.
//
// The bundle lives in node_modules/.cache/kube-notebook (ignored by git) and is
// rebuilt on every start (~0.2 s), so it can never be stale.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';

// Memory: a lesson page under load makes lots of short-lived objects. V8 by
// default lets the old generation grow to several times what is live between
// full collections (and keeps the pages afterwards); growing it by at most 50%
// keeps the server near 180–200 MB under a sustained mixed load instead of
// ~260 MB, for about 5% fewer requests per second (npm run bench, soak). The
// semi-space cap (package.json, --max-semi-space-size=4) does the same for the
// young generation. Set here rather than on the command line so that a Node
// whose V8 lacks the flag only ignores it.
setFlagsFromString('--heap-growing-percent=50');

const root = fileURLToPath(new URL('..', import.meta.url));
const result = await build({
  entryPoints: [join(root, 'server', 'main.ts')],
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // No source map: Node keeps a parsed map in memory for the life of the
  // process (~35 MB here). The bundle is not minified, and each file's code
  // follows a `// server/…` comment naming its source, so stack traces stay readable.
  sourcemap: false,
  write: false,
  logLevel: 'warning',
});
const code = result.outputFiles[0].contents;
const dir = join(root, 'node_modules', '.cache', 'kube-notebook');
mkdirSync(dir, { recursive: true });
const file = join(dir, `server-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
writeFileSync(file, code);
// Bundles of earlier versions of the code (server, simulation workers, the editor): kept a
// day, in case a server started from one is still running.
for (const name of readdirSync(dir)) {
  const old = join(dir, name);
  if (/^((server|sim-worker)-[0-9a-f]{16}\.mjs|editor-[0-9a-f]{16}\.js|outcomes-[0-9a-f]{16}\.bin|content-[0-9a-f]{16}-[0-9a-f]{16}\.bin)$/.test(name) && old !== file && Date.now() - statSync(old).mtimeMs > 86_400_000) rmSync(old, { force: true });
}

// Paths inside the bundle cannot come from import.meta.url (server/paths.ts).
process.env.KUBE_NOTEBOOK_ROOT = root;
// What this build is, for the outcomes of lesson scenarios kept between starts
// (server/content/scenario-runs.ts): the bundle holds every engine; the lock file
// names the packages they import; Node's version the runtime they ran on.
process.env.KUBE_NOTEBOOK_BUILD = createHash('sha256')
  .update(code)
  .update(readFileSync(join(root, 'package-lock.json')))
  .update(process.version)
  .digest('hex')
  .slice(0, 16);
await import(pathToFileURL(file).href);
