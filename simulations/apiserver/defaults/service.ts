// Service and Endpoints defaulting.
// src: pkg/apis/core/v1/defaults.go (SetDefaults_Service, SetDefaults_Endpoints),
//      pkg/api/v1/service/util.go (ExternallyAccessible), the ServicePort.protocol
//      `+default="TCP"` marker of k8s.io/api core/v1 types.go.
//
// Not here, because kube-apiserver does them in the Service REST storage
// (pkg/registry/core/service/storage), not in defaulting: clusterIP(s)
// allocation, ipFamilies and ipFamilyPolicy, nodePort allocation.

import type { JsonObject } from '../../apimachinery/json.ts';
import { asInt, asString } from '../../apimachinery/json.ts';
import { defaultPointer, defaultString, isNil, pointer, put, struct, structs } from './fields.ts';

// k8s.io/api core/v1 types.go DefaultClientIPServiceAffinitySeconds (3 hours).
const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

/** ExternallyAccessible: pkg/api/v1/service/util.go, LoadBalancer, NodePort, or ClusterIP with externalIPs. */
function externallyAccessible(spec: JsonObject): boolean {
  const type = asString(spec.type);
  const externalIPs = spec.externalIPs;
  return type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && Array.isArray(externalIPs) && externalIPs.length > 0);
}

/**
 * SetDefaults_Service: sessionAffinity None (which drops sessionAffinityConfig;
 * ClientIP gets a 10800 s timeout), type ClusterIP, each port's protocol TCP
 * and targetPort its port, externalTrafficPolicy Cluster when externally
 * accessible, internalTrafficPolicy Cluster (not for ExternalName),
 * allocateLoadBalancerNodePorts true for LoadBalancer, and ipMode VIP on
 * load-balancer ingress points that have an IP.
 */
export function setDefaultsService(svc: JsonObject): void {
  const spec = struct(svc, 'spec');
  if (!spec) return;
  defaultString(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  const config = spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && (isNil(config) || pointer(spec, 'sessionAffinityConfig'))) {
    const timeout = pointer(pointer(spec, 'sessionAffinityConfig'), 'clientIP')?.timeoutSeconds;
    if (isNil(timeout)) put(spec, 'sessionAffinityConfig', { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS } });
  }
  defaultString(spec, 'type', 'ClusterIP');
  for (const port of structs(spec.ports)) {
    defaultString(port, 'protocol', 'TCP');
    // `sp.TargetPort == intstr.FromInt32(0) || sp.TargetPort == intstr.FromString("")`:
    // absent, 0 and "" all mean unset.
    const target = port.targetPort;
    if (isNil(target) || target === 0 || target === '') put(port, 'targetPort', asInt(port.port));
  }
  if (externallyAccessible(spec)) defaultString(spec, 'externalTrafficPolicy', 'Cluster');
  const type = spec.type;
  if (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP') defaultPointer(spec, 'internalTrafficPolicy', 'Cluster');
  if (type === 'LoadBalancer') {
    defaultPointer(spec, 'allocateLoadBalancerNodePorts', true);
    const loadBalancer = pointer(pointer(svc, 'status'), 'loadBalancer');
    for (const ingress of structs(loadBalancer?.ingress)) {
      if (asString(ingress.ip) !== '' && isNil(ingress.ipMode)) put(ingress, 'ipMode', 'VIP');
    }
  }
}

/** SetObjectDefaults_Service: SetDefaults_Service (the port protocol marker is the same rule). */
export function setObjectDefaultsService(svc: JsonObject): void {
  setDefaultsService(svc);
}

/** SetObjectDefaults_Endpoints → SetDefaults_Endpoints: each subset port's protocol defaults to TCP. */
export function setObjectDefaultsEndpoints(ep: JsonObject): void {
  for (const subset of structs(ep.subsets)) {
    for (const port of structs(subset.ports)) defaultString(port, 'protocol', 'TCP');
  }
}
