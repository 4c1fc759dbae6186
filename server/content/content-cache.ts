// The loaded lessons (parsed, checked, rendered, every scenario run and every
// predict key computed), kept between starts of one build for one set of
// content files. loadContent is a function of the build's code and the files
// under content/: when neither changed, what it would make is read back
// (~30 ms) instead of made again (~0.3–0.5 s, more with every chapter). Any
// change to a lesson, a scenario file or the code makes another key, and the
// lessons are loaded and checked afresh, with their file:line errors.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent, type LoadOptions } from './load.ts';
import type { ContentIndex } from './model.ts';
import { readCacheFile, writeCacheFile } from './cache-file.ts';

const FORMAT = 'content-index 1';

export interface ContentCache {
  /** Where cache files go (one per build and content). */
  dir: string;
  /** The build (scripts/start.mjs): the server's code, its packages and Node's version. */
  build: string;
}

/** loadContent, answered from the cache when this build has loaded these very files before. */
export function loadContentCached(options: LoadOptions, cache: ContentCache | undefined): ContentIndex {
  if (!cache) return loadContent(options);
  const file = join(cache.dir, `content-${cache.build}-${contentHash(options.contentDir, options.rootDir ?? process.cwd())}.bin`);
  const kept = readCacheFile(file, FORMAT) as ContentIndex | undefined;
  if (kept && Array.isArray(kept.chapters) && kept.bySlug instanceof Map) return kept;
  const content = loadContent(options);
  const failed = writeCacheFile(file, FORMAT, content);
  if (failed) console.error(`lessons will be loaded again at the next start (cache not written: ${failed})`);
  // Only the newest content of a build is kept: an author editing a lesson would otherwise leave a file per edit.
  const prefix = `content-${cache.build}-`;
  for (const name of safeList(cache.dir)) {
    if (name.startsWith(prefix) && name.endsWith('.bin') && join(cache.dir, name) !== file) rmSync(join(cache.dir, name), { force: true });
  }
  return content;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** A hash of every file under the content folder (names and bytes) and of where paths are shown from. */
export function contentHash(contentDir: string, rootDir: string): string {
  const hash = createHash('sha256').update(`${rootDir}\0`);
  const walk = (dir: string, shown: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // no content folder: the hash of nothing
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, `${shown}${entry.name}/`);
      else if (entry.isFile()) hash.update(`${shown}${entry.name}\0`).update(readFileSync(path)).update('\0');
    }
  };
  walk(contentDir, '');
  return hash.digest('hex').slice(0, 16);
}
