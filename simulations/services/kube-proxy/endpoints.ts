// What kube-proxy keeps of EndpointSlices, and which endpoints a service port uses.
// pkg/proxy/endpointslicecache.go (addEndpoints, endpointsMapFromEndpointInfo: one
// entry per "ip:port", a local copy wins over a remote duplicate, sorted by that
// string) and pkg/proxy/topology.go CategorizeEndpoints.
import { asList, asObject, asOptionalBool, asOptionalString, asString, asInt } from '../../apimachinery/json.ts';
import { canonicalIP, familyOf, joinHostPort } from './net.ts';
import type { IPFamily } from './net.ts';
import { protocolOf, servicePortNameString, usesClusterEndpoints, usesLocalEndpoints } from './service-port.ts';
import type { ServicePortInfo } from './service-port.ts';
import { servicePortEndpointChainName } from './chain-names.ts';

export interface EndpointInfo {
  ip: string;
  port: number;
  /** "ip:port", "[ip]:port" for IPv6: BaseEndpointInfo.String(). */
  text: string;
  isLocal: boolean;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  nodeName: string;
  chainName: string;
}

/** servicePortName + "/" + protocol → its endpoints, sorted as kube-proxy sorts them. */
export type EndpointsMap = Map<string, EndpointInfo[]>;

export function endpointsKey(portName: string, protocol: string): string {
  return `${portName}/${protocol}`;
}

/** The endpoints map kube-proxy on `nodeName` builds from every EndpointSlice. */
export function buildEndpointsMap(slices: readonly unknown[], family: IPFamily, nodeName: string): EndpointsMap {
  const sets = new Map<string, Map<string, EndpointInfo>>();
  for (const raw of slices) {
    const slice = asObject(raw) ?? {};
    const meta = asObject(slice.metadata) ?? {};
    const serviceName = asString(asObject(meta.labels)?.['kubernetes.io/service-name']);
    if (serviceName === '') continue; // endpointslicecache: slices without the service label are ignored
    const addressType = asString(slice.addressType);
    if (addressType !== 'IPv4' && addressType !== 'IPv6') continue; // FQDN slices are not proxied
    const namespace = asString(meta.namespace) || 'default';
    for (const p of asList(slice.ports)) {
      const port = asObject(p) ?? {};
      if (typeof port.port !== 'number') continue; // "Ignoring invalid endpoint port"
      const portName = asString(port.name);
      const protocol = protocolOf(port.protocol);
      const nameString = servicePortNameString(namespace, serviceName, portName);
      const key = endpointsKey(nameString, protocol);
      let set = sets.get(key);
      if (!set) sets.set(key, (set = new Map()));
      for (const e of asList(slice.endpoints)) {
        const ep = asObject(e) ?? {};
        const addresses = asList(ep.addresses).map((a) => asString(a));
        if (addresses.length === 0) continue;
        if (familyOf(addresses[0]) !== family) continue;
        const nodeNameOf = asOptionalString(ep.nodeName);
        const isLocal = nodeNameOf !== undefined && nodeNameOf === nodeName;
        const cond = asObject(ep.conditions) ?? {};
        const ready = asOptionalBool(cond.ready) ?? true;
        const serving = asOptionalBool(cond.serving) ?? true;
        const terminating = asOptionalBool(cond.terminating) ?? false;
        const ip = canonicalIP(addresses[0]) as string;
        const portNumber = asInt(port.port);
        const text = joinHostPort(ip, portNumber);
        if (set.has(text) && !isLocal) continue;
        set.set(text, {
          ip,
          port: portNumber,
          text,
          isLocal,
          ready,
          serving,
          terminating,
          nodeName: nodeNameOf ?? '',
          chainName: servicePortEndpointChainName(nameString, protocol.toLowerCase(), text),
        });
      }
    }
  }
  const out: EndpointsMap = new Map();
  for (const [key, set] of sets) {
    if (set.size === 0) continue;
    // byEndpoint: sorted by the "ip:port" string, so 10.0.0.10:80 comes before 10.0.0.2:80
    out.set(key, [...set.values()].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)));
  }
  return out;
}

export interface Categorized {
  clusterEndpoints: EndpointInfo[];
  localEndpoints: EndpointInfo[];
  allReachableEndpoints: EndpointInfo[];
  hasAnyEndpoints: boolean;
  /** True when only serving-and-terminating endpoints were left (the fallback). */
  clusterUsesTerminating: boolean;
  localUsesTerminating: boolean;
}

/**
 * pkg/proxy/topology.go CategorizeEndpoints, without topology hints: Ready endpoints,
 * or, when none is Ready anywhere, the serving-and-terminating ones; the same for
 * this node's endpoints when a Local policy is in use.
 */
export function categorizeEndpoints(endpoints: readonly EndpointInfo[], svc: ServicePortInfo): Categorized {
  let clusterEndpoints: EndpointInfo[] = [];
  let localEndpoints: EndpointInfo[] = [];
  let hasAnyEndpoints = false;
  let clusterUsesTerminating = false;
  let localUsesTerminating = false;
  if (usesClusterEndpoints(svc)) {
    clusterEndpoints = endpoints.filter((ep) => ep.ready);
    if (clusterEndpoints.length === 0) {
      clusterEndpoints = endpoints.filter((ep) => ep.serving && ep.terminating);
      clusterUsesTerminating = clusterEndpoints.length > 0;
    }
    if (clusterEndpoints.length > 0) hasAnyEndpoints = true;
  }
  if (!usesLocalEndpoints(svc)) {
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: clusterEndpoints, hasAnyEndpoints, clusterUsesTerminating, localUsesTerminating };
  }
  let hasLocalReady = false;
  let hasLocalServingTerminating = false;
  for (const ep of endpoints) {
    if (ep.ready) {
      hasAnyEndpoints = true;
      if (ep.isLocal) hasLocalReady = true;
    } else if (ep.serving && ep.terminating) {
      hasAnyEndpoints = true;
      if (ep.isLocal) hasLocalServingTerminating = true;
    }
  }
  if (hasLocalReady) localEndpoints = endpoints.filter((ep) => ep.isLocal && ep.ready);
  else if (hasLocalServingTerminating) {
    localUsesTerminating = true;
    localEndpoints = endpoints.filter((ep) => ep.isLocal && ep.serving && ep.terminating);
  }
  if (!usesClusterEndpoints(svc)) {
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: localEndpoints, hasAnyEndpoints, clusterUsesTerminating, localUsesTerminating };
  }
  if (!localUsesTerminating) {
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: clusterEndpoints, hasAnyEndpoints, clusterUsesTerminating, localUsesTerminating };
  }
  // Merge: cluster endpoints plus the terminating local ones (upstream builds a map; we keep the sorted order).
  const merged = new Map<string, EndpointInfo>();
  for (const ep of clusterEndpoints) merged.set(ep.text, ep);
  for (const ep of localEndpoints) merged.set(ep.text, ep);
  const allReachableEndpoints = [...merged.values()].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints, clusterUsesTerminating, localUsesTerminating };
}
