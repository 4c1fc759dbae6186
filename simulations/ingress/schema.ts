// The ingress cells' input.
//
// Built-in kinds go through the shared API server (admitObjects, 'seed': objects that exist):
//   networking.k8s.io/v1 IngressClass, Ingress; v1 Service, Secret, Namespace; discovery.k8s.io/v1 EndpointSlice.
//   An Ingress with neither spec.ingressClassName nor the kubernetes.io/ingress.class annotation first
//   passes kube-apiserver's DefaultIngressClass admission plugin
//   (plugin/pkg/admission/network/defaultingressclass/admission.go), which the shared API server does not
//   run: it gets the one IngressClass annotated ingressclass.kubernetes.io/is-default-class: "true" among
//   those created before it (earlier in the cell), and is refused when there are several.
// Gateway API kinds (gateway.networking.k8s.io/v1 GatewayClass, Gateway, HTTPRoute; v1beta1 ReferenceGrant)
//   are CRDs, not built in: validate.ts checks them as the API server checks their CRDs.
// The notebook's own kind:
//   apiVersion: kube-notebook.dev/v1alpha1
//   kind: RequestList
//   spec:
//     ingressController: k8s.io/ingress-nginx          # the IngressClass spec.controller the simulated controller implements (default)
//     gatewayController: kube-notebook.dev/gateway-controller   # the GatewayClass controllerName it implements (default)
//     requests:                                        # at most 200
//     - host: foo.bar.com                              # the Host header (a port in it is ignored)
//       path: /foo?x=1                                 # must start with "/"; a query string is allowed
//       method: GET                                    # default GET
//       scheme: https                                  # http (default) or https
//       headers: { version: two }

import type { JsonObject } from '../apimachinery/json.ts';
import { ApiServer } from '../apiserver/api-server.ts';
import { admitObjects, isBuiltIn } from '../kubectl/create.ts';
import { ValidationError } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';
import { flattenLists } from '../shared/yaml.ts';
import type { Manifest } from '../shared/yaml.ts';
import { readGateway, readGatewayClass, readHTTPRoute, readReferenceGrant } from './gateway-api/validate.ts';
import type { Gateway, GatewayClass, HTTPRoute, Namespace, ReferenceGrant } from './gateway-api/types.ts';
import { DEFAULT_CONTROLLER } from './gateway-api/attach.ts';
import type { ServiceInfo } from './printers.ts';
import type { Ingress, IngressClass } from './types.ts';

export const NOTEBOOK_API_VERSION = 'kube-notebook.dev/v1alpha1';
export const DEFAULT_INGRESS_CONTROLLER = 'k8s.io/ingress-nginx';
export const ANNOTATION_IS_DEFAULT_CLASS = 'ingressclass.kubernetes.io/is-default-class';
export const ANNOTATION_INGRESS_CLASS = 'kubernetes.io/ingress.class';
export const MAX_REQUESTS = 200;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'];

export interface CellRequest {
  host: string;
  path: string;
  method: string;
  scheme: 'http' | 'https';
  headers: Record<string, string>;
}

export interface IngressInput {
  ingressController: string;
  gatewayController: string;
  ingressClasses: IngressClass[];
  ingresses: Ingress[];
  /** Ingresses that got their class from the DefaultIngressClass admission plugin: key → class. */
  defaulted: Map<string, string>;
  services: ServiceInfo[];
  secrets: Array<{ namespace: string; name: string; type: string }>;
  namespaces: Namespace[];
  gatewayClasses: GatewayClass[];
  gateways: Gateway[];
  httpRoutes: HTTPRoute[];
  referenceGrants: ReferenceGrant[];
  requests: CellRequest[];
  hasGatewayApi: boolean;
}

type Obj = Record<string, unknown>;

function fail(object: object, path: FieldPath, reason: string): never {
  throw new ValidationError(reason, { object, path });
}

function isRecord(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readRequests(object: Obj, out: IngressInput): void {
  const spec = object.spec;
  if (!isRecord(spec)) fail(object, ['spec'], 'Required value: a RequestList needs spec.requests');
  for (const key of Object.keys(spec)) if (!['ingressController', 'gatewayController', 'requests'].includes(key)) fail(object, ['spec', key], `unknown field "spec.${key}"`);
  for (const key of ['ingressController', 'gatewayController'] as const) {
    if (spec[key] === undefined) continue;
    if (typeof spec[key] !== 'string' || spec[key] === '') fail(object, ['spec', key], 'must be a non-empty string');
    out[key] = spec[key] as string;
  }
  const list = spec.requests;
  if (!Array.isArray(list)) fail(object, ['spec', 'requests'], 'Required value: a list of requests');
  if (list.length > MAX_REQUESTS) fail(object, ['spec', 'requests'], `Too many: ${list.length}: must have at most ${MAX_REQUESTS} items`);
  list.forEach((raw, i) => {
    const p = ['spec', 'requests', i];
    if (!isRecord(raw)) fail(object, p, 'must be a mapping with host and path');
    for (const key of Object.keys(raw)) if (!['host', 'path', 'method', 'scheme', 'headers'].includes(key)) fail(object, [...p, key], `unknown field "${key}": supported fields: "host", "path", "method", "scheme", "headers"`);
    const host = raw.host ?? '';
    if (typeof host !== 'string' || host.length > 253 || /[\s/]/.test(host)) fail(object, [...p, 'host'], 'must be a host name, optionally with a port (no spaces or slashes, at most 253 characters)');
    const path = raw.path ?? '/';
    if (typeof path !== 'string' || !path.startsWith('/') || path.length > 2048 || /\s/.test(path)) fail(object, [...p, 'path'], 'must start with "/" and contain no spaces (at most 2048 characters)');
    const method = raw.method ?? 'GET';
    if (typeof method !== 'string' || !METHODS.includes(method)) fail(object, [...p, 'method'], `Unsupported value: ${JSON.stringify(method)}: supported values: ${METHODS.map((m) => `"${m}"`).join(', ')}`);
    const scheme = raw.scheme ?? 'http';
    if (scheme !== 'http' && scheme !== 'https') fail(object, [...p, 'scheme'], `Unsupported value: ${JSON.stringify(scheme)}: supported values: "http", "https"`);
    const headers: Record<string, string> = {};
    if (raw.headers !== undefined) {
      if (!isRecord(raw.headers)) fail(object, [...p, 'headers'], 'must be a mapping of header names to values');
      for (const [k, v] of Object.entries(raw.headers)) {
        if (!/^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/.test(k)) fail(object, [...p, 'headers', k], 'must be an HTTP header name (RFC 7230 token)');
        if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') fail(object, [...p, 'headers', k], 'must be a string');
        headers[k] = String(v);
      }
    }
    out.requests.push({ host, path, method, scheme, headers });
  });
}

function asService(o: JsonObject): ServiceInfo {
  const meta = o.metadata as Obj;
  const spec = (o.spec ?? {}) as Obj;
  return {
    namespace: String(meta.namespace ?? 'default'),
    name: String(meta.name),
    ports: (Array.isArray(spec.ports) ? spec.ports : []).map((p) => ({ name: String((p as Obj).name ?? ''), port: Number((p as Obj).port) })),
    endpoints: [],
    hasSlices: false,
  };
}

function addSlice(services: ServiceInfo[], o: JsonObject): void {
  const meta = o.metadata as Obj;
  const svcName = (meta.labels as Record<string, string> | undefined)?.['kubernetes.io/service-name'];
  const svc = services.find((s) => s.namespace === String(meta.namespace ?? 'default') && s.name === svcName);
  if (!svc) return;
  svc.hasSlices = true;
  const ports = Array.isArray(o.ports) ? (o.ports as Obj[]) : [];
  for (const ep of Array.isArray(o.endpoints) ? (o.endpoints as Obj[]) : []) {
    const ready = (ep.conditions as Obj | undefined)?.ready;
    if (ready === false) continue; // "A nil value indicates an unknown state ... interpret as ready"
    const address = Array.isArray(ep.addresses) ? String(ep.addresses[0]) : '';
    for (const p of ports) svc.endpoints.push({ portName: String(p.name ?? ''), port: Number(p.port), address });
  }
}

/** Reads and admits a cell's objects; throws the learner's located ValidationError. */
export function readInput(manifests: readonly Manifest[]): IngressInput {
  const out: IngressInput = {
    ingressController: DEFAULT_INGRESS_CONTROLLER, gatewayController: DEFAULT_CONTROLLER,
    ingressClasses: [], ingresses: [], defaulted: new Map(), services: [], secrets: [], namespaces: [],
    gatewayClasses: [], gateways: [], httpRoutes: [], referenceGrants: [], requests: [], hasGatewayApi: false,
  };
  const builtIns: Obj[] = [];
  const classesSoFar: Obj[] = [];
  let requestLists = 0;
  for (const m of flattenLists(manifests)) {
    const o = m.object as Obj;
    const apiVersion = String(o.apiVersion);
    const kind = String(o.kind);
    if (apiVersion === NOTEBOOK_API_VERSION && kind === 'RequestList') {
      if (++requestLists > 1) fail(o, ['kind'], 'a cell takes one RequestList');
      readRequests(o, out);
      continue;
    }
    if (apiVersion.startsWith('gateway.networking.k8s.io/')) {
      out.hasGatewayApi = true;
      const meta = isRecord(o.metadata) ? o.metadata : undefined;
      const withDefaults = (x: Obj): Obj => ({ ...x, metadata: { ...(meta ?? {}), ...(meta && kind !== 'GatewayClass' ? { namespace: meta.namespace ?? 'default' } : {}), creationTimestamp: meta?.creationTimestamp ?? '2025-01-01T00:00:00Z' } });
      const check = (versions: string[]) => { if (!versions.includes(apiVersion)) fail(o, ['apiVersion'], `no matches for kind "${kind}" in version "${apiVersion}" (this simulation serves ${versions.join(', ')})`); };
      if (kind === 'GatewayClass') { check(['gateway.networking.k8s.io/v1']); readGatewayClass(o); out.gatewayClasses.push(readGatewayClass(withDefaults(o))); continue; }
      if (kind === 'Gateway') { check(['gateway.networking.k8s.io/v1']); readGateway(o); out.gateways.push(readGateway(withDefaults(o))); continue; }
      if (kind === 'HTTPRoute') { check(['gateway.networking.k8s.io/v1']); readHTTPRoute(o); out.httpRoutes.push(readHTTPRoute(withDefaults(o))); continue; }
      if (kind === 'ReferenceGrant') { check(['gateway.networking.k8s.io/v1beta1', 'gateway.networking.k8s.io/v1']); readReferenceGrant(o); out.referenceGrants.push(readReferenceGrant(withDefaults(o))); continue; }
      fail(o, ['kind'], `the ingress simulation does not read ${kind} (it reads GatewayClass, Gateway, HTTPRoute and ReferenceGrant)`);
    }
    if (!isBuiltIn(o)) fail(o, ['kind'], `no matches for kind "${kind}" in version "${apiVersion}"`);
    if (!['IngressClass', 'Ingress', 'Service', 'Secret', 'Namespace', 'EndpointSlice'].includes(kind)) {
      fail(o, ['kind'], `the ingress simulation does not read ${kind} (it reads IngressClass, Ingress, Service, EndpointSlice, Secret and Namespace)`);
    }
    if (kind === 'IngressClass') classesSoFar.push(o);
    if (kind === 'Ingress') admitDefaultIngressClass(o, classesSoFar, out);
    builtIns.push(o);
  }
  const api = new ApiServer();
  const stored = admitObjects(api, builtIns, 'seed');
  for (const s of stored) {
    const kind = String(s.kind);
    const meta = s.metadata as Obj;
    if (kind === 'IngressClass') out.ingressClasses.push(JSON.parse(JSON.stringify(s)) as IngressClass);
    else if (kind === 'Ingress') out.ingresses.push(JSON.parse(JSON.stringify(s)) as Ingress);
    else if (kind === 'Service') out.services.push(asService(s));
    else if (kind === 'Secret') out.secrets.push({ namespace: String(meta.namespace ?? 'default'), name: String(meta.name), type: String(s.type ?? 'Opaque') });
    else if (kind === 'Namespace') out.namespaces.push({ metadata: { name: String(meta.name), labels: { ...((meta.labels ?? {}) as Record<string, string>), 'kubernetes.io/metadata.name': String(meta.name) } } });
  }
  for (const s of stored) if (s.kind === 'EndpointSlice') addSlice(out.services, s);
  for (const name of ['default', 'kube-system', 'kube-public']) {
    if (!out.namespaces.some((n) => n.metadata.name === name)) out.namespaces.push({ metadata: { name, labels: { 'kubernetes.io/metadata.name': name } } });
  }
  return out;
}

/**
 * DefaultIngressClass admission (admission.go Admit, getDefaultClass): an Ingress with no
 * ingressClassName and no kubernetes.io/ingress.class annotation gets the single default class;
 * several defaults refuse the create with 403 Forbidden.
 */
function admitDefaultIngressClass(ing: Obj, classes: readonly Obj[], out: IngressInput): void {
  const spec = isRecord(ing.spec) ? ing.spec : undefined;
  const meta = isRecord(ing.metadata) ? ing.metadata : undefined;
  if (!spec || spec.ingressClassName !== undefined && spec.ingressClassName !== null) return;
  if (isRecord(meta?.annotations) && Object.prototype.hasOwnProperty.call(meta.annotations, ANNOTATION_INGRESS_CLASS)) return;
  const defaults = classes.filter((c) => isRecord(c.metadata) && isRecord(c.metadata.annotations) && c.metadata.annotations[ANNOTATION_IS_DEFAULT_CLASS] === 'true');
  if (defaults.length === 0) return;
  const name = typeof meta?.name === 'string' ? meta.name : '';
  if (defaults.length > 1) {
    const message = `ingresses.networking.k8s.io "${name}" is forbidden: Internal error occurred: ${defaults.length} default IngressClasses were found, only 1 allowed`;
    throw new ValidationError(message, { object: ing, path: ['spec'], message, code: 'api' });
  }
  const cls = String((defaults[0].metadata as Obj).name);
  spec.ingressClassName = cls;
  out.defaulted.set(`${typeof meta?.namespace === 'string' ? meta.namespace : 'default'}/${name}`, cls);
}
