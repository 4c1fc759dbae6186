// Shared by the Gateway API conformance transcriptions: the base Gateway of
// kubernetes-sigs/gateway-api v1.6 conformance/base/manifests.yaml, a YAML reader,
// and the request → backend table runner of conformance/utils/http (a request
// without Host goes to the Gateway's address; without Method it is a GET).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchHTTPRoute } from '../../../simulations/ingress/public-api.ts';
import type { Gateway, HTTPRoute } from '../../../simulations/ingress/gateway-api/types.ts';
import { parseManifests } from '../../../simulations/shared/yaml.ts';

export const NS = 'gateway-conformance-infra';
export const GATEWAY_ADDRESS = '192.0.2.10:80';

export const SAME_NAMESPACE_GATEWAY = `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: same-namespace
  namespace: gateway-conformance-infra
spec:
  gatewayClassName: "{GATEWAY_CLASS_NAME}"
  listeners:
    - name: http
      port: 80
      protocol: HTTP
      allowedRoutes:
        namespaces:
          from: Same
`;

export function readWorld(...yamls: string[]): { gateways: Gateway[]; httpRoutes: HTTPRoute[] } {
  const objects = yamls.flatMap((y) => parseManifests(y.replaceAll('{GATEWAY_CLASS_NAME}', 'kube-notebook')).map((m) => m.object as unknown as { kind: string }));
  return {
    gateways: objects.filter((o) => o.kind === 'Gateway') as unknown as Gateway[],
    httpRoutes: objects.filter((o) => o.kind === 'HTTPRoute') as unknown as HTTPRoute[],
  };
}

export interface Case {
  Host?: string;
  Path: string;
  Method?: string;
  Headers?: Record<string, string>;
  /** The backend Service the response must come from, or 404. */
  Backend: string | 404;
}

export function runCases(upstream: string, world: { gateways: Gateway[]; httpRoutes: HTTPRoute[] }, cases: Case[]): void {
  cases.forEach((c, i) => {
    const name = `${upstream} case ${i}: ${c.Method ?? 'GET'} ${c.Host ?? '(gateway address)'}${c.Path}${c.Headers ? ` ${JSON.stringify(c.Headers)}` : ''} → ${c.Backend}`;
    test(name, () => {
      const got = matchHTTPRoute(world, { host: c.Host ?? GATEWAY_ADDRESS, path: c.Path, method: c.Method ?? 'GET', headers: c.Headers ?? {}, query: {} });
      if (c.Backend === 404) assert.equal(got, null, `expected a 404, got ${JSON.stringify(got)}`);
      else {
        assert.ok(got, 'expected a match, got a 404');
        assert.deepEqual(got.backendRefs.map((b) => b.name), [c.Backend]);
      }
    });
  });
}
