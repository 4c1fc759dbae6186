// Which Ingress rule and path serve a request, with the reasons, as the Ingress
// API documentation words the rules (content/en/docs/concepts/services-networking/ingress.md):
//   1. hosts: a precise host beats a wildcard host, a wildcard beats a rule without a host
//      (what every controller does: one virtual server per host, the rules without a host
//      in the catch-all server);
//   2. "precedence will be given first to the longest matching path. If two paths are still
//      equally matched, precedence will be given to paths with an exact path type over
//      prefix path type";
//   3. "If none of the hosts or paths match the HTTP request in the Ingress objects, the
//      traffic is routed to your default backend".
// Rules of several Ingresses for the same host are merged, as ingress-nginx merges them
// (internal/ingress/controller/controller.go createServers); when two still tie, the
// older Ingress wins, then namespace/name (ingress-nginx store sortIngressSlice).

import { ingressHostMatch, ingressPathMatches, pathElements, requestHost, requestPath } from './host-path.ts';
import type { HostMatch } from './host-path.ts';
import type { Ingress, IngressBackend, IngressRule } from './types.ts';

export interface IngressMatch {
  /** namespace/name of the Ingress that serves the request. */
  ingress: string;
  /** Index into spec.rules, absent when the default backend serves. */
  rule?: number;
  /** Index into spec.rules[rule].http.paths. */
  path?: number;
  backend: IngressBackend;
}

export interface IngressCandidate {
  ingress: string;
  rule: number;
  path: number;
  host: string;
  pathType: string;
  value: string;
  backend: IngressBackend;
  /** Why it won or lost, in one sentence. */
  outcome: string;
  won: boolean;
}

export interface IngressDecision {
  host: string;
  path: string;
  /** How the winning host set matched: 'exact', 'wildcard', 'any' (rules without a host), or 'none'. */
  hostMatch: Exclude<HostMatch, null> | 'none';
  match: IngressMatch | null;
  /** The match came from a spec.defaultBackend. */
  viaDefaultBackend: boolean;
  /** Every path of every rule, in the order considered, with its outcome. */
  candidates: IngressCandidate[];
  /** The decision, step by step. */
  why: string[];
}

export function keyOf(ing: { metadata?: { name?: unknown; namespace?: unknown } }): string {
  const ns = typeof ing.metadata?.namespace === 'string' && ing.metadata.namespace !== '' ? ing.metadata.namespace : 'default';
  return `${ns}/${typeof ing.metadata?.name === 'string' ? ing.metadata.name : ''}`;
}

/** ingress-nginx's order: oldest creationTimestamp first, then namespace/name. */
export function ingressOrder(a: Ingress, b: Ingress): number {
  return compareSortKeys(sortKey(a), sortKey(b));
}

function sortKey(i: Ingress): { t: number; key: string } {
  const ts = typeof i.metadata?.creationTimestamp === 'string' ? Date.parse(i.metadata.creationTimestamp) : NaN;
  return { t: Number.isNaN(ts) ? 0 : ts, key: keyOf(i) };
}

function compareSortKeys(a: { t: number; key: string }, b: { t: number; key: string }): number {
  if (a.t !== b.t) return a.t - b.t;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export function backendText(b: IngressBackend | undefined): string {
  if (!b) return '<none>';
  if (b.service) {
    const port = b.service.port?.name ? b.service.port.name : b.service.port?.number !== undefined ? String(b.service.port.number) : '';
    return `${b.service.name}:${port}`;
  }
  if (b.resource) return `${b.resource.apiGroup ?? ''}/${b.resource.kind}/${b.resource.name}`;
  return '<none>';
}

/**
 * Routes one request through a set of Ingresses and says why.
 *
 * @example
 *   routeIngress([fanout], { host: 'foo.bar.com', path: '/foo/x' }).match
 *   // { ingress: 'default/simple-fanout-example', rule: 0, path: 0, backend: { service: { name: 'service1', ... } } }
 */
export function routeIngress(input: readonly Ingress[], request: { host: string; path: string }, explain = true, prep: PreparedIngresses = prepareIngresses(input)): IngressDecision {
  const ingresses = prep.ingresses;
  const host = requestHost(typeof request?.host === 'string' ? request.host : '');
  const path = requestPath(typeof request?.path === 'string' ? request.path : '/');
  const why: string[] = [];
  const candidates: IngressCandidate[] = [];

  // 1. The host set: the most specific kind of host match any rule has.
  let inSet: FlatRule[] = prep.exact.get(host) ?? [];
  let best = inSet.length > 0 ? 3 : 0;
  if (best === 0) {
    inSet = prep.wild.filter((fr) => ingressHostMatch(fr.host, host) === 'wildcard');
    best = inSet.length > 0 ? 2 : 0;
  }
  if (best === 0) {
    inSet = prep.any;
    best = inSet.length > 0 ? 1 : 0;
  }
  const chosenSet = new Set(inSet);
  const hostMatch: IngressDecision['hostMatch'] = best === 3 ? 'exact' : best === 2 ? 'wildcard' : best === 1 ? 'any' : 'none';
  why.push(
    hostMatch === 'exact' ? `Host "${host}" equals a rule's host: only rules for exactly that host are considered.`
      : hostMatch === 'wildcard' ? `Host "${host}" matches a wildcard rule host (one DNS label): only those rules are considered; rules without a host are not.`
        : hostMatch === 'any' ? `No rule names host "${host || '(none)'}": the rules without a host (the catch-all) are considered.`
          : `No rule matches host "${host || '(none)'}" and no rule is without a host.`,
  );

  // 2. The paths of the rules in the host set.
  let winner: IngressCandidate | undefined;
  const matched: IngressCandidate[] = [];
  let otherHosts = 0;
  const reqElements = pathElements(path);
  let unlisted = 0;
  for (const fr of explain ? prep.rules : inSet) {
    const chosen = chosenSet.has(fr);
    if (!chosen && !ingressHostMatch(fr.host || undefined, host)) {
      otherHosts += fr.paths.length; // rules for other hosts: counted, not listed
      continue;
    }
    fr.paths.forEach((p, i) => {
      const matches = chosen && (p.pathType === 'Prefix' ? elementsPrefix(p.elements!, reqElements) : ingressPathMatches(p.pathType, p.value, path));
      if (!matches && (!explain || candidates.length >= MAX_LISTED)) {
        if (explain) unlisted++;
        return;
      }
      const c: IngressCandidate = { ingress: fr.key, rule: fr.r, path: i, host: fr.rule.host || '*', pathType: p.pathType, value: p.value, backend: p.backend, outcome: '', won: false };
      if (explain) candidates.push(c);
      if (!chosen) {
        c.outcome = `host "${fr.rule.host || '*'}" matches, but a more specific host's rules take the request`;
        return;
      }
      if (!matches) {
        c.outcome = p.pathType === 'Exact' ? `Exact "${p.value}" is not the path "${path}"`
          : p.pathType === 'Prefix' ? `Prefix "${p.value}" is not an element-wise prefix of "${path}"`
            : `ImplementationSpecific "${p.value}" (a string prefix here) is not a prefix of "${path}"`;
        return;
      }
      matched.push(c);
    });
  }
  if (unlisted > 0) why.push(`${unlisted} more path${unlisted > 1 ? 's' : ''} that do not match are not listed.`);
  if (explain && otherHosts > 0) why.push(`${otherHosts} path${otherHosts > 1 ? 's' : ''} of rules for other hosts ${otherHosts > 1 ? 'are' : 'is'} not considered.`);
  for (const c of matched) {
    if (!winner || beats(c, winner)) winner = c;
  }
  for (const c of matched) {
    if (c === winner) continue;
    c.outcome = winner!.value.length > c.value.length
      ? `matches, but "${winner!.value}" is longer (the longest matching path wins)`
      : winner!.pathType === 'Exact' && c.pathType !== 'Exact'
        ? `matches, but an Exact path of the same length wins over ${c.pathType}`
        : `matches and ties with ${winner!.ingress} rule ${winner!.rule} path ${winner!.path}, which comes first (older Ingress, then namespace/name, then list order)`;
  }
  if (winner) {
    winner.won = true;
    winner.outcome = matched.length > 1 ? `matches, and is the longest match${winner.pathType === 'Exact' ? ' (Exact)' : ''}` : 'the only path that matches';
    why.push(`${winner.pathType} path "${winner.value}" of ${winner.ingress} (rules[${winner.rule}].http.paths[${winner.path}]) matches "${path}"${matched.length > 1 ? `, the best of ${matched.length} matching paths` : ''}.`);
    why.push(`The request goes to ${backendText(winner.backend)}.`);
    return { host, path, hostMatch, match: { ingress: winner.ingress, rule: winner.rule, path: winner.path, backend: winner.backend }, viaDefaultBackend: false, candidates, why };
  }

  // 3. The default backend: of an Ingress whose rules own the host, else of any Ingress.
  const owners = new Set(inSet.map((fr) => fr.ing));
  const owning = best > 1 ? ingresses.filter((ing) => owners.has(ing)) : [];
  const fallback = owning.find((ing) => ing.spec?.defaultBackend) ?? (best > 1 ? undefined : ingresses.find((ing) => ing.spec?.defaultBackend));
  if (best > 0) why.push(`No path of those rules matches "${path}".`);
  if (fallback?.spec.defaultBackend) {
    why.push(`spec.defaultBackend of ${keyOf(fallback)} serves it: ${backendText(fallback.spec.defaultBackend)}.`);
    return { host, path, hostMatch, match: { ingress: keyOf(fallback), backend: fallback.spec.defaultBackend }, viaDefaultBackend: true, candidates, why };
  }
  why.push(best > 1
    ? `No Ingress that owns host "${host}" has a spec.defaultBackend: the controller's own default backend answers 404.`
    : 'No Ingress has a spec.defaultBackend: the controller\'s own default backend answers 404.');
  return { host, path, hostMatch, match: null, viaDefaultBackend: false, candidates, why };
}

interface FlatRule {
  ing: Ingress;
  key: string;
  rule: IngressRule;
  r: number;
  /** The rule's host, lower-cased ('' = none). */
  host: string;
  paths: Array<{ pathType: string; value: string; backend: IngressBackend; elements?: string[] }>;
}

export interface PreparedIngresses {
  ingresses: Ingress[];
  rules: FlatRule[];
  exact: Map<string, FlatRule[]>;
  wild: FlatRule[];
  any: FlatRule[];
}

/**
 * What a controller computes once from its Ingresses: sorted (oldest first, then namespace/name),
 * rules flattened, hosts bucketed. Pass it to routeIngress when many requests share one set.
 */
export function prepareIngresses(input: readonly Ingress[]): PreparedIngresses {
  const list = Array.isArray(input) ? input : [];
  const decorated = list.filter((i) => i && typeof i === 'object').map((i) => ({ i, k: sortKey(i) }));
  decorated.sort((a, b) => compareSortKeys(a.k, b.k));
  const prepared: PreparedIngresses = { ingresses: decorated.map((d) => d.i), rules: [], exact: new Map(), wild: [], any: [] };
  for (const { i: ing, k } of decorated) {
    const rules = Array.isArray(ing.spec?.rules) ? ing.spec.rules : [];
    rules.forEach((rule: IngressRule, r: number) => {
      if (!rule || typeof rule !== 'object') return;
      const host = typeof rule.host === 'string' ? rule.host.toLowerCase() : '';
      const paths = (Array.isArray(rule.http?.paths) ? rule.http.paths : []).map((p: { path?: string; pathType?: string; backend: IngressBackend }) => {
        const pathType = typeof p?.pathType === 'string' ? p.pathType : 'ImplementationSpecific';
        const value = typeof p?.path === 'string' && p.path !== '' ? p.path : '/';
        return { pathType, value, backend: p?.backend, ...(pathType === 'Prefix' ? { elements: pathElements(value) } : {}) };
      });
      const fr: FlatRule = { ing, key: k.key, rule, r, host, paths };
      prepared.rules.push(fr);
      if (host === '') prepared.any.push(fr);
      else if (host.startsWith('*.')) prepared.wild.push(fr);
      else (prepared.exact.get(host) ?? prepared.exact.set(host, []).get(host)!).push(fr);
    });
  }
  return prepared;
}

/** prefixMatches (host-path.ts) on elements split once. */
function elementsPrefix(prefix: readonly string[], path: readonly string[]): boolean {
  if (prefix.length > path.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== path[i]) return false;
  return true;
}

/** Candidates that do not match listed in an explained decision at most (the others are counted). */
const MAX_LISTED = 20;

/** c beats w: a longer path, then Exact over the other types; otherwise the first seen stays. */
function beats(c: IngressCandidate, w: IngressCandidate): boolean {
  if (c.value.length !== w.value.length) return c.value.length > w.value.length;
  return c.pathType === 'Exact' && w.pathType !== 'Exact';
}

/**
 * The public function of chapter 12: which Ingress, rule and path serve a
 * request (null: nothing matches and no Ingress has a default backend).
 *
 * @example
 *   matchIngress([ing], { host: 'foo.bar.com:8080', path: '/aaa/bbb/ccc' })
 *   // { ingress: 'default/ing', rule: 0, path: 2, backend: {...} }   the port of the Host header is ignored
 */
export function matchIngress(ingresses: Ingress[], request: { host: string; path: string }): IngressMatch | null {
  return routeIngress(ingresses, request, false).match;
}
