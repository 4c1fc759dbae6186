// Bundles the lesson page's code editor (views/assets/editor/editor.js:
// CodeMirror 6 and its YAML mode) with esbuild into one minified script,
// served by the server like every other asset (no CDN) under a fingerprinted
// URL, so browsers cache it for good.
//
// Built while the server starts (server/boot.ts, beside the worker bundle).
// Building takes about a second, so the bundle is kept in
// node_modules/.cache/kube-notebook under a key made of what goes into it (the
// entry file, the package lock that pins CodeMirror's versions, esbuild's
// version): a start with nothing changed reads it back in a millisecond.

import { build, version as esbuildVersion, type Plugin } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootPath } from '../paths.ts';

const CACHE_DIR = rootPath('node_modules', '.cache', 'kube-notebook');

// CodeMirror styles itself through style-mod, which puts a <style> element in
// a document's head (adopted style sheets only in shadow roots); our CSP
// (style-src 'self', server/http/security.ts) refuses inline style elements.
// Constructed style sheets are not inline styles, so the bundle uses them for
// the document too, in every browser that has them (all current ones).
const STYLE_MOD_CONDITION = '!root.head && root.adoptedStyleSheets && win.CSSStyleSheet';
const adoptedStyleSheets: Plugin = {
  name: 'style-mod-adopted-style-sheets',
  setup(build) {
    build.onLoad({ filter: /[\\/]style-mod[\\/]src[\\/]style-mod\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes(STYLE_MOD_CONDITION)) {
        throw new Error(`style-mod changed: "${STYLE_MOD_CONDITION}" not found in ${args.path}; check how it mounts styles before updating it`);
      }
      return { contents: source.replace(STYLE_MOD_CONDITION, 'root.adoptedStyleSheets && win.CSSStyleSheet'), loader: 'js' };
    });
  },
};
const built = new Map<string, Promise<Buffer>>();

/** The editor bundle for a views folder, or undefined when the folder has no editor. */
export async function bundleEditor(viewsDir: string): Promise<Buffer | undefined> {
  const entry = join(viewsDir, 'assets', 'editor', 'editor.js');
  if (!existsSync(entry)) return undefined;
  const lock = rootPath('package-lock.json');
  const key = createHash('sha256')
    .update(readFileSync(entry))
    .update(existsSync(lock) ? readFileSync(lock) : '')
    .update(esbuildVersion)
    .update(STYLE_MOD_CONDITION)
    .digest('hex')
    .slice(0, 16);
  let code = built.get(key);
  if (!code) {
    code = readOrBuild(entry, join(CACHE_DIR, `editor-${key}.js`));
    built.set(key, code);
  }
  return code;
}

async function readOrBuild(entry: string, cached: string): Promise<Buffer> {
  if (existsSync(cached)) return readFileSync(cached);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // Browsers from 2020 on; the page works without the editor in older ones.
    target: ['es2020'],
    minify: true,
    legalComments: 'eof',
    plugins: [adoptedStyleSheets],
    write: false,
    logLevel: 'silent',
  });
  const code = Buffer.from(result.outputFiles[0].contents);
  mkdirSync(CACHE_DIR, { recursive: true });
  // Written aside and renamed: a process starting at the same moment never reads half a file.
  const partial = `${cached}.${process.pid}.tmp`;
  writeFileSync(partial, code);
  renameSync(partial, cached);
  return code;
}
