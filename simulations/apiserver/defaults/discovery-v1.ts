// discovery.k8s.io/v1 defaulting: EndpointSlice.
// src: pkg/apis/discovery/v1/defaults.go SetDefaults_EndpointPort and zz_generated.defaults.go.

import type { JsonObject } from '../../apimachinery/json.ts';
import { defaultPointer, structs } from './fields.ts';

/** SetObjectDefaults_EndpointSlice: each port's name defaults to "" and its protocol to TCP. */
export function setObjectDefaultsEndpointSlice(slice: JsonObject): void {
  for (const port of structs(slice.ports)) {
    defaultPointer(port, 'name', '');
    defaultPointer(port, 'protocol', 'TCP');
  }
}
