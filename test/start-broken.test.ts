// A broken lesson stops the real start-up: `node --import tsx server/main.ts`
// on a copy of the content with one broken lesson exits 1 and says which file
// and line is wrong, before it listens. The server finds its content through
// KUBE_NOTEBOOK_ROOT (server/paths.ts, as `npm start` sets it), so the test
// points that at a temporary project folder: the copied content, and links to
// the real server, simulations, views and node_modules.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const temps: string[] = [];
after(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A project folder whose content/ is a copy of the real one plus `extra` chapter files. */
function projectWith(extra: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'kn-broken-'));
  temps.push(root);
  for (const name of ['server', 'simulations', 'views', 'node_modules', 'package.json']) symlinkSync(join(ROOT, name), join(root, name));
  cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  for (const [path, text] of Object.entries(extra)) {
    mkdirSync(join(root, 'content', path, '..'), { recursive: true });
    writeFileSync(join(root, 'content', path), text);
  }
  return root;
}

function startMain(projectRoot: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kn-broken-data-'));
  temps.push(dataDir);
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, KUBE_NOTEBOOK_ROOT: projectRoot, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    }),
  );
}

const LESSON = (cells: string) => `---
title: "Cluster architecture"
summary: "A lesson with a mistake in it."
order: 1
sources:
  - "001: core components (lines 68-110)"
tags: [architecture]
---

Some prose.

${cells}`;

describe('start-up with a broken lesson', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      'a sim cell naming an engine that does not exist',
      { '01-architecture/en.md': LESSON('```sim schedular id=typo\napiVersion: v1\nkind: Pod\n```\n') },
      /^Content error, the site cannot start:\n {2}content\/01-architecture\/en\.md:12: unknown simulation engine "schedular"/,
    ],
    [
      'a translation whose quiz moved its correct answer',
      {
        '01-architecture/en.md': LESSON('```quiz id=q\ntype: single\nprompt: P\nchoices:\n  - {text: a, correct: true, explain: x}\n  - {text: b, explain: y}\nexplain: E\nfollowUp: {question: Q, answer: A}\n```\n'),
        '01-architecture/zh.md': LESSON('```quiz id=q\ntype: single\nprompt: 问\nchoices:\n  - {text: 甲, explain: x}\n  - {text: 乙, correct: true, explain: y}\nexplain: 解\nfollowUp: {question: 问, answer: 答}\n```\n'),
      },
      /^Content error, the site cannot start:\n {2}content\/01-architecture\/zh\.md:12: quiz "q" has correct choices \[1\]/,
    ],
  ];
  for (const [name, files, message] of cases) {
    it(`exits 1 with file:line on stderr for ${name}, without listening`, async () => {
      const { code, stdout, stderr } = await startMain(projectWith(files));
      assert.equal(code, 1, `exit code; stderr:\n${stderr}`);
      assert.match(stderr, message);
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
      assert.doesNotMatch(stdout, /kube-notebook: http/, 'it never listened');
    });
  }
});
