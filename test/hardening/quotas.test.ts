// Issue 14, findings 1 and 6: nothing a learner can post grows the database
// without bound, and an import's duplicate check reads an index instead of
// every attempt the learner made on the quiz.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { startTestSite } from '../support/site.ts';
import type { Site } from '../../server/boot.ts';
import type { Config } from '../../server/config.ts';

const sites: Site[] = [];
after(async () => {
  for (const site of sites) await site.close();
});
async function siteWith(config: Partial<Config>): Promise<Site> {
  const site = await startTestSite({ config });
  sites.push(site);
  return site;
}

const progressFile = (cells: unknown[], attempts: unknown[]) => ({ format: 'kube-notebook-progress', version: 1, exportedAt: '', cells, attempts });

describe('quotas', () => {
  it('keeps a quiz’s first attempt and its newest ones, no more (ATTEMPTS_KEPT_PER_QUIZ)', async () => {
    const site = await siteWith({ attemptsKeptPerQuiz: 4, answersPerMinute: 1000 });
    const agent = request.agent(site.app);
    await agent.post('/api/quizzes/architecture/port/answers').send({ answer: 0 }).expect(200); // first, wrong
    for (let i = 0; i < 9; i++) await agent.post('/api/quizzes/architecture/port/answers').send({ answer: 1 }).expect(200);
    const rows = site.db.prepare(`SELECT answer_json, outcome FROM attempts WHERE cell_id = 'port' ORDER BY created_at, id`).all() as { answer_json: string; outcome: string }[];
    assert.equal(rows.length, 4);
    assert.deepEqual(rows[0], { answer_json: '0', outcome: 'wrong' }, 'the graded first attempt is kept');
    const progress = await agent.get('/api/progress').expect(200);
    assert.deepEqual(progress.body.chapters[0].missed.map((m: { cellId: string }) => m.cellId), ['port'], 'still missed: the first attempt was wrong');

    // An import brings more: compacted the same way, the first by time kept.
    const older = Array.from({ length: 6 }, (_, i) => ({ lesson: 'architecture', cell: 'port', answer: 1, correct: true, createdAt: `2025-01-0${i + 1}T00:00:00Z` }));
    await agent.post('/api/progress/import').send(progressFile([], older)).expect(200);
    const after = site.db.prepare(`SELECT created_at, outcome FROM attempts WHERE cell_id = 'port' ORDER BY created_at, id`).all() as { created_at: string; outcome: string }[];
    assert.equal(after.length, 4);
    assert.deepEqual(after[0], { created_at: '2025-01-01T00:00:00Z', outcome: 'right' }, 'the imported attempt from 2025 is now the first, and right');
  });

  it('an import’s duplicate check and the grading read the attempts_by_time index, not every attempt on the quiz (finding 1)', async () => {
    const site = await siteWith({});
    const plan = (sql: string) => (site.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');
    assert.match(plan(`SELECT 1 FROM attempts WHERE learner_id = 'a' AND lesson_slug = 'b' AND cell_id = 'c' AND answer_json = '1' AND created_at = '2026-01-01T00:00:00Z'`), /USING INDEX attempts_by_time \(learner_id=\? AND lesson_slug=\? AND cell_id=\? AND created_at=\?\)/);
  });

  it('answers and imports are rate limited per learner (ANSWERS_PER_MINUTE, IMPORTS_PER_HOUR)', async () => {
    const site = await siteWith({ answersPerMinute: 3, importsPerHour: 2 });
    const agent = request.agent(site.app);
    await agent.get('/').expect(200);
    for (let i = 0; i < 3; i++) await agent.post('/api/quizzes/architecture/port/answers').send({ answer: 1 }).expect(200);
    const refused = await agent.post('/api/quizzes/architecture/port/answers').send({ answer: 1 }).expect(429);
    assert.match(refused.body.error.message, /too many answers: at most 3 a minute per learner/);
    assert.ok(Number(refused.headers['retry-after']) >= 1);
    for (let i = 0; i < 2; i++) await agent.post('/api/progress/import').send(progressFile([], [])).expect(200);
    const imports = await agent.post('/api/progress/import').send(progressFile([], [])).expect(429);
    assert.match(imports.body.error.message, /too many imports: at most 2 an hour per learner/);
  });

  it('one address creates at most so many learners an hour (NEW_LEARNERS_PER_HOUR_PER_ADDRESS)', async () => {
    const site = await siteWith({ newLearnersPerHourPerAddress: 3, answersPerMinute: 1000 });
    // Each cookieless answer would be a new learner with a row in the database.
    for (let i = 0; i < 3; i++) await request(site.app).post('/api/quizzes/architecture/port/answers').send({ answer: 1 }).expect(200);
    const res = await request(site.app).post('/api/quizzes/architecture/port/answers').send({ answer: 1 }).expect(429);
    assert.match(res.body.error.message, /too many new learners from this address: at most 3 an hour/);
    assert.equal((site.db.prepare('SELECT COUNT(*) AS n FROM learners').get() as { n: number }).n, 3);
    // A learner who keeps their cookie is not affected, and reading is never limited.
    const agent = request.agent(site.app);
    await agent.get('/lessons/architecture').expect(200);
    await agent.post('/api/quizzes/architecture/port/answers').send({ answer: 1 }).expect(200);
  });

  it('past the database budget nothing new is saved, with a clear 507, and lessons still read (MAX_DATABASE_MB)', async () => {
    const site = await siteWith({ maxDatabaseMb: 1 });
    const agent = request.agent(site.app);
    await agent.post('/api/quizzes/architecture/port/answers').send({ answer: 1 }).expect(200);
    site.db.prepare(`INSERT INTO meta (key, value) VALUES ('ballast', ?)`).run('x'.repeat(1_200_000));
    const res = await agent.post('/api/quizzes/architecture/port/answers').send({ answer: 1 }).expect(507);
    assert.match(res.body.error.message, /this site's storage is full \(1 MiB\): nothing new can be saved/);
    await agent.get('/lessons/architecture').expect(200);
    await agent.get('/api/progress').expect(200);
  });

  it('a progress file holds at most 1,000 cells and 10,000 attempts', async () => {
    const site = await siteWith({});
    const cell = { lesson: 'architecture', cell: 'two-pods', input: 'x', runCount: 1, updatedAt: '2026-01-01T00:00:00Z' };
    const res = await request(site.app).post('/api/progress/import').send(progressFile(Array.from({ length: 1001 }, () => cell), [])).expect(400);
    assert.match(res.body.error.message, /progress file cells: has 1001 entries; one file holds at most 1,000/);
  });
});
