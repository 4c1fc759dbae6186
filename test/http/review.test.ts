// Spaced review (issue 13): a missed question becomes a card on /review, rated
// Again / Hard / Good / Easy without JavaScript, scheduled by FSRS on the
// site's clock; due counts on the home page; export and import carry the ratings.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { csrfFrom, startTestSite } from '../support/site.ts';
import type { Site } from '../../server/boot.ts';
import { replay } from '../../server/review/schedule.ts';

let site: Site;
let now = new Date('2026-03-01T09:00:00.000Z');
before(async () => {
  site = await startTestSite({ now: () => now });
});
after(() => site.close());

/** A learner who answered the fixture's `port` quiz wrong ("8080"), and the review page's token. */
async function learnerWhoMissed() {
  const agent = request.agent(site.app);
  const lesson = await agent.get('/lessons/architecture').expect(200);
  await agent.post('/lessons/architecture/quizzes/port/answer').type('form').send({ _csrf: csrfFrom(lesson.text), answer: '0' }).expect(303);
  return agent;
}

async function rate(agent: request.Agent, rating: string, status = 303) {
  const page = await agent.get('/review').expect(200);
  return agent.post('/review/architecture/port').type('form').send({ _csrf: csrfFrom(page.text), rating }).expect(status);
}

describe('/review', () => {
  it('shows nothing due to a learner who missed nothing', async () => {
    const page = await request(site.app).get('/review').expect(200);
    assert.match(page.text, /Nothing is due/);
    assert.match(page.text, /data-due-count="0"/);
  });

  it('lists a missed question as due, with its answer behind a disclosure, its links and the four ratings', async () => {
    now = new Date('2026-03-01T09:00:00.000Z');
    const agent = await learnerWhoMissed();
    const page = await agent.get('/review').expect(200);
    assert.match(page.text, /data-due-count="1"/);
    assert.match(page.text, /<li class="review-card" id="review-architecture-port"/);
    assert.match(page.text, /Which port does the API server usually serve HTTPS on\?/);
    assert.match(page.text, /<details class="review-answer">\s*<summary>Show the answer<\/summary>/);
    assert.match(page.text, /<a href="\/lessons\/architecture#cell-port">Open the question in its lesson<\/a>/);
    for (const rating of ['again', 'hard', 'good', 'easy']) assert.match(page.text, new RegExp(`name="rating" value="${rating}"`));
    assert.match(page.text, /not reviewed yet/);
    // The buttons say when each answer brings the card back (FSRS on a new card: Easy is days away).
    assert.match(page.text, /Easy <span class="rating-when">in \d+ days<\/span>/);
    // The home page counts it.
    const home = await agent.get('/').expect(200);
    assert.match(home.text, /<a class="button" href="\/review">Review: 1 question is due for review →<\/a>/);
  });

  it('schedules the card with FSRS: Good puts it off, it falls due again on the clock, Again brings it back soon', async () => {
    now = new Date('2026-03-02T09:00:00.000Z');
    const agent = await learnerWhoMissed();
    const res = await rate(agent, 'good');
    assert.equal(res.headers.location, '/review?rated=1');
    let page = await agent.get('/review?rated=1').expect(200);
    assert.match(page.text, /Saved\./);
    assert.match(page.text, /data-due-count="0"/);
    assert.match(page.text, /<h2 id="review-upcoming-title">Coming up<\/h2>/);
    // The card is what ts-fsrs gives for one Good at that moment.
    const expected = replay([{ rating: 'good', reviewedAt: '2026-03-02T09:00:00.000Z' }])!;
    assert.match(page.text, new RegExp(`<time datetime="${expected.due}">in 10 minutes</time>`));
    assert.match(page.text, /reviewed 1 time/);

    // A stale form (the card is not due) changes nothing.
    const stale = await agent.post('/review/architecture/port').type('form').send({ _csrf: csrfFrom(page.text), rating: 'easy' }).expect(303);
    assert.equal(stale.headers.location, '/review?rated=1');
    page = await agent.get('/review').expect(200);
    assert.match(page.text, new RegExp(`<time datetime="${expected.due}">`));

    // Once its moment has come, it is due again; Again then makes it a lapse-free relearn in minutes.
    now = new Date(Date.parse(expected.due) + 1000);
    page = await agent.get('/review').expect(200);
    assert.match(page.text, /data-due-count="1"/);
    await rate(agent, 'again');
    const twice = replay([
      { rating: 'good', reviewedAt: '2026-03-02T09:00:00.000Z' },
      { rating: 'again', reviewedAt: now.toISOString() },
    ])!;
    page = await agent.get('/review').expect(200);
    assert.match(page.text, new RegExp(`<time datetime="${twice.due}">`));
    assert.match(page.text, /reviewed 2 times/);
  });

  it('refuses a rating that is not one of the four with a 400, and an unknown question with a 404', async () => {
    now = new Date('2026-03-03T09:00:00.000Z');
    const agent = await learnerWhoMissed();
    await rate(agent, 'perfect', 400);
    const page = await agent.get('/review').expect(200);
    await agent.post('/review/architecture/nope').type('form').send({ _csrf: csrfFrom(page.text), rating: 'good' }).expect(404);
    await agent.post('/review/architecture/port').type('form').send({ rating: 'good' }).expect(403);
  });

  it('carries the ratings in the progress file: an import replays them into the same card', async () => {
    now = new Date('2026-03-04T09:00:00.000Z');
    const source = await learnerWhoMissed();
    await rate(source, 'hard');
    const file = JSON.parse((await source.get('/api/progress/export').expect(200)).text);
    assert.deepEqual(file.reviews, [{ lesson: 'architecture', cell: 'port', rating: 'hard', reviewedAt: '2026-03-04T09:00:00.000Z' }]);

    const target = request.agent(site.app);
    const progress = await target.get('/progress').expect(200);
    const res = await target
      .post('/progress/import')
      .field('_csrf', csrfFrom(progress.text))
      .attach('file', Buffer.from(JSON.stringify(file)), { filename: 'progress.json', contentType: 'application/json' })
      .expect(303);
    assert.equal(res.headers.location, '/progress?imported=0,1,0,1');
    const reported = await target.get(res.headers.location).expect(200);
    assert.match(reported.text, /Imported 0 edited cells, 1 answer and 1 review rating\./);
    const expected = replay([{ rating: 'hard', reviewedAt: '2026-03-04T09:00:00.000Z' }])!;
    const page = await target.get('/review').expect(200);
    assert.match(page.text, new RegExp(`<time datetime="${expected.due}">`));

    // A rating that is not one of the four is refused, naming where.
    const bad = { ...file, reviews: [{ ...file.reviews[0], rating: 'perfect' }] };
    const refused = await target
      .post('/progress/import')
      .field('_csrf', csrfFrom(page.text))
      .attach('file', Buffer.from(JSON.stringify(bad)), { filename: 'progress.json', contentType: 'application/json' })
      .expect(303);
    assert.match(decodeURIComponent(refused.headers.location), /reviews\[0\]\.rating: must be "again", "hard", "good" or "easy"/);
  });

  it('speaks Chinese', async () => {
    now = new Date('2026-03-05T09:00:00.000Z');
    const agent = await learnerWhoMissed();
    const page = await agent.get('/zh/review').expect(200);
    assert.match(page.text, /<h1>复习<\/h1>/);
    assert.match(page.text, /显示答案/);
    assert.match(page.text, /简单 <span class="rating-when">\d+天后<\/span>/);
  });
});
