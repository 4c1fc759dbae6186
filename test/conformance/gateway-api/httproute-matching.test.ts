// Upstream: kubernetes-sigs/gateway-api v1.6.1 conformance/tests/httproute-matching.go (HTTPRouteMatching),
// httproute-matching-across-routes.go (HTTPRouteMatchingAcrossRoutes), httproute-path-match-order.go
// (HTTPRoutePathMatchOrder), httproute-exact-path-matching.go (HTTPExactPathMatching), with their .yaml
// manifests transcribed verbatim; the request → backend tables case by case.
import { NS, SAME_NAMESPACE_GATEWAY, readWorld, runCases } from './support.ts';

const V1 = 'infra-backend-v1';
const V2 = 'infra-backend-v2';
const V3 = 'infra-backend-v3';
void NS;

runCases('conformance/tests/httproute-matching.go HTTPRouteMatching', readWorld(SAME_NAMESPACE_GATEWAY, `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: matching
  namespace: gateway-conformance-infra
spec:
  parentRefs:
  - name: same-namespace
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /
    - headers:
      - name: version
        value: one
    backendRefs:
    - name: infra-backend-v1
      port: 8080
  - matches:
    - path:
        type: PathPrefix
        value: /v2
    - headers:
      - name: version
        value: two
    backendRefs:
    - name: infra-backend-v2
      port: 8080
`), [
  { Path: '/', Backend: V1 },
  { Path: '/example', Backend: V1 },
  { Path: '/', Headers: { Version: 'one' }, Backend: V1 },
  { Path: '/v2', Backend: V2 },
  { Path: '/v2/example', Backend: V2 },
  { Path: '/', Headers: { Version: 'two' }, Backend: V2 },
  { Path: '/v2/', Backend: V2 },
  { Path: '/v2example', Backend: V1 }, // not a path segment prefix so should not match /v2
  { Path: '/foo/v2/example', Backend: V1 },
]);

runCases('conformance/tests/httproute-matching-across-routes.go HTTPRouteMatchingAcrossRoutes', readWorld(SAME_NAMESPACE_GATEWAY, `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: matching-part1
  namespace: gateway-conformance-infra
spec:
  parentRefs:
  - name: same-namespace
  hostnames:
  - example.com
  - example.net
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /
    - headers:
      - name: version
        value: one
    backendRefs:
    - name: infra-backend-v1
      port: 8080
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: matching-part2
  namespace: gateway-conformance-infra
spec:
  hostnames:
  - example.com
  parentRefs:
  - name: same-namespace
  rules:
  - matches:
    - path:
        type: PathPrefix
        value: /v2
    - headers:
      - name: version
        value: two
    backendRefs:
    - name: infra-backend-v2
      port: 8080
`), [
  { Host: 'example.com', Path: '/', Backend: V1 },
  { Host: 'example.com', Path: '/example', Backend: V1 },
  { Host: 'example.net', Path: '/example', Backend: V1 },
  { Host: 'example.com', Path: '/example', Headers: { Version: 'one' }, Backend: V1 },
  { Host: 'example.com', Path: '/v2', Backend: V2 },
  { Host: 'example.net', Path: '/v2', Backend: V1 }, // v2 matches are limited to example.com
  { Host: 'example.com', Path: '/v2/example', Backend: V2 },
  { Host: 'example.com', Path: '/', Headers: { Version: 'two' }, Backend: V2 },
]);

runCases('conformance/tests/httproute-path-match-order.go HTTPRoutePathMatchOrder', readWorld(SAME_NAMESPACE_GATEWAY, `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: path-matching-order
  namespace: gateway-conformance-infra
spec:
  parentRefs:
  - name: same-namespace
  rules:
  - matches:
    - path:
        type: Exact
        value: /match
    backendRefs:
    - name: infra-backend-v1
      port: 8080
  - matches:
    - path:
        type: Exact
        value: /match/exact
    backendRefs:
    - name: infra-backend-v2
      port: 8080
  - matches:
    - path:
        type: Exact
        value: /match/exact/one
    backendRefs:
    - name: infra-backend-v3
      port: 8080
  - matches:
    - path:
        type: PathPrefix
        value: /match/
    backendRefs:
    - name: infra-backend-v3
      port: 8080
  - matches:
    - path:
        type: PathPrefix
        value: /match/prefix/
    backendRefs:
    - name: infra-backend-v1
      port: 8080
  - matches:
    - path:
        type: PathPrefix
        value: /match/prefix/one
    backendRefs:
    - name: infra-backend-v2
      port: 8080
`), [
  { Path: '/match/exact/one', Backend: V3 },
  { Path: '/match/exact', Backend: V2 },
  { Path: '/match', Backend: V1 },
  { Path: '/match/prefix/one/any', Backend: V2 },
  { Path: '/match/prefix/any', Backend: V1 },
  { Path: '/match/any', Backend: V3 },
]);

runCases('conformance/tests/httproute-exact-path-matching.go HTTPExactPathMatching', readWorld(SAME_NAMESPACE_GATEWAY, `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: exact-matching
  namespace: gateway-conformance-infra
spec:
  parentRefs:
  - name: same-namespace
  rules:
  - matches:
    - path:
        type: Exact
        value: /one
    backendRefs:
    - name: infra-backend-v1
      port: 8080
  - matches:
    - path:
        type: Exact
        value: /two
    backendRefs:
    - name: infra-backend-v2
      port: 8080
`), [
  { Path: '/one', Backend: V1 },
  { Path: '/two', Backend: V2 },
  { Path: '/', Backend: 404 },
  { Path: '/one/example', Backend: 404 },
  { Path: '/two/', Backend: 404 },
  { Path: '/Two', Backend: 404 },
]);
