// What each backend sets up on a node, as `ip route` and `ip -d link` would show it:
//
// Flannel (flannel-io/flannel, backend/vxlan and backend/hostgw; the flannel CNI plugin delegating
// to the bridge plugin with host-local IPAM):
//   - the node's Pod range is its spec.podCIDR (kube-controller-manager --allocate-node-cidrs);
//   - cni0: a bridge holding the range's first address (10.244.1.1/24), the Pods' gateway;
//     a Pod gets eth0 = the next free address (host-local starts after the gateway), routes
//     `default via 10.244.1.1` and the cluster CIDR via the same gateway;
//   - vxlan: flannel.1 (VNI 1, UDP 8472, MTU = underlay − 50) holds <range>.0/32; each remote
//     range is routed `via <its .0> dev flannel.1 onlink`, with a neighbour (ARP) entry for
//     that .0 and a bridge FDB entry sending its VTEP MAC to the remote node's IP;
//   - host-gw: each remote range is routed `via <remote node IP> dev eth0`, which the kernel only
//     accepts when that IP is on a directly connected network.
// Calico (projectcalico/calico, felix and BIRD; the calico CNI plugin with calico-ipam):
//   - the node owns blocks of the IP pool (blockSize 26 by default, so 64 addresses);
//   - no bridge: each Pod's host-side veth caliXXXX gets a /32 route `<pod IP> dev caliXXXX
//     scope link`; the Pod's routes are `default via 169.254.1.1 dev eth0` and
//     `169.254.1.1 dev eth0 scope link`, answered by proxy ARP on the host veth;
//   - own block: `blackhole <block> proto bird`; remote blocks learnt over BGP:
//     BGP, no encapsulation: `<block> via <node IP> dev eth0 proto bird`;
//     IPIP: `<block> via <node IP> dev tunl0 proto bird onlink` (IP protocol 4, 20 bytes; with
//     ipipMode CrossSubnet only between nodes of different subnets).

import { contains, nthSubnet, numToIp, prefixString } from './cidr.ts';
import type { Prefix4 } from './cidr.ts';

export type Backend = 'flannel-vxlan' | 'flannel-host-gw' | 'calico-bgp' | 'calico-ipip' | 'calico-ipip-crosssubnet';
export const BACKENDS: readonly Backend[] = ['flannel-vxlan', 'flannel-host-gw', 'calico-bgp', 'calico-ipip', 'calico-ipip-crosssubnet'];

/** Bytes each encapsulation adds: VXLAN = outer Ethernet 14 + IPv4 20 + UDP 8 + VXLAN 8; IPIP = one IPv4 header. */
export const OVERHEAD: Record<Backend, number> = { 'flannel-vxlan': 50, 'flannel-host-gw': 0, 'calico-bgp': 0, 'calico-ipip': 20, 'calico-ipip-crosssubnet': 20 };

export interface NetNode {
  name: string;
  ip: number;
  /** The node's LAN (the node network containing its IP), or null when none is declared. */
  lan: Prefix4 | null;
  range: { base: number; bits: number } | null;
  rangeFromSpec: boolean;
}

export interface NetPod {
  key: string;
  node: string;
  ip: number;
  ipAssigned: boolean;
  /** Host-side interface of the veth pair. */
  hostVeth: string;
}

export interface Route {
  dst: string;
  text: string; // one line of `ip route`
  match?: { base: number; bits: number } | 'default';
  via?: number;
  dev: string;
  blackhole?: boolean;
  /** Why the kernel refused to install it, when it did. */
  refused?: string;
}

/** A deterministic veth name, shaped like the runtime's (vethXXXXXXXX) or Calico's (cali + 11 hex). */
export function vethName(backend: Backend, key: string): string {
  let h = 2166136261;
  for (const c of key) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  const hex = h.toString(16).padStart(8, '0');
  return backend.startsWith('calico') ? `cali${hex}${hex.slice(0, 3)}` : `veth${hex}`;
}

export function isCalico(b: Backend): boolean {
  return b.startsWith('calico');
}

/** Whether two nodes share a directly connected network (same declared LAN). */
export function sameLan(a: NetNode, b: NetNode): boolean {
  return a.lan !== null && b.lan !== null && a.lan.base === b.lan.base && a.lan.bits === b.lan.bits;
}

/** Whether traffic from `a` to `b` is encapsulated under this backend. */
export function encapsulates(backend: Backend, a: NetNode, b: NetNode): 'vxlan' | 'ipip' | null {
  if (backend === 'flannel-vxlan') return 'vxlan';
  if (backend === 'calico-ipip') return 'ipip';
  if (backend === 'calico-ipip-crosssubnet') return sameLan(a, b) ? null : 'ipip';
  return null;
}

/** The node's routing table, as `ip route` lists it (main table, the lines this backend adds). */
export function nodeRoutes(backend: Backend, node: NetNode, nodes: NetNode[], pods: NetPod[], gatewayIp: number | null): Route[] {
  const routes: Route[] = [];
  if (gatewayIp !== null) routes.push({ dst: 'default', match: 'default', via: gatewayIp, dev: 'eth0', text: `default via ${numToIp(gatewayIp)} dev eth0 proto static` });
  if (node.lan) routes.push({ dst: prefixString(node.lan), match: node.lan, dev: 'eth0', text: `${prefixString(node.lan)} dev eth0 proto kernel scope link src ${numToIp(node.ip)}` });
  for (const other of nodes) {
    if (!other.range) continue;
    const dst = prefixString(other.range);
    if (other.name === node.name) {
      if (isCalico(backend)) {
        routes.push({ dst, match: other.range, dev: '', blackhole: true, text: `blackhole ${dst} proto bird` });
        for (const p of pods.filter((q) => q.node === node.name)) routes.push({ dst: numToIp(p.ip), match: { base: p.ip, bits: 32 }, dev: p.hostVeth, text: `${numToIp(p.ip)} dev ${p.hostVeth} scope link` });
      } else {
        routes.push({ dst, match: other.range, dev: 'cni0', text: `${dst} dev cni0 proto kernel scope link src ${numToIp(other.range.base + 1)}` });
      }
      continue;
    }
    switch (backend) {
      case 'flannel-vxlan':
        routes.push({ dst, match: other.range, via: other.range.base, dev: 'flannel.1', text: `${dst} via ${numToIp(other.range.base)} dev flannel.1 onlink` });
        break;
      case 'flannel-host-gw':
      case 'calico-bgp': {
        const onLink = node.lan !== null && contains(node.lan, other.ip);
        const text = backend === 'flannel-host-gw' ? `${dst} via ${numToIp(other.ip)} dev eth0` : `${dst} via ${numToIp(other.ip)} dev eth0 proto bird`;
        routes.push({ dst, match: other.range, via: other.ip, dev: 'eth0', text, ...(onLink ? {} : { refused: `RTNETLINK answers: Network is unreachable (${numToIp(other.ip)} is not on a directly connected network)` }) });
        break;
      }
      case 'calico-ipip':
        routes.push({ dst, match: other.range, via: other.ip, dev: 'tunl0', text: `${dst} via ${numToIp(other.ip)} dev tunl0 proto bird onlink` });
        break;
      case 'calico-ipip-crosssubnet':
        if (sameLan(node, other)) routes.push({ dst, match: other.range, via: other.ip, dev: 'eth0', text: `${dst} via ${numToIp(other.ip)} dev eth0 proto bird` });
        else routes.push({ dst, match: other.range, via: other.ip, dev: 'tunl0', text: `${dst} via ${numToIp(other.ip)} dev tunl0 proto bird onlink` });
        break;
    }
  }
  return routes;
}

/** The Pod's own routes (inside its network namespace). */
export function podRoutes(backend: Backend, pod: NetPod, node: NetNode, clusterCIDR: Prefix4): string[] {
  const ip = numToIp(pod.ip);
  if (isCalico(backend)) return ['default via 169.254.1.1 dev eth0', '169.254.1.1 dev eth0 scope link'];
  const range = node.range!;
  const gw = numToIp(range.base + 1);
  return [`default via ${gw} dev eth0`, `${prefixString(clusterCIDR)} via ${gw} dev eth0`, `${prefixString(range)} dev eth0 proto kernel scope link src ${ip}`];
}

/** The interfaces this backend puts on a node. */
export function nodeDevices(backend: Backend, node: NetNode, mtu: number): string[] {
  const devs = [`eth0: ${numToIp(node.ip)}${node.lan ? `/${node.lan.bits}` : ''} mtu ${mtu}`];
  const podMtu = mtu - OVERHEAD[backend];
  if (!isCalico(backend) && node.range) devs.push(`cni0: bridge ${numToIp(node.range.base + 1)}/${node.range.bits} mtu ${podMtu}`);
  if (backend === 'flannel-vxlan' && node.range) devs.push(`flannel.1: vxlan id 1 local ${numToIp(node.ip)} dev eth0 dstport 8472 ${numToIp(node.range.base)}/32 mtu ${podMtu}`);
  if ((backend === 'calico-ipip' || backend === 'calico-ipip-crosssubnet') && node.range) devs.push(`tunl0: ipip any remote any local any ${numToIp(node.range.base)}/32 mtu ${mtu - 20}`);
  return devs;
}

/** Longest-prefix match, as the kernel's FIB lookup (routes the kernel refused are not there). */
export function lookup(routes: Route[], dst: number): Route | null {
  let best: Route | null = null;
  let bestBits = -1;
  for (const r of routes) {
    if (r.refused || !r.match) continue;
    const bits = r.match === 'default' ? 0 : r.match.bits;
    if (r.match !== 'default' && !contains(r.match, dst)) continue;
    if (bits > bestBits) {
      best = r;
      bestBits = bits;
    }
  }
  return best;
}

export { nthSubnet };
