// Request-level hardening: security headers, cookies, cross-site refusal,
// rate limits, and slow clients. (Issue #7, "Requests".)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import { csrfFrom, startTestSite } from '../support/site.ts';
import type { Site } from '../../server/boot.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import { serve } from '../../server/serve.ts';

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
    await agent.get('/').expect(200); // the learner's cookie
    for (let i = 0; i < 3; i++) await agent.post('/api/simulations/inventory/run').send({ input: POD }).expect(200);
    const res = await agent.post('/api/simulations/inventory/run').send({ input: POD }).expect(429);
    assert.match(res.body.error.message, /too many simulation runs: at most 3 a minute per learner/);
    const retry = Number(res.headers['retry-after']);
    assert.ok(retry >= 1 && retry <= 60, `Retry-After ${res.headers['retry-after']}`);
    // Another learner is not affected.
    const other = request.agent(site.app);
    await other.get('/').expect(200);
    await other.post('/api/simulations/inventory/run').send({ input: POD }).expect(200);
  });

  it('counts requests without a learner’s cookie by address at the per-learner rate: dropping the cookie buys no runs (issue 14, finding 8)', async () => {
    const strict = await startTestSite({ config: { runsPerMinutePerLearner: 3, runsPerMinutePerAddress: 1000 } });
    try {
      for (let i = 0; i < 3; i++) await request(strict.app).post('/api/simulations/inventory/run').send({ input: POD }).expect(200);
      const res = await request(strict.app).post('/api/simulations/inventory/run').send({ input: POD }).expect(429);
      assert.match(res.body.error.message, /at most 3 a minute per learner/);
      // A forged cookie (a well-formed id the server never signed) is no way round it either.
      await request(strict.app).post('/api/simulations/inventory/run').set('Cookie', 'kn_learner=AAAAAAAAAAAAAAAAAAAAAA').send({ input: POD }).expect(429);
    } finally {
      await strict.close();
    }
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

describe('trust proxy', () => {
  // Behind a reverse proxy every request comes from the proxy's address: with
  // TRUST_PROXY set, the per-address limit keys on the client X-Forwarded-For names.
  for (const trustProxy of ['loopback', 1] as const) {
    it(`with TRUST_PROXY=${trustProxy}, the per-address limit counts each X-Forwarded-For client separately`, async () => {
      const proxied = await startTestSite({ config: { trustProxy, runsPerMinutePerLearner: 1000, runsPerMinutePerAddress: 2 } });
      try {
        const from = (address: string) => request(proxied.app).post('/api/simulations/inventory/run').set('X-Forwarded-For', address).send({ input: POD });
        await from('203.0.113.7').expect(200);
        await from('203.0.113.7').expect(200);
        const res = await from('203.0.113.7').expect(429);
        assert.match(res.body.error.message, /too many simulation runs from this address: at most 2 a minute/);
        assert.ok(res.headers['retry-after']);
        // Another client behind the same proxy still has its own budget.
        await from('198.51.100.4').expect(200);
      } finally {
        await proxied.close();
      }
    });
  }

  it('TRUST_PROXY is read from the environment: unset is false, a number is a hop count, anything else an address list', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: 'false' }).trustProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: '1' }).trustProxy, 1);
    assert.equal(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy, 'loopback');
  });
});

describe('slow clients', () => {
  /**
   * Listens the way `npm start` does, through serve(), on a free loopback port;
   * `stop` closes the server and removes the signal handlers serve() added.
   */
  async function serveForTest(timeouts: Pick<Config, 'requestTimeoutMs' | 'headersTimeoutMs'>) {
    const signals = ['SIGTERM', 'SIGINT'] as const;
    const before = new Map(signals.map((s) => [s, new Set(process.listeners(s))]));
    const config: Config = { ...loadConfig({}), port: 0, host: '127.0.0.1', logEventLoopDelayMs: 0, ...timeouts };
    let server: Server | undefined;
    const port = await new Promise<number>((resolve) => {
      server = serve(site, config, resolve);
    });
    return {
      port,
      stop: async () => {
        for (const s of signals) {
          for (const l of process.listeners(s)) if (!before.get(s)!.has(l)) process.off(s, l);
          assert.equal(process.listenerCount(s), before.get(s)!.size, `a ${s} handler from serve() is left behind`);
        }
        server!.closeAllConnections();
        await new Promise<void>((resolve) => server!.close(() => resolve()));
      },
    };
  }

  /**
   * Sends `head` at once, then one byte of `drip` a second; resolves with what the
   * server answered when it closed the connection, or `null` if it was still
   * open after `giveUpMs` (so a server without timeouts fails the test instead of hanging).
   */
  function dripClient(port: number, head: string, drip: string, giveUpMs: number): Promise<{ answer: string | null; elapsed: number }> {
    const started = Date.now();
    return new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1');
      let received = '';
      let sent = 0;
      const finish = (answer: string | null) => {
        clearInterval(timer);
        clearTimeout(giveUp);
        socket.destroy();
        resolve({ answer, elapsed: Date.now() - started });
      };
      socket.on('data', (d) => (received += d.toString()));
      socket.on('close', () => finish(received));
      socket.on('error', () => finish(received));
      socket.write(head);
      const timer = setInterval(() => {
        if (!socket.destroyed) socket.write(drip[sent++ % drip.length]);
      }, 1000);
      const giveUp = setTimeout(() => finish(null), giveUpMs);
    });
  }

  it('cuts off a client that sends its body one byte a second', async () => {
    const { port, stop } = await serveForTest({ requestTimeoutMs: 1500, headersTimeoutMs: 1500 });
    try {
      const head = 'POST /api/simulations/inventory/run HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n';
      const { answer, elapsed } = await dripClient(port, head, '{', 8000);
      assert.notEqual(answer, null, 'the connection was still open after 8 s: serve() did not apply requestTimeoutMs');
      // requestTimeoutMs plus at most one connectionsCheckingInterval (1 s).
      assert.ok(elapsed < 4000, `cut off after ${elapsed} ms`);
      assert.match(answer!, /^HTTP\/1\.1 408 |^$/);
    } finally {
      await stop();
    }
  });

  it('cuts off a client that sends its headers one byte a second, before the request timeout', async () => {
    const { port, stop } = await serveForTest({ requestTimeoutMs: 6000, headersTimeoutMs: 1500 });
    try {
      const { answer, elapsed } = await dripClient(port, 'GET / HTTP/1.1\r\n', 'X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 8000);
      assert.notEqual(answer, null, 'the connection was still open after 8 s: serve() did not apply headersTimeoutMs');
      assert.ok(elapsed < 4000, `cut off after ${elapsed} ms (the request timeout is 6 s)`);
      assert.match(answer!, /^HTTP\/1\.1 408 |^$/);
    } finally {
      await stop();
    }
  });
});
