// Upstream: kubernetes-sigs/gateway-api v1.6.1 conformance/tests/httproute-header-matching.go (HTTPRouteHeaderMatching),
// httproute-method-matching.go (HTTPRouteMethodMatching), httproute-query-param-matching.go
// (HTTPRouteQueryParamMatching), with their .yaml manifests transcribed verbatim; the request → backend
// tables case by case (query strings are part of Path there, as here).
import { SAME_NAMESPACE_GATEWAY, readWorld, runCases } from './support.ts';

const V1 = 'infra-backend-v1';
const V2 = 'infra-backend-v2';
const V3 = 'infra-backend-v3';

runCases('conformance/tests/httproute-header-matching.go HTTPRouteHeaderMatching', readWorld(SAME_NAMESPACE_GATEWAY, `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: header-matching
  namespace: gateway-conformance-infra
spec:
  parentRefs:
  - name: same-namespace
  rules:
  # Matches "version: one"
  - matches:
    - headers:
      - name: version
        value: one
    backendRefs:
    - name: infra-backend-v1
      port: 8080
  # Matches "version: two"
  - matches:
    - headers:
      - name: version
        value: two
    backendRefs:
    - name: infra-backend-v2
      port: 8080
  # Matches "version: two" AND "color: orange"
  - matches:
    - headers:
      - name: version
        value: two
      - name: color
        value: orange
    backendRefs:
    - name: infra-backend-v1
      port: 8080
  # Matches "color: blue" OR "color: green"
  - matches:
    - headers:
      - name: color
        value: blue
    - headers:
      - name: color
        value: green
    backendRefs:
    - name: infra-backend-v1
      port: 8080
  # Matches "color: red" OR "color: yellow"
  - matches:
    - headers:
      - name: color
        value: red
    - headers:
      - name: color
        value: yellow
    backendRefs:
    - name: infra-backend-v2
      port: 8080
`), [
  { Path: '/', Headers: { Version: 'one' }, Backend: V1 },
  { Path: '/', Headers: { Version: 'two' }, Backend: V2 },
  { Path: '/', Headers: { Version: 'two', Color: 'orange' }, Backend: V1 },
  { Path: '/', Headers: { Version: 'two', Color: 'blue' }, Backend: V2 },
  { Path: '/', Headers: { Color: 'orange' }, Backend: 404 },
  { Path: '/', Headers: { 'Some-Other-Header': 'one' }, Backend: 404 },
  { Path: '/', Headers: { Color: 'blue' }, Backend: V1 },
  { Path: '/', Headers: { Color: 'green' }, Backend: V1 },
  { Path: '/', Headers: { Color: 'red' }, Backend: V2 },
  { Path: '/', Headers: { Color: 'yellow' }, Backend: V2 },
  { Path: '/', Headers: { Color: 'purple' }, Backend: 404 },
]);

runCases('conformance/tests/httproute-method-matching.go HTTPRouteMethodMatching', readWorld(SAME_NAMESPACE_GATEWAY, `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: method-matching
  namespace: gateway-conformance-infra
spec:
  parentRefs:
  - name: same-namespace
  rules:
  - matches:
    - method: POST
    backendRefs:
    - name: infra-backend-v1
      port: 8080
  - matches:
    - method: GET
    backendRefs:
    - name: infra-backend-v2
      port: 8080

  # Combinations with core match types.
  - matches:
    - path:
        type: PathPrefix
        value: /path1
      method: GET
    backendRefs:
    - name: infra-backend-v1
      port: 8080
  - matches:
    - headers:
      - name: version
        value: one
      method: PUT
    backendRefs:
    - name: infra-backend-v2
      port: 8080
  - matches:
    - path:
        type: PathPrefix
        value: /path2
      headers:
      - name: version
        value: two
      method: POST
    backendRefs:
    - name: infra-backend-v3
      port: 8080

  # Match of the form (cond1 AND cond2) OR (cond3 AND cond4 AND cond5)
  - matches:
    - path:
        type: PathPrefix
        value: /path3
      method: PATCH
    - path:
        type: PathPrefix
        value: /path4
      headers:
      - name: version
        value: three
      method: DELETE
    backendRefs:
    - name: infra-backend-v1
      port: 8080

  # Matches for checking precedence.
  - matches:
    - path:
        type: PathPrefix
        value: /path5
    backendRefs:
    - name: infra-backend-v1
      port: 8080
  - matches:
    - method: PATCH
    backendRefs:
    - name: infra-backend-v2
      port: 8080
  - matches:
    - headers:
      - name: version
        value: four
    backendRefs:
    - name: infra-backend-v3
      port: 8080
`), [
  { Method: 'POST', Path: '/', Backend: V1 },
  { Method: 'GET', Path: '/', Backend: V2 },
  { Method: 'HEAD', Path: '/', Backend: 404 },
  // Combinations of method matching with other core matches.
  { Path: '/path1', Method: 'GET', Backend: V1 },
  { Headers: { version: 'one' }, Path: '/', Method: 'PUT', Backend: V2 },
  { Headers: { version: 'two' }, Path: '/path2', Method: 'POST', Backend: V3 },
  // Matches which are OR'd together match even if only one of them is used in the request.
  { Path: '/path3', Method: 'PATCH', Backend: V1 },
  { Headers: { version: 'three' }, Path: '/path4', Method: 'DELETE', Backend: V1 },
  // Match types which are ANDed together do not match when only a subset is used in the request.
  { Path: '/', Method: 'PUT', Backend: 404 },
  { Path: '/path4', Method: 'DELETE', Backend: 404 },
  // Requests that satisfy multiple matches: the precedence order of the spec.
  { Path: '/path5', Method: 'PATCH', Backend: V1 },
  { Headers: { version: 'four' }, Path: '/', Method: 'PATCH', Backend: V2 },
]);

runCases('conformance/tests/httproute-query-param-matching.go HTTPRouteQueryParamMatching', readWorld(SAME_NAMESPACE_GATEWAY, `
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata:
  name: query-param-matching
  namespace: gateway-conformance-infra
spec:
  parentRefs:
  - name: same-namespace
  rules:
  - matches:
    - queryParams:
      - name: animal
        value: whale
    backendRefs:
    - name: infra-backend-v1
      port: 8080
  - matches:
    - queryParams:
      - name: animal
        value: dolphin
    backendRefs:
    - name: infra-backend-v2
      port: 8080
  - matches:
    - queryParams:
      - name: animal
        value: dolphin
      - name: color
        value: blue
    - queryParams:
      - name: ANIMAL
        value: Whale
    backendRefs:
    - name: infra-backend-v3
      port: 8080

  # Combinations with core match types.
  - matches:
    - path:
        type: PathPrefix
        value: /path1
      queryParams:
      - name: animal
        value: whale
    backendRefs:
    - name: infra-backend-v1
      port: 8080
  - matches:
    - headers:
      - name: version
        value: one
      queryParams:
      - name: animal
        value: whale
    backendRefs:
    - name: infra-backend-v2
      port: 8080
  - matches:
    - path:
        type: PathPrefix
        value: /path2
      headers:
      - name: version
        value: two
      queryParams:
      - name: animal
        value: whale
    backendRefs:
    - name: infra-backend-v3
      port: 8080

  # Match of the form (cond1 AND cond2) OR (cond3 AND cond4 AND cond5)
  - matches:
    - path:
        type: PathPrefix
        value: /path3
      queryParams:
      - name: animal
        value: shark
    - path:
        type: PathPrefix
        value: /path4
      headers:
      - name: version
        value: three
      queryParams:
      - name: animal
        value: kraken
    backendRefs:
    - name: infra-backend-v1
      port: 8080

  # Matches for checking precedence.
  - matches:
    - path:
        type: PathPrefix
        value: /path5
    backendRefs:
    - name: infra-backend-v1
      port: 8080
  - matches:
    - queryParams:
      - name: animal
        value: hydra
    backendRefs:
    - name: infra-backend-v2
      port: 8080
  - matches:
    - headers:
      - name: version
        value: four
    backendRefs:
    - name: infra-backend-v3
      port: 8080
`), [
  { Path: '/?animal=whale', Backend: V1 },
  { Path: '/?animal=dolphin', Backend: V2 },
  { Path: '/?animal=dolphin&color=blue', Backend: V3 },
  { Path: '/?ANIMAL=Whale', Backend: V3 },
  { Path: '/?animal=whale&otherparam=irrelevant', Backend: V1 },
  { Path: '/?animal=dolphin&color=yellow', Backend: V2 },
  { Path: '/?color=blue', Backend: 404 },
  { Path: '/?animal=dog', Backend: 404 },
  { Path: '/?animal=whaledolphin', Backend: 404 },
  { Path: '/', Backend: 404 },
  { Path: '/path1?animal=whale', Backend: V1 },
  { Headers: { version: 'one' }, Path: '/?animal=whale', Backend: V2 },
  { Headers: { version: 'two' }, Path: '/path2?animal=whale', Backend: V3 },
  { Path: '/path3?animal=shark', Backend: V1 },
  { Headers: { version: 'three' }, Path: '/path4?animal=kraken', Backend: V1 },
  { Path: '/?animal=shark', Backend: 404 },
  { Path: '/path4?animal=kraken', Backend: 404 },
  { Path: '/path5?animal=hydra', Backend: V1 },
  { Headers: { version: 'four' }, Path: '/?animal=hydra', Backend: V3 },
]);
