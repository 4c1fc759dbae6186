// Which HTTPRoute rule serves a request, as the Gateway API v1.6 specifies it:
//   1. the listener: "inbound request hostnames MUST match from the most specific to least
//      specific Hostname values to choose the correct Listener and its associated set of Routes"
//      (apis/v1/gateway_types.go, Listeners; Listener Isolation);
//   2. the route hostname: "precedence must be given to rules from the HTTPRoute with the
//      largest number of: Characters in a matching non-wildcard hostname. Characters in a
//      matching hostname." (apis/v1/httproute_types.go HTTPRouteSpec.Hostnames);
//   3. the match: "Exact" path, then "Prefix" path with the most characters, then method,
//      then the most header matches, then the most query param matches; across routes the
//      oldest route, then "{namespace}/{name}"; within a route the first matching rule
//      (httproute_types.go HTTPRouteRule.Matches).
// "When no rules matching a request have been successfully attached to the parent a request
// is coming from, a HTTP 404 status code MUST be returned."

import { requestHost, requestPath, prefixMatches } from '../host-path.ts';
import { attachRoutes, keyOf } from './attach.ts';
import type { Attachment, Attachments, GatewayWorld } from './attach.ts';
import { hostnameMatches, listenerSpecificity, routeHostnameScore } from './hostname.ts';
import type { Gateway, HTTPBackendRef, HTTPRoute, HTTPRouteMatch } from './types.ts';

export interface HTTPRequest {
  host: string;
  path: string;
  method: string;
  headers: Record<string, string>;
  query: Record<string, string>;
  /** Optional: the Gateway (namespace/name) the request is sent to; all Gateways otherwise. */
  gateway?: string;
  /** Optional: the port it arrives on; any listener's port otherwise. */
  port?: number;
  /** Optional: http reaches only HTTP listeners, https only HTTPS listeners (which terminate TLS). */
  scheme?: 'http' | 'https';
}

export interface HTTPRouteMatchResult {
  route: string;
  ruleIndex: number;
  backendRefs: HTTPBackendRef[];
}

export interface HTTPCandidate {
  route: string;
  ruleIndex: number;
  matchIndex: number;
  /** The match, in words: "PathPrefix /v2, method GET, 1 header". */
  match: string;
  won: boolean;
  outcome: string;
}

export interface HTTPDecision {
  host: string;
  path: string;
  listener: { gateway: string; name: string; hostname: string } | null;
  /** The route hostname that won the host step ("" = a route without hostnames). */
  hostname: string | null;
  match: (HTTPRouteMatchResult & { matchIndex: number }) | null;
  candidates: HTTPCandidate[];
  why: string[];
}

/** The request's query parameters: those of the path's query string, then `query` (the first value of a repeated name). */
export function requestQuery(path: string, query: Record<string, string> | undefined): Map<string, string> {
  const out = new Map<string, string>();
  const q = path.indexOf('?');
  if (q !== -1) {
    for (const part of path.slice(q + 1).split('#')[0].split('&')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      const name = decode(eq === -1 ? part : part.slice(0, eq));
      const value = decode(eq === -1 ? '' : part.slice(eq + 1));
      if (!out.has(name)) out.set(name, value);
    }
  }
  if (query && typeof query === 'object') for (const [k, v] of Object.entries(query)) if (!out.has(k)) out.set(k, String(v));
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** The defaults the CRD applies: matches [{path: {type: PathPrefix, value: "/"}}], path type PathPrefix, value "/". */
export function effectiveMatches(matches: HTTPRouteMatch[] | undefined): HTTPRouteMatch[] {
  const list = Array.isArray(matches) && matches.length > 0 ? matches : [{}];
  return list.map((m) => ({ ...m, path: { type: m?.path?.type ?? 'PathPrefix', value: m?.path?.value ?? '/' } }));
}

/** Header or query matchers with the later duplicates of a name dropped ("only the first entry with an equivalent name MUST be considered"). */
function firstByName<T extends { name: string }>(list: T[] | undefined, fold: boolean): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const m of Array.isArray(list) ? list : []) {
    if (!m || typeof m.name !== 'string') continue;
    const k = fold ? m.name.toLowerCase() : m.name;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(m);
  }
  return out;
}

interface Req { path: string; method: string; headers: Map<string, string>; query: Map<string, string> }

/** Why a match does not match the request, or '' when it matches. RegularExpression matches never match here (not simulated). */
export function matchFailure(m: HTTPRouteMatch, req: Req): string {
  const p = m.path ?? { type: 'PathPrefix', value: '/' };
  const value = p.value ?? '/';
  if (p.type === 'Exact' && req.path !== value) return `Exact path ${value} is not ${req.path}`;
  if (p.type === 'PathPrefix' && !prefixMatches(value, req.path)) return `PathPrefix ${value} is not an element-wise prefix of ${req.path}`;
  if (p.type !== 'Exact' && p.type !== 'PathPrefix') return `path type ${p.type} is not simulated`;
  if (m.method && m.method !== req.method) return `method ${m.method} is not ${req.method}`;
  for (const h of firstByName(m.headers, true)) {
    if ((h.type ?? 'Exact') !== 'Exact') return `header match type ${h.type} is not simulated`;
    const got = req.headers.get(h.name.toLowerCase());
    if (got !== h.value) return got === undefined ? `header ${h.name} is missing` : `header ${h.name} is "${got}", not "${h.value}"`;
  }
  for (const q of firstByName(m.queryParams, false)) {
    if ((q.type ?? 'Exact') !== 'Exact') return `query param match type ${q.type} is not simulated`;
    const got = req.query.get(q.name);
    if (got !== q.value) return got === undefined ? `query param ${q.name} is missing` : `query param ${q.name} is "${got}", not "${q.value}"`;
  }
  return '';
}

export function describeMatch(m: HTTPRouteMatch): string {
  const parts = [`${m.path?.type ?? 'PathPrefix'} ${m.path?.value ?? '/'}`];
  if (m.method) parts.push(`method ${m.method}`);
  const h = firstByName(m.headers, true).length;
  const q = firstByName(m.queryParams, false).length;
  if (h) parts.push(`${h} header${h > 1 ? 's' : ''}`);
  if (q) parts.push(`${q} query param${q > 1 ? 's' : ''}`);
  return parts.join(', ');
}

interface Scored {
  route: HTTPRoute;
  key: string;
  ruleIndex: number;
  matchIndex: number;
  m: HTTPRouteMatch;
  c: HTTPCandidate;
}

function created(r: HTTPRoute): number {
  const t = typeof r.metadata?.creationTimestamp === 'string' ? Date.parse(r.metadata.creationTimestamp) : NaN;
  return Number.isNaN(t) ? 0 : t;
}

/** The first criterion on which a and b differ, negative when a wins; and its name. */
function compare(a: Scored, b: Scored): [number, string] {
  const ea = a.m.path?.type === 'Exact' ? 1 : 0;
  const eb = b.m.path?.type === 'Exact' ? 1 : 0;
  if (ea !== eb) return [eb - ea, 'an Exact path match comes first'];
  const la = (a.m.path?.value ?? '/').length;
  const lb = (b.m.path?.value ?? '/').length;
  if (la !== lb) return [lb - la, 'the path match with more characters comes first'];
  const ma = a.m.method ? 1 : 0;
  const mb = b.m.method ? 1 : 0;
  if (ma !== mb) return [mb - ma, 'a method match comes first'];
  const ha = firstByName(a.m.headers, true).length;
  const hb = firstByName(b.m.headers, true).length;
  if (ha !== hb) return [hb - ha, 'more header matches come first'];
  const qa = firstByName(a.m.queryParams, false).length;
  const qb = firstByName(b.m.queryParams, false).length;
  if (qa !== qb) return [qb - qa, 'more query param matches come first'];
  if (a.key !== b.key) {
    const ta = created(a.route);
    const tb = created(b.route);
    if (ta !== tb) return [ta - tb, 'the older route comes first'];
    return [a.key < b.key ? -1 : 1, 'routes tie: the first in {namespace}/{name} order comes first'];
  }
  if (a.ruleIndex !== b.ruleIndex) return [a.ruleIndex - b.ruleIndex, 'within a route the first matching rule comes first'];
  return [a.matchIndex - b.matchIndex, 'the same rule'];
}

const EMPTY: ReadonlySet<string> = new Set();

interface RouteIndex {
  /** The routes attached to each listener ("gateway\u0000listener"). */
  routesOn: Map<string, Set<string>>;
  hosts: Map<string, { exact: Map<string, Attachment[]>; wild: Array<{ a: Attachment; h: string }>; any: Attachment[] }>;
  routes: Map<string, { route: HTTPRoute; matches: HTTPRouteMatch[][] }>;
}

const INDEXES = new WeakMap<Attachments, RouteIndex>();

/** What a data plane builds once from its configuration: attachments per listener, hostnames bucketed, each rule's matches with the CRD defaults. */
function indexOf(world: GatewayWorld, attached: Attachments): RouteIndex {
  const cached = INDEXES.get(attached);
  if (cached) return cached;
  const index: RouteIndex = { routesOn: new Map(), hosts: new Map(), routes: new Map() };
  for (const a of attached.attachments) {
    const lk = `${a.gateway}\u0000${a.listener}`;
    (index.routesOn.get(lk) ?? index.routesOn.set(lk, new Set()).get(lk)!).add(a.route);
    const hk = index.hosts.get(lk) ?? index.hosts.set(lk, { exact: new Map(), wild: [], any: [] }).get(lk)!;
    for (const h of a.hostnames) {
      if (h === '') hk.any.push(a);
      else if (h.startsWith('*.')) hk.wild.push({ a, h });
      else (hk.exact.get(h) ?? hk.exact.set(h, []).get(h)!).push(a);
    }
  }
  for (const r of world.httpRoutes ?? []) {
    if (!r || typeof r !== 'object') continue;
    const rules = Array.isArray(r.spec?.rules) && r.spec.rules.length > 0 ? r.spec.rules : [{}];
    index.routes.set(keyOf(r), { route: r, matches: rules.map((rule) => effectiveMatches((rule as { matches?: HTTPRouteMatch[] }).matches)) });
  }
  INDEXES.set(attached, index);
  return index;
}

/**
 * Routes one request through Gateways and HTTPRoutes, with the reasons.
 * `attached` may be passed in when many requests share one world.
 */
export function routeHTTP(world: GatewayWorld, request: HTTPRequest, attached: Attachments = attachRoutes(world), explain = true): HTTPDecision {
  const host = requestHost(typeof request?.host === 'string' ? request.host : '');
  const rawPath = typeof request?.path === 'string' ? request.path : '/';
  const path = requestPath(rawPath);
  const headers = new Map<string, string>();
  if (request?.headers && typeof request.headers === 'object') for (const [k, v] of Object.entries(request.headers)) headers.set(k.toLowerCase(), String(v));
  const req: Req = { path, method: typeof request?.method === 'string' && request.method !== '' ? request.method.toUpperCase() : 'GET', headers, query: requestQuery(rawPath, request?.query) };
  const why: string[] = [];
  const candidates: HTTPCandidate[] = [];
  const none = (listener: HTTPDecision['listener'], hostname: string | null): HTTPDecision => ({ host, path, listener, hostname, match: null, candidates, why });

  // 1. The listener with the most specific hostname that matches.
  const listeners: Array<{ gateway: string; name: string; hostname: string; spec: number }> = [];
  for (const gw of world.gateways ?? []) {
    if (!gw || typeof gw !== 'object') continue;
    const gk = keyOf(gw);
    if (request?.gateway && request.gateway !== gk) continue;
    if (!attached.gateways.get(gk)?.reconciled) continue;
    for (const l of (gw as Gateway).spec?.listeners ?? []) {
      if (l.protocol !== 'HTTP' && l.protocol !== 'HTTPS') continue;
      if (request?.port !== undefined && l.port !== request.port) continue;
      if (request?.scheme === 'http' && l.protocol !== 'HTTP') continue;
      if (request?.scheme === 'https' && l.protocol !== 'HTTPS') continue;
      const h = l.hostname ?? '';
      if (hostnameMatches(h, host)) listeners.push({ gateway: gk, name: l.name, hostname: h, spec: listenerSpecificity(h) });
    }
  }
  if (listeners.length === 0) {
    why.push(`No HTTP listener's hostname matches "${host}": 404.`);
    return none(null, null);
  }
  const top = Math.max(...listeners.map((l) => l.spec));
  const chosen = listeners.filter((l) => l.spec === top);
  const first = chosen[0];
  why.push(`Listener ${first.gateway} ${first.name} (${first.hostname || 'no hostname'}) is the most specific listener for "${host}"${listeners.length > chosen.length ? `; less specific ones (${listeners.filter((l) => l.spec !== top).map((l) => l.name).join(', ')}) are not used` : ''}.`);
  const index = indexOf(world, attached);
  const onListener = chosen.length === 1 ? index.routesOn.get(`${first.gateway}\u0000${first.name}`) ?? EMPTY : new Set(chosen.flatMap((l) => [...(index.routesOn.get(`${l.gateway}\u0000${l.name}`) ?? [])]));
  if (onListener.size === 0) {
    why.push('No route is attached to that listener: 404.');
    return none({ gateway: first.gateway, name: first.name, hostname: first.hostname }, null);
  }

  // 2. The most specific route hostname that matches.
  let top2: { h: string; s: [number, number] } | null = null;
  const hostOk = new Map<string, { h: string; s: [number, number] }>();
  for (const l of chosen) {
    const li = index.hosts.get(`${l.gateway}\u0000${l.name}`);
    if (!li) continue;
    const consider = (a: Attachment, h: string) => {
      const s = routeHostnameScore(h);
      const prev = hostOk.get(a.route);
      if (!prev || s[0] > prev.s[0] || (s[0] === prev.s[0] && s[1] > prev.s[1])) hostOk.set(a.route, { h, s });
      if (!top2 || s[0] > top2.s[0] || (s[0] === top2.s[0] && s[1] > top2.s[1])) top2 = { h, s };
    };
    for (const a of li.exact.get(host) ?? []) consider(a, host);
    for (const { a, h } of li.wild) if (hostnameMatches(h, host)) consider(a, h);
    for (const a of li.any) consider(a, '');
  }
  const others = onListener.size - hostOk.size;
  if (others > 0) why.push(`${others} other route${others > 1 ? 's' : ''} on that listener ${others > 1 ? 'have' : 'has'} no hostname matching "${host}".`);
  const keys = [...hostOk.keys()].sort();
  const scored: Scored[] = [];
  const best2 = top2 as { h: string; s: [number, number] } | null;
  for (const key of keys) {
    const entry = index.routes.get(key);
    if (!entry) continue;
    const hb = hostOk.get(key)!;
    entry.matches.forEach((matches, ruleIndex) => {
      matches.forEach((m, matchIndex) => {
        const c: HTTPCandidate = { route: key, ruleIndex, matchIndex, match: explain ? describeMatch(m) : '', won: false, outcome: '' };
        if (explain) candidates.push(c);
        if (best2 && (hb.s[0] !== best2.s[0] || hb.s[1] !== best2.s[1])) { if (!explain) return; c.outcome = `route hostname "${hb.h || '(any)'}" matches, but "${best2.h}" is more specific`; return; }
        const f = matchFailure(m, req);
        if (f) { c.outcome = f; return; }
        scored.push({ route: entry.route, key, ruleIndex, matchIndex, m, c });
      });
    });
  }
  if (best2) why.push(best2.h ? `Route hostname "${best2.h}" is the most specific that matches; routes without it are not considered.` : 'The routes on that listener take any host.');
  if (scored.length === 0) {
    why.push(`No rule of the routes on that listener matches ${req.method} ${path}: 404.`);
    return none({ gateway: first.gateway, name: first.name, hostname: first.hostname }, best2?.h ?? null);
  }
  let win = scored[0];
  for (const s of scored.slice(1)) if (compare(s, win)[0] < 0) win = s;
  if (explain) for (const s of scored) {
    if (s === win) continue;
    s.c.outcome = `matches, but loses: ${compare(win, s)[1]}`;
  }
  win.c.won = true;
  win.c.outcome = scored.length > 1 ? `matches, and wins over ${scored.length - 1} other matching match${scored.length > 2 ? 'es' : ''}` : 'the only match';
  const rule = (win.route.spec?.rules ?? [])[win.ruleIndex] ?? {};
  const backendRefs = Array.isArray(rule.backendRefs) ? rule.backendRefs : [];
  why.push(`${win.key} rules[${win.ruleIndex}] matches[${win.matchIndex}] (${win.c.match}) wins${scored.length > 1 ? ` among ${scored.length} matches` : ''}.`);
  return { host, path, listener: { gateway: first.gateway, name: first.name, hostname: first.hostname }, hostname: best2?.h ?? null, match: { route: win.key, ruleIndex: win.ruleIndex, matchIndex: win.matchIndex, backendRefs }, candidates, why };
}

/**
 * The public function of chapter 12 for the Gateway API: which HTTPRoute rule
 * serves a request (null: 404).
 *
 * @example
 *   matchHTTPRoute({ gateways: [gw], httpRoutes: [route] },
 *     { host: 'example.com:8080', path: '/v2/x', method: 'GET', headers: { Version: 'two' }, query: {} })
 *   // { route: 'default/matching', ruleIndex: 1, backendRefs: [{ name: 'infra-backend-v2', port: 8080 }] }
 */
export function matchHTTPRoute(
  cluster: { gateways: Gateway[]; httpRoutes: HTTPRoute[] } & Partial<Omit<GatewayWorld, 'gateways' | 'httpRoutes'>>,
  request: HTTPRequest,
): HTTPRouteMatchResult | null {
  const world: GatewayWorld = { ...(cluster ?? {}), gateways: Array.isArray(cluster?.gateways) ? cluster.gateways : [], httpRoutes: Array.isArray(cluster?.httpRoutes) ? cluster.httpRoutes : [] };
  const m = routeHTTP(world, request, attachRoutes(world), false).match;
  return m ? { route: m.route, ruleIndex: m.ruleIndex, backendRefs: m.backendRefs } : null;
}
