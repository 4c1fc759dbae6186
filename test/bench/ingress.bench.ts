// `npm run bench -- ingress` (issue 21): 10,000 requests through 500 HTTPRoutes attached to one
// Gateway (target: under 1 s). As a data plane does, the configuration is computed once
// (attachRoutes: attachment, status, then an index per listener and hostname built on first use)
// and every request is then routed by routeHTTP; measured without the "why" (what
// matchHTTPRoute answers) and with it (every candidate match and its outcome, what the
// engine shows). The public matchHTTPRoute keeps no state between calls, so it attaches the
// routes again on every call: its figure is printed too. And the same requests through 500
// Ingresses (prepareIngresses once, then routeIngress).
import { performance } from 'node:perf_hooks';
import { attachRoutes } from '../../simulations/ingress/gateway-api/attach.ts';
import { routeHTTP } from '../../simulations/ingress/gateway-api/match.ts';
import type { Gateway, HTTPRoute } from '../../simulations/ingress/gateway-api/types.ts';
import { matchHTTPRoute } from '../../simulations/ingress/gateway-api/match.ts';
import { prepareIngresses, routeIngress } from '../../simulations/ingress/router.ts';
import type { Ingress } from '../../simulations/ingress/types.ts';
import type { BenchResult } from './run.ts';

function lcg(seed: number) {
  let x = seed >>> 0;
  return (n: number) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return (x >>> 8) % n;
  };
}

const ROUTES = 500;
const REQUESTS = 10_000;

/** One Gateway (a wildcard listener and a catch-all one); 500 routes: 450 with their own host, 50 sharing one, 3 rules each (path, method, header). */
export function world(): { gateways: Gateway[]; httpRoutes: HTTPRoute[] } {
  const gateways: Gateway[] = [{ metadata: { name: 'public', namespace: 'infra' }, spec: { gatewayClassName: 'c', listeners: [
    { name: 'wildcard', hostname: '*.example.com', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } },
    { name: 'any', port: 80, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'All' } } },
  ] } }];
  const httpRoutes: HTTPRoute[] = [];
  for (let i = 0; i < ROUTES; i++) {
    httpRoutes.push({
      metadata: { name: `route-${i}`, namespace: `team-${i % 20}`, creationTimestamp: new Date(Date.UTC(2025, 0, 1, 0, 0, i)).toISOString() },
      spec: {
        parentRefs: [{ name: 'public', namespace: 'infra' }],
        hostnames: [i < 450 ? `svc-${i}.example.com` : 'shared.example.com'],
        rules: [
          { matches: [{ path: { type: 'PathPrefix', value: `/app-${i}` } }], backendRefs: [{ name: `svc-${i}`, port: 80 }] },
          { matches: [{ path: { type: 'PathPrefix', value: `/app-${i}/api` }, method: 'POST' }], backendRefs: [{ name: `api-${i}`, port: 8080 }] },
          { matches: [{ path: { type: 'Exact', value: `/app-${i}/health` }, headers: [{ name: 'x-probe', value: 'yes' }] }], backendRefs: [{ name: `health-${i}`, port: 8080 }] },
        ],
      },
    });
  }
  return { gateways, httpRoutes };
}

export function requests(): Array<{ host: string; path: string; method: string; headers: Record<string, string>; query: Record<string, string> }> {
  const rand = lcg(21);
  const out = [];
  for (let n = 0; n < REQUESTS; n++) {
    const i = rand(ROUTES);
    const host = i < 450 ? `svc-${i}.example.com` : 'shared.example.com';
    const kind = rand(4);
    const path = kind === 0 ? `/app-${i}/x` : kind === 1 ? `/app-${i}/api/orders` : kind === 2 ? `/app-${i}/health` : `/nope-${i}`;
    out.push({ host, path, method: kind === 1 ? 'POST' : 'GET', headers: kind === 2 ? { 'X-Probe': 'yes' } : {}, query: {} });
  }
  return out;
}

function ingresses(): Ingress[] {
  const out: Ingress[] = [];
  for (let i = 0; i < ROUTES; i++) {
    out.push({ metadata: { name: `ing-${i}`, namespace: `team-${i % 20}` }, spec: { rules: [{ host: i < 450 ? `svc-${i}.example.com` : 'shared.example.com', http: { paths: [
      { path: `/app-${i}`, pathType: 'Prefix', backend: { service: { name: `svc-${i}`, port: { number: 80 } } } },
      { path: `/app-${i}/api`, pathType: 'Prefix', backend: { service: { name: `api-${i}`, port: { number: 8080 } } } },
      { path: `/app-${i}/health`, pathType: 'Exact', backend: { service: { name: `health-${i}`, port: { number: 8080 } } } },
    ] } }] } });
  }
  return out;
}

export async function bench(): Promise<BenchResult[]> {
  const w = world();
  const reqs = requests();
  const time = (fn: () => number): { ms: number; n: number } => {
    const t = performance.now();
    const n = fn();
    return { ms: performance.now() - t, n };
  };
  const plain = time(() => {
    const attached = attachRoutes(w);
    let ok = 0;
    for (const r of reqs) if (routeHTTP(w, r, attached, false).match) ok++;
    return ok;
  });
  const explained = time(() => {
    const attached = attachRoutes(w);
    let ok = 0;
    for (const r of reqs) if (routeHTTP(w, r, attached, true).match) ok++;
    return ok;
  });
  const stateless = time(() => {
    let ok = 0;
    for (const r of reqs.slice(0, 100)) if (matchHTTPRoute(w, r)) ok++;
    return ok;
  });
  const ings = ingresses();
  const ingress = time(() => {
    const prepared = prepareIngresses(ings);
    let ok = 0;
    for (const r of reqs) if (routeIngress(ings, r, false, prepared).match) ok++;
    return ok;
  });
  const N = REQUESTS.toLocaleString('en');
  return [
    { name: `${N} requests through ${ROUTES} HTTPRoutes (attach once, then route each)`, value: `${Math.round(plain.ms)} ms`, target: '< 1,000 ms', met: plain.ms < 1000, notes: [`${plain.n} matched, ${REQUESTS - plain.n} answered 404`] },
    { name: `${N} requests through ${ROUTES} HTTPRoutes, with the why of each`, value: `${Math.round(explained.ms)} ms`, notes: [`${explained.n} matched`] },
    { name: `matchHTTPRoute (stateless: attaches ${ROUTES} routes on every call)`, value: `${(stateless.ms / 100).toFixed(1)} ms per request`, notes: ['100 requests measured'] },
    { name: `${N} requests through ${ROUTES} Ingresses (prepare once, then route each)`, value: `${Math.round(ingress.ms)} ms`, notes: [`${ingress.n} matched`] },
  ];
}
