// Request-level hardening: security headers, cookies, cross-site refusal,
// rate limits, and slow clients. (Issue #7, "Requests".)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { csrfFrom, startTestSite } from '../support/site.ts';
import type { Site } from '../../server/boot.ts';

let site: Site;
before(async () => {
  site = await startTestSite({ config: { runsPerMinutePerLearner: 3, runsPerMinutePerAddress: 1000 } });
});
after(() => site.close());

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n';

describe('security headers', () => {
  it('sends a strict CSP (no inline script, base-uri none, frame-ancestors none) and no X-Powered-By', async () => {
    const res = await request(site.app).get('/').expect(200);
    const csp = res.headers['content-security-policy'];
    assert.equal(
      csp,
      "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';object-src 'none';base-uri 'none';frame-ancestors 'none';form-action 'self'",
    );
    assert.equal(res.headers['x-powered-by'], undefined);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
  });

  it('pages contain no inline script or style attribute', async () => {
    const res = await request(site.app).get('/lessons/architecture').expect(200);
    assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>/.test(res.text), 'inline <script>');
    assert.ok(!/\sstyle="/.test(res.text), 'style attribute');
    assert.ok(!/\son[a-z]+="/.test(res.text), 'inline event handler');
  });

  it('sets the learner and CSRF cookies HttpOnly and SameSite=Lax', async () => {
    const res = await request(site.app).get('/').expect(200);
    const cookies = res.headers['set-cookie'] as unknown as string[];
    const learner = cookies.find((c) => c.startsWith('kn_learner='))!;
    const token = cookies.find((c) => c.startsWith('kn_csrf='))!;
    for (const cookie of [learner, token]) {
      assert.match(cookie, /; HttpOnly/);
      assert.match(cookie, /; SameSite=Lax/);
      assert.match(cookie, /; Path=\//);
      assert.doesNotMatch(cookie, /; Secure/);
    }
  });

  it('behind TLS, cookies are Secure with the __Host- prefix', async () => {
    const tls = await startTestSite({ config: { secureCookies: true } });
    try {
      const res = await request(tls.app).get('/').expect(200);
      const cookies = res.headers['set-cookie'] as unknown as string[];
      assert.ok(cookies.some((c) => /^__Host-kn_learner=[^;]+; Max-Age=\d+; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/.test(c)), cookies.join('\n'));
      assert.ok(cookies.some((c) => c.startsWith('__Host-kn_csrf=') && c.includes('; Secure')));
    } finally {
      await tls.close();
    }
  });
});

describe('cross-site requests', () => {
  it('refuses a state-changing request marked Sec-Fetch-Site: cross-site with 403', async () => {
    const res = await request(site.app).post('/api/quizzes/architecture/port/answers').set('Sec-Fetch-Site', 'cross-site').send({ answer: 1 }).expect(403);
    assert.equal(res.body.error.message, 'cross-site requests are not allowed');
  });

  it('refuses a foreign or opaque Origin with 403, even with a valid CSRF token', async () => {
    const agent = request.agent(site.app);
    const token = csrfFrom((await agent.get('/lessons/architecture').expect(200)).text);
    await agent.post('/lessons/architecture/quizzes/port/answer').set('Origin', 'https://evil.example').type('form').send({ _csrf: token, answer: '1' }).expect(403);
    await agent.post('/api/quizzes/architecture/port/answers').set('Origin', 'null').send({ answer: 1 }).expect(403);
  });

  it('accepts a same-origin request', async () => {
    const agent = request.agent(site.app);
    const token = csrfFrom((await agent.get('/lessons/architecture').expect(200)).text);
    await agent
      .post('/lessons/architecture/quizzes/port/answer')
      .set('Host', 'notebook.test')
      .set('Origin', 'http://notebook.test')
      .set('Sec-Fetch-Site', 'same-origin')
      .type('form')
      .send({ _csrf: token, answer: '1' })
      .expect(303);
  });
});

describe('rate limits on simulation runs', () => {
  it('answers the run over the per-learner limit with 429 and Retry-After', async () => {
    const agent = request.agent(site.app);
    for (let i = 0; i < 3; i++) await agent.post('/api/simulations/inventory/run').send({ input: POD }).expect(200);
    const res = await agent.post('/api/simulations/inventory/run').send({ input: POD }).expect(429);
    assert.match(res.body.error.message, /too many simulation runs: at most 3 a minute per learner/);
    const retry = Number(res.headers['retry-after']);
    assert.ok(retry >= 1 && retry <= 60, `Retry-After ${res.headers['retry-after']}`);
    // Another learner is not affected.
    await request(site.app).post('/api/simulations/inventory/run').send({ input: POD }).expect(200);
  });

  it('limits per address too, ignoring X-Forwarded-For unless trust proxy is set', async () => {
    const strict = await startTestSite({ config: { runsPerMinutePerLearner: 1000, runsPerMinutePerAddress: 2 } });
    try {
      for (let i = 0; i < 2; i++) {
        await request(strict.app).post('/api/simulations/inventory/run').set('X-Forwarded-For', `10.0.0.${i}`).send({ input: POD }).expect(200);
      }
      const res = await request(strict.app).post('/api/simulations/inventory/run').set('X-Forwarded-For', '10.0.0.99').send({ input: POD }).expect(429);
      assert.ok(res.headers['retry-after']);
    } finally {
      await strict.close();
    }
  });
});

describe('slow clients', () => {
  it('cuts off a client that sends its body one byte a second', async () => {
    const server = createServer({ requestTimeout: 1500, headersTimeout: 1500, connectionsCheckingInterval: 250 }, site.app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const started = Date.now();
      const outcome = await new Promise<string>((resolve) => {
        const socket = connect(port, '127.0.0.1');
        let received = '';
        socket.on('data', (d) => (received += d.toString()));
        socket.on('close', () => resolve(received));
        socket.on('error', () => resolve(received));
        socket.write('POST /api/simulations/inventory/run HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n');
        const drip = setInterval(() => {
          if (socket.destroyed) return clearInterval(drip);
          socket.write('{');
        }, 1000);
        socket.on('close', () => clearInterval(drip));
      });
      const elapsed = Date.now() - started;
      assert.ok(elapsed < 6000, `cut off after ${elapsed} ms`);
      assert.match(outcome, /^HTTP\/1\.1 408 |^$/);
    } finally {
      server.close();
    }
  });
});
