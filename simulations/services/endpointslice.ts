// The EndpointSlice controller's rule: which Pods a Service's slices list, and how.
// pkg/controller/endpointslice (staging k8s.io/endpointslice): reconciler.go and
// utils.go podToEndpoint, util/controller_utils.go ShouldPodBeInEndpoints and
// ShouldSetHostname, pkg/api/v1/pod FindPort. A Pod is listed when it matches the
// selector, is in the Service's namespace and has an IP; its conditions are
// serving = Pod Ready, terminating = deletionTimestamp set, and ready = serving and
// not terminating (or publishNotReadyAddresses). Pods whose target ports resolve to
// different numbers go to different slices; a slice holds at most 100 endpoints.
import { createHash } from 'node:crypto';
import { asList, asObject, asString, asStringMap } from '../apimachinery/json.ts';
import type { JsonObject } from '../apimachinery/json.ts';
import type { TraceStep } from '../shared/engine.ts';
import { familyOf } from './kube-proxy/net.ts';

export const MAX_ENDPOINTS_PER_SLICE = 100;
const SOURCE = 'pkg/controller/endpointslice/reconciler.go, staging/src/k8s.io/endpointslice/utils.go podToEndpoint';

export interface EndpointRow {
  pod: string;
  ip: string;
  node: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  hostname?: string;
}

export interface SliceSummary {
  name: string;
  namespace: string;
  service: string;
  addressType: string;
  ports: { name: string; port: number; protocol: string }[];
  endpoints: EndpointRow[];
  generated: boolean;
}

function podReady(pod: JsonObject): boolean {
  for (const c of asList(asObject(pod.status)?.conditions)) {
    const cond = asObject(c) ?? {};
    if (asString(cond.type) === 'Ready') return asString(cond.status) === 'True';
  }
  return false;
}

/** ShouldPodBeInEndpoints(pod, includeTerminating=true). */
function shouldPodBeInEndpoints(pod: JsonObject): string | null {
  const status = asObject(pod.status) ?? {};
  if (asString(status.podIP) === '' && asList(status.podIPs).length === 0) return 'it has no IP yet';
  const restart = asString(asObject(pod.spec)?.restartPolicy) || 'Always';
  const phase = asString(status.phase);
  if (restart === 'Never' && (phase === 'Failed' || phase === 'Succeeded')) return `it is ${phase} and restartPolicy is Never`;
  if (restart === 'OnFailure' && phase === 'Succeeded') return 'it is Succeeded and restartPolicy is OnFailure';
  return null;
}

/** FindPort: an integer targetPort as is, a named one looked up in the containers' ports (same protocol). */
function findPort(pod: JsonObject, servicePort: JsonObject): number | null {
  const target = servicePort.targetPort ?? servicePort.port;
  const protocol = asString(servicePort.protocol) || 'TCP';
  if (typeof target === 'number') return target;
  const name = asString(target);
  if (/^\d+$/.test(name)) return Number(name);
  const spec = asObject(pod.spec) ?? {};
  const containers = [...asList(spec.containers), ...asList(spec.initContainers).filter((c) => asString(asObject(c)?.restartPolicy) === 'Always')];
  for (const c of containers) {
    for (const p of asList(asObject(c)?.ports)) {
      const cp = asObject(p) ?? {};
      if (asString(cp.name) === name && (asString(cp.protocol) || 'TCP') === protocol && typeof cp.containerPort === 'number') return cp.containerPort;
    }
  }
  return null;
}

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const keys = Object.keys(selector);
  return keys.length > 0 && keys.every((k) => labels[k] === selector[k]);
}

function suffix(text: string): string {
  // generateName's 5 random characters, made deterministic from the slice's content
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  const digest = createHash('sha256').update(text).digest();
  let out = '';
  for (let i = 0; i < 5; i++) out += alphabet[digest[i] % alphabet.length];
  return out;
}

/** The EndpointSlices the controller writes for the Services with a selector. */
export function reconcileEndpointSlices(services: readonly JsonObject[], pods: readonly JsonObject[], trace: TraceStep[]): JsonObject[] {
  const slices: JsonObject[] = [];
  for (const svc of services) {
    const meta = asObject(svc.metadata) ?? {};
    const spec = asObject(svc.spec) ?? {};
    const name = asString(meta.name);
    const namespace = asString(meta.namespace) || 'default';
    const selector = asStringMap(spec.selector);
    if (Object.keys(selector).length === 0) continue; // no selector: the user manages the slices
    if (asString(spec.type) === 'ExternalName') continue;
    const publishNotReady = spec.publishNotReadyAddresses === true;
    const ipFamilies = asList(spec.ipFamilies).map((f) => asString(f));
    const addressType = ipFamilies[0] === 'IPv6' ? 'IPv6' : 'IPv4';
    const groups = new Map<string, { ports: { name: string; port: number; protocol: string }[]; endpoints: JsonObject[] }>();
    const matching = pods
      .filter((p) => (asString(asObject(p.metadata)?.namespace) || 'default') === namespace && selects(selector, asStringMap(asObject(p.metadata)?.labels)))
      .sort((a, b) => asString(asObject(a.metadata)?.name).localeCompare(asString(asObject(b.metadata)?.name)));
    for (const pod of matching) {
      const podName = asString(asObject(pod.metadata)?.name);
      const skip = shouldPodBeInEndpoints(pod);
      if (skip) {
        trace.push({ title: `Pod ${namespace}/${podName} is not an endpoint of Service ${name}: ${skip}`, source: 'staging/src/k8s.io/endpointslice/util/controller_utils.go ShouldPodBeInEndpoints', subject: `${namespace}/${podName}` });
        continue;
      }
      const status = asObject(pod.status) ?? {};
      const ips = asList(status.podIPs).map((p) => asString(asObject(p)?.ip)).filter((x) => x !== '');
      const address = [...ips, asString(status.podIP)].find((x) => familyOf(x) === addressType);
      if (!address) continue;
      const ports: { name: string; port: number; protocol: string }[] = [];
      for (const sp of asList(spec.ports)) {
        const servicePort = asObject(sp) ?? {};
        const n = findPort(pod, servicePort);
        if (n === null) {
          trace.push({ title: `Service ${name} port ${asString(servicePort.name) || asString(servicePort.port)}: Pod ${podName} has no container port named "${asString(servicePort.targetPort)}"`, source: 'pkg/api/v1/pod/util.go FindPort', level: 'warning', subject: `${namespace}/${podName}` });
          continue;
        }
        ports.push({ name: asString(servicePort.name), port: n, protocol: asString(servicePort.protocol) || 'TCP' });
      }
      const serving = podReady(pod);
      const terminating = asObject(pod.metadata)?.deletionTimestamp !== undefined && asObject(pod.metadata)?.deletionTimestamp !== null;
      // "ready" should never be "true" if a pod is terminating, unless publishNotReadyAddresses was set.
      const ready = publishNotReady || (serving && !terminating);
      const podSpec = asObject(pod.spec) ?? {};
      const endpoint: JsonObject = {
        addresses: [address],
        conditions: { ready, serving, terminating },
        targetRef: { kind: 'Pod', namespace, name: podName, uid: asString(asObject(pod.metadata)?.uid) },
      };
      if (asString(podSpec.nodeName) !== '') endpoint.nodeName = asString(podSpec.nodeName);
      // ShouldSetHostname: spec.hostname set and spec.subdomain names this Service
      if (asString(podSpec.hostname) !== '' && asString(podSpec.subdomain) === name) endpoint.hostname = asString(podSpec.hostname);
      const key = JSON.stringify(ports);
      if (!groups.has(key)) groups.set(key, { ports, endpoints: [] });
      groups.get(key)!.endpoints.push(endpoint);
      trace.push({
        title: `Pod ${namespace}/${podName} (${address}) → Service ${name}: ready=${ready}, serving=${serving}, terminating=${terminating}`,
        detail: terminating
          ? 'A terminating Pod stays in the slice with ready=false; kube-proxy uses it only if no endpoint is ready (serving and terminating).'
          : serving
            ? 'Its Ready condition is True.'
            : publishNotReady
              ? 'Not Ready, but publishNotReadyAddresses makes it ready.'
              : 'Its Ready condition is not True: kube-proxy and cluster DNS leave it out.',
        source: SOURCE,
        subject: `${namespace}/${podName}`,
      });
    }
    // No endpoints: the reconciler still keeps one placeholder slice, with no ports.
    if (groups.size === 0) groups.set('[]', { ports: [], endpoints: [] });
    for (const group of groups.values()) {
      for (let i = 0; i < Math.max(1, Math.ceil(group.endpoints.length / MAX_ENDPOINTS_PER_SLICE)); i++) {
        const endpoints = group.endpoints.slice(i * MAX_ENDPOINTS_PER_SLICE, (i + 1) * MAX_ENDPOINTS_PER_SLICE);
        const sliceName = `${name}-${suffix(`${namespace}/${name}/${JSON.stringify(group.ports)}/${i}`)}`;
        slices.push({
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: {
            name: sliceName,
            namespace,
            labels: { 'kubernetes.io/service-name': name, 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
            ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: asString(meta.uid), controller: true, blockOwnerDeletion: true }],
          },
          addressType,
          endpoints,
          ports: group.ports.map((p) => ({ name: p.name, port: p.port, protocol: p.protocol })),
        });
      }
    }
  }
  return slices;
}

/** A slice as the result shows it. */
export function summarizeSlice(slice: JsonObject, podsByIP: Map<string, string>, generated: boolean): SliceSummary {
  const meta = asObject(slice.metadata) ?? {};
  return {
    name: asString(meta.name),
    namespace: asString(meta.namespace) || 'default',
    service: asString(asObject(meta.labels)?.['kubernetes.io/service-name']),
    addressType: asString(slice.addressType),
    ports: asList(slice.ports).map((p) => {
      const o = asObject(p) ?? {};
      return { name: asString(o.name), port: typeof o.port === 'number' ? o.port : 0, protocol: asString(o.protocol) || 'TCP' };
    }),
    endpoints: asList(slice.endpoints).map((e) => {
      const ep = asObject(e) ?? {};
      const cond = asObject(ep.conditions) ?? {};
      const ip = asString(asList(ep.addresses)[0]);
      return {
        pod: asString(asObject(ep.targetRef)?.name) || podsByIP.get(ip) || '',
        ip,
        node: asString(ep.nodeName),
        ready: cond.ready !== false,
        serving: cond.serving !== false,
        terminating: cond.terminating === true,
        ...(asString(ep.hostname) !== '' ? { hostname: asString(ep.hostname) } : {}),
      };
    }),
    generated,
  };
}
