// Issue 14, finding 8: any well-formed learner id in a cookie was accepted.
// Now the cookie carries an HMAC made with a key kept in the data directory's
// database: an id the server never gave out is a new learner; a cookie from
// before signing keeps working for a learner the database knows; cookies stay
// valid across restarts.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { csrfFrom, learnerCookie, startTestSite } from '../support/site.ts';
import type { Site } from '../../server/boot.ts';
import { verifiedLearnerId } from '../../server/http/learner.ts';
import { Store } from '../../server/db/store.ts';

const dirs: string[] = [];
const sites: Site[] = [];
after(async () => {
  for (const site of sites) await site.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kn-cookies-'));
  dirs.push(dir);
  return dir;
}

async function siteOn(dataDir: string): Promise<Site> {
  const site = await startTestSite({ dataDir });
  sites.push(site);
  return site;
}

/** The learner cookie a response sets, as `name=value`. */
function learnerSetCookie(res: request.Response): string {
  const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('kn_learner='));
  assert.ok(cookie, 'the response sets the learner cookie');
  return cookie.split(';')[0];
}

/** A learner answers the port quiz right, through the form, and returns their cookie. */
async function answerPort(site: Site, cookie?: string): Promise<string> {
  const page = await (cookie ? request(site.app).get('/lessons/architecture').set('Cookie', cookie) : request(site.app).get('/lessons/architecture')).expect(200);
  const own = cookie ?? learnerSetCookie(page);
  const csrfCookie = (page.headers['set-cookie'] as unknown as string[]).filter((c) => !c.startsWith('kn_learner=')).map((c) => c.split(';')[0]);
  await request(site.app)
    .post('/lessons/architecture/quizzes/port/answer')
    .set('Cookie', [own, ...csrfCookie].join('; '))
    .type('form')
    .send({ _csrf: csrfFrom(page.text), answer: '1' })
    .expect(303);
  return own;
}

async function correctAnswers(site: Site, cookie: string): Promise<number> {
  const res = await request(site.app).get('/api/progress').set('Cookie', cookie).expect(200);
  return res.body.chapters.find((c: { slug: string }) => c.slug === 'architecture').correct;
}

describe('learner cookies are signed', () => {
  it('a cookie the server gave out is the same learner, across a restart on the same data directory', async () => {
    const dir = tempDir();
    const first = await siteOn(dir);
    const cookie = await answerPort(first);
    assert.match(cookie, /^kn_learner=[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{32}$/, 'the id and its MAC');
    assert.equal(await correctAnswers(first, cookie), 1);
    await first.close();
    const again = await siteOn(dir);
    assert.equal(await correctAnswers(again, cookie), 1, 'the key is kept with the data');
  });

  it('an invented id, or a real id with another id’s MAC, is a new learner who sees nothing of anyone else', async () => {
    const site = await siteOn(tempDir());
    const victim = await answerPort(site);
    const victimId = victim.slice('kn_learner='.length).split('.')[0];
    const someoneElse = learnerCookie(site, 'BBBBBBBBBBBBBBBBBBBBBB').split('.')[1];
    for (const forged of [`kn_learner=CCCCCCCCCCCCCCCCCCCCCC`, `kn_learner=${victimId}.${someoneElse}`, `kn_learner=${victimId}.`, `kn_learner=${victimId}.${'A'.repeat(32)}`]) {
      const res = await request(site.app).get('/api/progress').set('Cookie', forged).expect(200);
      const given = learnerSetCookie(res);
      assert.notEqual(given.split('=')[1].split('.')[0], forged.split('=')[1].split('.')[0], `${forged}: a new id is given`);
      assert.equal(res.body.chapters.find((c: { slug: string }) => c.slug === 'architecture').correct, 0, `${forged}: nothing of the victim’s`);
    }
  });

  it('a bare id from before signing is honoured for a learner the database knows, and comes back signed', async () => {
    const site = await siteOn(tempDir());
    const signed = await answerPort(site);
    const id = signed.slice('kn_learner='.length).split('.')[0];
    const res = await request(site.app).get('/api/progress').set('Cookie', `kn_learner=${id}`).expect(200);
    assert.equal(res.body.chapters.find((c: { slug: string }) => c.slug === 'architecture').correct, 1);
    const upgraded = learnerSetCookie(res).slice('kn_learner='.length);
    assert.equal(verifiedLearnerId(upgraded, new Store(site.db).serverSecret('learner-cookie-key')), id);
  });
});
