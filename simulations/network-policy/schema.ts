// The network-policy cell's input. Built-in objects (Namespace, Pod, NetworkPolicy) go
// through the shared API server (decoding, defaults, validation) as `kubectl apply` would
// send them; the notebook's own kind says what to probe:
//
//   apiVersion: kube-notebook.dev/v1alpha1
//   kind: ReachabilityProbe
//   spec:
//     ports:            [{port: 80, protocol: TCP}]   matrices to draw (default one: 80/TCP)
//     podCIDR:          10.244.0.0/16                 where Pods without status.podIP get an address
//     externalSources:  [{name: internet, ip: 203.0.113.10}]  extra rows: clients outside the cluster
//     connections:      [{name?, from: x/a | 203.0.113.10, to: y/b, port: 80, protocol: TCP}]
//                       connections explained step by step
//
// Errors point at the field (object + path), so the runtime shows the YAML line.

import { asObject, asString } from '../apimachinery/json.ts';
import type { JsonObject } from '../apimachinery/json.ts';
import { ipString, parseCIDRSloppy, parseIPSloppy } from '../apimachinery/go-net.ts';
import { freshApiServer } from '../apiserver/scenario.ts';
import { admitObjects, isBuiltIn } from '../kubectl/create.ts';
import { LimitExceededError, ValidationError } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';
import type { Manifest } from '../shared/yaml.ts';
import type { Protocol } from './policy-eval.ts';
import { PROTOCOLS } from './policy-eval.ts';

export const NOTEBOOK_API_VERSION = 'kube-notebook.dev/v1alpha1';
export const PROBE_KIND = 'ReachabilityProbe';

export const LIMITS = { pods: 60, policies: 60, ports: 4, externalSources: 6, connections: 30 } as const;

export interface ConnectionInput {
  name: string;
  from: { pod: string } | { ip: string };
  to: string;
  port: number;
  protocol: Protocol;
}

export interface NetworkPolicyInput {
  namespaces: Readonly<JsonObject>[];
  pods: Readonly<JsonObject>[];
  policies: Readonly<JsonObject>[];
  /** Pods given an address by the engine (no status.podIP in the YAML). */
  assignedIPs: Record<string, string>;
  ports: { port: number; protocol: Protocol }[];
  externalSources: { name: string; ip: string }[];
  connections: ConnectionInput[];
}

const ACCEPTED = new Set(['v1/Namespace', 'v1/Pod', 'networking.k8s.io/v1/NetworkPolicy']);

function fail(reason: string, object: object, path: FieldPath): never {
  throw new ValidationError(reason, { object, path });
}

function list(object: object, v: unknown, path: FieldPath, max: number): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) fail(`must be a list`, object, path);
  if (v.length > max) throw new LimitExceededError(`must have at most ${max} items, got ${v.length}`, { object, path });
  return v;
}

function port(object: object, v: unknown, path: FieldPath): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 65535) fail(`Invalid value: ${JSON.stringify(v)}: must be between 1 and 65535, inclusive`, object, path);
  return v as number;
}

function protocol(object: object, v: unknown, path: FieldPath): Protocol {
  if (v === undefined || v === null) return 'TCP';
  if (!PROTOCOLS.includes(v as Protocol)) fail(`Unsupported value: ${JSON.stringify(v)}: supported values: "SCTP", "TCP", "UDP"`, object, path);
  return v as Protocol;
}

function ip(object: object, v: unknown, path: FieldPath): string {
  const s = typeof v === 'string' ? v : '';
  if (!parseIPSloppy(s)) fail(`Invalid value: ${JSON.stringify(v)}: must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`, object, path);
  return s;
}

/** The n-th address of a CIDR (n from 0), or null past its end. */
function nthAddress(cidr: string, n: number): string | null {
  const parsed = parseCIDRSloppy(cidr);
  if (!parsed) return null;
  const base = Uint8Array.from(parsed.ipnet.ip);
  const ones = parsed.ipnet.mask.reduce((acc, b) => acc + (b.toString(2).match(/1/g)?.length ?? 0), 0);
  const hostBits = base.length * 8 - ones;
  if (hostBits < 31 && n >= 2 ** hostBits) return null;
  let carry = n;
  for (let i = base.length - 1; i >= 0 && carry > 0; i--) {
    const sum = base[i] + (carry % 256);
    base[i] = sum % 256;
    carry = Math.floor(carry / 256) + Math.floor(sum / 256);
  }
  return ipString(base);
}

export function readInput(manifests: readonly Manifest[]): NetworkPolicyInput {
  const builtIns: JsonObject[] = [];
  let probe: JsonObject | undefined;
  for (const m of manifests) {
    const o = m.object as JsonObject;
    const gvk = `${asString(o.apiVersion)}/${asString(o.kind)}`;
    if (asString(o.apiVersion) === NOTEBOOK_API_VERSION) {
      if (asString(o.kind) !== PROBE_KIND) fail(`no kind "${asString(o.kind)}" is registered for version "${NOTEBOOK_API_VERSION}" (this cell reads ${PROBE_KIND})`, o, ['kind']);
      if (probe) fail(`a second ${PROBE_KIND}; a cell has at most one`, o, ['kind']);
      probe = o;
      continue;
    }
    if (!ACCEPTED.has(gvk)) fail(`this cell reads Namespaces, Pods, NetworkPolicies and one ${PROBE_KIND}, not ${asString(o.kind)}`, o, ['kind']);
    if (!isBuiltIn(o)) fail(`no kind "${asString(o.kind)}" is registered`, o, ['kind']);
    builtIns.push(o);
  }
  const podCount = builtIns.filter((o) => o.kind === 'Pod').length;
  if (podCount > LIMITS.pods) throw new LimitExceededError(`at most ${LIMITS.pods} Pods per cell, got ${podCount}`, { object: builtIns.filter((o) => o.kind === 'Pod')[LIMITS.pods], path: ['kind'] });
  const policyCount = builtIns.filter((o) => o.kind === 'NetworkPolicy').length;
  if (policyCount > LIMITS.policies) throw new LimitExceededError(`at most ${LIMITS.policies} NetworkPolicies per cell, got ${policyCount}`, { object: builtIns.filter((o) => o.kind === 'NetworkPolicy')[LIMITS.policies], path: ['kind'] });

  const api = freshApiServer();
  // Namespaces first, so a Pod or policy naming one finds its labels.
  const ordered = [...builtIns.filter((o) => o.kind === 'Namespace'), ...builtIns.filter((o) => o.kind !== 'Namespace')];
  admitObjects(api, ordered, 'seed');
  const namespaces = (api.list('v1', 'Namespace').items ?? []) as Readonly<JsonObject>[];
  const pods = (api.list('v1', 'Pod').items ?? []) as Readonly<JsonObject>[];
  const policies = (api.list('networking.k8s.io/v1', 'NetworkPolicy').items ?? []) as Readonly<JsonObject>[];
  // The API server lists in key order; keep the learner's order for rows and columns.
  const order = new Map(builtIns.map((o, i) => [`${asString(o.kind)}/${asString(asObject(o.metadata)?.namespace) || 'default'}/${asString(asObject(o.metadata)?.name)}`, i]));
  const pos = (o: Readonly<JsonObject>) => order.get(`${asString(o.kind)}/${asString(asObject(o.metadata)?.namespace) || 'default'}/${asString(asObject(o.metadata)?.name)}`) ?? -1;
  pods.sort((a, b) => pos(a) - pos(b));
  policies.sort((a, b) => pos(a) - pos(b));

  const spec = (probe ? asObject(probe.spec) : undefined) ?? {};
  const p = probe ?? {};
  let podCIDR = '10.244.0.0/16';
  if (spec.podCIDR !== undefined) {
    if (typeof spec.podCIDR !== 'string' || !parseCIDRSloppy(spec.podCIDR)) fail(`Invalid value: ${JSON.stringify(spec.podCIDR)}: must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)`, p, ['spec', 'podCIDR']);
    podCIDR = spec.podCIDR as string;
  }
  const taken = new Set<string>();
  for (const pod of pods) {
    const s = asString(asObject(pod.status)?.podIP);
    if (s) taken.add(s);
  }
  const assignedIPs: Record<string, string> = {};
  let next = 2; // .0 is the network, .1 the gateway (cni0) on a bridge network
  const withIPs = pods.map((pod) => {
    if (asString(asObject(pod.status)?.podIP)) return pod;
    let addr = nthAddress(podCIDR, next++);
    while (addr && taken.has(addr)) addr = nthAddress(podCIDR, next++);
    if (!addr) fail(`${podCIDR} has no address left for Pod ${asString(asObject(pod.metadata)?.name)}`, p, ['spec', 'podCIDR']);
    taken.add(addr!);
    const meta = asObject(pod.metadata) ?? {};
    assignedIPs[`${asString(meta.namespace)}/${asString(meta.name)}`] = addr!;
    return { ...pod, status: { ...(asObject(pod.status) ?? {}), podIP: addr, podIPs: [{ ip: addr }] } } as Readonly<JsonObject>;
  });

  const ports = list(p, spec.ports, ['spec', 'ports'], LIMITS.ports).map((e, i) => {
    const o = asObject(e) ?? fail('must be an object', p, ['spec', 'ports', i]);
    return { port: port(p, o.port, ['spec', 'ports', i, 'port']), protocol: protocol(p, o.protocol, ['spec', 'ports', i, 'protocol']) };
  });
  if (ports.length === 0) ports.push({ port: 80, protocol: 'TCP' });

  const podKeys = new Set(withIPs.map((pod) => `${asString(asObject(pod.metadata)?.namespace)}/${asString(asObject(pod.metadata)?.name)}`));
  const externalSources = list(p, spec.externalSources, ['spec', 'externalSources'], LIMITS.externalSources).map((e, i) => {
    const o = asObject(e) ?? fail('must be an object', p, ['spec', 'externalSources', i]);
    const name = typeof o.name === 'string' && o.name ? o.name : fail('Required value', p, ['spec', 'externalSources', i, 'name']);
    return { name, ip: ip(p, o.ip, ['spec', 'externalSources', i, 'ip']) };
  });

  const names = new Set<string>();
  const connections = list(p, spec.connections, ['spec', 'connections'], LIMITS.connections).map((e, i): ConnectionInput => {
    const o = asObject(e) ?? fail('must be an object', p, ['spec', 'connections', i]);
    const path = (f: string): FieldPath => ['spec', 'connections', i, f];
    const podRef = (v: unknown, f: string): string => {
      let s = typeof v === 'string' ? v : '';
      if (s && !s.includes('/')) s = `default/${s}`;
      if (!podKeys.has(s)) fail(`Not found: ${JSON.stringify(v)}: no Pod of this cell is named so (write namespace/name)`, p, path(f));
      return s;
    };
    const rawFrom = o.from;
    const from = typeof rawFrom === 'string' && parseIPSloppy(rawFrom) ? { ip: rawFrom } : { pod: podRef(rawFrom, 'from') };
    const to = podRef(o.to, 'to');
    const c: ConnectionInput = { name: '', from, to, port: port(p, o.port, path('port')), protocol: protocol(p, o.protocol, path('protocol')) };
    c.name = typeof o.name === 'string' && o.name ? o.name : `${'pod' in from ? from.pod : from.ip}->${to}:${c.protocol}/${c.port}`;
    if (names.has(c.name)) fail(`Duplicate value: ${JSON.stringify(c.name)}`, p, path('name'));
    names.add(c.name);
    return c;
  });

  return { namespaces, pods: withIPs, policies, assignedIPs, ports, externalSources, connections };
}
