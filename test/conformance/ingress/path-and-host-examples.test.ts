// Upstream: kubernetes/website content/en/docs/concepts/services-networking/ingress.md
// (the Ingress API documentation for v1.36): the "Examples" table of "Path types",
// "Multiple matches", and the table of "Hostname wildcards", transcribed row by row.
// Each row's paths become one Ingress rule; each path gets its own backend
// (svc-<index>) so the test sees which one won. "(all paths)" is sampled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchIngress } from '../../../simulations/ingress/public-api.ts';
import type { Ingress } from '../../../simulations/ingress/types.ts';

const DOC = 'content/en/docs/concepts/services-networking/ingress.md';

function ingress(paths: Array<[type: string, path: string]>, opts: { host?: string; defaultBackend?: boolean } = {}): Ingress {
  return {
    metadata: { name: 'example', namespace: 'default' },
    spec: {
      ...(opts.defaultBackend ? { defaultBackend: { service: { name: 'default-backend', port: { number: 80 } } } } : {}),
      rules: [{
        ...(opts.host ? { host: opts.host } : {}),
        http: { paths: paths.map(([pathType, path], i) => ({ path, pathType, backend: { service: { name: `svc-${i}`, port: { number: 80 } } } })) },
      }],
    },
  };
}

// [kind, paths, request path, expected: index of the winning path, 'default' or null (no match)]
type Row = { kind: string; paths: Array<[string, string]>; request: string; expect: number | 'default' | null; doc: string };
const P = (...ps: string[]): Array<[string, string]> => ps.map((p) => ['Prefix', p]);
const E = (...ps: string[]): Array<[string, string]> => ps.map((p) => ['Exact', p]);
const rows: Row[] = [
  ...['/', '/foo', '/foo/bar/baz', '/anything.html'].map((request): Row => ({ kind: 'Prefix', paths: P('/'), request, expect: 0, doc: 'Prefix / (all paths): Yes' })),
  { kind: 'Exact', paths: E('/foo'), request: '/foo', expect: 0, doc: 'Exact /foo, /foo: Yes' },
  { kind: 'Exact', paths: E('/foo'), request: '/bar', expect: null, doc: 'Exact /foo, /bar: No' },
  { kind: 'Exact', paths: E('/foo'), request: '/foo/', expect: null, doc: 'Exact /foo, /foo/: No' },
  { kind: 'Exact', paths: E('/foo/'), request: '/foo', expect: null, doc: 'Exact /foo/, /foo: No' },
  { kind: 'Prefix', paths: P('/foo'), request: '/foo', expect: 0, doc: 'Prefix /foo, /foo: Yes' },
  { kind: 'Prefix', paths: P('/foo'), request: '/foo/', expect: 0, doc: 'Prefix /foo, /foo/: Yes' },
  { kind: 'Prefix', paths: P('/foo/'), request: '/foo', expect: 0, doc: 'Prefix /foo/, /foo: Yes' },
  { kind: 'Prefix', paths: P('/foo/'), request: '/foo/', expect: 0, doc: 'Prefix /foo/, /foo/: Yes' },
  { kind: 'Prefix', paths: P('/aaa/bb'), request: '/aaa/bbb', expect: null, doc: 'Prefix /aaa/bb, /aaa/bbb: No' },
  { kind: 'Prefix', paths: P('/aaa/bbb'), request: '/aaa/bbb', expect: 0, doc: 'Prefix /aaa/bbb, /aaa/bbb: Yes' },
  { kind: 'Prefix', paths: P('/aaa/bbb/'), request: '/aaa/bbb', expect: 0, doc: 'Prefix /aaa/bbb/, /aaa/bbb: Yes, ignores trailing slash' },
  { kind: 'Prefix', paths: P('/aaa/bbb'), request: '/aaa/bbb/', expect: 0, doc: 'Prefix /aaa/bbb, /aaa/bbb/: Yes, matches trailing slash' },
  { kind: 'Prefix', paths: P('/aaa/bbb'), request: '/aaa/bbb/ccc', expect: 0, doc: 'Prefix /aaa/bbb, /aaa/bbb/ccc: Yes, matches subpath' },
  { kind: 'Prefix', paths: P('/aaa/bbb'), request: '/aaa/bbbxyz', expect: null, doc: 'Prefix /aaa/bbb, /aaa/bbbxyz: No, does not match string prefix' },
  { kind: 'Prefix', paths: P('/', '/aaa'), request: '/aaa/ccc', expect: 1, doc: 'Prefix /, /aaa; /aaa/ccc: Yes, matches /aaa prefix' },
  { kind: 'Prefix', paths: P('/', '/aaa', '/aaa/bbb'), request: '/aaa/bbb', expect: 2, doc: 'Prefix /, /aaa, /aaa/bbb; /aaa/bbb: Yes, matches /aaa/bbb prefix' },
  { kind: 'Prefix', paths: P('/', '/aaa', '/aaa/bbb'), request: '/ccc', expect: 0, doc: 'Prefix /, /aaa, /aaa/bbb; /ccc: Yes, matches / prefix' },
  { kind: 'Prefix', paths: P('/aaa'), request: '/ccc', expect: 'default', doc: 'Prefix /aaa, /ccc: No, uses default backend' },
  { kind: 'Mixed', paths: [['Prefix', '/foo'], ['Exact', '/foo']], request: '/foo', expect: 1, doc: 'Mixed /foo (Prefix), /foo (Exact); /foo: Yes, prefers Exact' },
  // The same row with the paths listed the other way round: the answer must not depend on order.
  { kind: 'Mixed', paths: [['Exact', '/foo'], ['Prefix', '/foo']], request: '/foo', expect: 0, doc: 'Mixed, reversed order: prefers Exact' },
];

for (const row of rows) {
  test(`${DOC} Examples: ${row.doc} (request ${row.request})`, () => {
    const ing = ingress(row.paths, { defaultBackend: row.expect === 'default' });
    const got = matchIngress([ing], { host: '', path: row.request });
    if (row.expect === null) assert.equal(got, null);
    else if (row.expect === 'default') {
      assert.deepEqual(got, { ingress: 'default/example', backend: { service: { name: 'default-backend', port: { number: 80 } } } });
    } else {
      assert.ok(got, 'expected a match');
      assert.equal(got.rule, 0);
      assert.equal(got.path, row.expect);
      assert.equal(got.backend.service?.name, `svc-${row.expect}`);
    }
  });
}

// "Hostname wildcards": *.foo.com covers exactly one DNS label.
const hostRows: Array<{ host: string; header: string; match: boolean; doc: string }> = [
  { host: '*.foo.com', header: 'bar.foo.com', match: true, doc: 'Matches based on shared suffix' },
  { host: '*.foo.com', header: 'baz.bar.foo.com', match: false, doc: 'No match, wildcard only covers a single DNS label' },
  { host: '*.foo.com', header: 'foo.com', match: false, doc: 'No match, wildcard only covers a single DNS label' },
];
for (const row of hostRows) {
  test(`${DOC} Hostname wildcards: ${row.host} vs Host ${row.header}: ${row.doc}`, () => {
    const got = matchIngress([ingress(P('/'), { host: row.host })], { host: row.header, path: '/' });
    assert.equal(got !== null, row.match);
  });
}

// "Name based virtual hosting" (name-virtual-host-ingress-no-third-host.yaml): first.bar.com → service1,
// second.bar.com → service2, anything else (no matching Host) → service3 from the rule without a host.
test(`${DOC} Name based virtual hosting: a rule without a host catches the other hosts`, () => {
  const ing: Ingress = {
    metadata: { name: 'name-virtual-host-ingress-no-third-host', namespace: 'default' },
    spec: {
      rules: [
        { host: 'first.bar.com', http: { paths: [{ pathType: 'Prefix', path: '/', backend: { service: { name: 'service1', port: { number: 80 } } } }] } },
        { host: 'second.bar.com', http: { paths: [{ pathType: 'Prefix', path: '/', backend: { service: { name: 'service2', port: { number: 80 } } } }] } },
        { http: { paths: [{ pathType: 'Prefix', path: '/', backend: { service: { name: 'service3', port: { number: 80 } } } }] } },
      ],
    },
  };
  assert.equal(matchIngress([ing], { host: 'first.bar.com', path: '/' })?.backend.service?.name, 'service1');
  assert.equal(matchIngress([ing], { host: 'second.bar.com', path: '/x' })?.backend.service?.name, 'service2');
  assert.equal(matchIngress([ing], { host: '203.0.113.123', path: '/' })?.backend.service?.name, 'service3');
  assert.equal(matchIngress([ing], { host: '', path: '/' })?.rule, 2);
});

// "Simple fanout" (simple-fanout-example.yaml): foo.bar.com /foo → service1:4200, /bar → service2:8080.
test(`${DOC} Simple fanout: one host, two Prefix paths`, () => {
  const ing: Ingress = {
    metadata: { name: 'simple-fanout-example', namespace: 'default' },
    spec: { rules: [{ host: 'foo.bar.com', http: { paths: [
      { path: '/foo', pathType: 'Prefix', backend: { service: { name: 'service1', port: { number: 4200 } } } },
      { path: '/bar', pathType: 'Prefix', backend: { service: { name: 'service2', port: { number: 8080 } } } },
    ] } }] },
  };
  assert.deepEqual(matchIngress([ing], { host: 'foo.bar.com', path: '/foo' }), { ingress: 'default/simple-fanout-example', rule: 0, path: 0, backend: { service: { name: 'service1', port: { number: 4200 } } } });
  assert.equal(matchIngress([ing], { host: 'foo.bar.com', path: '/bar/x' })?.path, 1);
  assert.equal(matchIngress([ing], { host: 'foo.bar.com', path: '/baz' }), null);
  assert.equal(matchIngress([ing], { host: 'other.com', path: '/foo' }), null);
});
