// Issue 14, findings 4, 5 and 7: an import merges by time, whatever order the
// attempts reach the server in; a number out of range and a time that is not a
// time (or is in the future) are a 400 naming the field, not a 500, and never
// pin a cell against later imports.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { startTestSite } from '../support/site.ts';
import type { Site } from '../../server/boot.ts';

const NOW = new Date('2026-03-01T12:00:00.000Z');
let site: Site;
before(async () => {
  site = await startTestSite({ now: () => NOW });
});
after(() => site.close());

const file = (cells: unknown[], attempts: unknown[]) => ({ format: 'kube-notebook-progress', version: 1, exportedAt: NOW.toISOString(), cells, attempts });
const cell = (fields: Record<string, unknown>) => ({ lesson: 'architecture', cell: 'two-pods', input: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n', runCount: 1, updatedAt: '2026-02-01T00:00:00Z', ...fields });
const attempt = (answer: number, createdAt: string) => ({ lesson: 'architecture', cell: 'port', answer, correct: false, createdAt });

async function portStanding(agent: ReturnType<typeof request.agent>) {
  const res = await agent.get('/api/progress').expect(200);
  const chapter = res.body.chapters.find((c: { slug: string }) => c.slug === 'architecture');
  return { correct: chapter.correct, missed: chapter.missed.map((m: { cellId: string }) => m.cellId) };
}

describe('importing progress', () => {
  it('a run count SQLite cannot hold is a 400 naming the field, and nothing of the file is kept (finding 5)', async () => {
    const agent = request.agent(site.app);
    const res = await agent.post('/api/progress/import').send(file([cell({ runCount: 1e20 })], [attempt(1, '2026-02-01T00:00:00Z')])).expect(400);
    assert.match(res.body.error.message, /progress file cells\[0\]\.runCount: must be a whole number from 0 to 1,000,000/);
    assert.deepEqual(await portStanding(agent), { correct: 0, missed: [] });
    for (const runCount of [-1, 1.5, '3', 1_000_001]) {
      await agent.post('/api/progress/import').send(file([cell({ runCount })], [])).expect(400);
    }
  });

  it('a time that is not a real time, or is in the future, is a 400 naming the field (finding 7)', async () => {
    const agent = request.agent(site.app);
    const cases: [unknown, RegExp][] = [
      ['9999-99-99T99:99:99Z', /cells\[0\]\.updatedAt: "9999-99-99T99:99:99Z" is not a real date and time/],
      ['2026-02-30T00:00:00Z', /is not a real date and time/],
      ['2100-01-01T00:00:00Z', /cells\[0\]\.updatedAt: 2100-01-01T00:00:00Z is in the future/],
      ['yesterday', /must be an RFC 3339 UTC time/],
    ];
    for (const [updatedAt, message] of cases) {
      const res = await agent.post('/api/progress/import').send(file([cell({ updatedAt })], [])).expect(400);
      assert.match(res.body.error.message, message);
    }
    const res = await agent.post('/api/progress/import').send(file([], [attempt(1, '2027-01-01T00:00:00Z')])).expect(400);
    assert.match(res.body.error.message, /attempts\[0\]\.createdAt: 2027-01-01T00:00:00Z is in the future/);
    // A minute of another machine's clock skew is allowed.
    await agent.post('/api/progress/import').send(file([cell({ updatedAt: '2026-03-01T12:00:30Z' })], [])).expect(200);
  });

  it('the first attempt by time is the one graded, whichever order attempts arrive in (finding 4)', async () => {
    // Right now, then a wrong answer from 2020 imported: the 2020 one came first.
    const late = request.agent(site.app);
    await late.post('/api/quizzes/architecture/port/answers').send({ answer: 1 }).expect(200);
    assert.deepEqual(await portStanding(late), { correct: 1, missed: [] });
    await late.post('/api/progress/import').send(file([], [attempt(0, '2020-01-01T00:00:00Z')])).expect(200);
    const lateStanding = await portStanding(late);

    // The same two attempts the other way round.
    const early = request.agent(site.app);
    await early.post('/api/progress/import').send(file([], [attempt(0, '2020-01-01T00:00:00Z')])).expect(200);
    await early.post('/api/quizzes/architecture/port/answers').send({ answer: 1 }).expect(200);
    const earlyStanding = await portStanding(early);

    assert.deepEqual(lateStanding, earlyStanding, 'the same attempts give the same progress');
    assert.deepEqual(earlyStanding, { correct: 0, missed: ['port'] }, 'the 2020 wrong answer was the first attempt');
    // And the export lists them in time order.
    const exported = (await late.get('/api/progress/export').expect(200)).body;
    assert.deepEqual(exported.attempts.map((a: { createdAt: string }) => a.createdAt), ['2020-01-01T00:00:00Z', NOW.toISOString()]);
  });
});
