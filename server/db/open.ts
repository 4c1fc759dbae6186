// Opens (and creates, and migrates) the SQLite database.
//
// WAL mode so readers never block the writer and a committed transaction
// survives the process being killed; synchronous=NORMAL is durable against a
// process crash in WAL mode (only an OS crash or power loss can lose the last
// commits). busy_timeout lets two server processes share one file: a writer
// waits for the other's lock instead of failing with SQLITE_BUSY.

import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootPath } from '../paths.ts';

export type Db = Database.Database;

const MIGRATIONS_DIR = rootPath('server', 'db', 'migrations');

export interface OpenOptions {
  /** Folder for the database file, or ':memory:' for tests. */
  dataDir: string;
  fileName?: string;
}

export function openDatabase({ dataDir, fileName = 'kube-notebook.sqlite' }: OpenOptions): Db {
  let db: Db;
  if (dataDir === ':memory:') {
    db = new Database(':memory:');
  } else {
    mkdirSync(dataDir, { recursive: true });
    db = new Database(join(dataDir, fileName));
    db.pragma('journal_mode = WAL');
  }
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 10000');
  migrate(db);
  return db;
}

/** Applies every migrations/NNN-*.sql above PRAGMA user_version, each in one transaction. */
export function migrate(db: Db): void {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}-.+\.sql$/.test(f))
    .sort();
  // Take the write lock first, so two processes starting together migrate once.
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    for (const file of files) {
      const version = Number(file.slice(0, 3));
      if (version <= current) continue;
      db.exec(readFileSync(join(MIGRATIONS_DIR, file), 'utf8'));
      db.pragma(`user_version = ${version}`);
    }
  }).immediate();
}
