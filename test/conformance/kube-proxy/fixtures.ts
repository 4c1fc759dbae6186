// Builders shared by the kube-proxy conformance tables: proxier_test.go's
// NewFakeProxier (as a ProxierInput), makeTestService, makeTestEndpointSlice and
// runPacketFlowTests.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { tracePacket } from '../../../simulations/index.ts';
import type { ProxierInput } from '../../../simulations/index.ts';

export const testNodeIPAlt = '192.168.1.2';
export const testNodeIPv6 = '2001:db8::1';
export const testNodeIPv6Alt = '2001:db8:1::2';
export const testExternalClient = '203.0.113.2';
export const testExternalClientBlocked = '203.0.113.130';
export const testNodeName = 'test-node';
export const testNodeIP = '192.168.0.2';
const testExternalIP = '192.168.99.11';
export const testNodeIPs = [testNodeIP, testNodeIPAlt, testExternalIP, testNodeIPv6, testNodeIPv6Alt];

type Obj = Record<string, unknown>;
export const makeTestService = (namespace: string, name: string, spec: Obj, status: Obj = {}): Obj => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace, annotations: {} },
  spec,
  status,
});
export const makeTestEndpointSlice = (namespace: string, name: string, sliceNum: number, body: Obj): Obj => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: `${name}-${sliceNum}`, namespace, labels: { 'kubernetes.io/service-name': name } },
  ...body,
});
export const fakeProxier = (services: Obj[], endpointSlices: Obj[], extra: Partial<ProxierInput> = {}): ProxierInput => ({
  ipFamily: 'IPv4',
  nodeName: testNodeName,
  nodeIPs: testNodeIPs,
  clusterCIDR: '10.0.0.0/8',
  masqueradeAll: false,
  localhostNodePorts: true,
  nodePortAddresses: null,
  services,
  endpointSlices,
  ...extra,
});
export interface PacketFlowTest {
  name: string;
  sourceIP: string;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  destIP: string;
  destPort: number;
  output: string;
  masq?: boolean;
}

export function runPacketFlowTests(input: ProxierInput, cases: PacketFlowTest[]): void {
  for (const tc of cases) {
    it(tc.name, () => {
      const got = tracePacket(input, { protocol: tc.protocol ?? 'TCP', sourceIP: tc.sourceIP, destIP: tc.destIP, destPort: tc.destPort });
      assert.deepEqual(got, { output: tc.output, masq: tc.masq ?? false });
    });
  }
}

