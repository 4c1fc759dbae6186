// `npm start` itself, as the README's quick start runs it: the start script of
// package.json (scripts/start.mjs bundles the server and runs the bundle), on a
// fresh data folder. The other process tests start the fixture server through
// tsx; this one proves the bundled server finds its content, views, migrations
// and simulation workers from outside the source tree, says clearly when its
// port is taken, and stops cleanly on SIGTERM.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const START = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start as string;
const dataDir = mkdtempSync(join(tmpdir(), 'kn-start-'));
const children: ChildProcess[] = [];
after(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function npmStart(port: number): Started {
  // `exec` so that signals reach the server itself, as they would from a terminal.
  const child = spawn('sh', ['-c', `exec ${START}`], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'production', LOG_EVENT_LOOP_DELAY_MS: '300' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(started: Started, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!pattern.test(started.output())) {
    if (started.child.exitCode !== null) assert.fail(`the server exited early:\n${started.output()}`);
    if (Date.now() > deadline) assert.fail(`no ${pattern} within 60 s:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm start', () => {
  it('serves every lesson and runs a simulation from the bundle, refuses a taken port in one line, reports its event loop delay when asked, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const server = npmStart(port);
    await waitFor(server, /kube-notebook: http:\/\/localhost:\d+ \(\d+ lessons/);
    assert.ok(existsSync(join(dataDir, 'kube-notebook.sqlite')), 'the SQLite file is created in DATA_DIR');

    const base = `http://127.0.0.1:${port}`;
    const lessons = (await (await fetch(`${base}/api/lessons`)).json()) as { slug: string }[];
    assert.ok(lessons.length >= 4, 'the real chapters are loaded');
    for (const { slug } of lessons) {
      const page = await fetch(`${base}/lessons/${slug}`);
      assert.equal(page.status, 200, slug);
      assert.match(await page.text(), /<form[^>]+\/run/, `${slug} has a runnable cell`);
    }
    const home = await (await fetch(`${base}/`)).text();
    const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(home);
    assert.ok(stylesheet, 'the page links its stylesheet');
    assert.equal((await fetch(`${base}${stylesheet[1]}`)).status, 200, 'static assets come from the source tree');

    // A simulation runs in a worker bundled from the source tree.
    const run = await fetch(`${base}/api/simulations/scheduler/run`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        input: 'apiVersion: v1\nkind: Node\nmetadata: {name: node-1}\nstatus: {allocatable: {cpu: "2", memory: 4Gi, pods: "110"}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web-0}\nspec: {containers: [{name: c, image: nginx}]}\n',
      }),
    });
    const body = await run.text();
    assert.equal(run.status, 200, body);
    assert.match(body, /node-1/);

    const second = npmStart(port);
    assert.equal(await second.exited, 1, second.output());
    assert.match(second.output(), new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}: the port is already in use`));
    assert.doesNotMatch(second.output(), /\n\s+at /, 'no stack trace');

    // LOG_EVENT_LOOP_DELAY_MS: the operator's view of the event loop (README, Configuration).
    await waitFor(server, /event loop delay over the last 0\.3 s: p50 [\d.]+ ms, p99 [\d.]+ ms, max [\d.]+ ms/);

    server.child.kill('SIGTERM');
    assert.equal(await server.exited, 0, server.output());
  });
});
