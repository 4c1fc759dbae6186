// The ingress engine end to end: class selection, answers, TLS, Gateway API status, bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { engine } from './engine.ts';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { ValidationError } from '../shared/errors.ts';
import { parseManifests } from '../shared/yaml.ts';

const run = (yaml: string) => engine.run(parseManifests(yaml), { budget: DEFAULT_BUDGET, detail: true }).result;
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const CLASS = (name: string, isDefault = false, controller = 'k8s.io/ingress-nginx') => `
apiVersion: networking.k8s.io/v1
kind: IngressClass
metadata:
  name: ${name}
${isDefault ? '  annotations:\n    ingressclass.kubernetes.io/is-default-class: "true"\n' : ''}spec:
  controller: ${controller}
---`;
const SVC = (name: string, port = 80) => `
apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  ports:
  - {name: http, port: ${port}}
---`;
const ING = (name: string, extra = '') => `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ${name}
spec:
${extra}  rules:
  - host: foo.bar.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service: {name: web, port: {number: 80}}
---`;
const REQ = (...reqs: string[]) => `
apiVersion: kube-notebook.dev/v1alpha1
kind: RequestList
metadata:
  name: r
spec:
  requests:
${reqs.map((r) => `  - ${r}`).join('\n')}
`;

test('the shop scenario: Prefix is element-wise, Exact beats a shorter Prefix, a wildcard covers one label, a missing Service is a 503', () => {
  const r = run(fixture('shop.yaml'));
  assert.deepEqual(r.requests.map((q) => [q.ingress?.status, q.ingress?.backend]), [
    [200, 'api:8080'], [200, 'web:80'], [503, 'api-v2:8080'], [200, 'api:8080'], [404, null], [200, 'web:80'],
  ]);
  assert.equal(r.ingresses[0].className, 'nginx'); // set by the DefaultIngressClass admission plugin
  assert.match(r.ingresses[0].why, /DefaultIngressClass admission plugin/);
});

test('the migration scenario: ImplementationSpecific /api (an nginx string prefix) takes /apiary, PathPrefix does not; a header match is native in HTTPRoute', () => {
  const r = run(fixture('migration.yaml'));
  assert.deepEqual(r.requests.map((q) => [q.ingress?.backend, q.gateway?.backend, q.same]), [
    ['web:80', 'web:80', true], ['api:8080', 'api:8080', true], ['api:8080', 'web:80', false], ['api:8080', 'api-canary:8080', false],
  ]);
  assert.equal(r.routes[0].parents[0].conditions[0].reason, 'Accepted');
});

test('an Ingress created before the default class existed keeps no class, and ingress-nginx ignores it', () => {
  const r = run(`${SVC('web')}${ING('early')}${CLASS('nginx', true)}${REQ('{host: foo.bar.com, path: /}')}`);
  assert.equal(r.ingresses[0].className, null);
  assert.equal(r.ingresses[0].ours, false);
  assert.equal(r.requests[0].ingress?.status, 404);
});

test('two default IngressClasses: kube-apiserver refuses a classless Ingress (403), located at the Ingress', () => {
  assert.throws(() => run(`${CLASS('a', true)}${CLASS('b', true)}${SVC('web')}${ING('web')}${REQ('{host: foo.bar.com, path: /}')}`), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.equal(e.message, 'ingresses.networking.k8s.io "web" is forbidden: Internal error occurred: 2 default IngressClasses were found, only 1 allowed');
    return true;
  });
});

test('a class of another controller is not implemented; the deprecated annotation still selects ours', () => {
  const r = run(`${CLASS('nginx')}${CLASS('traefik', false, 'traefik.io/ingress-controller')}${SVC('web')}${ING('a', '  ingressClassName: traefik\n')}
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: b
  annotations:
    kubernetes.io/ingress.class: nginx
spec:
  rules:
  - host: foo.bar.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
---${REQ('{host: foo.bar.com, path: /}')}`);
  assert.deepEqual(r.ingresses.map((i) => [i.name, i.ours]), [['a', false], ['b', true]]);
  assert.equal(r.requests[0].ingress?.via, 'default/b');
});

test('TLS: plain HTTP to a TLS host is redirected (308); HTTPS without the Secret gets the fake certificate', () => {
  const tls = '  ingressClassName: nginx\n  tls:\n  - hosts: [foo.bar.com]\n    secretName: foo-tls\n';
  const r = run(`${CLASS('nginx')}${SVC('web')}${ING('web', tls)}${REQ('{host: foo.bar.com, path: /}', '{host: foo.bar.com, path: /, scheme: https}')}`);
  assert.equal(r.requests[0].ingress?.status, 308);
  assert.equal(r.requests[1].ingress?.tls, 'Kubernetes Ingress Controller Fake Certificate');
  assert.match(r.kubectl.getIngress ?? '', /80, 443/);
});

test('Gateway API: a route in another namespace is NotAllowedByListeners under from: Same, and its requests get 404', () => {
  const r = run(`${SVC('web')}
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: c}
spec: {controllerName: kube-notebook.dev/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw, namespace: infra}
spec:
  gatewayClassName: c
  listeners:
  - {name: http, port: 80, protocol: HTTP}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web}
spec:
  parentRefs: [{name: gw, namespace: infra}]
  rules:
  - backendRefs: [{name: web, port: 80}]
---${REQ('{host: foo.bar.com, path: /}')}`);
  assert.deepEqual(r.routes[0].parents[0].conditions.map((c) => [c.type, c.status, c.reason]), [['Accepted', 'False', 'NotAllowedByListeners'], ['ResolvedRefs', 'True', 'ResolvedRefs']]);
  assert.equal(r.requests[0].gateway?.status, 404);
});

test('Gateway API: a backendRef to a missing Service is ResolvedRefs=False BackendNotFound, and matching requests get 500', () => {
  const r = run(`
apiVersion: gateway.networking.k8s.io/v1
kind: GatewayClass
metadata: {name: c}
spec: {controllerName: kube-notebook.dev/gateway-controller}
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: c
  listeners:
  - {name: http, port: 80, protocol: HTTP}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web}
spec:
  parentRefs: [{name: gw}]
  rules:
  - backendRefs: [{name: nope, port: 80}]
---${REQ('{host: a.b, path: /}')}`);
  assert.equal(r.routes[0].parents[0].conditions[1].reason, 'BackendNotFound');
  assert.equal(r.requests[0].gateway?.status, 500);
});

const refused: Array<[string, string, RegExp]> = [
  ['an HTTPRoute hostname with capitals', `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web}
spec:
  hostnames: [Foo.com]
`, /^HTTPRoute.gateway.networking.k8s.io "web" is invalid: spec.hostnames\[0\]: Invalid value: "Foo.com": spec.hostnames\[0\] in body should match/],
  ['a relative path match', `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web}
spec:
  rules:
  - matches: [{path: {type: PathPrefix, value: api}}]
`, /spec.rules\[0\].matches\[0\].path: Invalid value: "object": value must be an absolute path and start with '\/' when type one of \['Exact', 'PathPrefix'\]/],
  ['a backendRef without a port', `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web}
spec:
  rules:
  - backendRefs: [{name: web}]
`, /spec.rules\[0\].backendRefs\[0\]: Invalid value: "object": Must have port for Service reference/],
  ['a listener hostname that is an IP-like wildcard', `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: c
  listeners:
  - {name: http, port: 80, protocol: HTTP, hostname: "foo.*.com"}
`, /spec.listeners\[0\].hostname: Invalid value: "foo.\*.com"/],
  ['TLS on an HTTP listener', `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: gw}
spec:
  gatewayClassName: c
  listeners:
  - {name: http, port: 80, protocol: HTTP, tls: {certificateRefs: [{name: x}]}}
`, /tls must not be specified for protocols \['HTTP', 'TCP', 'UDP'\]/],
  ['an unknown method', `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: web}
spec:
  rules:
  - matches: [{method: FETCH}]
`, /spec.rules\[0\].matches\[0\].method: Unsupported value: "FETCH"/],
  ['an Ingress path that is not absolute (the shared API server)', `
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  rules:
  - http:
      paths:
      - {path: api, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
`, /Ingress.networking.k8s.io "web" is invalid: spec.rules\[0\].http.paths\[0\].path: Invalid value: "api": must be an absolute path/],
  ['a request path without a leading slash', REQ('{host: a.b, path: api}'), /spec.requests\[0\].path: must start with "\/"/],
  ['a kind the engine does not read', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n', /does not read ConfigMap/],
];
for (const [name, yaml, message] of refused) {
  test(`refused with a located 400: ${name}`, () => {
    assert.throws(() => run(yaml), (e: unknown) => {
      assert.ok(e instanceof ValidationError, String(e));
      assert.match(e.message, message);
      return true;
    });
  });
}

test('the view model draws one line per answer and keeps the losers', () => {
  const out = engine.run(parseManifests(fixture('migration.yaml')), { budget: DEFAULT_BUDGET, detail: true });
  const view = engine.viewModel!(out);
  assert.equal(view.picture?.lines.length, 8);
  assert.ok(view.requests[2].ingress?.losers.some((l) => l.includes('is longer')));
});
