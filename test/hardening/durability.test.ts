// Durability with real server processes on a real database file (issue #7, "Data"):
// SIGKILL during 200 concurrent answers loses no acknowledged answer; two
// processes share one file without SQLITE_BUSY; SIGTERM finishes in-flight
// requests, closes the database and exits within 10 s.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const dirs: string[] = [];
const children: ChildProcess[] = [];
after(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kn-durability-'));
  dirs.push(dir);
  return dir;
}

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function startServer(dataDir: string, env: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/fixture-server.ts'], {
    cwd: ROOT,
    // Bursts of answers from one learner: the answer rate limit and the compaction of old attempts
    // (quotas, tested in quotas.test.ts) are lifted, so every answer that got a 200 must be there.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ANSWERS_PER_MINUTE: '1000000', ATTEMPTS_KEPT_PER_QUIZ: '1000000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    child.stdout!.on('data', () => {
      const m = /listening (\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on('exit', () => reject(new Error(`server exited:\n${output}`)));
  });
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

async function learnerCookie(url: string): Promise<string> {
  const res = await fetch(`${url}/`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('kn_learner='));
  assert.ok(cookie);
  return cookie.split(';')[0];
}

function postAnswer(url: string, cookie: string, answer: string): Promise<Response> {
  return fetch(`${url}/api/quizzes/architecture/reason/answers`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify({ answer }),
  });
}

describe('durability', () => {
  it('keeps every answer that got a 200 when the server is SIGKILLed mid-burst, and the database passes integrity_check', async () => {
    const dataDir = tempDir();
    const first = await startServer(dataDir);
    const cookie = await learnerCookie(first.url);
    const acknowledged: string[] = [];
    const answers = Array.from({ length: 200 }, (_, i) => `answer-${i}`);
    let killed = false;
    const posts = answers.map((answer) =>
      postAnswer(first.url, cookie, answer)
        .then((res) => {
          if (res.status === 200) acknowledged.push(answer);
          if (acknowledged.length >= 60 && !killed) {
            killed = true;
            first.child.kill('SIGKILL');
          }
        })
        .catch(() => undefined),
    );
    await Promise.all(posts);
    await first.exited;
    assert.ok(killed, 'the server was killed during the burst');
    assert.ok(acknowledged.length >= 60 && acknowledged.length < 200, `${acknowledged.length} acknowledged before the kill`);

    const second = await startServer(dataDir);
    const exported = await (await fetch(`${second.url}/api/progress/export`, { headers: { Cookie: cookie } })).json();
    const stored = new Set((exported.attempts as { answer: string }[]).map((a) => a.answer));
    const lost = acknowledged.filter((a) => !stored.has(a));
    assert.deepEqual(lost, [], 'acknowledged answers lost after SIGKILL');
    second.child.kill('SIGTERM');
    await second.exited;

    const db = new Database(join(dataDir, 'kube-notebook.sqlite'), { readonly: true });
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    } finally {
      db.close();
    }
  });

  it('lets two server processes write to one database file without SQLITE_BUSY', async () => {
    const dataDir = tempDir();
    const [a, b] = await Promise.all([startServer(dataDir), startServer(dataDir)]);
    const cookieA = await learnerCookie(a.url);
    const cookieB = await learnerCookie(b.url);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => [postAnswer(a.url, cookieA, `a-${i}`), postAnswer(b.url, cookieB, `b-${i}`)]).flat(),
    );
    const statuses = results.map((r) => r.status);
    assert.deepEqual([...new Set(statuses)], [200]);
    a.child.kill('SIGTERM');
    b.child.kill('SIGTERM');
    await Promise.all([a.exited, b.exited]);
    assert.doesNotMatch(a.output() + b.output(), /SQLITE_BUSY|database is locked/);
    const db = new Database(join(dataDir, 'kube-notebook.sqlite'), { readonly: true });
    try {
      assert.equal((db.prepare('SELECT COUNT(*) AS n FROM attempts').get() as { n: number }).n, 200);
    } finally {
      db.close();
    }
  });

  it('on SIGTERM finishes the request in flight, closes the database and exits 0 within 10 s', async () => {
    const dataDir = tempDir();
    const server = await startServer(dataDir, { SIM_DEADLINE_MS: '1500' });
    const cookie = await learnerCookie(server.url);
    // A run the deadline will stop after 1.5 s: in flight when SIGTERM arrives.
    const inFlight = fetch(`${server.url}/api/lessons/architecture/cells/spin/run`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie },
      body: JSON.stringify({ input: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: slow\n' }),
    });
    await new Promise((r) => setTimeout(r, 300));
    const started = Date.now();
    server.child.kill('SIGTERM');
    const res = await inFlight;
    assert.equal(res.status, 422);
    const { code } = await server.exited;
    const elapsed = Date.now() - started;
    assert.equal(code, 0, server.output());
    assert.ok(elapsed < 10_000, `exited after ${elapsed} ms`);
    // The edit made by the in-flight request was committed before exit.
    const db = new Database(join(dataDir, 'kube-notebook.sqlite'), { readonly: true });
    try {
      const row = db.prepare('SELECT input FROM cell_states WHERE cell_id = ?').get('spin') as { input: string } | undefined;
      assert.match(row?.input ?? '', /name: slow/);
    } finally {
      db.close();
    }
  });
});
