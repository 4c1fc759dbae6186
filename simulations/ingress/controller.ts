// The simulated controllers: which Ingresses the Ingress controller implements (IngressClass
// selection), what it answers each request (status, backend, TLS), and the same for the
// Gateway API controller. An Ingress is a spec; these are the implementations.
//
// Class selection follows ingress-nginx (internal/ingress/controller/store/store.go and
// internal/ingress/annotations/class): an Ingress is implemented when spec.ingressClassName
// names an IngressClass whose spec.controller is the controller's name, or (deprecated) when the
// kubernetes.io/ingress.class annotation names one; an Ingress with no class is ignored (its
// --watch-ingress-without-class flag is off by default).
// Answers follow ingress-nginx's defaults: no matching rule → 404 from its default backend; a Service
// that is missing or has no ready endpoint → 503; plain HTTP to a host with a TLS entry → 308 to
// https (ssl-redirect: "true"); HTTPS for a host without a TLS entry (or whose Secret is missing) →
// the "Kubernetes Ingress Controller Fake Certificate".
// Gateway API answers follow httproute_types.go HTTPRouteRule.BackendRefs: no matching rule → 404;
// a rule whose backendRefs are all invalid (or that has none) → 500.

import { prepareIngresses, routeIngress } from './router.ts';
import type { PreparedIngresses } from './router.ts';
import type { IngressCandidate, IngressDecision } from './router.ts';
import { ingressHostMatch, requestHost } from './host-path.ts';
import type { CellRequest, IngressInput } from './schema.ts';
import { ANNOTATION_INGRESS_CLASS, ANNOTATION_IS_DEFAULT_CLASS } from './schema.ts';
import type { Ingress, IngressBackend } from './types.ts';
import { attachRoutes, keyOf as gwKeyOf } from './gateway-api/attach.ts';
import type { Attachments, GatewayWorld } from './gateway-api/attach.ts';
import { routeHTTP } from './gateway-api/match.ts';
import type { HTTPCandidate } from './gateway-api/match.ts';
import type { HTTPBackendRef } from './gateway-api/types.ts';
import { keyOf } from './router.ts';

export const CONTROLLER_ADDRESS = '203.0.113.10';
/** Candidates kept per answer in the result (the why counts the rest). */
export const MAX_CANDIDATES = 20;
export const FAKE_CERTIFICATE = 'Kubernetes Ingress Controller Fake Certificate';

export interface ClassRow { name: string; controller: string; isDefault: boolean; ours: boolean }
export interface IngressRow { key: string; name: string; namespace: string; className: string | null; ours: boolean; why: string }

export function selectIngresses(input: IngressInput): { classes: ClassRow[]; rows: IngressRow[]; ours: Ingress[] } {
  const classes = input.ingressClasses.map((c) => ({
    name: c.metadata.name,
    controller: c.spec.controller ?? '',
    isDefault: c.metadata.annotations?.[ANNOTATION_IS_DEFAULT_CLASS] === 'true',
    ours: c.spec.controller === input.ingressController,
  }));
  const rows: IngressRow[] = [];
  const ours: Ingress[] = [];
  for (const ing of input.ingresses) {
    const key = keyOf(ing);
    const className = ing.spec.ingressClassName ?? null;
    const annotation = ing.metadata.annotations?.[ANNOTATION_INGRESS_CLASS];
    let ok = false;
    let why: string;
    if (className !== null) {
      const cls = classes.find((c) => c.name === className);
      const defaulted = input.defaulted.get(key) ? ` (set by the DefaultIngressClass admission plugin: "${className}" is the default class)` : '';
      if (!cls) why = `spec.ingressClassName "${className}" names no IngressClass: no controller implements it`;
      else if (!cls.ours) why = `class "${className}" belongs to ${cls.controller}, not to ${input.ingressController}`;
      else { ok = true; why = `class "${className}"${defaulted} → controller ${cls.controller}`; }
    } else if (annotation !== undefined) {
      const cls = classes.find((c) => c.name === annotation);
      if (cls?.ours) { ok = true; why = `deprecated annotation ${ANNOTATION_INGRESS_CLASS}: "${annotation}" names class ${cls.name} → ${cls.controller}`; }
      else why = `deprecated annotation ${ANNOTATION_INGRESS_CLASS}: "${annotation}" names no IngressClass of ${input.ingressController}`;
    } else {
      why = classes.some((c) => c.isDefault)
        ? 'no class: it was created before a default IngressClass existed, and the admission plugin only defaults at creation'
        : 'no class and no default IngressClass: ingress-nginx ignores it (--watch-ingress-without-class is off)';
    }
    rows.push({ key, name: ing.metadata.name, namespace: ing.metadata.namespace ?? 'default', className, ours: ok, why });
    if (ok) ours.push(ing);
  }
  return { classes, rows, ours };
}

export interface IngressAnswer {
  status: number;
  backend: string | null;
  via: string | null;
  rule: number | null;
  path: number | null;
  defaultBackend: boolean;
  tls: string | null;
  why: string[];
  candidates: IngressCandidate[];
}

function tlsFor(ings: readonly Ingress[], host: string): { ingress: Ingress; secretName: string } | undefined {
  for (const ing of ings) for (const t of ing.spec.tls ?? []) {
    if ((t.hosts ?? []).some((h) => ingressHostMatch(h, host) === 'exact' || ingressHostMatch(h, host) === 'wildcard')) return { ingress: ing, secretName: t.secretName ?? '' };
  }
  return undefined;
}

function serviceAnswer(input: IngressInput, ns: string, b: IngressBackend): { status: number; text: string } {
  if (!b.service) return { status: 200, text: `a ${b.resource?.kind ?? ''} resource backend` };
  const svc = input.services.find((s) => s.namespace === ns && s.name === b.service!.name);
  if (!svc) return { status: 503, text: `Service ${ns}/${b.service.name} does not exist: 503 Service Temporarily Unavailable` };
  const port = svc.ports.find((p) => (b.service!.port?.number ? p.port === b.service!.port.number : p.name === b.service!.port?.name));
  if (!port) return { status: 503, text: `Service ${ns}/${b.service.name} has no port ${b.service.port?.number ?? b.service.port?.name}: 503` };
  if (svc.hasSlices && !svc.endpoints.some((e) => e.portName === port.name)) return { status: 503, text: `Service ${ns}/${b.service.name} has no ready endpoint: 503 Service Temporarily Unavailable` };
  return { status: 200, text: `Service ${ns}/${b.service.name} port ${port.port}${svc.hasSlices ? ` → ${svc.endpoints.filter((e) => e.portName === port.name).length} ready endpoint(s)` : ''}` };
}

export function answerIngress(input: IngressInput, ours: readonly Ingress[], req: CellRequest, prepared: PreparedIngresses = prepareIngresses(ours)): IngressAnswer {
  const decision: IngressDecision = routeIngress(ours, req, true, prepared);
  const why = [...decision.why];
  if (decision.candidates.length > MAX_CANDIDATES) why.push(`${decision.candidates.length - MAX_CANDIDATES} more candidate paths are not listed.`);
  const host = requestHost(req.host);
  let tls: string | null = null;
  const tlsEntry = tlsFor(ours, host);
  if (req.scheme === 'https') {
    const secretOk = tlsEntry && input.secrets.some((s) => s.namespace === (tlsEntry.ingress.metadata.namespace ?? 'default') && s.name === tlsEntry.secretName);
    tls = tlsEntry && secretOk ? `terminated with Secret ${tlsEntry.ingress.metadata.namespace ?? 'default'}/${tlsEntry.secretName}` : FAKE_CERTIFICATE;
    why.unshift(tlsEntry
      ? secretOk ? `TLS: SNI "${host}" is in spec.tls of ${keyOf(tlsEntry.ingress)}: the controller terminates TLS with Secret ${tlsEntry.secretName}; the Pods get plain HTTP.`
        : `TLS: spec.tls names Secret ${tlsEntry.secretName}, which does not exist: the controller serves its "${FAKE_CERTIFICATE}" and clients reject it.`
      : `TLS: no spec.tls entry covers "${host}": the controller serves its "${FAKE_CERTIFICATE}" and clients reject it.`);
  }
  const base = { via: null, rule: null, path: null, defaultBackend: false, tls, candidates: decision.candidates.slice(0, MAX_CANDIDATES) };
  if (req.scheme === 'http' && tlsEntry && decision.match) {
    why.push(`ssl-redirect: host "${host}" has a TLS entry, so ingress-nginx answers plain HTTP with 308 Permanent Redirect to https://${host}${req.path}.`);
    return { ...base, status: 308, backend: null, via: decision.match.ingress, rule: decision.match.rule ?? null, path: decision.match.path ?? null, why };
  }
  if (!decision.match) return { ...base, status: 404, backend: null, why };
  const ns = decision.match.ingress.split('/')[0];
  const svc = serviceAnswer(input, ns, decision.match.backend);
  why.push(svc.text + (svc.status === 200 ? '.' : ''));
  const b = decision.match.backend;
  const backend = b.service ? `${b.service.name}:${b.service.port?.number ?? b.service.port?.name ?? ''}` : `${b.resource?.kind}/${b.resource?.name}`;
  return { ...base, status: svc.status, backend, via: decision.match.ingress, rule: decision.match.rule ?? null, path: decision.match.path ?? null, defaultBackend: decision.viaDefaultBackend, why };
}

export interface GatewayAnswer {
  status: number;
  backend: string | null;
  route: string | null;
  ruleIndex: number | null;
  listener: string | null;
  why: string[];
  candidates: HTTPCandidate[];
}

export function gatewayWorld(input: IngressInput): GatewayWorld {
  return {
    gateways: input.gateways, httpRoutes: input.httpRoutes, gatewayClasses: input.gatewayClasses, controllerName: input.gatewayController,
    namespaces: input.namespaces, referenceGrants: input.referenceGrants,
    services: input.services.map((s) => ({ namespace: s.namespace, name: s.name, ports: s.ports.map((p) => p.port) })),
  };
}

function refText(r: HTTPBackendRef, total: number, weightSum: number): string {
  const base = `${r.namespace ? `${r.namespace}/` : ''}${r.name}:${r.port ?? ''}`;
  return total > 1 && weightSum > 0 ? `${base} (${Math.round(((r.weight ?? 1) / weightSum) * 100)}%)` : base;
}

export function answerGateway(input: IngressInput, world: GatewayWorld, attached: Attachments, req: CellRequest): GatewayAnswer {
  const d = routeHTTP(world, { host: req.host, path: req.path, method: req.method, headers: req.headers, query: {}, scheme: req.scheme }, attached);
  const why = [...d.why];
  const listener = d.listener ? `${d.listener.gateway}/${d.listener.name}` : null;
  const candidates = d.candidates.slice(0, MAX_CANDIDATES);
  if (d.candidates.length > MAX_CANDIDATES) why.push(`${d.candidates.length - MAX_CANDIDATES} more candidate matches are not listed.`);
  if (!d.match) return { status: 404, backend: null, route: null, ruleIndex: null, listener, why, candidates };
  const route = input.httpRoutes.find((r) => gwKeyOf(r) === d.match!.route)!;
  const ns = route.metadata.namespace ?? 'default';
  const refs = d.match.backendRefs;
  const valid = refs.filter((r) => {
    const group = r.group ?? '';
    const kind = r.kind ?? 'Service';
    const toNs = r.namespace ?? ns;
    if (group !== '' || kind !== 'Service') return false;
    if (toNs !== ns && !(world.referenceGrants ?? []).some((g) => (g.metadata.namespace ?? 'default') === toNs && g.spec.from.some((f) => f.kind === 'HTTPRoute' && f.namespace === ns) && g.spec.to.some((t) => t.kind === 'Service' && (!t.name || t.name === r.name)))) return false;
    return input.services.some((s) => s.namespace === toNs && s.name === r.name && s.ports.some((p) => p.port === r.port));
  });
  const weightSum = valid.reduce((n, r) => n + (r.weight ?? 1), 0);
  if (refs.length === 0 || valid.length === 0 || weightSum === 0) {
    why.push(refs.length === 0 ? 'The rule has no backendRefs: 500.' : 'None of the rule\'s backendRefs resolves (missing Service or port, another namespace without a ReferenceGrant, or not a Service): 500.');
    return { status: 500, backend: null, route: d.match.route, ruleIndex: d.match.ruleIndex, listener, why, candidates };
  }
  if (valid.length < refs.length) why.push(`${refs.length - valid.length} of ${refs.length} backendRefs do not resolve: that share of requests gets a 500.`);
  const backend = valid.map((r) => refText(r, valid.length, weightSum)).join(', ');
  why.push(`Forwarded to ${backend}.`);
  return { status: 200, backend, route: d.match.route, ruleIndex: d.match.ruleIndex, listener, why, candidates };
}

export function gatewayAttachments(input: IngressInput): { world: GatewayWorld; attached: Attachments } {
  const world = gatewayWorld(input);
  return { world, attached: attachRoutes(world) };
}
