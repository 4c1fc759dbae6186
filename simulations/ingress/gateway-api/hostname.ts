// Host names in the Gateway API (apis/v1/shared_types.go Hostname, gateway_types.go
// Listener.Hostname, httproute_types.go HTTPRouteSpec.Hostnames).
//
// Unlike Ingress, a wildcard here is a suffix match over any number of labels:
// "*.example.com" matches "test.example.com" and "foo.test.example.com", never "example.com".

/** Whether a hostname (exact, "*.suffix", or "" for any) matches a request host. */
export function hostnameMatches(pattern: string, host: string): boolean {
  if (pattern === '') return true;
  if (pattern.startsWith('*.')) {
    const suffix = pattern.slice(1);
    return host.length > suffix.length && host.endsWith(suffix);
  }
  return pattern === host;
}

/**
 * How specific a listener hostname is (gateway_types.go, "Listeners that are distinct only by
 * Hostname"): exact before wildcard before "", and among wildcards "the higher the number of
 * dots in the hostname to the right of the wildcard character, the higher the precedence".
 */
export function listenerSpecificity(hostname: string): number {
  if (hostname === '') return 0;
  if (hostname.startsWith('*.')) return 1 + hostname.split('.').length - 1; // 1 + dots right of "*"
  return 1_000;
}

/**
 * The hostname a route hostname and a listener hostname share, or null
 * (httproute_types.go Hostnames: "If both the Listener and HTTPRoute have specified hostnames,
 * there must be at least one intersecting hostname"). The more specific of the two is kept.
 */
export function intersectHostnames(listener: string, route: string): string | null {
  if (listener === '') return route;
  if (route === '') return listener;
  if (listener === route) return route;
  const lw = listener.startsWith('*.');
  const rw = route.startsWith('*.');
  if (!lw && !rw) return null;
  if (lw && !rw) return hostnameMatches(listener, route) ? route : null;
  if (!lw && rw) return hostnameMatches(route, listener) ? listener : null;
  // both wildcards: the one whose suffix ends with the other's
  if (route.slice(1).endsWith(listener.slice(1))) return route;
  if (listener.slice(1).endsWith(route.slice(1))) return listener;
  return null;
}

/**
 * A route hostname's precedence for a request (httproute_types.go Hostnames): "precedence must
 * be given to rules from the HTTPRoute with the largest number of: Characters in a matching
 * non-wildcard hostname. Characters in a matching hostname."
 */
export function routeHostnameScore(hostname: string): [number, number] {
  return [hostname.startsWith('*.') || hostname === '' ? 0 : hostname.length, hostname.length];
}
