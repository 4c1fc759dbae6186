// Where the project's folders are. Resolved from this file in the source tree;
// when the server runs from the bundle `npm start` builds (scripts/start.mjs),
// import.meta.url points into node_modules/.cache, so the start script names
// the root in KUBE_NOTEBOOK_ROOT instead.

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT_DIR = process.env.KUBE_NOTEBOOK_ROOT ?? fileURLToPath(new URL('..', import.meta.url));

/** A path inside the project. */
export function rootPath(...parts: string[]): string {
  return join(ROOT_DIR, ...parts);
}
