// The networking.k8s.io/v1 kinds' validation, as their registry strategies call it.
// src: pkg/registry/networking/{ingress,ingressclass,networkpolicy}/strategy.go

import type { ValidationTable } from '../types.ts';
import { validateIngressCreate, validateIngressStatusUpdate, validateIngressUpdate } from './ingress.ts';
import { validateIngressClass, validateIngressClassUpdate } from './ingress-class.ts';
import { networkPolicyStrategyValidate, networkPolicyStrategyValidateUpdate } from './network-policy.ts';

export const NETWORKING_VALIDATION: ValidationTable = {
  'networking.k8s.io/v1/Ingress': { create: validateIngressCreate, update: validateIngressUpdate, statusUpdate: validateIngressStatusUpdate },
  'networking.k8s.io/v1/IngressClass': { create: validateIngressClass, update: validateIngressClassUpdate },
  'networking.k8s.io/v1/NetworkPolicy': { create: networkPolicyStrategyValidate, update: networkPolicyStrategyValidateUpdate },
};
