// The SQLite database: WAL, foreign keys, versioned migrations applied once,
// learners' rows removed with the learner, and only prepared statements.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { migrate, openDatabase, type Db } from '../../server/db/open.ts';
import { Store } from '../../server/db/store.ts';

const DB_DIR = fileURLToPath(new URL('../../server/db/', import.meta.url));
const MIGRATIONS = readdirSync(join(DB_DIR, 'migrations')).filter((f) => /^\d{3}-.+\.sql$/.test(f));

const dirs: string[] = [];
const open: Db[] = [];
after(() => {
  for (const db of open) if (db.open) db.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kn-db-'));
  dirs.push(dir);
  return dir;
}

function openIn(dataDir: string): Db {
  const db = openDatabase({ dataDir });
  open.push(db);
  return db;
}

const schema = (db: Db) => db.prepare(`SELECT type, name, sql FROM sqlite_master ORDER BY type, name`).all();

describe('openDatabase', () => {
  it('creates the file in WAL mode with foreign keys on', () => {
    const db = openIn(freshDir());
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  });

  it('migrates a new file to user_version = the number of migration files, numbered 001 upwards with no gap', () => {
    assert.ok(MIGRATIONS.length >= 1);
    assert.deepEqual(
      MIGRATIONS.map((f) => Number(f.slice(0, 3))).sort((a, b) => a - b),
      MIGRATIONS.map((_, i) => i + 1),
      'migrations are 001, 002, ... so user_version counts them',
    );
    const db = openIn(freshDir());
    assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
  });

  it('reopens an existing file without running any migration again, keeping its data', () => {
    const dir = freshDir();
    const first = openIn(dir);
    const store = new Store(first);
    store.recordAttempt('learner-a', 'scheduler', 'which-node', 1, true, '2026-01-01T00:00:00.000Z');
    store.saveRun('learner-a', 'scheduler', 'fit-basic', 'kind: Pod\n', { outcome: { ok: true }, engineVersion: '1' }, '2026-01-01T00:00:01.000Z');
    const before = schema(first);
    first.close();

    // A migration applied twice would fail here (CREATE TABLE of a table that exists).
    const again = openIn(dir);
    assert.equal(again.pragma('user_version', { simple: true }), MIGRATIONS.length);
    assert.deepEqual(schema(again), before, 'the schema is untouched');
    const reopened = new Store(again);
    assert.equal(reopened.latestAttempts('learner-a').get('scheduler/which-node')?.correct, true);
    assert.equal(reopened.cellStates('learner-a', 'scheduler').get('fit-basic')?.input, 'kind: Pod\n');

    // And migrating an up-to-date database by hand is a no-op too.
    migrate(again);
    assert.deepEqual(schema(again), before);
    assert.equal(reopened.latestAttempts('learner-a').size, 1);
  });

  it('brings a file at an older version up to date, running only the newer migrations', () => {
    const dir = freshDir();
    const db = openIn(dir);
    const tables = schema(db);
    // Pretend the last migration never ran: drop what it created and step the version back.
    const last = MIGRATIONS.at(-1)!;
    if (MIGRATIONS.length > 1) {
      const sql = readFileSync(join(DB_DIR, 'migrations', last), 'utf8');
      const created = [...sql.matchAll(/CREATE (TABLE|INDEX) (\w+)/g)];
      for (const [, kind, name] of created.reverse()) db.exec(`DROP ${kind} ${name}`);
      for (const [, table, column] of sql.matchAll(/ALTER TABLE (\w+) ADD COLUMN (\w+)/g)) db.exec(`ALTER TABLE ${table} DROP COLUMN ${column}`);
    } else {
      for (const { type, name } of tables as { type: string; name: string }[]) {
        if ((type === 'table' || type === 'index') && !name.startsWith('sqlite_')) db.exec(`DROP ${type.toUpperCase()} IF EXISTS ${name}`);
      }
    }
    db.pragma(`user_version = ${MIGRATIONS.length - 1}`);
    migrate(db);
    assert.equal(db.pragma('user_version', { simple: true }), MIGRATIONS.length);
    assert.deepEqual(schema(db), tables);
  });
});

describe('deleting a learner', () => {
  it('deletes every row that belongs to them (cell states, attempts, visits, challenges, review ratings and cards) and nobody else’s', () => {
    const db = openIn(':memory:');
    const store = new Store(db);
    const now = '2026-01-01T00:00:00.000Z';
    for (const learner of ['gone', 'kept']) {
      store.saveRun(learner, 'scheduler', 'fit-basic', 'kind: Pod\n', { outcome: { ok: true }, engineVersion: '1' }, now);
      store.recordAttempt(learner, 'scheduler', 'which-node', 0, false, now);
      store.recordVisit(learner, 'scheduler', now);
      store.takeHint(learner, 'scheduler', 'challenge-preemption', 3, now);
      store.recordReview(learner, 'scheduler', 'which-node', 'good', now, () => ({ due: now, card: {} }));
    }
    const owned = ['cell_states', 'attempts', 'lesson_visits', 'challenge_states', 'review_log', 'review_cards'];
    const count = (table: string, learner: string) =>
      (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE learner_id = ?`).get(learner) as { n: number }).n;
    for (const table of owned) assert.equal(count(table, 'gone'), 1, table);

    db.prepare('DELETE FROM learners WHERE id = ?').run('gone');
    for (const table of owned) {
      assert.equal(count(table, 'gone'), 0, `${table} rows of the deleted learner`);
      assert.equal(count(table, 'kept'), 1, `${table} rows of another learner`);
    }
  });

  it('cascades from every table that has a learner_id, so a new table cannot forget to', () => {
    const db = openIn(':memory:');
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map((t) => t.name);
    const withLearner = tables.filter((t) => (db.pragma(`table_info(${t})`) as { name: string }[]).some((c) => c.name === 'learner_id'));
    assert.deepEqual(withLearner.sort(), ['attempts', 'cell_states', 'challenge_states', 'lesson_visits', 'review_cards', 'review_log']);
    for (const table of withLearner) {
      const keys = db.pragma(`foreign_key_list(${table})`) as { table: string; from: string; to: string; on_delete: string }[];
      assert.ok(
        keys.some((k) => k.table === 'learners' && k.from === 'learner_id' && k.to === 'id' && k.on_delete === 'CASCADE'),
        `${table}.learner_id REFERENCES learners(id) ON DELETE CASCADE`,
      );
    }
  });

  it('refuses a row for a learner that does not exist (foreign keys are enforced)', () => {
    const db = openIn(':memory:');
    assert.throws(
      () => db.prepare(`INSERT INTO lesson_visits (learner_id, lesson_slug, last_visited_at) VALUES ('nobody', 'x', 'now')`).run(),
      /FOREIGN KEY constraint failed/,
    );
  });
});

describe('prepared statements only', () => {
  // Reads the source of the database layer: SQL is a constant, prepared once.
  function calls(file: string) {
    const source = ts.createSourceFile(file, readFileSync(join(DB_DIR, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const found: { method: string; args: ts.NodeArray<ts.Expression>; inConstructor: boolean; inFunction: string | undefined; line: number }[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name.text;
        if (['prepare', 'exec', 'pragma'].includes(method)) {
          let inConstructor = false;
          let inFunction: string | undefined;
          for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
            if (ts.isConstructorDeclaration(p)) inConstructor = true;
            if (ts.isFunctionDeclaration(p) && p.name && inFunction === undefined) inFunction = p.name.text;
          }
          const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          found.push({ method, args: node.arguments, inConstructor, inFunction, line });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  }
  const isConstant = (node: ts.Expression) => ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);

  it('store.ts prepares every statement once, in its constructor, from constant SQL, and never calls exec or pragma', () => {
    const found = calls('store.ts');
    const prepared = found.filter((c) => c.method === 'prepare');
    assert.ok(prepared.length >= 10, `found ${prepared.length} prepared statements`);
    const problems = found.flatMap((c) => {
      if (c.method !== 'prepare') return [`store.ts:${c.line}: ${c.method}() runs SQL without preparing it`];
      if (!c.inConstructor) return [`store.ts:${c.line}: prepare() outside the constructor prepares on every call`];
      if (c.args.length !== 1 || !isConstant(c.args[0])) return [`store.ts:${c.line}: prepare() of SQL built at run time`];
      return [];
    });
    assert.deepEqual(problems, []);
  });

  it('open.ts runs SQL text only to apply migration files, and pragmas only with constants or the migration number', () => {
    const problems = calls('open.ts').flatMap((c) => {
      if (c.method === 'exec' && c.inFunction !== 'migrate') return [`open.ts:${c.line}: exec() outside migrate`];
      if (c.method === 'prepare') return [`open.ts:${c.line}: statements belong in store.ts`];
      if (c.method === 'pragma') {
        const [arg] = c.args;
        const migrationNumber = ts.isTemplateExpression(arg) && c.inFunction === 'migrate' && arg.head.text === 'user_version = ';
        if (!isConstant(arg) && !migrationNumber) return [`open.ts:${c.line}: pragma() built at run time`];
      }
      return [];
    });
    assert.deepEqual(problems, []);
  });

  it('no other server module talks to SQLite directly', () => {
    const root = fileURLToPath(new URL('../../server/', import.meta.url));
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !full.startsWith(DB_DIR)) {
          const text = readFileSync(full, 'utf8');
          if (/from 'better-sqlite3'|\bdb\.(prepare|exec|pragma)\(/.test(text)) offenders.push(full.slice(root.length));
        }
      }
    };
    walk(root);
    // The search index (server/search/search-index.ts) is its own in-memory database of
    // the content, built at start-up from constant SQL; it never opens the learner's file.
    const search = readFileSync(join(root, 'search/search-index.ts'), 'utf8');
    assert.match(search, /new Database\(':memory:'\)/);
    assert.equal([...search.matchAll(/new Database\(/g)].length, 1, 'the search index opens one database, in memory');
    assert.doesNotMatch(search, /\.(prepare|exec)\(`[^`]*\$\{/, 'constant SQL only');
    assert.deepEqual(offenders.filter((f) => f !== 'search/search-index.ts'), []);
  });
});
