// Generated from k8s.io/api v0.36.3 discovery/v1/types.go:
// every struct and named type the built-in kinds of ../kinds.ts reach, fields in upstream's
// order, each as "jsonName goType flags" (the grammar is in schema-types.ts).
// Transcribed by a throwaway script, which is not kept: change a line only to follow upstream.

import type { GoPackage } from './schema-types.ts';

export const DISCOVERY_V1: GoPackage = {
  id: 'discovery',
  path: 'k8s.io/api/discovery/v1',
  name: 'v1',
  structs: {
    Endpoint: ['addresses []string lt:set', 'conditions EndpointConditions o', 'hostname *string o', 'targetRef *core.ObjectReference o', 'deprecatedTopology map[string]string o', 'nodeName *string o', 'zone *string o', 'hints *EndpointHints o'],
    EndpointConditions: ['ready *bool o', 'serving *bool o', 'terminating *bool o'],
    EndpointHints: ['forZones []ForZone o lt:atomic', 'forNodes []ForNode o lt:atomic'],
    EndpointPort: ['+st:atomic', 'name *string o', 'protocol *core.Protocol o', 'port *int32 o', 'appProtocol *string o'],
    EndpointSlice: ['... meta.TypeMeta', 'metadata meta.ObjectMeta o', 'addressType AddressType', 'endpoints []Endpoint lt:atomic', 'ports []EndpointPort lt:atomic'],
    ForNode: ['name string'],
    ForZone: ['name string'],
  },
  named: {
    AddressType: 'string',
  },
};
