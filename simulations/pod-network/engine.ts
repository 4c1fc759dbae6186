// The pod-network engine (chapter 11): Nodes and Pods through the shared API server, a
// PodNetwork saying which backend wires them; out come each node's devices and `ip route`,
// each Pod's address and routes, the path of each packet hop by hop (veth, bridge, routing
// table, VXLAN or IPIP or a routed hop, the far node), and the CIDR planning checks.

import type { Engine, TraceStep } from '../shared/engine.ts';
import { flattenLists } from '../shared/yaml.ts';
import { checkPlan, contains, nthSubnet, numToIp, prefixString } from './cidr.ts';
import type { CidrCheck } from './cidr.ts';
import { readInput } from './schema.ts';
import type { PodNetworkInput } from './schema.ts';
import { isCalico, nodeDevices, nodeRoutes, OVERHEAD, podRoutes, vethName } from './topology.ts';
import type { Backend, NetNode, NetPod, Route } from './topology.ts';
import { tracePath } from './trace.ts';
import type { PacketTraceResult } from './trace.ts';
import { buildView } from './view-model.ts';
import type { PodNetworkView } from './view-model.ts';

export interface PodNetworkResult {
  backend: Backend;
  podMtu: number;
  nodes: { name: string; ip: string; podRange: string | null; rangeFrom: 'spec.podCIDR' | 'allocated' | 'calico block' | 'none'; devices: string[]; ipRoute: string; refusedRoutes: string[] }[];
  pods: { key: string; node: string; ip: string; ipAssigned: boolean; hostVeth: string; ipRoute: string }[];
  cidrChecks: CidrCheck[];
  packets: PacketTraceResult[];
}

export function runPodNetwork(input: PodNetworkInput): { result: PodNetworkResult; trace: TraceStep[] } {
  const trace: TraceStep[] = [];
  const calico = isCalico(input.backend);
  // Node ranges: Flannel uses spec.podCIDR (kube-controller-manager's range allocator hands
  // them out in order from the cluster CIDR); Calico's IPAM gives each node a block of the pool.
  const used = new Set(input.nodes.filter((n) => !calico && n.podCIDR).map((n) => n.podCIDR!.base));
  let next = 0;
  const nodes: NetNode[] = input.nodes.map((n) => {
    const lanEntry = input.nodeNetworks.find((l) => contains(l.prefix, n.ip));
    let range: { base: number; bits: number } | null = null;
    let rangeFromSpec = false;
    if (!calico && n.podCIDR) {
      range = { base: n.podCIDR.base, bits: n.podCIDR.bits };
      rangeFromSpec = true;
    } else {
      let r = nthSubnet(input.clusterCIDR, input.nodeCIDRMaskSize, next++);
      while (r && used.has(r.base)) r = nthSubnet(input.clusterCIDR, input.nodeCIDRMaskSize, next++);
      range = r;
      if (r) used.add(r.base);
    }
    return { name: n.name, ip: n.ip, lan: lanEntry?.prefix ?? null, range, rangeFromSpec };
  });
  const byName = new Map(nodes.map((n) => [n.name, n]));
  for (const n of nodes) {
    if (!n.range) trace.push({ subject: n.name, title: `${n.name} gets no Pod range: ${prefixString(input.clusterCIDR)} has no /${input.nodeCIDRMaskSize} left (CIDRNotAvailable)`, source: 'pkg/controller/nodeipam/ipam/range_allocator.go', level: 'warning' });
    else trace.push({ subject: n.name, title: `${n.name} (${numToIp(n.ip)}) owns ${prefixString(n.range)}${n.rangeFromSpec ? ' (spec.podCIDR)' : calico ? ' (a Calico IPAM block)' : ' (allocated in order from the cluster CIDR)'}`, source: calico ? 'projectcalico/calico ipam (blockSize)' : 'pkg/controller/nodeipam/ipam/range_allocator.go', level: 'info' });
  }
  // Pod addresses: the ones given, else the next free one of the node's range
  // (host-local: after the bridge's .1; Calico: from the block's first address).
  const taken = new Set(input.pods.filter((p) => p.ip !== null).map((p) => p.ip!));
  // calico-node gives tunl0 an address of the node's block (its first) in IPIP modes.
  const tunnel = input.backend === 'calico-ipip' || input.backend === 'calico-ipip-crosssubnet';
  if (tunnel) for (const n of nodes) if (n.range) taken.add(n.range.base);
  const cursor = new Map<string, number>();
  const pods: NetPod[] = input.pods.map((p) => {
    const node = byName.get(p.node)!;
    let ip = p.ip;
    const ipAssigned = ip === null;
    if (ip === null && node.range) {
      let k = cursor.get(node.name) ?? (calico ? 0 : 2);
      const last = 2 ** (32 - node.range.bits) - (calico ? 1 : 2);
      while (k <= last && taken.has(node.range.base + k)) k++;
      if (k <= last) {
        ip = node.range.base + k;
        taken.add(ip);
      }
      cursor.set(node.name, k + 1);
    }
    return { key: p.key, node: p.node, ip: ip ?? 0, ipAssigned, hostVeth: vethName(input.backend, p.key) };
  });
  const gatewayOf = (n: NetNode) => input.nodeNetworks.find((l) => n.lan && l.prefix.base === n.lan.base && l.prefix.bits === n.lan.bits)?.gateway ?? null;
  const routes = new Map<string, Route[]>(nodes.map((n) => [n.name, nodeRoutes(input.backend, n, nodes, pods, gatewayOf(n))]));
  for (const n of nodes) {
    for (const r of routes.get(n.name)!.filter((x) => x.refused)) trace.push({ subject: n.name, title: `${n.name}: cannot add "${r.text}": ${r.refused}`, source: input.backend === 'flannel-host-gw' ? 'flannel-io/flannel backend/hostgw' : 'projectcalico/calico BIRD', level: 'warning' });
  }
  const podMtu = input.mtu - OVERHEAD[input.backend];
  const cidrChecks = checkPlan({
    clusterCIDR: input.clusterCIDR,
    serviceCIDR: input.serviceCIDR,
    nodeMaskSize: input.nodeCIDRMaskSize,
    nodeCount: nodes.length,
    networks: [...input.nodeNetworks.map((n) => ({ name: `node network ${n.name}`, prefix: n.prefix })), ...input.otherNetworks],
    nodeRanges: nodes.filter((n) => n.rangeFromSpec && n.range).map((n) => ({ node: n.name, prefix: n.range! })),
  });
  for (const c of cidrChecks) trace.push({ subject: 'CIDR plan', title: c.message, level: c.ok ? 'info' : 'warning' });
  const ctx = { backend: input.backend, nodes: byName, routes, mtu: input.mtu, routersKnowPodRoutes: input.routersKnowPodRoutes };
  const podByKey = new Map(pods.map((p) => [p.key, p]));
  const packets = input.packets.map((pk) => {
    const src = podByKey.get(pk.from)!;
    const dst = podByKey.get(pk.to)!;
    if (src.ip === 0 || dst.ip === 0) {
      const who = src.ip === 0 ? src : dst;
      return { name: pk.name, from: pk.from, to: pk.to, sameNode: src.node === dst.node, encapsulation: null, delivered: false, dropReason: `${who.key} has no IP: its node ${who.node} has no Pod range, so the CNI plugin's IPAM failed and the Pod stays in ContainerCreating`, maxPodPacket: podMtu, hops: [] } satisfies PacketTraceResult;
    }
    const t = tracePath(ctx, pk.name, src, dst, pk.protocol, pk.port);
    for (const h of t.hops) trace.push({ subject: pk.name, title: `${h.at} · ${h.device}: ${h.action}`, detail: h.packet, source: h.source, level: h.kind === 'drop' ? 'warning' : 'decision' });
    return t;
  });
  const result: PodNetworkResult = {
    backend: input.backend,
    podMtu,
    nodes: nodes.map((n) => {
      const rs = routes.get(n.name)!;
      return {
        name: n.name,
        ip: numToIp(n.ip),
        podRange: n.range ? prefixString(n.range) : null,
        rangeFrom: !n.range ? 'none' : n.rangeFromSpec ? 'spec.podCIDR' : calico ? 'calico block' : 'allocated',
        devices: nodeDevices(input.backend, n, input.mtu),
        ipRoute: rs.filter((r) => !r.refused).map((r) => r.text).join('\n'),
        refusedRoutes: rs.filter((r) => r.refused).map((r) => `${r.text}: ${r.refused}`),
      };
    }),
    pods: pods.map((p) => ({ key: p.key, node: p.node, ip: p.ip ? numToIp(p.ip) : '', ipAssigned: p.ipAssigned, hostVeth: p.hostVeth, ipRoute: p.ip ? podRoutes(input.backend, p, byName.get(p.node)!, input.clusterCIDR).join('\n') : '' })),
    cidrChecks,
    packets,
  };
  return { result, trace };
}

export const engine: Engine<PodNetworkResult, PodNetworkView> = {
  id: 'pod-network',
  version: '2',
  title: 'Pod network: the packet path',
  summary: 'Nodes and Pods on Flannel (VXLAN, host-gw) or Calico (BGP, IPIP): each node’s devices and ip route, and a packet’s path from Pod to Pod through veth, bridge, routing table and the overlay or routed hop; plus the CIDR plan’s overlaps.',
  view: 'pod-network/result',
  run(manifests) {
    return runPodNetwork(readInput(flattenLists(manifests)));
  },
  viewModel: buildView,
};
