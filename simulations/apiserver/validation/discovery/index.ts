// Validation of discovery.k8s.io kinds, by kind key.
// src: pkg/apis/discovery/validation/validation.go, pkg/registry/discovery/endpointslice/strategy.go

import type { ValidationTable } from '../types.ts';
import { validateEndpointSliceCreate, validateEndpointSliceUpdate } from './endpoint-slice.ts';

export const DISCOVERY_VALIDATION: ValidationTable = {
  'discovery.k8s.io/v1/EndpointSlice': { create: validateEndpointSliceCreate, update: validateEndpointSliceUpdate },
};
