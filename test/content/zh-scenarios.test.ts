// A translation changes the words, never the cluster: every sim cell of a
// zh.md runs exactly the scenario of the same cell in en.md, byte for byte
// (the loader already checks the cell ids, engines and quiz keys; a scenario
// that differs but happens to give the same keys would still teach another
// cluster).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../server/content/load.ts';
import { engines } from '../../simulations/registry.ts';

const contentDir = fileURLToPath(new URL('../../content/', import.meta.url));
const rootDir = fileURLToPath(new URL('../../', import.meta.url));

test('every sim cell of a zh.md has the scenario of en.md, byte for byte', () => {
  const problems: string[] = [];
  for (const chapter of loadContent({ contentDir, engines, rootDir }).chapters) {
    const en = chapter.lessons.get('en')!;
    const zh = chapter.lessons.get('zh');
    if (!zh) continue;
    for (const cell of zh.cells) {
      if (cell.kind !== 'sim') continue;
      const original = en.cells.find((c) => c.kind === 'sim' && c.id === cell.id);
      if (original?.kind === 'sim' && original.input !== cell.input) {
        problems.push(`${zh.file}:${cell.line}: sim "${cell.id}" differs from ${en.file}:${original.line}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
