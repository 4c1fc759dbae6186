// Files that only make start-up faster (node_modules/.cache/kube-notebook/):
// V8's serialization of plain data, read back exactly as it was written. A file
// that is missing, damaged or written by another Node is no file; one is written
// beside its name and renamed, so a server starting at the same moment reads
// all of it or nothing; a folder that cannot be written only costs the speed-up.

import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/** What the file holds, if it holds a value written by writeCacheFile with this format; else undefined. */
export function readCacheFile(file: string, format: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  try {
    const data = deserialize(bytes) as { format?: unknown; value?: unknown };
    return data?.format === format ? data.value : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `value`; returns an error message instead of throwing. */
export function writeCacheFile(file: string, format: string, value: unknown): string | undefined {
  const partial = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(partial, serialize({ format, value }));
    renameSync(partial, file);
    return undefined;
  } catch (error) {
    rmSync(partial, { force: true });
    return (error as Error).message;
  }
}
