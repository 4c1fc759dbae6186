// The progress import form (multipart, multer): uploads past the limits are
// clear 4xx answers, rendered like every other error, never a 500.
// (Issue #7, "Input": bodies over 256 KiB are 413.)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { csrfFrom, startTestSite } from '../support/site.ts';
import type { Site } from '../../server/boot.ts';

let site: Site;
before(async () => {
  site = await startTestSite();
});
after(() => site.close());

const KiB = 1024;

/** A learner's agent with the CSRF token of the progress page, as the browser form has it. */
async function progressForm() {
  const agent = request.agent(site.app);
  const page = await agent.get('/progress').expect(200);
  return { agent, token: csrfFrom(page.text) };
}

/** A well-formed export file, padded with whitespace to `bytes` (still valid JSON). */
function exportFile(bytes: number): string {
  const file = JSON.stringify({ format: 'kube-notebook-progress', version: 1, cells: [], attempts: [] });
  return file + ' '.repeat(Math.max(0, bytes - file.length));
}

describe('uploads over the limits', () => {
  it('answers a 300 KiB file with 413 and a clear message on the error page, not 500', async () => {
    const { agent, token } = await progressForm();
    const res = await agent
      .post('/progress/import')
      .field('_csrf', token)
      .attach('file', Buffer.from(exportFile(300 * KiB)), { filename: 'progress.json', contentType: 'application/json' });
    assert.equal(res.status, 413, res.text.slice(0, 300));
    assert.match(res.headers['content-type'], /^text\/html/);
    assert.match(res.text, /the uploaded file is larger than 256 KiB/);
  });

  it('answers the same upload with JSON when the client asks for JSON', async () => {
    const { agent, token } = await progressForm();
    const res = await agent
      .post('/progress/import')
      .set('Accept', 'application/json')
      .field('_csrf', token)
      .attach('file', Buffer.from(exportFile(300 * KiB)), { filename: 'progress.json', contentType: 'application/json' });
    assert.equal(res.status, 413);
    assert.deepEqual(res.body, { ok: false, error: { message: 'the uploaded file is larger than 256 KiB' } });
  });

  // Needs `fieldSize: bodyLimitBytes` in the route's multer limits: multer's
  // default field limit is 1 MiB, so without it a 300 KiB field gets through.
  it('answers a 300 KiB json text field with 413', async () => {
    const { agent, token } = await progressForm();
    const res = await agent.post('/progress/import').field('_csrf', token).field('json', exportFile(300 * KiB));
    assert.equal(res.status, 413, `${res.status} ${res.headers.location ?? res.text.slice(0, 200)}`);
    assert.match(res.text, /the form field &quot;json&quot; is larger than 256 KiB/);
  });

  it('answers a second file with 400, not 500', async () => {
    const { agent, token } = await progressForm();
    const res = await agent
      .post('/progress/import')
      .set('Accept', 'application/json')
      .field('_csrf', token)
      .attach('file', Buffer.from('{}'), { filename: 'a.json', contentType: 'application/json' })
      .attach('file', Buffer.from('{}'), { filename: 'b.json', contentType: 'application/json' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.message, 'too many files: upload one file');
  });

  it('answers a file under another field name with 400, not 500', async () => {
    const { agent, token } = await progressForm();
    const res = await agent
      .post('/progress/import')
      .set('Accept', 'application/json')
      .field('_csrf', token)
      .attach('upload', Buffer.from('{}'), { filename: 'a.json', contentType: 'application/json' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.message, 'unexpected file field "upload" in the form');
  });

  it('answers more fields than the form has with 400, not 500', async () => {
    const { agent, token } = await progressForm();
    let req = agent.post('/progress/import').set('Accept', 'application/json').field('_csrf', token);
    for (let i = 0; i < 10; i++) req = req.field(`extra${i}`, 'x');
    const res = await req;
    assert.equal(res.status, 400);
    assert.equal(res.body.error.message, 'the form has too many fields');
  });
});

describe('malformed multipart bodies', () => {
  const cases: { name: string; contentType: string; body: string }[] = [
    { name: 'a body cut off before its closing boundary', contentType: 'multipart/form-data; boundary=x', body: '--x\r\nContent-Disposition: form-data; name="json"\r\n\r\n{}' },
    { name: 'a part with a malformed header', contentType: 'multipart/form-data; boundary=x', body: '--x\r\nbroken header\r\n\r\n{}\r\n--x--\r\n' },
    { name: 'a multipart body without a boundary', contentType: 'multipart/form-data', body: '{}' },
  ];
  for (const c of cases) {
    it(`answers ${c.name} with 400, not 500`, async () => {
      const res = await request(site.app).post('/progress/import').set('Accept', 'application/json').set('Content-Type', c.contentType).send(c.body);
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.error.message, 'the upload is not a valid multipart form');
    });
  }
});

describe('uploads within the limits', () => {
  it('still imports a small exported file', async () => {
    const source = request.agent(site.app);
    await source.post('/api/quizzes/architecture/port/answers').send({ answer: 1 }).expect(200);
    const file = (await source.get('/api/progress/export').expect(200)).text;
    const { agent, token } = await progressForm();
    const res = await agent
      .post('/progress/import')
      .field('_csrf', token)
      .attach('file', Buffer.from(file), { filename: 'progress.json', contentType: 'application/json' })
      .expect(303);
    assert.equal(res.headers.location, '/progress?imported=0,1');
  });

  it('still imports a file pasted into the json field', async () => {
    const source = request.agent(site.app);
    await source.post('/api/quizzes/architecture/port/answers').send({ answer: 1 }).expect(200);
    const file = (await source.get('/api/progress/export').expect(200)).text;
    const { agent, token } = await progressForm();
    const res = await agent.post('/progress/import').field('_csrf', token).field('json', file).expect(303);
    assert.equal(res.headers.location, '/progress?imported=0,1');
  });
});
