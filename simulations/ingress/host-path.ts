// Host and path matching of an Ingress rule, as the Ingress API documentation
// specifies it (kubernetes/website content/en/docs/concepts/services-networking/ingress.md,
// "Path types", "Examples", "Multiple matches", "Hostname wildcards") and the
// field comments of k8s.io/api networking/v1 types.go (IngressRule.Host, HTTPIngressPath.PathType).

/** The request's Host header without its port, lower-cased (host names are case-insensitive, RFC 3986 §3.2.2). */
export function requestHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end === -1 ? h : h.slice(0, end + 1); // an IPv6 literal: [::1]:8080
  }
  const colon = h.lastIndexOf(':');
  if (colon !== -1 && /^[0-9]*$/.test(h.slice(colon + 1))) h = h.slice(0, colon);
  if (h.endsWith('.')) h = h.slice(0, -1); // the fully qualified form names the same host
  return h;
}

/** The path part of a request target: the query string and fragment removed. */
export function requestPath(path: string): string {
  const q = path.search(/[?#]/);
  const p = q === -1 ? path : path.slice(0, q);
  return p === '' ? '/' : p;
}

export type HostMatch = 'exact' | 'wildcard' | 'any' | null;

/**
 * How an Ingress rule's host matches a request's host.
 * types.go IngressRule.Host: a precise host must equal the Host header; "*.foo.com"
 * matches "bar.foo.com" but neither "baz.bar.foo.com" nor "foo.com": the wildcard
 * covers exactly one DNS label. An empty host matches every request.
 */
export function ingressHostMatch(ruleHost: string | undefined, host: string): HostMatch {
  if (!ruleHost) return 'any';
  const rule = ruleHost.toLowerCase();
  if (rule.startsWith('*.')) {
    const suffix = rule.slice(1); // ".foo.com"
    if (!host.endsWith(suffix)) return null;
    const label = host.slice(0, host.length - suffix.length);
    return label.length > 0 && !label.includes('.') ? 'wildcard' : null;
  }
  return rule === host ? 'exact' : null;
}

/** The elements of a path split by "/", empty ones dropped ("/aaa/bbb/" → ["aaa", "bbb"]). */
export function pathElements(path: string): string[] {
  return path.split('/').filter((e) => e !== '');
}

/**
 * Prefix: "Matches based on a URL path prefix split by /. Matching is case
 * sensitive and done on a path element by element basis." A trailing slash of
 * either path is ignored; "/aaa/bbb" does not match "/aaa/bbbxyz".
 */
export function prefixMatches(prefix: string, path: string): boolean {
  const p = pathElements(prefix);
  const r = pathElements(path);
  if (p.length > r.length) return false;
  for (let i = 0; i < p.length; i++) if (p[i] !== r[i]) return false;
  return true;
}

/** Exact: "Matches the URL path exactly and with case sensitivity" ("/foo" matches neither "/foo/" nor "/Foo"). */
export function exactMatches(exact: string, path: string): boolean {
  return exact === path;
}

/**
 * ImplementationSpecific: "matching is up to the IngressClass". The simulated
 * controller does what ingress-nginx does with such a path when no regex
 * annotation is set: an nginx `location /foo` block, a plain string prefix, so
 * "/foo" also matches "/foobar" (ingress-nginx internal/ingress/controller/template/template.go buildLocation).
 */
export function implementationSpecificMatches(prefix: string, path: string): boolean {
  return path.startsWith(prefix);
}

/** Whether an Ingress path (default "/" when empty) of a type matches a request path. */
export function ingressPathMatches(pathType: string, value: string | undefined, path: string): boolean {
  const v = value || '/';
  switch (pathType) {
    case 'Exact':
      return exactMatches(v, path);
    case 'Prefix':
      return prefixMatches(v, path);
    default:
      return implementationSpecificMatches(v, path);
  }
}
