// Upstream: pkg/apis/core/validation/validation_test.go: TestValidateServiceCreate
// (the table that was TestValidateService), TestValidateServiceExternalTrafficPolicy,
// TestValidateServiceUpdate.
//
// Each Go case tweaks makeValidService(): name/namespace "valid", empty labels
// and annotations, resourceVersion "1", selector {key: val}, sessionAffinity
// None, type ClusterIP, one port {p, TCP, 8675 -> 8675} and
// internalTrafficPolicy Cluster (no clusterIP, no ipFamilies). The JSON
// below is that Service in v1 form, and each tweak does to it what the Go
// tweak does (a Go nil is a deleted field).
//
// Upstream asserts only the number of errors (numErrs). The `errors` of each
// case keep that number and name each error's type and field as upstream's
// ValidateService / ValidateServiceUpdate produce them (traced through
// validation.go, in its order).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorString, type ErrorList, type ErrorType } from '../../../simulations/apimachinery/field-errors.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { validateServiceExternalTrafficPolicy } from '../../../simulations/apiserver/validation/core/service.ts';
import { validationFor } from '../../../simulations/apiserver/validation/index.ts';

const FILE = 'pkg/apis/core/validation/validation_test.go';
interface Want {
  type: ErrorType;
  field: string;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Svc = any;

const I = (field: string): Want => ({ type: 'FieldValueInvalid', field });
const R = (field: string): Want => ({ type: 'FieldValueRequired', field });
const F = (field: string): Want => ({ type: 'FieldValueForbidden', field });
const NS = (field: string): Want => ({ type: 'FieldValueNotSupported', field });
const D = (field: string): Want => ({ type: 'FieldValueDuplicate', field });

/** makeValidService() as v1 JSON. */
function makeValidService(): Svc {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'valid', namespace: 'valid', labels: {}, annotations: {}, resourceVersion: '1' },
    spec: {
      selector: { key: 'val' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
      ports: [{ name: 'p', protocol: 'TCP', port: 8675, targetPort: 8675 }],
      internalTrafficPolicy: 'Cluster',
    },
  };
}

const port = (name: string, p: number, protocol: string, targetPort: number | string, nodePort?: number): JsonObject => ({
  ...(name ? { name } : {}),
  protocol,
  port: p,
  targetPort,
  ...(nodePort ? { nodePort } : {}),
});
const lb = (s: Svc) => {
  s.spec.type = 'LoadBalancer';
  s.spec.externalTrafficPolicy = 'Cluster';
  s.spec.allocateLoadBalancerNodePorts = true;
};
const np = (s: Svc) => {
  s.spec.type = 'NodePort';
  s.spec.externalTrafficPolicy = 'Cluster';
};
const ips = (s: Svc, clusterIP: string, list?: string[], families?: string[], policy?: string) => {
  s.spec.clusterIP = clusterIP;
  if (list) s.spec.clusterIPs = list;
  else delete s.spec.clusterIPs;
  if (families) s.spec.ipFamilies = families;
  if (policy) s.spec.ipFamilyPolicy = policy;
};
const LBSR = 'metadata.annotations[service.beta.kubernetes.io/load-balancer-source-ranges]';

interface CreateCase {
  name: string;
  tweak: (s: Svc) => void;
  errors: Want[];
}

// TestValidateServiceCreate, in upstream's order.
const createCases: CreateCase[] = [
  { name: 'missing namespace', tweak: (s) => (s.metadata.namespace = ''), errors: [R('metadata.namespace')] },
  { name: 'invalid namespace', tweak: (s) => (s.metadata.namespace = '-123'), errors: [I('metadata.namespace')] },
  { name: 'missing name', tweak: (s) => (s.metadata.name = ''), errors: [R('metadata.name')] },
  { name: 'invalid name', tweak: (s) => (s.metadata.name = '-123'), errors: [I('metadata.name')] },
  { name: 'too long name', tweak: (s) => (s.metadata.name = 'a'.repeat(64)), errors: [I('metadata.name')] },
  { name: 'invalid generateName', tweak: (s) => (s.metadata.generateName = '-123'), errors: [I('metadata.generateName')] },
  { name: 'too long generateName', tweak: (s) => (s.metadata.generateName = 'a'.repeat(64)), errors: [I('metadata.generateName')] },
  { name: 'invalid label', tweak: (s) => (s.metadata.labels['NoUppercaseOrSpecialCharsLike=Equals'] = 'bar'), errors: [I('metadata.labels')] },
  { name: 'invalid annotation', tweak: (s) => (s.metadata.annotations['NoSpecialCharsLike=Equals'] = 'bar'), errors: [I('metadata.annotations')] },
  { name: 'nil selector', tweak: (s) => delete s.spec.selector, errors: [] },
  { name: 'invalid selector', tweak: (s) => (s.spec.selector['NoSpecialCharsLike=Equals'] = 'bar'), errors: [I('spec.selector')] },
  { name: 'missing session affinity', tweak: (s) => (s.spec.sessionAffinity = ''), errors: [R('spec.sessionAffinity')] },
  { name: 'missing type', tweak: (s) => (s.spec.type = ''), errors: [R('spec.type')] },
  { name: 'missing ports', tweak: (s) => delete s.spec.ports, errors: [R('spec.ports')] },
  { name: 'missing ports but headless', tweak: (s) => (delete s.spec.ports, ips(s, 'None', ['None'])), errors: [] },
  { name: 'empty port[0] name', tweak: (s) => (s.spec.ports[0].name = ''), errors: [] },
  { name: 'empty port[1] name', tweak: (s) => s.spec.ports.push(port('', 12345, 'TCP', 12345)), errors: [R('spec.ports[1].name')] },
  {
    name: 'empty multi-port port[0] name',
    tweak: (s) => ((s.spec.ports[0].name = ''), s.spec.ports.push(port('p', 12345, 'TCP', 12345))),
    errors: [R('spec.ports[0].name')],
  },
  { name: 'invalid port name', tweak: (s) => (s.spec.ports[0].name = 'INVALID'), errors: [I('spec.ports[0].name')] },
  { name: 'missing protocol', tweak: (s) => (s.spec.ports[0].protocol = ''), errors: [R('spec.ports[0].protocol')] },
  { name: 'invalid protocol', tweak: (s) => (s.spec.ports[0].protocol = 'INVALID'), errors: [NS('spec.ports[0].protocol')] },
  { name: 'invalid cluster ip', tweak: (s) => ips(s, 'invalid', ['invalid']), errors: [I('spec.clusterIPs[0]')] },
  { name: 'missing port', tweak: (s) => (s.spec.ports[0].port = 0), errors: [I('spec.ports[0].port')] },
  { name: 'invalid port', tweak: (s) => (s.spec.ports[0].port = 65536), errors: [I('spec.ports[0].port')] },
  { name: 'invalid TargetPort int', tweak: (s) => (s.spec.ports[0].targetPort = 65536), errors: [I('spec.ports[0].targetPort')] },
  {
    name: 'valid port headless',
    tweak: (s) => ((s.spec.ports[0].port = 11722), (s.spec.ports[0].targetPort = 11722), ips(s, 'None', ['None'])),
    errors: [],
  },
  // v1 has always tolerated targetPort on headless Services.
  {
    name: 'invalid port headless 1',
    tweak: (s) => ((s.spec.ports[0].port = 11722), (s.spec.ports[0].targetPort = 11721), ips(s, 'None', ['None'])),
    errors: [],
  },
  {
    name: 'invalid port headless 2',
    tweak: (s) => ((s.spec.ports[0].port = 11722), (s.spec.ports[0].targetPort = 'target'), ips(s, 'None', ['None'])),
    errors: [],
  },
  {
    name: 'invalid publicIPs localhost',
    tweak: (s) => ((s.spec.externalTrafficPolicy = 'Cluster'), (s.spec.externalIPs = ['127.0.0.1'])),
    errors: [I('spec.externalIPs[0]')],
  },
  {
    name: 'invalid publicIPs unspecified',
    tweak: (s) => ((s.spec.externalTrafficPolicy = 'Cluster'), (s.spec.externalIPs = ['0.0.0.0'])),
    errors: [I('spec.externalIPs[0]')],
  },
  {
    name: 'invalid publicIPs loopback',
    tweak: (s) => ((s.spec.externalTrafficPolicy = 'Cluster'), (s.spec.externalIPs = ['127.0.0.1'])),
    errors: [I('spec.externalIPs[0]')],
  },
  {
    name: 'invalid publicIPs host',
    tweak: (s) => ((s.spec.externalTrafficPolicy = 'Cluster'), (s.spec.externalIPs = ['myhost.mydomain'])),
    errors: [I('spec.externalIPs[0]')],
  },
  { name: 'valid publicIPs', tweak: (s) => ((s.spec.externalTrafficPolicy = 'Cluster'), (s.spec.externalIPs = ['1.2.3.4'])), errors: [] },
  {
    name: 'dup port name',
    tweak: (s) => ((s.spec.ports[0].name = 'p'), s.spec.ports.push(port('p', 12345, 'TCP', 12345))),
    errors: [D('spec.ports[1].name')],
  },
  { name: 'valid load balancer protocol UDP 1', tweak: (s) => (lb(s), (s.spec.ports[0].protocol = 'UDP')), errors: [] },
  { name: 'valid load balancer protocol UDP 2', tweak: (s) => (lb(s), (s.spec.ports[0] = port('q', 12345, 'UDP', 12345))), errors: [] },
  { name: 'load balancer with mix protocol', tweak: (s) => (lb(s), s.spec.ports.push(port('q', 12345, 'UDP', 12345))), errors: [] },
  { name: 'valid 1', tweak: () => {}, errors: [] },
  { name: 'valid 2', tweak: (s) => ((s.spec.ports[0].protocol = 'UDP'), (s.spec.ports[0].targetPort = 12345)), errors: [] },
  { name: 'valid 3', tweak: (s) => (s.spec.ports[0].targetPort = 'http'), errors: [] },
  { name: 'valid cluster ip - none ', tweak: (s) => ips(s, 'None', ['None']), errors: [] },
  { name: 'valid cluster ip - empty', tweak: (s) => (delete s.spec.clusterIPs, (s.spec.ports[0].targetPort = 'http')), errors: [] },
  { name: 'valid type - clusterIP', tweak: (s) => (s.spec.type = 'ClusterIP'), errors: [] },
  { name: 'valid type - loadbalancer', tweak: lb, errors: [] },
  {
    name: 'valid type - loadbalancer with allocateLoadBalancerNodePorts=false',
    tweak: (s) => (lb(s), (s.spec.allocateLoadBalancerNodePorts = false)),
    errors: [],
  },
  {
    name: 'invalid type - missing AllocateLoadBalancerNodePorts for loadbalancer type',
    tweak: (s) => ((s.spec.type = 'LoadBalancer'), (s.spec.externalTrafficPolicy = 'Cluster')),
    // Upstream reports this path without "spec.".
    errors: [R('allocateLoadBalancerNodePorts')],
  },
  { name: 'valid type loadbalancer 2 ports', tweak: (s) => (lb(s), s.spec.ports.push(port('q', 12345, 'TCP', 12345))), errors: [] },
  { name: 'valid external load balancer 2 ports', tweak: (s) => (lb(s), s.spec.ports.push(port('q', 12345, 'TCP', 12345))), errors: [] },
  {
    name: 'duplicate nodeports',
    tweak: (s) => (np(s), s.spec.ports.push(port('q', 1, 'TCP', 1, 1), port('r', 2, 'TCP', 2, 1))),
    errors: [D('spec.ports[2].nodePort')],
  },
  {
    name: 'duplicate nodeports (different protocols)',
    tweak: (s) => (np(s), s.spec.ports.push(port('q', 1, 'TCP', 1, 1), port('r', 2, 'UDP', 2, 1), port('s', 3, 'SCTP', 3, 1))),
    errors: [],
  },
  {
    name: 'invalid duplicate ports (with same protocol)',
    tweak: (s) => s.spec.ports.push(port('q', 12345, 'TCP', 8080), port('r', 12345, 'TCP', 80)),
    errors: [D('spec.ports[2]')],
  },
  {
    name: 'valid duplicate ports (with different protocols)',
    tweak: (s) => s.spec.ports.push(port('q', 12345, 'TCP', 8080), port('r', 12345, 'UDP', 80), port('s', 12345, 'SCTP', 8088)),
    errors: [],
  },
  { name: 'valid type - cluster', tweak: (s) => (s.spec.type = 'ClusterIP'), errors: [] },
  { name: 'valid type - nodeport', tweak: np, errors: [] },
  { name: 'valid type - loadbalancer with allocateLoadBalancerNodePorts=true', tweak: lb, errors: [] },
  { name: 'valid type loadbalancer 2 ports', tweak: (s) => (lb(s), s.spec.ports.push(port('q', 12345, 'TCP', 12345))), errors: [] },
  { name: 'valid type loadbalancer with NodePort', tweak: (s) => (lb(s), s.spec.ports.push(port('q', 12345, 'TCP', 12345, 12345))), errors: [] },
  { name: 'valid type=NodePort service with NodePort', tweak: (s) => (np(s), s.spec.ports.push(port('q', 12345, 'TCP', 12345, 12345))), errors: [] },
  { name: 'valid type=NodePort service without NodePort', tweak: (s) => (np(s), s.spec.ports.push(port('q', 12345, 'TCP', 12345))), errors: [] },
  { name: 'valid cluster service without NodePort', tweak: (s) => s.spec.ports.push(port('q', 12345, 'TCP', 12345)), errors: [] },
  {
    name: 'invalid cluster service with NodePort',
    tweak: (s) => s.spec.ports.push(port('q', 12345, 'TCP', 12345, 12345)),
    errors: [F('spec.ports[1].nodePort')],
  },
  {
    name: 'invalid public service with duplicate NodePort',
    tweak: (s) => (np(s), s.spec.ports.push(port('p1', 1, 'TCP', 1, 1), port('p2', 2, 'TCP', 2, 1))),
    errors: [D('spec.ports[2].nodePort')],
  },
  { name: 'valid type=LoadBalancer', tweak: (s) => (lb(s), s.spec.ports.push(port('q', 12345, 'TCP', 12345))), errors: [] },
  { name: 'valid port type=LoadBalancer', tweak: (s) => (lb(s), s.spec.ports.push(port('kubelet', 10250, 'TCP', 12345))), errors: [] },
  {
    name: 'valid LoadBalancer source range annotation',
    tweak: (s) => (lb(s), (s.metadata.annotations['service.beta.kubernetes.io/load-balancer-source-ranges'] = '1.2.3.0/24,  5.6.0.0/16')),
    errors: [],
  },
  {
    name: 'valid empty LoadBalancer source range annotation',
    tweak: (s) => (lb(s), (s.metadata.annotations['service.beta.kubernetes.io/load-balancer-source-ranges'] = '')),
    errors: [],
  },
  {
    name: 'valid whitespace-only LoadBalancer source range annotation',
    tweak: (s) => (lb(s), (s.metadata.annotations['service.beta.kubernetes.io/load-balancer-source-ranges'] = '  ')),
    errors: [],
  },
  {
    name: 'invalid LoadBalancer source range annotation (hostname)',
    tweak: (s) => (lb(s), (s.metadata.annotations['service.beta.kubernetes.io/load-balancer-source-ranges'] = 'foo.bar')),
    errors: [I(LBSR)],
  },
  {
    name: 'invalid LoadBalancer source range annotation (invalid CIDR)',
    tweak: (s) => (lb(s), (s.metadata.annotations['service.beta.kubernetes.io/load-balancer-source-ranges'] = '1.2.3.4/33')),
    errors: [I(LBSR)],
  },
  {
    name: 'invalid LoadBalancer source range annotation for non LoadBalancer type service',
    tweak: (s) => (s.metadata.annotations['service.beta.kubernetes.io/load-balancer-source-ranges'] = '1.2.3.0/24'),
    errors: [F(LBSR)],
  },
  {
    name: 'invalid empty-but-set LoadBalancer source range annotation for non LoadBalancer type service',
    tweak: (s) => (s.metadata.annotations['service.beta.kubernetes.io/load-balancer-source-ranges'] = ''),
    errors: [F(LBSR)],
  },
  { name: 'valid LoadBalancer source range', tweak: (s) => (lb(s), (s.spec.loadBalancerSourceRanges = ['1.2.3.0/24', '5.6.0.0/16'])), errors: [] },
  {
    name: 'valid LoadBalancer source range with whitespace',
    tweak: (s) => (lb(s), (s.spec.loadBalancerSourceRanges = ['1.2.3.0/24  ', ' 5.6.0.0/16'])),
    errors: [],
  },
  // Upstream spells this path with a capital L.
  { name: 'invalid empty LoadBalancer source range', tweak: (s) => (lb(s), (s.spec.loadBalancerSourceRanges = ['   '])), errors: [I('spec.LoadBalancerSourceRanges[0]')] },
  {
    name: 'invalid LoadBalancer source range (hostname)',
    tweak: (s) => (lb(s), (s.spec.loadBalancerSourceRanges = ['foo.bar'])),
    errors: [I('spec.LoadBalancerSourceRanges[0]')],
  },
  {
    name: 'invalid LoadBalancer source range (invalid CIDR)',
    tweak: (s) => (lb(s), (s.spec.loadBalancerSourceRanges = ['1.2.3.4/33'])),
    errors: [I('spec.LoadBalancerSourceRanges[0]')],
  },
  {
    name: 'invalid source range for non LoadBalancer type service',
    tweak: (s) => (s.spec.loadBalancerSourceRanges = ['1.2.3.0/24', '5.6.0.0/16']),
    errors: [F('spec.LoadBalancerSourceRanges')],
  },
  {
    name: 'invalid source range annotation ignored with valid source range field',
    tweak: (s) => (
      lb(s),
      (s.metadata.annotations['service.beta.kubernetes.io/load-balancer-source-ranges'] = 'foo.bar'),
      (s.spec.loadBalancerSourceRanges = ['1.2.3.0/24', '5.6.0.0/16'])
    ),
    errors: [],
  },
  { name: 'valid ExternalName', tweak: (s) => ((s.spec.type = 'ExternalName'), (s.spec.externalName = 'foo.bar.example.com')), errors: [] },
  { name: 'valid ExternalName (trailing dot)', tweak: (s) => ((s.spec.type = 'ExternalName'), (s.spec.externalName = 'foo.bar.example.com.')), errors: [] },
  {
    name: 'invalid ExternalName clusterIP (valid IP)',
    tweak: (s) => ((s.spec.type = 'ExternalName'), ips(s, '1.2.3.4', ['1.2.3.4']), (s.spec.externalName = 'foo.bar.example.com')),
    errors: [F('spec.clusterIPs')],
  },
  {
    name: 'invalid ExternalName clusterIP (None)',
    tweak: (s) => ((s.spec.type = 'ExternalName'), ips(s, 'None', ['None']), (s.spec.externalName = 'foo.bar.example.com')),
    errors: [F('spec.clusterIPs')],
  },
  { name: 'invalid ExternalName (not a DNS name)', tweak: (s) => ((s.spec.type = 'ExternalName'), (s.spec.externalName = '-123')), errors: [I('spec.externalName')] },
  { name: 'LoadBalancer type cannot have None ClusterIP', tweak: (s) => (ips(s, 'None', ['None']), lb(s)), errors: [I('spec.clusterIPs[0]')] },
  {
    name: 'invalid node port with clusterIP None',
    tweak: (s) => (np(s), s.spec.ports.push(port('q', 1, 'TCP', 1, 1)), ips(s, 'None', ['None'])),
    errors: [I('spec.clusterIPs[0]')],
  },
  // ESIPP section.
  {
    name: 'invalid externalTraffic field',
    tweak: (s) => ((s.spec.type = 'LoadBalancer'), (s.spec.allocateLoadBalancerNodePorts = true), (s.spec.externalTrafficPolicy = 'invalid')),
    errors: [NS('spec.externalTrafficPolicy')],
  },
  { name: 'nil internalTraffic field when feature gate is on', tweak: (s) => delete s.spec.internalTrafficPolicy, errors: [R('spec.internalTrafficPolicy')] },
  {
    name: 'internalTrafficPolicy field nil when type is ExternalName',
    tweak: (s) => (delete s.spec.internalTrafficPolicy, (s.spec.type = 'ExternalName'), (s.spec.externalName = 'foo.bar.com')),
    errors: [],
  },
  {
    name: 'internalTrafficPolicy field is set when type is ExternalName',
    tweak: (s) => ((s.spec.internalTrafficPolicy = 'Cluster'), (s.spec.type = 'ExternalName'), (s.spec.externalName = 'foo.bar.com')),
    errors: [],
  },
  { name: 'invalid internalTraffic field', tweak: (s) => (s.spec.internalTrafficPolicy = 'invalid'), errors: [NS('spec.internalTrafficPolicy')] },
  { name: 'internalTrafficPolicy field set to Cluster', tweak: (s) => (s.spec.internalTrafficPolicy = 'Cluster'), errors: [] },
  { name: 'internalTrafficPolicy field set to Local', tweak: (s) => (s.spec.internalTrafficPolicy = 'Local'), errors: [] },
  {
    name: 'negative healthCheckNodePort field',
    tweak: (s) => (
      (s.spec.type = 'LoadBalancer'), (s.spec.allocateLoadBalancerNodePorts = true), (s.spec.externalTrafficPolicy = 'Local'), (s.spec.healthCheckNodePort = -1)
    ),
    errors: [I('spec.healthCheckNodePort')],
  },
  // Upstream's second case with this name sets a valid port.
  {
    name: 'negative healthCheckNodePort field',
    tweak: (s) => (
      (s.spec.type = 'LoadBalancer'), (s.spec.allocateLoadBalancerNodePorts = true), (s.spec.externalTrafficPolicy = 'Local'), (s.spec.healthCheckNodePort = 31100)
    ),
    errors: [],
  },
  {
    name: 'invalid timeoutSeconds field',
    tweak: (s) => ((s.spec.type = 'ClusterIP'), (s.spec.sessionAffinity = 'ClientIP'), (s.spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: -1 } })),
    errors: [I('spec.sessionAffinityConfig.clientIP.timeoutSeconds')],
  },
  {
    name: "sessionAffinityConfig can't be set when session affinity is None",
    tweak: (s) => (lb(s), (s.spec.sessionAffinity = 'None'), (s.spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 90 } })),
    errors: [F('spec.sessionAffinityConfig')],
  },
  // ip families
  { name: 'invalid, service with invalid ipFamilies', tweak: (s) => (s.spec.ipFamilies = ['not-a-valid-ip-family']), errors: [NS('spec.ipFamilies[0]')] },
  {
    name: 'invalid, service with invalid ipFamilies (2nd)',
    tweak: (s) => ((s.spec.ipFamilyPolicy = 'RequireDualStack'), (s.spec.ipFamilies = ['IPv4', 'not-a-valid-ip-family'])),
    errors: [NS('spec.ipFamilies[1]')],
  },
  { name: 'IPFamilyPolicy(singleStack) is set for two families', tweak: (s) => ((s.spec.ipFamilyPolicy = 'SingleStack'), (s.spec.ipFamilies = ['IPv4', 'IPv6'])), errors: [] },
  {
    name: 'valid, IPFamilyPolicy(preferDualStack) is set for two families (note: alloc sets families)',
    tweak: (s) => ((s.spec.ipFamilyPolicy = 'PreferDualStack'), (s.spec.ipFamilies = ['IPv4', 'IPv6'])),
    errors: [],
  },
  {
    name: 'invalid, service with 2+ ipFamilies',
    tweak: (s) => ((s.spec.ipFamilyPolicy = 'RequireDualStack'), (s.spec.ipFamilies = ['IPv4', 'IPv6', 'IPv4'])),
    errors: [D('spec.ipFamilies[2]')],
  },
  {
    name: 'invalid, service with same ip families',
    tweak: (s) => ((s.spec.ipFamilyPolicy = 'RequireDualStack'), (s.spec.ipFamilies = ['IPv6', 'IPv6'])),
    errors: [D('spec.ipFamilies[1]')],
  },
  { name: 'valid, nil service ipFamilies', tweak: (s) => delete s.spec.ipFamilies, errors: [] },
  { name: 'valid, service with valid ipFamilies (v4)', tweak: (s) => (s.spec.ipFamilies = ['IPv4']), errors: [] },
  { name: 'valid, service with valid ipFamilies (v6)', tweak: (s) => (s.spec.ipFamilies = ['IPv6']), errors: [] },
  { name: 'valid, service with valid ipFamilies(v4,v6)', tweak: (s) => ((s.spec.ipFamilyPolicy = 'RequireDualStack'), (s.spec.ipFamilies = ['IPv4', 'IPv6'])), errors: [] },
  { name: 'valid, service with valid ipFamilies(v6,v4)', tweak: (s) => ((s.spec.ipFamilyPolicy = 'RequireDualStack'), (s.spec.ipFamilies = ['IPv6', 'IPv4'])), errors: [] },
  { name: 'valid, service preferred dual stack with single family', tweak: (s) => ((s.spec.ipFamilyPolicy = 'PreferDualStack'), (s.spec.ipFamilies = ['IPv6'])), errors: [] },
  // cluster IPs
  { name: 'invalid, garbage single ip', tweak: (s) => ips(s, 'garbage-ip', ['garbage-ip']), errors: [I('spec.clusterIPs[0]')] },
  {
    name: 'invalid, garbage ips',
    tweak: (s) => ips(s, 'garbage-ip', ['garbage-ip', 'garbage-second-ip'], undefined, 'RequireDualStack'),
    errors: [I('spec.clusterIPs[0]'), I('spec.clusterIPs[1]')],
  },
  { name: 'invalid, garbage first ip', tweak: (s) => ips(s, 'garbage-ip', ['garbage-ip', '2001::1'], undefined, 'RequireDualStack'), errors: [I('spec.clusterIPs[0]')] },
  { name: 'invalid, garbage second ip', tweak: (s) => ips(s, '2001::1', ['2001::1', 'garbage-ip'], undefined, 'RequireDualStack'), errors: [I('spec.clusterIPs[1]')] },
  { name: 'invalid, NONE + IP', tweak: (s) => ips(s, 'None', ['None', '2001::1'], undefined, 'RequireDualStack'), errors: [I('spec.clusterIPs')] },
  { name: 'invalid, IP + NONE', tweak: (s) => ips(s, '2001::1', ['2001::1', 'None'], undefined, 'RequireDualStack'), errors: [I('spec.clusterIPs[1]')] },
  {
    name: 'invalid, EMPTY STRING + IP',
    tweak: (s) => ips(s, '', ['', '2001::1'], undefined, 'RequireDualStack'),
    errors: [I('spec.clusterIPs'), I('spec.clusterIPs[0]')],
  },
  { name: 'invalid, IP + EMPTY STRING', tweak: (s) => ips(s, '2001::1', ['2001::1', ''], undefined, 'RequireDualStack'), errors: [I('spec.clusterIPs[1]')] },
  {
    name: 'invalid, same ip family (v6)',
    tweak: (s) => ips(s, '2001::1', ['2001::1', '2001::4'], ['IPv4', 'IPv6'], 'RequireDualStack'),
    errors: [I('spec.clusterIPs'), I('spec.clusterIPs[0]')],
  },
  {
    name: 'invalid, same ip family (v4)',
    tweak: (s) => ips(s, '10.0.0.1', ['10.0.0.1', '10.0.0.10'], ['IPv4', 'IPv6'], 'RequireDualStack'),
    errors: [I('spec.clusterIPs'), I('spec.clusterIPs[1]')],
  },
  {
    name: 'invalid, more than two ips',
    tweak: (s) => ips(s, '10.0.0.1', ['10.0.0.1', '2001::1', '10.0.0.10'], ['IPv4', 'IPv6'], 'RequireDualStack'),
    errors: [I('spec.clusterIPs')],
  },
  { name: ' multi ip, dualstack not set (request for downgrade)', tweak: (s) => ips(s, '10.0.0.1', ['10.0.0.1', '2001::1'], ['IPv4', 'IPv6'], 'SingleStack'), errors: [] },
  {
    name: 'valid, headless-no-selector + multi family + gate off',
    tweak: (s) => (ips(s, 'None', ['None'], ['IPv4', 'IPv6'], 'RequireDualStack'), delete s.spec.selector),
    errors: [],
  },
  { name: 'valid, multi ip, single ipfamilies preferDualStack', tweak: (s) => ips(s, '10.0.0.1', ['10.0.0.1', '2001::1'], ['IPv4'], 'PreferDualStack'), errors: [] },
  {
    name: 'valid, multi ip, single ipfamilies (must match when provided) + requireDualStack',
    tweak: (s) => ips(s, '10.0.0.1', ['10.0.0.1', '2001::1'], ['IPv4'], 'RequireDualStack'),
    errors: [],
  },
  { name: "invalid, families don't match (v4=>v6)", tweak: (s) => ips(s, '10.0.0.1', ['10.0.0.1'], ['IPv6']), errors: [I('spec.clusterIPs[0]')] },
  { name: "invalid, families don't match (v6=>v4)", tweak: (s) => ips(s, '2001::1', ['2001::1'], ['IPv4']), errors: [I('spec.clusterIPs[0]')] },
  { name: 'valid. no field set', tweak: () => {}, errors: [] },
  { name: 'valid, single ip', tweak: (s) => ips(s, '10.0.0.1', ['10.0.0.1'], undefined, 'SingleStack'), errors: [] },
  { name: 'valid, single family', tweak: (s) => ((s.spec.ipFamilyPolicy = 'SingleStack'), (s.spec.ipFamilies = ['IPv6'])), errors: [] },
  { name: 'valid, single ip + single family', tweak: (s) => ips(s, '2001::1', ['2001::1'], ['IPv6'], 'SingleStack'), errors: [] },
  { name: 'valid, single ip + single family (dual stack requested)', tweak: (s) => ips(s, '2001::1', ['2001::1'], ['IPv6'], 'PreferDualStack'), errors: [] },
  { name: 'valid, single ip, multi ipfamilies', tweak: (s) => ips(s, '10.0.0.1', ['10.0.0.1'], ['IPv4', 'IPv6'], 'RequireDualStack'), errors: [] },
  { name: 'valid, multi ips, multi ipfamilies (4,6)', tweak: (s) => ips(s, '10.0.0.1', ['10.0.0.1', '2001::1'], ['IPv4', 'IPv6'], 'RequireDualStack'), errors: [] },
  { name: 'valid, ips, multi ipfamilies (6,4)', tweak: (s) => ips(s, '2001::1', ['2001::1', '10.0.0.1'], ['IPv6', 'IPv4'], 'RequireDualStack'), errors: [] },
  { name: 'valid, multi ips (6,4)', tweak: (s) => ips(s, '2001::1', ['2001::1', '10.0.0.1'], undefined, 'RequireDualStack'), errors: [] },
  { name: 'valid, multi ipfamilies (6,4)', tweak: (s) => ((s.spec.ipFamilyPolicy = 'RequireDualStack'), (s.spec.ipFamilies = ['IPv6', 'IPv4'])), errors: [] },
  { name: 'valid, multi ips (4,6)', tweak: (s) => ips(s, '10.0.0.1', ['10.0.0.1', '2001::1'], undefined, 'RequireDualStack'), errors: [] },
  { name: 'valid,  multi ipfamilies (4,6)', tweak: (s) => ((s.spec.ipFamilyPolicy = 'RequireDualStack'), (s.spec.ipFamilies = ['IPv4', 'IPv6'])), errors: [] },
  { name: 'valid, dual stack', tweak: (s) => (s.spec.ipFamilyPolicy = 'RequireDualStack'), errors: [] },
  { name: 'valid appProtocol', tweak: (s) => (s.spec.ports = [{ port: 12345, targetPort: 12345, protocol: 'TCP', appProtocol: 'HTTP' }]), errors: [] },
  {
    name: 'valid custom appProtocol',
    tweak: (s) => (s.spec.ports = [{ port: 12345, targetPort: 12345, protocol: 'TCP', appProtocol: 'example.com/protocol' }]),
    errors: [],
  },
  {
    name: 'invalid appProtocol',
    tweak: (s) => (s.spec.ports = [{ port: 12345, targetPort: 12345, protocol: 'TCP', appProtocol: 'example.com/protocol_with{invalid}[characters]' }]),
    errors: [I('spec.ports[0].appProtocol')],
  },
  {
    name: 'invalid cluster ip != clusterIP in multi ip service',
    tweak: (s) => ips(s, '10.0.0.10', ['10.0.0.1', '2001::1'], undefined, 'RequireDualStack'),
    errors: [I('spec.clusterIPs')],
  },
  { name: 'invalid cluster ip != clusterIP in single ip service', tweak: (s) => ips(s, '10.0.0.10', ['10.0.0.1']), errors: [I('spec.clusterIPs')] },
  {
    name: 'Use AllocateLoadBalancerNodePorts when type is not LoadBalancer',
    tweak: (s) => (s.spec.allocateLoadBalancerNodePorts = true),
    errors: [F('spec.allocateLoadBalancerNodePorts')],
  },
  {
    name: 'valid LoadBalancerClass when type is LoadBalancer',
    tweak: (s) => (lb(s), (s.spec.loadBalancerClass = 'test.com/test-load-balancer-class')),
    errors: [],
  },
  { name: 'invalid LoadBalancerClass', tweak: (s) => (lb(s), (s.spec.loadBalancerClass = 'Bad/LoadBalancerClass')), errors: [I('spec.loadBalancerClass')] },
  {
    name: 'invalid: set LoadBalancerClass when type is not LoadBalancer',
    tweak: (s) => ((s.spec.type = 'ClusterIP'), (s.spec.loadBalancerClass = 'test.com/test-load-balancer-class')),
    errors: [F('spec.loadBalancerClass')],
  },
  {
    name: 'topology annotations are mismatched',
    tweak: (s) => (
      (s.metadata.annotations['service.kubernetes.io/topology-aware-hints'] = 'original'), (s.metadata.annotations['service.kubernetes.io/topology-mode'] = 'different')
    ),
    errors: [I('metadata.annotations[service.kubernetes.io/topology-mode]')],
  },
  { name: 'valid: trafficDistribution field set to PreferClose', tweak: (s) => (s.spec.trafficDistribution = 'PreferClose'), errors: [] },
  { name: 'invalid: trafficDistribution field set to Random', tweak: (s) => (s.spec.trafficDistribution = 'Random'), errors: [NS('spec.trafficDistribution')] },
];

const show = (errs: ErrorList): string => errs.map(errorString).join('\n') || '(no errors)';
const pick = (errs: ErrorList): Want[] => errs.map((e) => ({ type: e.type, field: e.field }));
const service = validationFor('v1/Service');

test(`${FILE} TestValidateServiceCreate`, async (t) => {
  assert.ok(service);
  for (const c of createCases) {
    await t.test(c.name, () => {
      const s = makeValidService();
      c.tweak(s);
      const errs = service.create(s);
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

// TestValidateServiceExternalTrafficPolicy calls validateServiceExternalTrafficPolicy alone.
const etpCases: CreateCase[] = [
  {
    name: 'valid loadBalancer service with externalTrafficPolicy and healthCheckNodePort set',
    tweak: (s) => ((s.spec.type = 'LoadBalancer'), (s.spec.allocateLoadBalancerNodePorts = true), (s.spec.externalTrafficPolicy = 'Local'), (s.spec.healthCheckNodePort = 34567)),
    errors: [],
  },
  { name: 'valid nodePort service with externalTrafficPolicy set', tweak: (s) => ((s.spec.type = 'NodePort'), (s.spec.externalTrafficPolicy = 'Local')), errors: [] },
  { name: 'valid clusterIP service with none of externalTrafficPolicy and healthCheckNodePort set', tweak: (s) => (s.spec.type = 'ClusterIP'), errors: [] },
  {
    name: 'cannot set healthCheckNodePort field on loadBalancer service with externalTrafficPolicy!=Local',
    tweak: (s) => ((s.spec.type = 'LoadBalancer'), (s.spec.allocateLoadBalancerNodePorts = true), (s.spec.externalTrafficPolicy = 'Cluster'), (s.spec.healthCheckNodePort = 34567)),
    errors: [I('spec.healthCheckNodePort')],
  },
  {
    name: 'cannot set healthCheckNodePort field on nodePort service',
    tweak: (s) => ((s.spec.type = 'NodePort'), (s.spec.externalTrafficPolicy = 'Local'), (s.spec.healthCheckNodePort = 34567)),
    errors: [I('spec.healthCheckNodePort')],
  },
  {
    name: 'cannot set externalTrafficPolicy or healthCheckNodePort fields on clusterIP service',
    tweak: (s) => ((s.spec.type = 'ClusterIP'), (s.spec.externalTrafficPolicy = 'Local'), (s.spec.healthCheckNodePort = 34567)),
    errors: [I('spec.externalTrafficPolicy'), I('spec.healthCheckNodePort')],
  },
  {
    name: 'cannot set externalTrafficPolicy field on ExternalName service',
    tweak: (s) => ((s.spec.type = 'ExternalName'), (s.spec.externalTrafficPolicy = 'Local')),
    errors: [I('spec.externalTrafficPolicy')],
  },
  { name: 'externalTrafficPolicy is required on NodePort service', tweak: (s) => (s.spec.type = 'NodePort'), errors: [R('spec.externalTrafficPolicy')] },
  { name: 'externalTrafficPolicy is required on LoadBalancer service', tweak: (s) => (s.spec.type = 'LoadBalancer'), errors: [R('spec.externalTrafficPolicy')] },
  {
    name: 'externalTrafficPolicy is required on ClusterIP service with externalIPs',
    tweak: (s) => ((s.spec.type = 'ClusterIP'), (s.spec.externalIPs = ['1.2.3,4'])),
    errors: [R('spec.externalTrafficPolicy')],
  },
];

test(`${FILE} TestValidateServiceExternalTrafficPolicy`, async (t) => {
  for (const c of etpCases) {
    await t.test(c.name, () => {
      const s = makeValidService();
      c.tweak(s);
      const errs = validateServiceExternalTrafficPolicy(s);
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

interface UpdateCase {
  name: string;
  tweak: (oldSvc: Svc, newSvc: Svc) => void;
  errors: Want[];
}

const ofType = (s: Svc, type: string) => (s.spec.type = type);
const lbOld = (s: Svc) => ((s.spec.type = 'LoadBalancer'), (s.spec.allocateLoadBalancerNodePorts = true));

// Type changes with a set (or empty) cluster IP, as upstream lists them.
function clusterIPChange(from: string, to: string, set: boolean): UpdateCase {
  const label = (t: string) => (t === 'ClusterIP' ? 'ClusterIP' : t);
  const base = `Service with ${label(from)} type ${set ? 'cannot' : 'can'} change its ${set ? 'set' : 'empty'} ClusterIP`;
  const toPart = from === to ? '' : ` when changing type to ${label(to)}`;
  return {
    name: base + toPart,
    tweak: (o, n) => {
      if (from === 'LoadBalancer') lbOld(o);
      else ofType(o, from);
      if (to === 'LoadBalancer') lb(n);
      else if (to === 'NodePort') np(n);
      else ofType(n, to);
      if (set) ips(o, '1.2.3.4', ['1.2.3.4']);
      else ips(o, '');
      ips(n, '1.2.3.5', ['1.2.3.5']);
    },
    errors: set ? [I('spec.clusterIPs[0]')] : [],
  };
}

const updateCases: UpdateCase[] = [
  { name: 'no change', tweak: () => {}, errors: [] },
  { name: 'change name', tweak: (_o, n) => (n.metadata.name += '2'), errors: [I('metadata.name')] },
  { name: 'change namespace', tweak: (_o, n) => (n.metadata.namespace += '2'), errors: [I('metadata.namespace')] },
  { name: 'change label valid', tweak: (_o, n) => (n.metadata.labels.key = 'other-value'), errors: [] },
  { name: 'add label', tweak: (_o, n) => (n.metadata.labels.key2 = 'value2'), errors: [] },
  { name: 'change cluster IP', tweak: (o, n) => (ips(o, '1.2.3.4', ['1.2.3.4']), ips(n, '8.6.7.5', ['8.6.7.5'])), errors: [I('spec.clusterIPs[0]')] },
  { name: 'remove cluster IP', tweak: (o, n) => (ips(o, '1.2.3.4', ['1.2.3.4']), ips(n, '')), errors: [I('spec.clusterIPs[0]')] },
  {
    name: 'change affinity',
    tweak: (_o, n) => ((n.spec.sessionAffinity = 'ClientIP'), (n.spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 90 } })),
    errors: [],
  },
  { name: 'remove affinity', tweak: (_o, n) => (n.spec.sessionAffinity = ''), errors: [R('spec.sessionAffinity')] },
  { name: 'change type', tweak: (_o, n) => lb(n), errors: [] },
  { name: 'remove type', tweak: (_o, n) => (n.spec.type = ''), errors: [R('spec.type')] },
  { name: 'change type -> nodeport', tweak: (_o, n) => np(n), errors: [] },
  { name: 'add loadBalancerSourceRanges', tweak: (o, n) => (lbOld(o), lb(n), (n.spec.loadBalancerSourceRanges = ['10.0.0.0/8'])), errors: [] },
  {
    name: 'update loadBalancerSourceRanges',
    tweak: (o, n) => (lbOld(o), (o.spec.loadBalancerSourceRanges = ['10.0.0.0/8']), lb(n), (n.spec.loadBalancerSourceRanges = ['10.100.0.0/16'])),
    errors: [],
  },
  { name: 'LoadBalancer type cannot have None ClusterIP', tweak: (_o, n) => (ips(n, 'None', ['None']), lb(n)), errors: [I('spec.clusterIPs[0]')] },
  {
    name: '`None` ClusterIP can NOT be changed',
    tweak: (o, n) => (ofType(o, 'ClusterIP'), ofType(n, 'ClusterIP'), ips(o, 'None', ['None']), ips(n, '1.2.3.4', ['1.2.3.4'])),
    errors: [I('spec.clusterIPs[0]')],
  },
  { name: '`None` ClusterIP can NOT be removed', tweak: (o, n) => (ips(o, 'None', ['None']), ips(n, '')), errors: [I('spec.clusterIPs[0]')] },
  { name: 'ClusterIP can NOT be changed to None', tweak: (o, n) => (ips(o, '1.2.3.4', ['1.2.3.4']), ips(n, 'None', ['None'])), errors: [I('spec.clusterIPs[0]')] },
  clusterIPChange('ClusterIP', 'ClusterIP', true),
  clusterIPChange('ClusterIP', 'ClusterIP', false),
  clusterIPChange('ClusterIP', 'NodePort', true),
  clusterIPChange('ClusterIP', 'NodePort', false),
  clusterIPChange('ClusterIP', 'LoadBalancer', true),
  clusterIPChange('ClusterIP', 'LoadBalancer', false),
  {
    name: 'Service with LoadBalancer type can change its AllocateLoadBalancerNodePorts from true to false',
    tweak: (o, n) => (lbOld(o), lb(n), (n.spec.allocateLoadBalancerNodePorts = false)),
    errors: [],
  },
  {
    name: 'Service with LoadBalancer type can change its AllocateLoadBalancerNodePorts from false to true',
    tweak: (o, n) => (lbOld(o), (o.spec.allocateLoadBalancerNodePorts = false), lb(n)),
    errors: [],
  },
  clusterIPChange('NodePort', 'NodePort', true),
  clusterIPChange('NodePort', 'NodePort', false),
  clusterIPChange('NodePort', 'ClusterIP', true),
  clusterIPChange('NodePort', 'ClusterIP', false),
  clusterIPChange('NodePort', 'LoadBalancer', true),
  clusterIPChange('NodePort', 'LoadBalancer', false),
  clusterIPChange('LoadBalancer', 'LoadBalancer', true),
  clusterIPChange('LoadBalancer', 'LoadBalancer', false),
  clusterIPChange('LoadBalancer', 'ClusterIP', true),
  clusterIPChange('LoadBalancer', 'ClusterIP', false),
  clusterIPChange('LoadBalancer', 'NodePort', true),
  clusterIPChange('LoadBalancer', 'NodePort', false),
  {
    name: 'Service with ExternalName type can change its empty ClusterIP when changing type to ClusterIP',
    tweak: (o, n) => (ofType(o, 'ExternalName'), ofType(n, 'ClusterIP'), ips(o, ''), ips(n, '1.2.3.5', ['1.2.3.5'])),
    errors: [],
  },
  {
    name: 'Service with ExternalName type can change its set ClusterIP when changing type to ClusterIP',
    tweak: (o, n) => (ofType(o, 'ExternalName'), ofType(n, 'ClusterIP'), ips(o, '1.2.3.4', ['1.2.3.4']), ips(n, '1.2.3.5', ['1.2.3.5'])),
    errors: [],
  },
  {
    name: 'invalid node port with clusterIP None',
    tweak: (o, n) => (
      ofType(o, 'NodePort'),
      np(n),
      o.spec.ports.push(port('q', 1, 'TCP', 1, 1)),
      n.spec.ports.push(port('q', 1, 'TCP', 1, 1)),
      ips(o, ''),
      ips(n, 'None', ['None'])
    ),
    errors: [I('spec.clusterIPs[0]')],
  },
  // Service IP family
  { name: 'convert from ExternalName', tweak: (o, n) => (ofType(o, 'ExternalName'), ofType(n, 'ClusterIP')), errors: [] },
  {
    name: 'invalid: convert to ExternalName',
    tweak: (o, n) => (
      ofType(o, 'ClusterIP'),
      ips(o, '10.0.0.10', ['10.0.0.10'], ['IPv4'], 'SingleStack'),
      ofType(n, 'ExternalName'),
      (n.spec.externalName = 'foo'),
      ips(n, '10.0.0.10', ['10.0.0.10'], ['IPv4'], 'SingleStack')
    ),
    errors: [F('spec.clusterIPs'), F('spec.ipFamilies'), F('spec.ipFamilyPolicy')],
  },
  {
    name: 'valid: convert to ExternalName',
    tweak: (o, n) => (ofType(o, 'ClusterIP'), ips(o, '10.0.0.10', ['10.0.0.10'], ['IPv4'], 'SingleStack'), ofType(n, 'ExternalName'), (n.spec.externalName = 'foo')),
    errors: [],
  },
  { name: 'same ServiceIPFamily', tweak: (o, n) => ((o.spec.ipFamilies = ['IPv4']), (n.spec.ipFamilies = ['IPv4'])), errors: [] },
  {
    name: 'same ServiceIPFamily, change IPFamilyPolicy to singleStack',
    tweak: (o, n) => ((o.spec.ipFamilies = ['IPv4']), (n.spec.ipFamilyPolicy = 'SingleStack'), (n.spec.ipFamilies = ['IPv4'])),
    errors: [],
  },
  {
    name: 'same ServiceIPFamily, change IPFamilyPolicy singleStack => requireDualStack',
    tweak: (o, n) => (
      (o.spec.ipFamilyPolicy = 'SingleStack'), (o.spec.ipFamilies = ['IPv4']), (n.spec.ipFamilyPolicy = 'RequireDualStack'), (n.spec.ipFamilies = ['IPv4'])
    ),
    errors: [],
  },
  {
    name: 'add a new ServiceIPFamily',
    tweak: (o, n) => (
      (o.spec.ipFamilyPolicy = 'RequireDualStack'), (o.spec.ipFamilies = ['IPv4']), (n.spec.ipFamilyPolicy = 'RequireDualStack'), (n.spec.ipFamilies = ['IPv4', 'IPv6'])
    ),
    errors: [],
  },
  {
    name: 'ExternalName while changing Service IPFamily',
    tweak: (o, n) => ((o.spec.externalName = 'somename'), ofType(o, 'ExternalName'), (n.spec.externalName = 'somename'), ofType(n, 'ExternalName')),
    errors: [],
  },
  { name: 'setting ipfamily from nil to v4', tweak: (o, n) => (delete o.spec.ipFamilies, (n.spec.externalName = 'somename'), (n.spec.ipFamilies = ['IPv4'])), errors: [] },
  { name: 'setting ipfamily from nil to v6', tweak: (o, n) => (delete o.spec.ipFamilies, (n.spec.externalName = 'somename'), (n.spec.ipFamilies = ['IPv6'])), errors: [] },
  {
    name: 'change primary ServiceIPFamily',
    tweak: (o, n) => (ips(o, '1.2.3.4', ['1.2.3.4'], ['IPv4']), ips(n, '1.2.3.4', ['1.2.3.4'], ['IPv6'])),
    errors: [I('spec.ipFamilies[0]'), I('spec.clusterIPs[0]')],
  },
  {
    name: 'valid: upgrade to dual stack with requiredDualStack',
    // Upstream's tweak sets the old Service's policy twice and leaves the new one nil.
    tweak: (o, n) => (ips(o, '1.2.3.4', ['1.2.3.4'], ['IPv4'], 'RequireDualStack'), ips(n, '1.2.3.4', ['1.2.3.4'], ['IPv4'])),
    errors: [],
  },
  {
    name: 'valid: upgrade to dual stack with preferDualStack',
    tweak: (o, n) => (ips(o, '1.2.3.4', ['1.2.3.4'], ['IPv4'], 'SingleStack'), ips(n, '1.2.3.4', ['1.2.3.4'], ['IPv4'], 'PreferDualStack')),
    errors: [],
  },
  {
    name: 'valid: upgrade to dual stack, no specific secondary ip',
    tweak: (o, n) => (ips(o, '1.2.3.4', ['1.2.3.4'], ['IPv4'], 'SingleStack'), ips(n, '1.2.3.4', ['1.2.3.4'], ['IPv4', 'IPv6'], 'RequireDualStack')),
    errors: [],
  },
  {
    name: 'valid: upgrade to dual stack, with specific secondary ip',
    tweak: (o, n) => (ips(o, '1.2.3.4', ['1.2.3.4'], ['IPv4'], 'SingleStack'), ips(n, '1.2.3.4', ['1.2.3.4', '2001::1'], ['IPv4', 'IPv6'], 'RequireDualStack')),
    errors: [],
  },
  {
    name: 'valid: downgrade from dual to single',
    tweak: (o, n) => (ips(o, '1.2.3.4', ['1.2.3.4', '2001::1'], ['IPv4', 'IPv6'], 'RequireDualStack'), ips(n, '1.2.3.4', ['1.2.3.4'], ['IPv4'], 'SingleStack')),
    errors: [],
  },
  {
    name: 'valid: change families for a headless service',
    tweak: (o, n) => (ips(o, 'None', ['None'], ['IPv4', 'IPv6'], 'RequireDualStack'), ips(n, 'None', ['None'], ['IPv6', 'IPv4'], 'RequireDualStack')),
    errors: [],
  },
  {
    name: 'valid: upgrade a headless service',
    tweak: (o, n) => (ips(o, 'None', ['None'], ['IPv4'], 'SingleStack'), ips(n, 'None', ['None'], ['IPv6', 'IPv4'], 'RequireDualStack')),
    errors: [],
  },
  {
    name: 'valid: downgrade a headless service',
    tweak: (o, n) => (ips(o, 'None', ['None'], ['IPv4', 'IPv6'], 'RequireDualStack'), ips(n, 'None', ['None'], ['IPv6'], 'SingleStack')),
    errors: [],
  },
  {
    name: 'invalid flip families',
    tweak: (o, n) => (ips(o, '1.2.3.40', ['1.2.3.4', '2001::1'], ['IPv4', 'IPv6'], 'RequireDualStack'), ips(n, '2001::1', ['2001::1', '1.2.3.5'], ['IPv6', 'IPv4'], 'RequireDualStack')),
    // Upstream reports both family changes at ipFamilies[0].
    errors: [I('spec.clusterIPs[0]'), I('spec.clusterIPs[1]'), I('spec.ipFamilies[0]'), I('spec.ipFamilies[0]')],
  },
  {
    name: 'invalid change first ip, in dualstack service',
    tweak: (o, n) => (ips(o, '1.2.3.4', ['1.2.3.4', '2001::1'], ['IPv4', 'IPv6'], 'RequireDualStack'), ips(n, '1.2.3.5', ['1.2.3.5', '2001::1'], ['IPv4', 'IPv6'], 'RequireDualStack')),
    errors: [I('spec.clusterIPs[0]')],
  },
  {
    name: 'invalid, change second ip in dualstack service',
    tweak: (o, n) => (ips(o, '1.2.3.4', ['1.2.3.4', '2001::1'], ['IPv4', 'IPv6'], 'RequireDualStack'), ips(n, '1.2.3.4', ['1.2.3.4', '2002::1'], ['IPv4', 'IPv6'], 'RequireDualStack')),
    errors: [I('spec.clusterIPs[1]')],
  },
  {
    name: 'downgrade keeping the families',
    tweak: (o, n) => (ips(o, '1.2.3.4', ['1.2.3.4', '2001::1'], ['IPv4', 'IPv6'], 'RequireDualStack'), ips(n, '1.2.3.4', ['1.2.3.4'], ['IPv4', 'IPv6'], 'SingleStack')),
    errors: [],
  },
  {
    name: 'invalid, downgrade without changing to singleStack',
    tweak: (o, n) => (ips(o, '1.2.3.4', ['1.2.3.4', '2001::1'], ['IPv4', 'IPv6'], 'RequireDualStack'), ips(n, '1.2.3.4', ['1.2.3.4'], ['IPv4'], 'RequireDualStack')),
    errors: [I('spec.ipFamilyPolicy'), I('spec.ipFamilyPolicy')],
  },
  {
    name: 'invalid, downgrade and change primary ip',
    tweak: (o, n) => (ips(o, '1.2.3.4', ['1.2.3.4', '2001::1'], ['IPv4', 'IPv6'], 'RequireDualStack'), ips(n, '1.2.3.5', ['1.2.3.5'], ['IPv4'], 'SingleStack')),
    errors: [I('spec.clusterIPs[0]')],
  },
  {
    name: 'invalid: upgrade to dual stack and change primary',
    tweak: (o, n) => (ips(o, '1.2.3.4', ['1.2.3.4'], ['IPv4'], 'SingleStack'), ips(n, '1.2.3.5', ['1.2.3.5'], ['IPv4', 'IPv6'], 'RequireDualStack')),
    errors: [I('spec.clusterIPs[0]')],
  },
  {
    name: 'update to valid app protocol',
    tweak: (o, n) => (
      (o.spec.ports = [{ name: 'a', port: 443, targetPort: 3000, protocol: 'TCP' }]),
      (n.spec.ports = [{ name: 'a', port: 443, targetPort: 3000, protocol: 'TCP', appProtocol: 'https' }])
    ),
    errors: [],
  },
  {
    name: 'update to invalid app protocol',
    tweak: (o, n) => (
      (o.spec.ports = [{ name: 'a', port: 443, targetPort: 3000, protocol: 'TCP' }]),
      (n.spec.ports = [{ name: 'a', port: 443, targetPort: 3000, protocol: 'TCP', appProtocol: '~https' }])
    ),
    errors: [I('spec.ports[0].appProtocol')],
  },
  {
    name: 'Set AllocateLoadBalancerNodePorts when type is not LoadBalancer',
    tweak: (_o, n) => (n.spec.allocateLoadBalancerNodePorts = true),
    errors: [F('spec.allocateLoadBalancerNodePorts')],
  },
  {
    name: 'update LoadBalancer type of service without change LoadBalancerClass',
    tweak: (o, n) => (lbOld(o), (o.spec.loadBalancerClass = 'test.com/test-old'), lb(n), (n.spec.loadBalancerClass = 'test.com/test-old')),
    errors: [],
  },
  {
    name: 'invalid: change LoadBalancerClass when update service',
    tweak: (o, n) => (lbOld(o), (o.spec.loadBalancerClass = 'test.com/test-old'), lb(n), (n.spec.loadBalancerClass = 'test.com/test-new')),
    errors: [I('spec.loadBalancerClass')],
  },
  {
    name: 'invalid: unset LoadBalancerClass when update service',
    tweak: (o, n) => (lbOld(o), (o.spec.loadBalancerClass = 'test.com/test-old'), lb(n)),
    errors: [I('spec.loadBalancerClass')],
  },
  {
    name: 'invalid: set LoadBalancerClass when update service',
    tweak: (o, n) => (lbOld(o), lb(n), (n.spec.loadBalancerClass = 'test.com/test-new')),
    errors: [I('spec.loadBalancerClass')],
  },
  {
    name: 'update to LoadBalancer type of service with valid LoadBalancerClass',
    tweak: (o, n) => (ofType(o, 'ClusterIP'), lb(n), (n.spec.loadBalancerClass = 'test.com/test-load-balancer-class')),
    errors: [],
  },
  { name: 'update to LoadBalancer type of service without LoadBalancerClass', tweak: (o, n) => (ofType(o, 'ClusterIP'), lb(n)), errors: [] },
  // validateLoadBalancerClassField runs twice on update: in ValidateServiceUpdate and in ValidateService.
  {
    name: 'invalid: set invalid LoadBalancerClass when update service to LoadBalancer',
    tweak: (o, n) => (ofType(o, 'ClusterIP'), lb(n), (n.spec.loadBalancerClass = 'Bad/LoadBalancerclass')),
    errors: [I('spec.loadBalancerClass'), I('spec.loadBalancerClass')],
  },
  {
    name: 'invalid: set LoadBalancerClass when update service to non LoadBalancer type of service',
    tweak: (o, n) => (ofType(o, 'ClusterIP'), ofType(n, 'ClusterIP'), (n.spec.loadBalancerClass = 'test.com/test-load-balancer-class')),
    errors: [F('spec.loadBalancerClass'), F('spec.loadBalancerClass')],
  },
  {
    name: 'invalid: set LoadBalancerClass when update service to non LoadBalancer type of service',
    tweak: (o, n) => (ofType(o, 'ExternalName'), ofType(n, 'ExternalName'), (n.spec.loadBalancerClass = 'test.com/test-load-balancer-class')),
    errors: [F('spec.loadBalancerClass'), R('spec.externalName'), F('spec.loadBalancerClass')],
  },
  {
    name: 'invalid: set LoadBalancerClass when update service to non LoadBalancer type of service',
    tweak: (o, n) => (ofType(o, 'NodePort'), np(n), (n.spec.loadBalancerClass = 'test.com/test-load-balancer-class')),
    errors: [F('spec.loadBalancerClass'), F('spec.loadBalancerClass')],
  },
  {
    name: 'invalid: set LoadBalancerClass when update from LoadBalancer service to non LoadBalancer type of service',
    tweak: (o, n) => (lbOld(o), (o.spec.loadBalancerClass = 'test.com/test-load-balancer-class'), ofType(n, 'ClusterIP'), (n.spec.loadBalancerClass = 'test.com/test-load-balancer-class')),
    errors: [F('spec.loadBalancerClass'), F('spec.loadBalancerClass')],
  },
  {
    name: 'invalid: set LoadBalancerClass when update from LoadBalancer service to non LoadBalancer type of service',
    tweak: (o, n) => (
      lbOld(o), (o.spec.loadBalancerClass = 'test.com/test-load-balancer-class'), ofType(n, 'ExternalName'), (n.spec.loadBalancerClass = 'test.com/test-load-balancer-class')
    ),
    errors: [F('spec.loadBalancerClass'), R('spec.externalName'), F('spec.loadBalancerClass')],
  },
  {
    name: 'invalid: set LoadBalancerClass when update from LoadBalancer service to non LoadBalancer type of service',
    tweak: (o, n) => (lbOld(o), (o.spec.loadBalancerClass = 'test.com/test-load-balancer-class'), np(n), (n.spec.loadBalancerClass = 'test.com/test-load-balancer-class')),
    errors: [F('spec.loadBalancerClass'), F('spec.loadBalancerClass')],
  },
  { name: 'update internalTrafficPolicy from Cluster to Local', tweak: (o, n) => ((o.spec.internalTrafficPolicy = 'Cluster'), (n.spec.internalTrafficPolicy = 'Local')), errors: [] },
  { name: 'update internalTrafficPolicy from Local to Cluster', tweak: (o, n) => ((o.spec.internalTrafficPolicy = 'Local'), (n.spec.internalTrafficPolicy = 'Cluster')), errors: [] },
  {
    name: 'topology annotations are mismatched',
    tweak: (_o, n) => (
      (n.metadata.annotations['service.kubernetes.io/topology-aware-hints'] = 'original'), (n.metadata.annotations['service.kubernetes.io/topology-mode'] = 'different')
    ),
    errors: [I('metadata.annotations[service.kubernetes.io/topology-mode]')],
  },
];

test(`${FILE} TestValidateServiceUpdate`, async (t) => {
  assert.ok(service?.update);
  for (const c of updateCases) {
    await t.test(c.name, () => {
      const o = makeValidService();
      const n = makeValidService();
      c.tweak(o, n);
      const errs = service.update?.(n, o) ?? [];
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

// Not an upstream table: the messages of a few errors above, as kube-apiserver prints them
// (texts from validation.go and apimachinery's util/validation).
test('Service error messages read as kube-apiserver prints them', () => {
  const s = makeValidService();
  s.spec.ports[0].port = 65536;
  s.spec.clusterIP = '10.0.0.256';
  s.spec.clusterIPs = ['10.0.0.256'];
  assert.deepEqual(service?.create(s).map(errorString), [
    'spec.ports[0].port: Invalid value: 65536: must be between 1 and 65535, inclusive',
    'spec.clusterIPs[0]: Invalid value: "10.0.0.256": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
  ]);
});

// Not an upstream table: StrictIPCIDRValidation is alpha (off) in v1.36, so the legacy
// Service IP fields take what the old sloppy parser took (IsValidIPForLegacyField).
test('Service legacy IP fields: leading zeros, IPv4-mapped and non-canonical IPv6 are accepted', () => {
  const s = makeValidService();
  s.spec.clusterIP = '10.0.0.010';
  s.spec.clusterIPs = ['10.0.0.010'];
  s.spec.externalIPs = ['::ffff:1.2.3.4', '2001:DB8:0:0::1'];
  // External IPs make the Service externally accessible, which needs a policy.
  s.spec.externalTrafficPolicy = 'Cluster';
  assert.deepEqual(service?.create(s).map(errorString), []);
});

// TestValidateOrSetClientIPAffinityConfig calls validateClientIPAffinityConfig with
// the path "field"; here each config is a ClientIP Service's sessionAffinityConfig.
test(`${FILE} TestValidateOrSetClientIPAffinityConfig`, async (t) => {
  const MAX = 86400; // core.MaxClientIPServiceAffinitySeconds
  const withConfig = (config: JsonObject | undefined): Svc => {
    const s = makeValidService();
    s.spec.sessionAffinity = 'ClientIP';
    if (config !== undefined) s.spec.sessionAffinityConfig = config;
    return s;
  };
  const timeout = 'spec.sessionAffinityConfig.clientIP.timeoutSeconds';
  const cases: { name: string; config: JsonObject | undefined; errors: Want[] }[] = [
    { name: 'non-empty config, valid timeout: 1', config: { clientIP: { timeoutSeconds: 1 } }, errors: [] },
    { name: 'non-empty config, valid timeout: core.MaxClientIPServiceAffinitySeconds-1', config: { clientIP: { timeoutSeconds: MAX - 1 } }, errors: [] },
    { name: 'non-empty config, valid timeout: core.MaxClientIPServiceAffinitySeconds', config: { clientIP: { timeoutSeconds: MAX } }, errors: [] },
    { name: 'empty session affinity config', config: undefined, errors: [R('spec.sessionAffinityConfig')] },
    { name: 'empty client IP config', config: {}, errors: [R('spec.sessionAffinityConfig.clientIP')] },
    { name: 'empty timeoutSeconds', config: { clientIP: {} }, errors: [R(timeout)] },
    { name: 'non-empty config, invalid timeout: core.MaxClientIPServiceAffinitySeconds+1', config: { clientIP: { timeoutSeconds: MAX + 1 } }, errors: [I(timeout)] },
    { name: 'non-empty config, invalid timeout: -1', config: { clientIP: { timeoutSeconds: -1 } }, errors: [I(timeout)] },
    { name: 'non-empty config, invalid timeout: 0', config: { clientIP: { timeoutSeconds: 0 } }, errors: [I(timeout)] },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const errs = service?.create(withConfig(c.config)) ?? [];
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

// TestValidateLoadBalancerStatus, through ValidateServiceStatusUpdate (so the
// path is status.loadBalancer rather than the test's "status"). In v1.36
// LoadBalancerIPMode is GA and AllowServiceLBStatusOnNonLB is off, so the two
// cases that need the other settings ("type is not LB. back-compat",
// "missing ipMode with LoadbalancerIPMode disabled") are left out.
test(`${FILE} TestValidateLoadBalancerStatus`, async (t) => {
  assert.ok(service?.statusUpdate);
  const cases: { name: string; type?: string; ingress: JsonObject[]; errors: Want[] }[] = [
    { name: 'type is not LB', type: 'ClusterIP', ingress: [{ ip: '1.2.3.4' }], errors: [F('status.loadBalancer.ingress')] },
    { name: 'valid vip ipMode', ingress: [{ ip: '1.2.3.4', ipMode: 'VIP' }], errors: [] },
    { name: 'valid proxy ipMode', ingress: [{ ip: '1.2.3.4', ipMode: 'Proxy' }], errors: [] },
    { name: 'invalid ipMode', ingress: [{ ip: '1.2.3.4', ipMode: 'dummy' }], errors: [NS('status.loadBalancer.ingress[0].ipMode')] },
    { name: 'missing ipMode with LoadbalancerIPMode enabled', ingress: [{ ip: '1.2.3.4' }], errors: [R('status.loadBalancer.ingress[0].ipMode')] },
    { name: 'missing ip with ipMode present', ingress: [{ ipMode: 'Proxy' }], errors: [F('status.loadBalancer.ingress[0].ipMode')] },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const old = makeValidService();
      old.spec.type = c.type ?? 'LoadBalancer';
      const next = structuredClone(old) as Svc & { status?: JsonObject };
      next.status = { loadBalancer: { ingress: c.ingress } };
      const errs = service.statusUpdate?.(next, old) ?? [];
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});
