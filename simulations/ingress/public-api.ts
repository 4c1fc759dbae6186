// The public functions of the ingress engine (chapter 12). simulations/index.ts imports them from here only.
export { matchIngress } from './router.ts';
export type { IngressMatch } from './router.ts';
export type { Ingress, IngressBackend } from './types.ts';
export { matchHTTPRoute } from './gateway-api/match.ts';
export type { HTTPRouteMatchResult, HTTPRequest } from './gateway-api/match.ts';
export type { Gateway, HTTPRoute, HTTPBackendRef } from './gateway-api/types.ts';
