// networking.k8s.io/v1 defaulting: NetworkPolicy, IngressClass.
// src: pkg/apis/networking/v1/defaults.go (SetDefaults_NetworkPolicy,
//      SetDefaults_NetworkPolicyPort, SetDefaults_IngressClass) and zz_generated.defaults.go.
// Ingress has none in v1: its pathType is required (only v1beta1 defaulted it).

import type { JsonObject } from '../../apimachinery/json.ts';
import { asList } from '../../apimachinery/json.ts';
import { defaultPointer, isNil, pointer, put, struct, structs } from './fields.ts';

/**
 * SetObjectDefaults_NetworkPolicy: "Any policy that does not specify
 * policyTypes implies at least Ingress", plus Egress when it has egress rules;
 * every ingress and egress port's protocol defaults to TCP.
 */
export function setObjectDefaultsNetworkPolicy(np: JsonObject): void {
  const spec = struct(np, 'spec');
  if (!spec) return;
  if (isNil(spec.policyTypes) || (Array.isArray(spec.policyTypes) && spec.policyTypes.length === 0)) {
    put(spec, 'policyTypes', asList(spec.egress).length !== 0 ? ['Ingress', 'Egress'] : ['Ingress']);
  }
  for (const rule of [...structs(spec.ingress), ...structs(spec.egress)]) {
    for (const port of structs(rule.ports)) defaultPointer(port, 'protocol', 'TCP');
  }
}

/** SetObjectDefaults_IngressClass: parameters without a scope are Cluster-scoped. */
export function setObjectDefaultsIngressClass(ic: JsonObject): void {
  const parameters = pointer(pointer(ic, 'spec'), 'parameters');
  if (parameters) defaultPointer(parameters, 'scope', 'Cluster');
}
