// kube-controller-manager's node CIDR allocator: pkg/controller/nodeipam/ipam/cidrset/cidr_set_test.go
// (kubernetes/kubernetes v1.36), the IPv4 cases, through the pod-network engine's nthSubnet (the
// allocator's indexToCIDRBlock: the index-th subnet of the cluster CIDR) and the plan check that
// counts how many node ranges the cluster CIDR holds. The engine is IPv4 only; the IPv6 rows are left out.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkCIDRPlan } from '../../../simulations/index.ts';
import { nthSubnet, parsePrefix4, prefixString } from '../../../simulations/pod-network/cidr.ts';

const F = 'pkg/controller/nodeipam/ipam/cidrset/cidr_set_test.go';

describe(`${F} TestIndexToCIDRBlock (IPv4)`, () => {
  const cases = [
    { clusterCIDR: '127.123.3.0/16', subnetMaskSize: 24, index: 0, block: '127.123.0.0/24', description: '1st IP address indexed with IPv4' },
    { clusterCIDR: '127.123.0.0/16', subnetMaskSize: 24, index: 15, block: '127.123.15.0/24', description: '16th IP address indexed with IPv4' },
    { clusterCIDR: '192.168.5.219/28', subnetMaskSize: 32, index: 5, block: '192.168.5.213/32', description: '5th IP address indexed with IPv4' },
  ];
  for (const c of cases) {
    it(c.description, () => assert.equal(prefixString(nthSubnet(parsePrefix4(c.clusterCIDR)!, c.subnetMaskSize, c.index)!), c.block));
  }
});

describe(`${F} TestCIDRSetFullyAllocated and TestCIDRSet_RandomishAllocation (IPv4)`, () => {
  it('Fully allocated CIDR with IPv4: 127.123.234.0/30 with /30 subnets holds one, 127.123.234.0/30', () => {
    const p = parsePrefix4('127.123.234.0/30')!;
    assert.equal(prefixString(nthSubnet(p, 30, 0)!), '127.123.234.0/30');
    assert.equal(nthSubnet(p, 30, 1), null);
    assert.equal(checkCIDRPlan({ clusterCIDR: '127.123.234.0/30', serviceCIDR: '10.96.0.0/12', nodeCIDRMaskSize: 30, nodeCount: 2 }).at(-1)!.code, 'too-many-nodes');
  });
  it('RandomishAllocation with IPv4: a /16 gives exactly 256 /24 ranges, then none', () => {
    const p = parsePrefix4('127.123.234.0/16')!;
    const all = Array.from({ length: 256 }, (_, i) => prefixString(nthSubnet(p, 24, i)!));
    assert.equal(new Set(all).size, 256);
    assert.equal(all[255], '127.123.255.0/24');
    assert.equal(nthSubnet(p, 24, 256), null);
    assert.equal(checkCIDRPlan({ clusterCIDR: '127.123.234.0/16', serviceCIDR: '10.96.0.0/12', nodeCIDRMaskSize: 24, nodeCount: 256 }).at(-1)!.code, 'capacity');
    assert.equal(checkCIDRPlan({ clusterCIDR: '127.123.234.0/16', serviceCIDR: '10.96.0.0/12', nodeCIDRMaskSize: 24, nodeCount: 257 }).at(-1)!.code, 'too-many-nodes');
  });
});
