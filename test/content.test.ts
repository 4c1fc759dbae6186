// Content is data, tested like code: every lesson in content/ parses, every
// simulation cell's default scenario runs through its real engine, every
// predict key is computed by the engine and matches exactly one choice, cell
// ids are unique, translations have the same cells. The core chapters carry
// the cells their issues require.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../server/content/load.ts';
import { engines } from '../simulations/registry.ts';
import { CURRICULUM } from '../server/content/curriculum.ts';

const contentDir = fileURLToPath(new URL('../content/', import.meta.url));
const rootDir = fileURLToPath(new URL('../', import.meta.url));

test('every lesson parses, every default scenario runs and every quiz key is valid', () => {
  // loadContent throws a ContentError naming file:line for the first problem.
  const content = loadContent({ contentDir, engines, rootDir });
  for (const chapter of content.chapters) {
    const planned = CURRICULUM.find((c) => c.slug === chapter.slug);
    assert.ok(planned, `${chapter.slug} is in the curriculum`);
    for (const lesson of chapter.lessons.values()) {
      const sims = lesson.cells.filter((c) => c.kind === 'sim');
      assert.ok(sims.length >= 1, `${lesson.file}: every chapter has at least one simulation cell`);
      for (const cell of lesson.cells) {
        if (cell.kind === 'sim') assert.ok(engines.has(cell.engine), `${lesson.file}: engine ${cell.engine}`);
      }
    }
  }
});

// The core chapters' issues each ask for at least 3 simulation cells, 8 quizzes and 4 predict quizzes.
const CORE = ['pod-lifecycle', 'resources-oom', 'declarative-apply', 'scheduler'];

test('core chapters that exist have at least 3 sim cells, 8 quizzes and 4 predict quizzes', () => {
  const content = loadContent({ contentDir, engines, rootDir });
  for (const slug of CORE) {
    const chapter = content.bySlug.get(slug);
    if (!chapter) continue; // not written yet: the issue for it stays open
    for (const lesson of chapter.lessons.values()) {
      const sims = lesson.cells.filter((c) => c.kind === 'sim').length;
      const quizzes = lesson.cells.filter((c) => c.kind === 'quiz');
      const predicts = quizzes.filter((c) => c.kind === 'quiz' && c.spec.type === 'predict').length;
      assert.ok(sims >= 3, `${lesson.file}: ${sims} sim cells`);
      assert.ok(quizzes.length >= 8, `${lesson.file}: ${quizzes.length} quizzes`);
      assert.ok(predicts >= 4, `${lesson.file}: ${predicts} predict quizzes`);
    }
  }
});
