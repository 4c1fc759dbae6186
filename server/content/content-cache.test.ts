import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readdirSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { engines } from '../../test/support/fixture-engines.ts';
import { FIXTURE_CONTENT } from '../../test/support/site.ts';
import { contentHash, loadContentCached } from './content-cache.ts';
import { scenarioRuns } from './scenario-runs.ts';
import { ContentError } from './content-error.ts';

function setUp() {
  const root = mkdtempSync(join(tmpdir(), 'kn-content-cache-'));
  const contentDir = join(root, 'content');
  cpSync(FIXTURE_CONTENT, contentDir, { recursive: true });
  return { root, contentDir, cache: { dir: join(root, 'cache'), build: '0123456789abcdef' } };
}

test('a second start of the same build on the same files reads the lessons back instead of loading them', () => {
  const { root, contentDir, cache } = setUp();
  const first = scenarioRuns();
  const loaded = loadContentCached({ contentDir, engines, rootDir: root, runs: first }, cache);
  assert.ok(first.counts.ran > 0);
  const again = scenarioRuns();
  const read = loadContentCached({ contentDir, engines, rootDir: root, runs: again }, cache);
  assert.deepEqual(again.counts, { reused: 0, ran: 0 }, 'nothing was parsed or run');
  assert.deepEqual(read, loaded);
  assert.equal(read.bySlug.get('architecture'), read.chapters.find((c) => c.slug === 'architecture'), 'the index keeps its shared objects');
});

test('any change to a file under content/ is loaded and checked afresh, and only the newest copy is kept', () => {
  const { root, contentDir, cache } = setUp();
  loadContentCached({ contentDir, engines, rootDir: root }, cache);
  const before = contentHash(contentDir, root);
  const lesson = join(contentDir, '01-architecture', 'en.md');
  appendFileSync(lesson, '\nOne more sentence.\n');
  assert.notEqual(contentHash(contentDir, root), before);
  const runs = scenarioRuns();
  const changed = loadContentCached({ contentDir, engines, rootDir: root, runs }, cache);
  assert.ok(runs.counts.ran > 0, 'loaded again');
  assert.match(changed.bySlug.get('architecture')!.lessons.get('en')!.cells.at(-1)!.kind === 'markdown' ? (changed.bySlug.get('architecture')!.lessons.get('en')!.cells.at(-1) as { html: string }).html : '', /One more sentence/);
  assert.equal(readdirSync(cache.dir).filter((f) => f.startsWith('content-')).length, 1);

  // A broken lesson is never answered from a cache: the error comes with its file and line.
  writeFileSync(lesson, '---\ntitle: broken\n');
  assert.throws(() => loadContentCached({ contentDir, engines, rootDir: root }, cache), ContentError);
});
