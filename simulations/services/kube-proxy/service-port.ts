// What kube-proxy keeps of a Service: one ServicePort per spec.ports[] entry.
// pkg/proxy/servicechangetracker.go serviceToServiceMap, pkg/proxy/serviceport.go
// newBaseServiceInfo, pkg/proxy/util/utils.go ShouldSkipService and
// GetClusterIPByFamily, pkg/api/service/util.go ExternallyAccessible,
// ExternalPolicyLocal, InternalPolicyLocal and NeedsHealthCheck.
import { asList, asObject, asString } from '../../apimachinery/json.ts';
import { canonicalIP, familyOf, parseCidr } from './net.ts';
import type { Cidr, IPFamily } from './net.ts';
import {
  serviceExternalChainName,
  serviceFirewallChainName,
  servicePortPolicyClusterChain,
  servicePortPolicyLocalChainName,
} from './chain-names.ts';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface ServicePortInfo {
  /** "ns/name:port" (":port" only when the port has a name): proxy.ServicePortName.String(). */
  name: string;
  namespace: string;
  service: string;
  portName: string;
  protocol: Protocol;
  clusterIP: string;
  port: number;
  nodePort: number;
  externalIPs: string[];
  loadBalancerVIPs: string[];
  loadBalancerSourceRanges: Cidr[];
  healthCheckNodePort: number;
  sessionAffinityClientIP: boolean;
  stickyMaxAgeSeconds: number;
  externalPolicyLocal: boolean;
  internalPolicyLocal: boolean;
  clusterPolicyChainName: string;
  localPolicyChainName: string;
  firewallChainName: string;
  externalChainName: string;
}

/** ServicePort.ExternallyAccessible: a NodePort, a load-balancer IP or an external IP. */
export function externallyAccessible(s: ServicePortInfo): boolean {
  return s.nodePort !== 0 || s.loadBalancerVIPs.length > 0 || s.externalIPs.length > 0;
}
/** UsesClusterEndpoints: internal policy Cluster, or any external traffic (short-circuiting needs them). */
export function usesClusterEndpoints(s: ServicePortInfo): boolean {
  return !s.internalPolicyLocal || externallyAccessible(s);
}
/** UsesLocalEndpoints. */
export function usesLocalEndpoints(s: ServicePortInfo): boolean {
  return s.internalPolicyLocal || (s.externalPolicyLocal && externallyAccessible(s));
}

export function protocolOf(value: unknown): Protocol {
  const p = asString(value);
  return p === 'UDP' || p === 'SCTP' ? p : 'TCP';
}

/** proxy.ServicePortName.String(): "ns/name" plus ":port" when the port is named. */
export function servicePortNameString(namespace: string, name: string, port: string): string {
  return `${namespace}/${name}${port === '' ? '' : `:${port}`}`;
}

function int(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) ? value : 0;
}

/** The ServicePorts kube-proxy of `family` builds from one Service (empty when it skips the Service). */
export function servicePorts(service: unknown, family: IPFamily): ServicePortInfo[] {
  const svc = asObject(service) ?? {};
  const meta = asObject(svc.metadata) ?? {};
  const spec = asObject(svc.spec) ?? {};
  const status = asObject(svc.status) ?? {};
  const namespace = asString(meta.namespace) || 'default';
  const name = asString(meta.name);
  const type = asString(spec.type) || 'ClusterIP';
  // ShouldSkipService: headless ("None") or unallocated ClusterIPs, and ExternalName.
  const clusterIPText = asString(spec.clusterIP);
  if (clusterIPText === '' || clusterIPText === 'None' || type === 'ExternalName') return [];
  // GetClusterIPByFamily
  const clusterIPs = asList(spec.clusterIPs).map((v) => asString(v));
  const candidates = clusterIPs.length > 0 ? clusterIPs : [clusterIPText];
  const chosen = candidates.find((ip) => familyOf(ip) === family);
  if (chosen === undefined) return [];
  const clusterIP = canonicalIP(chosen) as string;

  const externallyAccessibleSvc = type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && asList(spec.externalIPs).length > 0);
  const externalPolicyLocal = externallyAccessibleSvc && asString(spec.externalTrafficPolicy) === 'Local';
  const internalPolicyLocal = asString(spec.internalTrafficPolicy) === 'Local';
  const clientIP = asString(spec.sessionAffinity) === 'ClientIP';
  const timeout = asObject(asObject(asObject(spec.sessionAffinityConfig)?.clientIP))?.timeoutSeconds;
  // core/v1 DefaultClientIPServiceAffinitySeconds = 10800 (the API server defaults it)
  const sticky = clientIP ? (typeof timeout === 'number' ? timeout : 10800) : 0;

  const externalIPs = asList(spec.externalIPs).map((v) => asString(v)).filter((ip) => familyOf(ip) === family).map((ip) => canonicalIP(ip) as string);
  // newBaseServiceInfo: source ranges are trimmed ("  203.0.113.0/25" still works) and kept for this family.
  const ranges = asList(spec.loadBalancerSourceRanges).map((v) => parseCidr(asString(v))).filter((c): c is Cidr => c !== null && c.family === family);
  // Only VIP-mode ingress IPs are captured (ipMode Proxy means the load balancer proxies itself).
  const lbIPs: string[] = [];
  for (const ing of asList(asObject(status.loadBalancer)?.ingress)) {
    const o = asObject(ing) ?? {};
    const ip = asString(o.ip);
    if (ip === '' || familyOf(ip) !== family) continue;
    const mode = asString(o.ipMode);
    if (mode !== '' && mode !== 'VIP') continue;
    lbIPs.push(canonicalIP(ip) as string);
  }
  // NeedsHealthCheck: LoadBalancer with externalTrafficPolicy Local
  const healthCheckNodePort = type === 'LoadBalancer' && asString(spec.externalTrafficPolicy) === 'Local' ? int(spec.healthCheckNodePort) : 0;

  const out: ServicePortInfo[] = [];
  for (const p of asList(spec.ports)) {
    const port = asObject(p) ?? {};
    const portName = asString(port.name);
    const protocol = protocolOf(port.protocol);
    const nameString = servicePortNameString(namespace, name, portName);
    const proto = protocol.toLowerCase();
    out.push({
      name: nameString,
      namespace,
      service: name,
      portName,
      protocol,
      clusterIP,
      port: int(port.port),
      nodePort: int(port.nodePort),
      externalIPs,
      loadBalancerVIPs: lbIPs,
      loadBalancerSourceRanges: ranges,
      healthCheckNodePort,
      sessionAffinityClientIP: clientIP,
      stickyMaxAgeSeconds: sticky,
      externalPolicyLocal,
      internalPolicyLocal,
      clusterPolicyChainName: servicePortPolicyClusterChain(nameString, proto),
      localPolicyChainName: servicePortPolicyLocalChainName(nameString, proto),
      firewallChainName: serviceFirewallChainName(nameString, proto),
      externalChainName: serviceExternalChainName(nameString, proto),
    });
  }
  return out;
}
