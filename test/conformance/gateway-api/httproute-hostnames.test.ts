// Upstream: kubernetes-sigs/gateway-api v1.6.1 conformance/tests/httproute-hostname-intersection.go
// (HTTPRouteHostnameIntersection: requests, the no-intersecting-hosts route's Accepted=False
// NoMatchingListenerHostname, and each listener's AttachedRoutes) and httproute-listener-hostname-matching.go
// (HTTPRouteListenerHostnameMatching), with their .yaml manifests transcribed verbatim.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attachRoutes } from '../../../simulations/ingress/gateway-api/attach.ts';
import { readWorld, runCases } from './support.ts';

const V1 = 'infra-backend-v1';
const V2 = 'infra-backend-v2';
const V3 = 'infra-backend-v3';

const intersection = readWorld(`
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: httproute-hostname-intersection
  namespace: gateway-conformance-infra
spec:
  gatewayClassName: "{GATEWAY_CLASS_NAME}"
  listeners:
  - name: listener-1
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: Same
    hostname: very.specific.com
  - name: listener-2
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: Same
    hostname: "*.wildcard.io"
  - name: listener-3
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: Same
    hostname: "*.anotherwildcard.io"
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: httproute-hostname-intersection-all
  namespace: gateway-conformance-infra
spec:
  gatewayClassName: "{GATEWAY_CLASS_NAME}"
  listeners:
  - name: listener-1
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: Same
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: specific-host-matches-listener-specific-host
  namespace: gateway-conformance-infra
spec:
  parentRefs:
  - name: httproute-hostname-intersection
    namespace: gateway-conformance-infra
  hostnames:
  - non.matching.com
  - "*.nonmatchingwildcard.io"
  - very.specific.com  #  matches listener-1's specific host
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /s1
    backendRefs:
    - name: infra-backend-v1
      port: 8080
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: specific-host-matches-listener-wildcard-host
  namespace: gateway-conformance-infra
spec:
  parentRefs:
  - name: httproute-hostname-intersection
    namespace: gateway-conformance-infra
  hostnames:
  - non.matching.com
  - wildcard.io
  - foo.wildcard.io  #  matches listener-2's wildcard host
  - bar.wildcard.io  #  matches listener-2's wildcard host
  - foo.bar.wildcard.io  #  matches listener-2's wildcard host
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /s2
    backendRefs:
    - name: infra-backend-v2
      port: 8080
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: wildcard-host-matches-listener-specific-host
  namespace: gateway-conformance-infra
spec:
  parentRefs:
  - name: httproute-hostname-intersection
    namespace: gateway-conformance-infra
  hostnames:
  - non.matching.com
  - "*.specific.com"  # matches listener-1's specific host
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /s3
    backendRefs:
    - name: infra-backend-v3
      port: 8080
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: wildcard-host-matches-listener-wildcard-host
  namespace: gateway-conformance-infra
spec:
  parentRefs:
  - name: httproute-hostname-intersection
    namespace: gateway-conformance-infra
  hostnames:
  - "*.anotherwildcard.io"  # matches listener-3's wildcard host
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /s4
    backendRefs:
    - name: infra-backend-v1
      port: 8080
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: no-intersecting-hosts
  namespace: gateway-conformance-infra
spec:
  parentRefs:
  - name: httproute-hostname-intersection
    namespace: gateway-conformance-infra
  hostnames:
  - specific.but.wrong.com
  - wildcard.io
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /s5
    backendRefs:
    - name: infra-backend-v2
      port: 8080
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: httproute-hostname-intersection-all
  namespace: gateway-conformance-infra
spec:
  parentRefs:
  - name: httproute-hostname-intersection-all
    namespace: gateway-conformance-infra
  hostnames:
  - first.com
  - sub.first.com
  - second.com
  - sub.second.com
  rules:
  - backendRefs:
    - name: infra-backend-v2
      port: 8080
`);
const HI = 'conformance/tests/httproute-hostname-intersection.go HTTPRouteHostnameIntersection';
const gw = (name: string) => ({ ...intersection, gateways: intersection.gateways.filter((g) => g.metadata.name === name) });

runCases(`${HI} HTTPRoutes that do intersect with listener hostnames`, gw('httproute-hostname-intersection'), [
  // specific-host-matches-listener-specific-host
  { Host: 'very.specific.com', Path: '/s1', Backend: V1 },
  { Host: 'very.specific.com:1234', Path: '/s1', Backend: V1 }, // the port in the Host header is not considered
  { Host: 'non.matching.com', Path: '/s1', Backend: 404 },
  { Host: 'foo.nonmatchingwildcard.io', Path: '/s1', Backend: 404 },
  { Host: 'foo.wildcard.io', Path: '/s1', Backend: 404 },
  { Host: 'very.specific.com', Path: '/non-matching-prefix', Backend: 404 },
  // specific-host-matches-listener-wildcard-host
  { Host: 'foo.wildcard.io', Path: '/s2', Backend: V2 },
  { Host: 'bar.wildcard.io', Path: '/s2', Backend: V2 },
  { Host: 'foo.bar.wildcard.io', Path: '/s2', Backend: V2 },
  { Host: 'non.matching.com', Path: '/s2', Backend: 404 },
  { Host: 'wildcard.io', Path: '/s2', Backend: 404 },
  { Host: 'very.specific.com', Path: '/s2', Backend: 404 },
  { Host: 'foo.wildcard.io', Path: '/non-matching-prefix', Backend: 404 },
  // wildcard-host-matches-listener-specific-host
  { Host: 'very.specific.com', Path: '/s3', Backend: V3 },
  { Host: 'non.matching.com', Path: '/s3', Backend: 404 },
  { Host: 'foo.specific.com', Path: '/s3', Backend: 404 },
  { Host: 'foo.wildcard.io', Path: '/s3', Backend: 404 },
  { Host: 'very.specific.com', Path: '/non-matching-prefix', Backend: 404 },
  // wildcard-host-matches-listener-wildcard-host
  { Host: 'foo.anotherwildcard.io', Path: '/s4', Backend: V1 },
  { Host: 'bar.anotherwildcard.io', Path: '/s4', Backend: V1 },
  { Host: 'foo.bar.anotherwildcard.io', Path: '/s4', Backend: V1 },
  { Host: 'anotherwildcard.io', Path: '/s4', Backend: 404 },
  { Host: 'foo.wildcard.io', Path: '/s4', Backend: 404 },
  { Host: 'very.specific.com', Path: '/s4', Backend: 404 },
  { Host: 'foo.anotherwildcard.io', Path: '/non-matching-prefix', Backend: 404 },
]);

runCases(`${HI} HTTPRoutes that do not intersect with listener hostnames`, gw('httproute-hostname-intersection'), [
  { Host: 'specific.but.wrong.com', Path: '/s5', Backend: 404 },
  { Host: 'wildcard.io', Path: '/s5', Backend: 404 },
]);

test(`${HI}: no-intersecting-hosts is Accepted=False with reason NoMatchingListenerHostname`, () => {
  const a = attachRoutes(gw('httproute-hostname-intersection'));
  const parents = a.routes.get('gateway-conformance-infra/no-intersecting-hosts');
  assert.equal(parents?.length, 1);
  const accepted = parents![0].conditions.find((c) => c.type === 'Accepted');
  assert.equal(accepted?.status, 'False');
  assert.equal(accepted?.reason, 'NoMatchingListenerHostname');
});

test(`${HI}: HTTPRoutes are counted in AttachedRoutes only if they are Accepted`, () => {
  const a = attachRoutes(gw('httproute-hostname-intersection'));
  const listeners = a.gateways.get('gateway-conformance-infra/httproute-hostname-intersection')!.listeners;
  assert.deepEqual(listeners.map((l) => [l.name, l.attachedRoutes]), [['listener-1', 2], ['listener-2', 1], ['listener-3', 1]]);
  for (const l of listeners) {
    assert.equal(l.conditions.find((c) => c.type === 'Accepted')?.status, 'True');
    assert.equal(l.conditions.find((c) => c.type === 'ResolvedRefs')?.status, 'True');
  }
});

runCases(`${HI} HTTPRoutes intersects with an unspecified hostname listener`, gw('httproute-hostname-intersection-all'), [
  { Host: 'first.com', Path: '/', Backend: V2 },
  { Host: 'sub.first.com', Path: '/', Backend: V2 },
  { Host: 'second.com', Path: '/', Backend: V2 },
  { Host: 'sub.second.com', Path: '/', Backend: V2 },
  { Host: 'third.com', Path: '/', Backend: 404 }, // not specified on the HTTPRoute
  { Host: 'sub.third.com', Path: '/', Backend: 404 },
]);

runCases('conformance/tests/httproute-listener-hostname-matching.go HTTPRouteListenerHostnameMatching', readWorld(`
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: httproute-listener-hostname-matching
  namespace: gateway-conformance-infra
spec:
  gatewayClassName: "{GATEWAY_CLASS_NAME}"
  listeners:
  - name: listener-1
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: Same
    hostname: bar.com
  - name: listener-2
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: Same
    hostname: foo.bar.com
  - name: listener-3
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: Same
    hostname: "*.bar.com"
  - name: listener-4
    port: 80
    protocol: HTTP
    allowedRoutes:
      namespaces:
        from: Same
    hostname: "*.foo.com"
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: backend-v1
  namespace: gateway-conformance-infra
spec:
  parentRefs:
  - name: httproute-listener-hostname-matching
    namespace: gateway-conformance-infra
    sectionName: listener-1
  rules:
  - backendRefs:
    - name: infra-backend-v1
      port: 8080
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: backend-v2
  namespace: gateway-conformance-infra
spec:
  parentRefs:
  - name: httproute-listener-hostname-matching
    namespace: gateway-conformance-infra
    sectionName: listener-2
  rules:
  - backendRefs:
    - name: infra-backend-v2
      port: 8080
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: backend-v3
  namespace: gateway-conformance-infra
spec:
  parentRefs:
  - name: httproute-listener-hostname-matching
    namespace: gateway-conformance-infra
    sectionName: listener-3
  - name: httproute-listener-hostname-matching
    namespace: gateway-conformance-infra
    sectionName: listener-4
  rules:
  - backendRefs:
    - name: infra-backend-v3
      port: 8080
`), [
  { Host: 'bar.com', Path: '/', Backend: V1 },
  { Host: 'foo.bar.com', Path: '/', Backend: V2 },
  { Host: 'baz.bar.com', Path: '/', Backend: V3 },
  { Host: 'boo.bar.com', Path: '/', Backend: V3 },
  { Host: 'multiple.prefixes.bar.com', Path: '/', Backend: V3 },
  { Host: 'multiple.prefixes.foo.com', Path: '/', Backend: V3 },
  { Host: 'foo.com', Path: '/', Backend: 404 },
  { Host: 'no.matching.host', Path: '/', Backend: 404 },
]);
