// Hostile input through the HTTP API: every case is a clear 4xx, never a 500,
// never a hang. (Issue #7, "Input".)
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { brotliCompressSync, constants, deflateSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { startTestSite } from '../support/site.ts';
import type { Site } from '../../server/boot.ts';
import { engine as applyEngine } from '../../simulations/declarative-apply/engine.ts';
import { parseManifests } from '../../simulations/shared/yaml.ts';
import { DEFAULT_BUDGET } from '../../simulations/shared/engine.ts';

let site: Site;
before(async () => {
  site = await startTestSite({ config: { workers: 2 } });
});
after(() => site.close());

const run = (input: string) => request(site.app).post('/api/simulations/inventory/run').send({ input });
const pod = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n`;

describe('YAML the way kube-apiserver refuses it', () => {
  const cases: { name: string; input: string; message: RegExp; line?: number }[] = [
    {
      name: 'more than 100 documents',
      input: Array.from({ length: 101 }, (_, i) => pod(`p${i}`)).join('---\n'),
      message: /too many YAML documents: the limit is 100/,
      line: 501,
    },
    {
      name: 'nesting deeper than 64 levels',
      input: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: deep\nspec: ${'['.repeat(70)}${']'.repeat(70)}\n`,
      message: /nesting is deeper than 64 levels/,
      line: 5,
    },
    {
      name: 'an alias bomb (billion laughs, CVE-2019-11253 style)',
      input: [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: {name: lol}',
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
        'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
        'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
        'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
        'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
      ].join('\n'),
      message: /more than 16 YAML aliases/,
      // The 17th alias: c's first *b (alias 10) expands b's list of *a (aliases 11 to 19).
      line: 5,
    },
    {
      name: 'a duplicate key',
      input: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n  name: b\n',
      message: /duplicate key "name"/,
      line: 5,
    },
    {
      name: 'a custom tag (!!js/function)',
      input: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: !!js/function "function () { return 1 }"\n',
      message: /custom tags are not allowed/,
      line: 4,
    },
    {
      name: 'a document that is a list, not a mapping',
      input: `${pod('a')}---\n- just\n- a list\n`,
      message: /document 2 is a list, not a mapping/,
      line: 6,
    },
    {
      name: 'a document that is a plain string',
      input: 'hello world\n',
      message: /document 1 is 'hello world', not a mapping/,
      line: 1,
    },
    {
      name: 'a document without kind',
      input: 'apiVersion: v1\nmetadata:\n  name: a\n',
      message: /^kind: Required value/,
    },
    {
      name: 'a key that is a mapping',
      input: 'apiVersion: v1\nkind: Pod\n? {a: 1}\n: b\n',
      message: /mapping key must be a plain value/,
    },
    {
      name: 'a number JSON cannot carry',
      input: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nx: .inf\n',
      message: /not a number JSON can represent/,
      line: 4,
    },
  ];
  for (const c of cases) {
    it(`answers ${c.name} with 400, a clear message and the line`, async () => {
      const res = await run(c.input);
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.ok, false);
      assert.match(res.body.error.message, c.message);
      if (c.line !== undefined) assert.equal(res.body.error.line, c.line);
    });
  }
});

describe('request bodies', () => {
  it('counts the 256 KiB limit after decompression: a gzip bomb is 413', async () => {
    const body = Buffer.from(JSON.stringify({ input: `# ${'A'.repeat(4 * 1024 * 1024)}\n${pod('x')}` }));
    const gz = gzipSync(body);
    assert.ok(gz.length < 64 * 1024, 'the compressed body is small');
    const res = await request(site.app)
      .post('/api/simulations/inventory/run')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .serialize((x: unknown) => x as string)
      .send(gz);
    assert.equal(res.status, 413);
  });

  const bombs: { name: string; contentType: string; encoding: string; compress: (b: Buffer) => Buffer; body: string }[] = [
    {
      name: 'a deflate JSON bomb',
      contentType: 'application/json',
      encoding: 'deflate',
      compress: deflateSync,
      body: JSON.stringify({ input: `# ${'A'.repeat(4 * 1024 * 1024)}\n${pod('x')}` }),
    },
    {
      name: 'a gzip urlencoded-form bomb',
      contentType: 'application/x-www-form-urlencoded',
      encoding: 'gzip',
      compress: gzipSync,
      body: `input=${'A'.repeat(4 * 1024 * 1024)}`,
    },
    {
      name: 'a deflate urlencoded-form bomb',
      contentType: 'application/x-www-form-urlencoded',
      encoding: 'deflate',
      compress: deflateSync,
      body: `input=${'A'.repeat(4 * 1024 * 1024)}`,
    },
    {
      name: 'a brotli JSON bomb',
      contentType: 'application/json',
      encoding: 'br',
      compress: (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }),
      body: JSON.stringify({ input: `# ${'A'.repeat(4 * 1024 * 1024)}\n${pod('x')}` }),
    },
  ];
  for (const b of bombs) {
    it(`counts the limit after decompression: ${b.name} is 413`, async () => {
      const compressed = b.compress(Buffer.from(b.body));
      assert.ok(compressed.length < 64 * 1024, `the compressed body is small (${compressed.length} bytes)`);
      const res = await request(site.app)
        .post('/api/simulations/inventory/run')
        .set('Content-Type', b.contentType)
        .set('Content-Encoding', b.encoding)
        .serialize((x: unknown) => x as string)
        .send(compressed);
      assert.equal(res.status, 413, JSON.stringify(res.body));
      assert.equal(res.body.error.message, 'the request body is larger than 256 KiB');
    });
  }

  it('accepts a small gzip body', async () => {
    const gz = gzipSync(Buffer.from(JSON.stringify({ input: pod('zipped') })));
    const res = await request(site.app)
      .post('/api/simulations/inventory/run')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .serialize((x: unknown) => x as string)
      .send(gz);
    assert.equal(res.status, 200);
    assert.equal(res.body.result.objects[0].name, 'zipped');
  });

  it('refuses an unknown content encoding with 415', async () => {
    const res = await request(site.app)
      .post('/api/simulations/inventory/run')
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'br-nope')
      .send('{}');
    assert.equal(res.status, 415);
  });
});

describe('prototype keys are plain data', () => {
  it('a scenario full of __proto__, constructor and prototype keys pollutes nothing', async () => {
    // A custom kind reaches the engine with the keys as plain data.
    const input = `apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: p\n  __proto__: {polluted: yes}\n  constructor: {prototype: {polluted: yes}}\n  labels: {__proto__: x}\n`;
    const res = await run(input).expect(200);
    assert.equal(res.body.result.objects[0].name, 'p');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
  });

  it('on a built-in kind the same keys are unknown fields to the API server\'s strict decoder (400), and pollute nothing', async () => {
    const input = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  __proto__: {polluted: yes}\n  constructor: {prototype: {polluted: yes}}\n  labels: {__proto__: x}\n`;
    const res = await run(input).expect(400);
    assert.match(res.body.error.message, /strict decoding error: unknown field "metadata.__proto__", unknown field "metadata.constructor"/);
    assert.equal(res.body.error.line, 5);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal((Object.prototype as Record<string, unknown>).polluted, undefined);
  });

  it('__proto__ brought in by a YAML merge key (<<) is a plain key, not the mapping’s prototype', async () => {
    // Were it assigned, metadata's prototype would be {name: from-prototype} and the
    // engine would read that name; as plain data, metadata has no name at all.
    const input = 'apiVersion: example.com/v1\nkind: Widget\nbase: &base {__proto__: {name: from-prototype}}\nmetadata:\n  <<: *base\n';
    const res = await run(input).expect(400);
    assert.match(res.body.error.message, /^metadata\.name: Required value/);
    const named = await run(`${input}  name: w\n`).expect(200);
    assert.equal(named.body.result.objects[0].name, 'w');
    assert.equal((Object.prototype as Record<string, unknown>).name, undefined);
  });

  it('a JSON body with __proto__ does not reach any prototype', async () => {
    const res = await request(site.app)
      .post('/api/simulations/inventory/run')
      .set('Content-Type', 'application/json')
      .send('{"input": "apiVersion: v1\\nkind: Pod\\nmetadata: {name: j}\\n", "__proto__": {"polluted": true}}')
      .expect(200);
    assert.equal(res.body.ok, true);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

describe('escaping what learners wrote', () => {
  it('an error message quoting learner input is escaped in the HTML', async () => {
    const agent = request.agent(site.app);
    const input = 'apiVersion: v1\nkind: Pod\nmetadata: "<img src=x onerror=alert(1)>"\n';
    const res = await agent.post('/api/lessons/architecture/cells/two-pods/run').send({ input }).expect(400);
    assert.ok(!res.body.html.includes('<img src=x'));
    const page = await agent.get('/lessons/architecture').expect(200);
    assert.ok(!page.text.includes('<img src=x'));
    assert.match(page.text, /&lt;img src&#x3D;x onerror&#x3D;alert\(1\)&gt;/);
  });

  it('a quiz answer with markup is shown escaped', async () => {
    const agent = request.agent(site.app);
    const res = await agent.post('/api/quizzes/architecture/reason/answers').send({ answer: '<b onmouseover=alert(1)>x</b>' }).expect(200);
    assert.ok(!res.body.html.includes('<b onmouseover'));
    const page = await agent.get('/lessons/architecture').expect(200);
    assert.ok(!page.text.includes('<b onmouseover'));
  });
});

describe('stored verbatim', () => {
  it("stores answers like '); DROP TABLE attempts;-- and emoji exactly as typed", async () => {
    const agent = request.agent(site.app);
    const answers = ["'); DROP TABLE attempts;--", 'OOMKilled 🤯 内存', 'Robert"); DELETE FROM learners; --'];
    for (const answer of answers) await agent.post('/api/quizzes/architecture/reason/answers').send({ answer }).expect(200);
    const file = JSON.parse((await agent.get('/api/progress/export').expect(200)).text);
    assert.deepEqual(file.attempts.map((a: { answer: string }) => a.answer), answers);
    const count = site.db.prepare('SELECT COUNT(*) AS n FROM attempts').get() as { n: number };
    assert.ok(count.n >= 3);
  });
});

describe('kubectl apply’s last-applied annotation (the real declarative-apply engine)', () => {
  let real: Site;
  before(async () => {
    real = await startTestSite({ real: true });
  });
  after(() => real.close());

  const applyRun = (input: string) => request(real.app).post('/api/simulations/declarative-apply/run').send({ input });
  const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
  const ANNOTATION_PATH = `metadata.annotations["${LAST_APPLIED}"]`;
  /** A live ConfigMap whose annotation (line 8) is `json`, then your file. */
  const scenario = (json: string) =>
    `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: default\n  annotations:\n    kube-notebook.dev/live: "true"\n    ${LAST_APPLIED}: '${json}'\ndata:\n  a: "1"\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  b: "2"\n`;

  it('answers an annotation nested 12,000 levels deep with 400 at its line and field path, not 422 without a line', async () => {
    const deep = `${'{"a":'.repeat(12_000)}1${'}'.repeat(12_000)}`;
    const res = await applyRun(scenario(deep));
    assert.equal(res.status, 400, JSON.stringify(res.body).slice(0, 300));
    assert.deepEqual(res.body.error, {
      message: `${ANNOTATION_PATH}: nesting is deeper than 64 levels in the JSON of the annotation`,
      line: 8,
      column: 5,
      path: ANNOTATION_PATH,
      document: 1,
    });
  });

  it('deletes a __proto__ key the new file drops as plain data, without touching any prototype', async () => {
    // A ConfigMap key may be "__proto__" (IsConfigMapKey allows it): the live object and its
    // last-applied both hold data.__proto__; the file drops it.
    const lastApplied = '{"apiVersion":"v1","data":{"__proto__":"polluted","keep":"1"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"w","namespace":"default"}}';
    const input = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: w\n  namespace: default\n  annotations:\n    kube-notebook.dev/live: "true"\n    ${LAST_APPLIED}: '${lastApplied}'\ndata:\n  __proto__: polluted\n  keep: "1"\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: w\ndata:\n  keep: "1"\n`;
    const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

    const res = await applyRun(input).expect(200);
    const { patch, before: was, live, deletedFields } = res.body.result;
    // JSON.parse keeps "__proto__" as an own key: had the engine assigned it, it would have vanished from the JSON.
    assert.ok(own(was.data, '__proto__'), `live before the apply lost its __proto__ key: ${JSON.stringify(was.data)}`);
    assert.ok(own(patch.data, '__proto__') && patch.data.__proto__ === null, `the patch does not delete data.__proto__: ${JSON.stringify(patch)}`);
    assert.deepEqual(deletedFields, ['data.__proto__']);
    assert.deepEqual(Object.keys(live.data), ['keep']);

    // The same run in this process: no object, and no prototype, gains "polluted".
    const { result } = applyEngine.run(parseManifests(input), { budget: DEFAULT_BUDGET, detail: true });
    const data = result.live.data as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(data), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf({}), Object.prototype);
  });
});
