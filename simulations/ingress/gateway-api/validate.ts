// Validation of the Gateway API kinds as kube-apiserver does it for their CRDs
// (kubernetes-sigs/gateway-api v1.6 config/crd, generated from the +kubebuilder markers
// and CEL rules of apis/v1/*_types.go): the OpenAPI schema (required fields, enums,
// patterns, lengths, list sizes, list-map keys) and the CEL rules the simulation needs.
// The answer is the first error, worded as the API server words a CRD's errors:
//   HTTPRoute.gateway.networking.k8s.io "web" is invalid: spec.hostnames[0]: Invalid value: "Foo.com": spec.hostnames[0] in body should match '^(\*\.)?[a-z0-9]...'
// and it points at the field's line. The kinds are not built into the shared API server,
// so this folder reads them (docs/ENGINES.md: own kinds are the engine's to validate).

import { formatFieldPath } from '../../apimachinery/field-path.ts';
import type { FieldPath } from '../../apimachinery/field-path.ts';
import { ValidationError } from '../../shared/errors.ts';
import type { Gateway, GatewayClass, HTTPRoute, ReferenceGrant } from './types.ts';
import { GROUP } from './types.ts';

type Obj = Record<string, unknown>;

const HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const HOSTNAME_SRC = String.raw`^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`;
const SECTION_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const SECTION_NAME_SRC = String.raw`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`;
const CONTROLLER = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/;
const CONTROLLER_SRC = String.raw`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9\/\-._~%!$&'()*+,;=:]+$`;
const PROTOCOL = /^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9]+$/;
const PROTOCOL_SRC = String.raw`^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$|[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/[A-Za-z0-9]+$`;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;
const HEADER_NAME_SRC = "^[A-Za-z0-9!#$%&'*+\\-.^_\\x60|~]+$";
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const NAMESPACE_SRC = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$';
const PATH_CHARS = /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$/;
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'];

class Checker {
  constructor(readonly object: Obj, readonly kind: string) {}

  fail(path: FieldPath, detail: string): never {
    const meta = this.object.metadata as Obj | undefined;
    const name = typeof meta?.name === 'string' ? meta.name : '';
    const field = formatFieldPath(path);
    const message = `${this.kind}.${GROUP} "${name}" is invalid: ${field}: ${detail}`;
    throw new ValidationError(detail, { object: this.object, path, message, code: 'api' });
  }
  invalid(path: FieldPath, value: unknown, detail: string): never {
    return this.fail(path, `Invalid value: ${typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' ? '"object"' : String(value)}: ${detail}`);
  }
  required(path: FieldPath): never {
    return this.fail(path, 'Required value');
  }
  obj(v: unknown, path: FieldPath, required = false): Obj | undefined {
    if (v === undefined || v === null) return required ? this.required(path) : undefined;
    if (typeof v !== 'object' || Array.isArray(v)) this.invalid(path, Array.isArray(v) ? 'array' : typeof v, `${formatFieldPath(path)} in body must be of type object: "${Array.isArray(v) ? 'array' : typeof v}"`);
    return v as Obj;
  }
  list(v: unknown, path: FieldPath, max: number, min = 0): unknown[] {
    if (v === undefined || v === null) {
      if (min > 0) this.required(path);
      return [];
    }
    if (!Array.isArray(v)) this.invalid(path, typeof v, `${formatFieldPath(path)} in body must be of type array: "${typeof v}"`);
    if (v.length > max) this.fail(path, `Too many: ${v.length}: must have at most ${max} items`);
    if (v.length < min) this.invalid(path, `array`, `${formatFieldPath(path)} in body should have at least ${min} items`);
    return v;
  }
  str(v: unknown, path: FieldPath, opts: { required?: boolean; min?: number; max?: number; pattern?: [RegExp, string]; enum?: string[] } = {}): string | undefined {
    if (v === undefined || v === null) return opts.required ? this.required(path) : undefined;
    if (typeof v !== 'string') return this.invalid(path, typeof v, `${formatFieldPath(path)} in body must be of type string: "${typeof v}"`);
    if (opts.enum && !opts.enum.includes(v)) this.fail(path, `Unsupported value: ${JSON.stringify(v)}: supported values: ${opts.enum.map((e) => JSON.stringify(e)).join(', ')}`);
    if (opts.min !== undefined && v.length < opts.min) this.invalid(path, v, `${formatFieldPath(path)} in body should be at least ${opts.min} chars long`);
    if (opts.max !== undefined && v.length > opts.max) this.fail(path, `Too long: may not be more than ${opts.max} bytes`);
    if (opts.pattern && !opts.pattern[0].test(v)) this.invalid(path, v, `${formatFieldPath(path)} in body should match '${opts.pattern[1]}'`);
    return v;
  }
  int(v: unknown, path: FieldPath, opts: { required?: boolean; min: number; max: number }): number | undefined {
    if (v === undefined || v === null) return opts.required ? this.required(path) : undefined;
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.invalid(path, typeof v === 'string' ? v : String(v), `${formatFieldPath(path)} in body must be of type integer: "${typeof v === 'number' ? 'number' : typeof v}"`);
    if (v < opts.min) this.invalid(path, v, `${formatFieldPath(path)} in body should be greater than or equal to ${opts.min}`);
    if (v > opts.max) this.invalid(path, v, `${formatFieldPath(path)} in body should be less than or equal to ${opts.max}`);
    return v;
  }
  meta(): void {
    const meta = this.obj(this.object.metadata, ['metadata'], true)!;
    const name = this.str(meta.name, ['metadata', 'name'], { required: true });
    if (!name || name.length > 253 || !SECTION_NAME.test(name)) this.invalid(['metadata', 'name'], name, "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    if (meta.namespace !== undefined) this.str(meta.namespace, ['metadata', 'namespace'], { pattern: [NAMESPACE, NAMESPACE_SRC], max: 63 });
  }
  /** listType=map, listMapKey=name: a second entry with the same name is refused. */
  uniqueNames(list: unknown[], path: FieldPath): void {
    const seen = new Set<string>();
    list.forEach((e, i) => {
      const n = (e as Obj)?.name;
      if (typeof n !== 'string') return;
      if (seen.has(n)) this.fail([...path, i], `Duplicate value: map[string]interface {}{"name":${JSON.stringify(n)}}`);
      seen.add(n);
    });
  }
}

function clone<T>(v: unknown): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** GatewayClass: spec.controllerName (GatewayController pattern). */
export function readGatewayClass(object: Obj): GatewayClass {
  const c = new Checker(object, 'GatewayClass');
  c.meta();
  const spec = c.obj(object.spec, ['spec'], true)!;
  c.str(spec.controllerName, ['spec', 'controllerName'], { required: true, min: 1, max: 253, pattern: [CONTROLLER, CONTROLLER_SRC] });
  c.str(spec.description, ['spec', 'description'], { max: 64 });
  return clone<GatewayClass>(object);
}

/** Gateway: listeners (names, hostnames, ports, protocols, TLS) and the spec's CEL rules on them. */
export function readGateway(object: Obj): Gateway {
  const c = new Checker(object, 'Gateway');
  c.meta();
  const spec = c.obj(object.spec, ['spec'], true)!;
  c.str(spec.gatewayClassName, ['spec', 'gatewayClassName'], { required: true, min: 1, max: 253 });
  const listeners = c.list(spec.listeners, ['spec', 'listeners'], 64, 1);
  const out = clone<Gateway>(object);
  listeners.forEach((raw, i) => {
    const p = ['spec', 'listeners', i];
    const l = c.obj(raw, p, true)!;
    c.str(l.name, [...p, 'name'], { required: true, min: 1, max: 253, pattern: [SECTION_NAME, SECTION_NAME_SRC] });
    c.str(l.hostname, [...p, 'hostname'], { min: 1, max: 253, pattern: [HOSTNAME, HOSTNAME_SRC] });
    c.int(l.port, [...p, 'port'], { required: true, min: 1, max: 65535 });
    const protocol = c.str(l.protocol, [...p, 'protocol'], { required: true, min: 1, max: 255, pattern: [PROTOCOL, PROTOCOL_SRC] })!;
    const tls = c.obj(l.tls, [...p, 'tls']);
    if (tls) {
      const mode = c.str(tls.mode, [...p, 'tls', 'mode'], { enum: ['Terminate', 'Passthrough'] }) ?? 'Terminate';
      const refs = c.list(tls.certificateRefs, [...p, 'tls', 'certificateRefs'], 64);
      refs.forEach((r, j) => c.str((c.obj(r, [...p, 'tls', 'certificateRefs', j], true)!).name, [...p, 'tls', 'certificateRefs', j, 'name'], { required: true, min: 1, max: 253 }));
      if (mode === 'Terminate' && refs.length === 0 && tls.options === undefined) c.invalid([...p, 'tls'], 'object', 'certificateRefs or options must be specified when mode is Terminate');
      (out.spec.listeners[i].tls as { mode?: string }).mode = mode;
    }
    const ar = c.obj(l.allowedRoutes, [...p, 'allowedRoutes']);
    const ns = ar ? c.obj(ar.namespaces, [...p, 'allowedRoutes', 'namespaces']) : undefined;
    const from = ns ? c.str(ns.from, [...p, 'allowedRoutes', 'namespaces', 'from'], { enum: ['All', 'Selector', 'Same'] }) : undefined;
    if (ar) {
      c.list(ar.kinds, [...p, 'allowedRoutes', 'kinds'], 8).forEach((k, j) => c.str((c.obj(k, [...p, 'allowedRoutes', 'kinds', j], true)!).kind, [...p, 'allowedRoutes', 'kinds', j, 'kind'], { required: true, min: 1, max: 63 }));
    }
    // +kubebuilder:default={namespaces:{from: Same}}
    out.spec.listeners[i].allowedRoutes = { ...(out.spec.listeners[i].allowedRoutes ?? {}), namespaces: { ...(out.spec.listeners[i].allowedRoutes?.namespaces ?? {}), from: from ?? 'Same' } };
    if (['HTTP', 'TCP', 'UDP'].includes(protocol) && tls) c.invalid(['spec', 'listeners'], 'array', "tls must not be specified for protocols ['HTTP', 'TCP', 'UDP']");
    if (protocol === 'TLS' && !tls?.mode) c.invalid(['spec', 'listeners'], 'array', 'tls mode must be set for protocol TLS');
    if (['TCP', 'UDP'].includes(protocol) && typeof l.hostname === 'string' && l.hostname !== '') c.invalid(['spec', 'listeners'], 'array', "hostname must not be specified for protocols ['TCP', 'UDP']");
  });
  const ls = listeners as Obj[];
  ls.forEach((l1, i) => {
    if (ls.filter((l2) => l2.name === l1.name).length > 1) c.fail(['spec', 'listeners', i], `Duplicate value: map[string]interface {}{"name":${JSON.stringify(l1.name)}}`);
    if (ls.filter((l2) => l2.port === l1.port && l2.protocol === l1.protocol && (l2.hostname ?? null) === (l1.hostname ?? null)).length > 1) {
      c.invalid(['spec', 'listeners'], 'array', 'Combination of port, protocol and hostname must be unique for each listener');
    }
  });
  return out;
}

/** HTTPRoute: parentRefs, hostnames, rules, matches (path CEL rules), headers, query params, methods, backendRefs; with the CRD defaults applied. */
export function readHTTPRoute(object: Obj): HTTPRoute {
  const c = new Checker(object, 'HTTPRoute');
  c.meta();
  const spec = c.obj(object.spec, ['spec'], true)!;
  const out = clone<HTTPRoute>(object);
  c.list(spec.parentRefs, ['spec', 'parentRefs'], 32).forEach((raw, i) => {
    const p = ['spec', 'parentRefs', i];
    const r = c.obj(raw, p, true)!;
    c.str(r.name, [...p, 'name'], { required: true, min: 1, max: 253 });
    c.str(r.namespace, [...p, 'namespace'], { min: 1, max: 63, pattern: [NAMESPACE, NAMESPACE_SRC] });
    c.str(r.sectionName, [...p, 'sectionName'], { min: 1, max: 253, pattern: [SECTION_NAME, SECTION_NAME_SRC] });
    c.int(r.port, [...p, 'port'], { min: 1, max: 65535 });
    c.str(r.kind, [...p, 'kind'], { min: 1, max: 63 });
    c.str(r.group, [...p, 'group'], { max: 253 });
  });
  c.list(spec.hostnames, ['spec', 'hostnames'], 16).forEach((h, i) => c.str(h, ['spec', 'hostnames', i], { required: true, min: 1, max: 253, pattern: [HOSTNAME, HOSTNAME_SRC] }));
  const rules = c.list(spec.rules, ['spec', 'rules'], 16);
  let total = 0;
  rules.forEach((raw, r) => {
    const p = ['spec', 'rules', r];
    const rule = c.obj(raw, p, true)!;
    const matches = c.list(rule.matches, [...p, 'matches'], 64);
    total += matches.length;
    matches.forEach((mraw, m) => {
      const mp = [...p, 'matches', m];
      const match = c.obj(mraw, mp, true)!;
      const path = c.obj(match.path, [...mp, 'path']);
      if (path) {
        const type = c.str(path.type, [...mp, 'path', 'type'], { enum: ['Exact', 'PathPrefix', 'RegularExpression'] }) ?? 'PathPrefix';
        const value = c.str(path.value, [...mp, 'path', 'value'], { max: 1024 }) ?? '/';
        if (type === 'Exact' || type === 'PathPrefix') {
          const t = "when type one of ['Exact', 'PathPrefix']";
          if (!value.startsWith('/')) c.invalid([...mp, 'path'], 'object', `value must be an absolute path and start with '/' ${t}`);
          for (const bad of ['//', '/./', '/../', '%2f', '%2F', '#']) if (value.includes(bad)) c.invalid([...mp, 'path'], 'object', `must not contain '${bad}' ${t}`);
          for (const bad of ['/..', '/.']) if (value.endsWith(bad)) c.invalid([...mp, 'path'], 'object', `must not end with '${bad}' ${t}`);
          if (!PATH_CHARS.test(value)) c.invalid([...mp, 'path'], 'object', `must only contain valid characters (matching ^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$) for types ['Exact', 'PathPrefix']`);
        }
      }
      for (const field of ['headers', 'queryParams'] as const) {
        const list = c.list(match[field], [...mp, field], 16);
        list.forEach((h, j) => {
          const hp = [...mp, field, j];
          const hm = c.obj(h, hp, true)!;
          c.str(hm.type, [...hp, 'type'], { enum: ['Exact', 'RegularExpression'] });
          c.str(hm.name, [...hp, 'name'], { required: true, min: 1, max: 256, pattern: [HEADER_NAME, HEADER_NAME_SRC] });
          c.str(hm.value, [...hp, 'value'], { required: true, min: 1, max: field === 'headers' ? 4096 : 1024 });
        });
        c.uniqueNames(list, [...mp, field]);
      }
      c.str(match.method, [...mp, 'method'], { enum: METHODS });
    });
    c.list(rule.filters, [...p, 'filters'], 16).forEach((f, j) => c.str((c.obj(f, [...p, 'filters', j], true)!).type, [...p, 'filters', j, 'type'], { required: true }));
    c.list(rule.backendRefs, [...p, 'backendRefs'], 16).forEach((b, j) => {
      const bp = [...p, 'backendRefs', j];
      const ref = c.obj(b, bp, true)!;
      c.str(ref.name, [...bp, 'name'], { required: true, min: 1, max: 253 });
      c.str(ref.namespace, [...bp, 'namespace'], { min: 1, max: 63, pattern: [NAMESPACE, NAMESPACE_SRC] });
      const port = c.int(ref.port, [...bp, 'port'], { min: 1, max: 65535 });
      c.int(ref.weight, [...bp, 'weight'], { min: 0, max: 1_000_000 });
      const group = c.str(ref.group, [...bp, 'group'], { max: 253 }) ?? '';
      const kind = c.str(ref.kind, [...bp, 'kind'], { min: 1, max: 63 }) ?? 'Service';
      // shared_types.go BackendObjectReference: +kubebuilder:validation:XValidation:message="Must have port for Service reference"
      if ((group === '' || group === 'core') && kind === 'Service' && port === undefined) c.invalid(bp, 'object', 'Must have port for Service reference');
    });
  });
  if (total > 128) c.invalid(['spec', 'rules'], 'array', 'While 16 rules and 64 matches per rule are allowed, the total number of matches across all rules in a route must be less than 128');
  // CRD defaults: rules [{matches: [{path: {type: PathPrefix, value: /}}]}], path type PathPrefix, value "/", parentRef group/kind.
  if (!Array.isArray(out.spec.rules) || out.spec.rules.length === 0) out.spec.rules = [{ matches: [{ path: { type: 'PathPrefix', value: '/' } }] }];
  for (const rule of out.spec.rules) {
    if (!Array.isArray(rule.matches) || rule.matches.length === 0) rule.matches = [{ path: { type: 'PathPrefix', value: '/' } }];
    for (const m of rule.matches) m.path = { type: m.path?.type ?? 'PathPrefix', value: m.path?.value ?? '/' };
    for (const b of rule.backendRefs ?? []) b.weight ??= 1;
  }
  for (const ref of out.spec.parentRefs ?? []) {
    ref.group ??= GROUP;
    ref.kind ??= 'Gateway';
  }
  return out;
}

/** ReferenceGrant (v1beta1 and v1): from [{group, kind, namespace}], to [{group, kind, name?}]. */
export function readReferenceGrant(object: Obj): ReferenceGrant {
  const c = new Checker(object, 'ReferenceGrant');
  c.meta();
  const spec = c.obj(object.spec, ['spec'], true)!;
  c.list(spec.from, ['spec', 'from'], 16, 1).forEach((f, i) => {
    const o = c.obj(f, ['spec', 'from', i], true)!;
    c.str(o.group, ['spec', 'from', i, 'group'], { required: true, max: 253 });
    c.str(o.kind, ['spec', 'from', i, 'kind'], { required: true, min: 1, max: 63 });
    c.str(o.namespace, ['spec', 'from', i, 'namespace'], { required: true, min: 1, max: 63, pattern: [NAMESPACE, NAMESPACE_SRC] });
  });
  c.list(spec.to, ['spec', 'to'], 16, 1).forEach((t, i) => {
    const o = c.obj(t, ['spec', 'to', i], true)!;
    c.str(o.group, ['spec', 'to', i, 'group'], { required: true, max: 253 });
    c.str(o.kind, ['spec', 'to', i, 'kind'], { required: true, min: 1, max: 63 });
  });
  return clone<ReferenceGrant>(object);
}
