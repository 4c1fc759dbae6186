// Lesson pages and the stylesheet/script go gzipped to clients that accept it
// (every browser does), assembled from cells compressed once (server/views/
// gzip-pieces.ts). Checked with the real chapters: the gzipped page is the same
// page, byte for byte, for a first visit and for a learner with their own runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { startTestSite } from '../support/site.ts';
import type { Site } from '../../server/boot.ts';

let site: Site;
let server: Server;
let port = 0;
before(async () => {
  site = await startTestSite({ real: true });
  server = site.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await site.close();
});

interface Raw {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A request whose body is read as sent (fetch and supertest would decompress it). */
function raw(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const GZIP = { 'Accept-Encoding': 'gzip, deflate, br, zstd' };

describe('gzip', () => {
  it('sends every lesson page gzipped to a browser and as it is otherwise, with the same bytes inside', async () => {
    for (const slug of site.content.chapters.map((c) => c.slug)) {
      const first = await raw('GET', `/lessons/${slug}`, GZIP);
      assert.equal(first.status, 200);
      assert.equal(first.headers['content-encoding'], 'gzip', slug);
      assert.match(String(first.headers.vary), /Accept-Encoding/);
      const cookie = first.headers['set-cookie']!.map((c) => c.split(';')[0]).join('; ');
      // The same learner again: the gzipped page and the plain one are the same page.
      const gz = await raw('GET', `/lessons/${slug}`, { ...GZIP, Cookie: cookie });
      const plain = await raw('GET', `/lessons/${slug}`, { Cookie: cookie });
      assert.equal(plain.headers['content-encoding'], undefined, 'no Accept-Encoding, no gzip');
      assert.match(String(plain.headers.vary), /Accept-Encoding/);
      assert.equal(Number(gz.headers['content-length']), gz.body.length);
      const unzipped = gunzipSync(gz.body).toString('utf8');
      assert.equal(unzipped, plain.body.toString('utf8'), slug);
      assert.ok(gz.body.length * 3 < plain.body.length, `${slug}: ${gz.body.length} gzipped vs ${plain.body.length}`);
    }
  });

  it('a learner’s own cells (rendered per request) are in the gzipped page too', async () => {
    const first = await raw('GET', '/lessons/pod-lifecycle', {});
    const cookie = first.headers['set-cookie']!.map((c) => c.split(';')[0]).join('; ');
    const input = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: gzip-mine\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: ["sh", "-c", "sleep 5; exit 1"]\n';
    const run = await raw('POST', '/api/lessons/pod-lifecycle/cells/crash-loop/run', { 'Content-Type': 'application/json', Cookie: cookie }, JSON.stringify({ input }));
    assert.equal(run.status, 200, run.body.toString());
    const gz = await raw('GET', '/lessons/pod-lifecycle', { ...GZIP, Cookie: cookie });
    const plain = await raw('GET', '/lessons/pod-lifecycle', { Cookie: cookie });
    const unzipped = gunzipSync(gz.body).toString('utf8');
    assert.match(unzipped, /kubectl describe pod gzip-mine/);
    assert.equal(unzipped, plain.body.toString('utf8'));
  });

  it('a cell run from the page script gets just the HTML it swaps in, gzipped; without ?only=html the full result', async () => {
    const first = await raw('GET', '/lessons/pod-lifecycle', {});
    const cookie = first.headers['set-cookie']!.map((c) => c.split(';')[0]).join('; ');
    const input = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: slim\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: ["sh", "-c", "sleep 5; exit 1"]\n';
    const headers = { 'Content-Type': 'application/json', Cookie: cookie };
    const slim = await raw('POST', '/api/lessons/pod-lifecycle/cells/crash-loop/run?only=html', { ...headers, ...GZIP }, JSON.stringify({ input }));
    assert.equal(slim.status, 200);
    assert.equal(slim.headers['content-encoding'], 'gzip');
    assert.match(String(slim.headers['content-type']), /application\/json/);
    const body = JSON.parse(gunzipSync(slim.body).toString('utf8'));
    assert.deepEqual(Object.keys(body).sort(), ['edited', 'html', 'ok']);
    assert.equal(body.ok, true);
    assert.equal(body.edited, true);
    assert.match(body.html, /class="sim-result"/);
    assert.match(body.html, /kubectl describe pod slim/);
    const full = await raw('POST', '/api/lessons/pod-lifecycle/cells/crash-loop/run', headers, JSON.stringify({ input }));
    const fullBody = JSON.parse(full.body.toString('utf8'));
    assert.ok('result' in fullBody && 'trace' in fullBody && fullBody.html === body.html, 'the full answer carries the same HTML and the result');
    assert.ok(slim.body.length * 5 < full.body.length, `${slim.body.length} bytes instead of ${full.body.length}`);
    // A scenario that cannot run: the same error, with the HTML that shows it.
    const bad = await raw('POST', '/api/lessons/pod-lifecycle/cells/crash-loop/run?only=html', headers, JSON.stringify({ input: 'kind: Pod\nmetadata: [a,\n' }));
    assert.equal(bad.status, 400);
    const badBody = JSON.parse(bad.body.toString('utf8'));
    assert.equal(badBody.ok, false);
    assert.match(badBody.error.message, /./);
    assert.match(badBody.html, /class="sim-error"/);
  });

  it('honours q=0 and identity-only requests', async () => {
    for (const accept of ['gzip;q=0', 'identity', 'br']) {
      const res = await raw('GET', '/lessons/scheduler', { 'Accept-Encoding': accept });
      assert.equal(res.headers['content-encoding'], undefined, accept);
      assert.match(res.body.toString('utf8', 0, 20), /^<!doctype html>/);
    }
  });

  it('the fingerprinted stylesheet and script go gzipped, the same bytes inside', async () => {
    const home = await raw('GET', '/', {});
    const urls = [...home.body.toString('utf8').matchAll(/(?:href|src)="(\/assets\/app\.[0-9a-f]{12}\.(?:css|js))"/g)].map((m) => m[1]);
    assert.equal(urls.length, 2, 'one stylesheet and one script');
    for (const url of urls) {
      const gz = await raw('GET', url, GZIP);
      const plain = await raw('GET', url, {});
      assert.equal(gz.headers['content-encoding'], 'gzip', url);
      assert.deepEqual(gunzipSync(gz.body), plain.body, url);
      assert.ok(gz.body.length < plain.body.length / 2, url);
    }
  });
});
