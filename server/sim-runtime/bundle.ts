// Builds the simulation worker into one plain-JavaScript file at start-up.
//
// Worker threads do not inherit tsx's TypeScript loader, and loading it in
// each worker costs over a second and tens of megabytes per worker. Bundling
// the worker with its engines (esbuild, ~100 ms) gives workers that start in
// a few milliseconds, which matters most when a runaway run's worker is
// replaced.

import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROOT_DIR, rootPath } from '../paths.ts';

const CACHE_DIR = rootPath('node_modules', '.cache', 'kube-notebook');
const WORKER = rootPath('server', 'sim-runtime', 'worker.ts');

/**
 * Bundles the worker with the given engine modules (file URLs of modules that
 * export `engines` or `engine`) and returns the bundle's file URL.
 */
export async function bundleWorker(engineModules: string[]): Promise<URL> {
  const imports = engineModules.map((url, i) => `import * as engines${i} from ${JSON.stringify(fileURLToPath(url))};`);
  const entry = [
    `import { startWorker } from ${JSON.stringify(WORKER)};`,
    ...imports,
    `startWorker([${engineModules.map((_, i) => `engines${i}`).join(', ')}]);`,
  ].join('\n');
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT_DIR, sourcefile: 'worker-entry.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Bundle packages too: `yaml` alone is ~80 small CommonJS files, a quarter of a second to load per worker.
    banner: { js: "import { createRequire as __kn_createRequire } from 'node:module'; const require = __kn_createRequire(import.meta.url);" },
    sourcemap: false,
    keepNames: true,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  mkdirSync(CACHE_DIR, { recursive: true });
  // The bundle lives inside the project so that its package imports resolve from node_modules.
  const file = join(CACHE_DIR, `sim-worker-${hash}.mjs`);
  writeFileSync(file, code);
  return pathToFileURL(file);
}
