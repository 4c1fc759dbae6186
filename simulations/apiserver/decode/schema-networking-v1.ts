// Generated from k8s.io/api v0.36.3 networking/v1/types.go:
// every struct and named type the built-in kinds of ../kinds.ts reach, fields in upstream's
// order, each as "jsonName goType flags" (the grammar is in schema-types.ts).
// Transcribed by a throwaway script, which is not kept: change a line only to follow upstream.

import type { GoPackage } from './schema-types.ts';

export const NETWORKING_V1: GoPackage = {
  id: 'networking',
  path: 'k8s.io/api/networking/v1',
  name: 'v1',
  structs: {
    HTTPIngressPath: ['path string o', 'pathType *PathType', 'backend IngressBackend'],
    HTTPIngressRuleValue: ['paths []HTTPIngressPath lt:atomic'],
    IPBlock: ['cidr string', 'except []string o lt:atomic'],
    Ingress: ['... meta.TypeMeta', 'metadata meta.ObjectMeta o', 'spec IngressSpec o', 'status IngressStatus o'],
    IngressBackend: ['service *IngressServiceBackend o', 'resource *core.TypedLocalObjectReference o'],
    IngressClass: ['... meta.TypeMeta', 'metadata meta.ObjectMeta o', 'spec IngressClassSpec o'],
    IngressClassParametersReference: ['apiGroup *string o', 'kind string', 'name string', 'scope *string', 'namespace *string o'],
    IngressClassSpec: ['controller string o', 'parameters *IngressClassParametersReference o'],
    IngressLoadBalancerIngress: ['ip string o', 'hostname string o', 'ports []IngressPortStatus o lt:atomic'],
    IngressLoadBalancerStatus: ['ingress []IngressLoadBalancerIngress o lt:atomic'],
    IngressPortStatus: ['port int32', 'protocol core.Protocol', 'error *string o'],
    IngressRule: ['host string o', '... IngressRuleValue'],
    IngressRuleValue: ['http *HTTPIngressRuleValue o'],
    IngressServiceBackend: ['name string', 'port ServiceBackendPort o'],
    IngressSpec: ['ingressClassName *string o', 'defaultBackend *IngressBackend o', 'tls []IngressTLS o lt:atomic', 'rules []IngressRule o lt:atomic'],
    IngressStatus: ['loadBalancer IngressLoadBalancerStatus o'],
    IngressTLS: ['hosts []string o lt:atomic', 'secretName string o'],
    NetworkPolicy: ['... meta.TypeMeta', 'metadata meta.ObjectMeta o', 'spec NetworkPolicySpec o'],
    NetworkPolicyEgressRule: ['ports []NetworkPolicyPort o lt:atomic', 'to []NetworkPolicyPeer o lt:atomic'],
    NetworkPolicyIngressRule: ['ports []NetworkPolicyPort o lt:atomic', 'from []NetworkPolicyPeer o lt:atomic'],
    NetworkPolicyPeer: ['podSelector *meta.LabelSelector o', 'namespaceSelector *meta.LabelSelector o', 'ipBlock *IPBlock o'],
    NetworkPolicyPort: ['protocol *core.Protocol o', 'port *intstr.IntOrString o', 'endPort *int32 o'],
    NetworkPolicySpec: ['podSelector meta.LabelSelector', 'ingress []NetworkPolicyIngressRule o lt:atomic', 'egress []NetworkPolicyEgressRule o lt:atomic', 'policyTypes []PolicyType o lt:atomic'],
    ServiceBackendPort: ['+st:atomic', 'name string o', 'number int32 o'],
  },
  named: {
    PathType: 'string',
    PolicyType: 'string',
  },
};
