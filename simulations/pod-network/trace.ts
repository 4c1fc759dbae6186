// A packet's path from one Pod to another, hop by hop, through the devices and routing
// tables topology.ts builds: the Pod's netns, the veth pair, the bridge (Flannel) or the
// host's /32 routes (Calico), the node's FIB (longest prefix match), encapsulation (VXLAN,
// IPIP) or a plain routed hop, the underlay, and the same in reverse on the far node.

import { numToIp, prefixString } from './cidr.ts';
import { encapsulates, isCalico, lookup, sameLan } from './topology.ts';
import type { Backend, NetNode, NetPod, Route } from './topology.ts';

export interface Hop {
  at: string; // where: "web (netns)", "node-1", "wire", ...
  device: string;
  action: string;
  packet: string; // the headers at this point
  kind: 'pod' | 'veth' | 'bridge' | 'route' | 'encap' | 'wire' | 'decap' | 'drop' | 'deliver';
  source?: string;
}

export interface PacketTraceResult {
  name: string;
  from: string;
  to: string;
  sameNode: boolean;
  encapsulation: 'vxlan' | 'ipip' | null;
  delivered: boolean;
  dropReason: string | null;
  /** The largest Pod packet that fits the underlay on this path. */
  maxPodPacket: number;
  hops: Hop[];
}

export interface PathContext {
  backend: Backend;
  nodes: Map<string, NetNode>;
  routes: Map<string, Route[]>;
  mtu: number;
  /** Calico BGP: the routers peer with the nodes and learn their blocks. */
  routersKnowPodRoutes: boolean;
}

export function tracePath(ctx: PathContext, name: string, src: NetPod, dst: NetPod, protocol: string, port: number): PacketTraceResult {
  const hops: Hop[] = [];
  const a = ctx.nodes.get(src.node)!;
  const b = ctx.nodes.get(dst.node)!;
  const inner = `${numToIp(src.ip)} → ${numToIp(dst.ip)} ${protocol}/${port}`;
  const calico = isCalico(ctx.backend);
  const gw = calico ? '169.254.1.1' : numToIp(a.range!.base + 1);
  const result = (delivered: boolean, dropReason: string | null, encapsulation: 'vxlan' | 'ipip' | null): PacketTraceResult => ({
    name,
    from: src.key,
    to: dst.key,
    sameNode: a.name === b.name,
    encapsulation,
    delivered,
    dropReason,
    maxPodPacket: ctx.mtu - (encapsulation === 'vxlan' ? 50 : encapsulation === 'ipip' ? 20 : 0),
    hops,
  });

  hops.push({ at: `${src.key} (netns)`, device: 'eth0', kind: 'pod', packet: inner, action: `ip route get ${numToIp(dst.ip)}: via ${gw} dev eth0 (the Pod's default route)${calico ? '; 169.254.1.1 is answered by proxy ARP on the host veth' : ''}`, source: calico ? 'projectcalico/calico cni-plugin (routes in the Pod)' : 'containernetworking/plugins bridge (isDefaultGateway)' });
  hops.push({ at: a.name, device: src.hostVeth, kind: 'veth', packet: inner, action: `out of the Pod's eth0, into its veth peer ${src.hostVeth} in the host namespace` });

  // Same node.
  if (a.name === b.name) {
    if (calico) {
      hops.push({ at: a.name, device: dst.hostVeth, kind: 'route', packet: inner, action: `FIB: ${numToIp(dst.ip)} dev ${dst.hostVeth} scope link (a /32 per local Pod): straight to the other veth`, source: 'projectcalico/calico felix (route per workload)' });
    } else {
      hops.push({ at: a.name, device: 'cni0', kind: 'bridge', packet: inner, action: `cni0 bridge: ${numToIp(dst.ip)} is on the same /${a.range!.bits}, resolved by ARP, switched at layer 2 to ${dst.hostVeth}; no routing, no encapsulation`, source: 'containernetworking/plugins bridge' });
    }
    hops.push({ at: `${dst.key} (netns)`, device: 'eth0', kind: 'deliver', packet: inner, action: `delivered to ${dst.key}: source address unchanged (no NAT between Pods)` });
    return result(true, null, null);
  }

  if (!calico) hops.push({ at: a.name, device: 'cni0', kind: 'bridge', packet: inner, action: `cni0 bridge: ${numToIp(dst.ip)} is not on ${prefixString(a.range!)}, so the frame goes to the gateway ${gw}, the bridge's own address: into the node's routing` });
  const routes = ctx.routes.get(a.name)!;
  const r = lookup(routes, dst.ip);
  const refused = routes.find((x) => x.refused && x.match !== 'default' && x.match && dst.ip >= x.match.base && dst.ip < x.match.base + 2 ** (32 - x.match.bits));
  if (!r) {
    hops.push({ at: a.name, device: '-', kind: 'drop', packet: inner, action: `FIB: no route to ${numToIp(dst.ip)}: the kernel answers "Network is unreachable"` });
    return result(false, `${a.name} has no route to ${numToIp(dst.ip)}`, null);
  }
  if (r.match === 'default') {
    const why = refused ? `the route "${refused.text}" is missing: ${refused.refused}, so the lookup falls through to the default route` : `no route for ${b.range ? prefixString(b.range) : numToIp(dst.ip)}`;
    hops.push({ at: a.name, device: 'eth0', kind: 'route', packet: inner, action: `FIB: ${why}: ${r.text}` });
    if (ctx.routersKnowPodRoutes && ctx.backend === 'calico-bgp') {
      hops.push({ at: 'router', device: '-', kind: 'wire', packet: inner, action: `the router learnt ${prefixString(b.range!)} from ${b.name} over BGP and forwards to ${numToIp(b.ip)}`, source: 'projectcalico/calico BGPPeer with the top-of-rack routers' });
      return arrive(ctx, hops, b, dst, inner, null, result);
    }
    hops.push({ at: 'router', device: '-', kind: 'drop', packet: inner, action: `the router has no route to ${prefixString(b.range!)} (Pod ranges are not announced to it) and drops the packet, or sends it towards its own default route` });
    return result(false, `no route to ${prefixString(b.range!)} beyond ${a.name}: ${refused ? 'the next hop is not on-link, so the route could not be installed' : 'missing route'}`, null);
  }
  hops.push({ at: a.name, device: r.dev, kind: 'route', packet: inner, action: `FIB (longest prefix match): ${r.text}`, source: ctx.backend.startsWith('flannel') ? 'flannel-io/flannel backend' : 'projectcalico/calico BIRD (routes learnt over BGP)' });
  const encap = encapsulates(ctx.backend, a, b);
  let outer = inner;
  if (encap === 'vxlan') {
    outer = `[${numToIp(a.ip)} → ${numToIp(b.ip)} UDP/8472 VXLAN vni 1] ${inner}`;
    hops.push({ at: a.name, device: 'flannel.1', kind: 'encap', packet: outer, action: `flannel.1 (VTEP): neighbour entry ${numToIp(r.via!)} → the VTEP MAC of ${b.name}, FDB entry that MAC → dst ${numToIp(b.ip)}; wrapped in Ethernet + IP + UDP 8472 + VXLAN (50 bytes)`, source: 'flannel-io/flannel backend/vxlan' });
  } else if (encap === 'ipip') {
    outer = `[${numToIp(a.ip)} → ${numToIp(b.ip)} IPIP (proto 4)] ${inner}`;
    hops.push({ at: a.name, device: 'tunl0', kind: 'encap', packet: outer, action: `tunl0: wrapped in an outer IPv4 header to ${numToIp(b.ip)} (IP protocol 4, 20 bytes)${ctx.backend === 'calico-ipip-crosssubnet' ? `: ${b.name} is in another subnet (ipipMode: CrossSubnet)` : ''}`, source: 'projectcalico/calico (IPIP)' });
  }
  const direct = sameLan(a, b);
  hops.push({ at: direct ? 'switch' : 'router', device: 'eth0', kind: 'wire', packet: outer, action: direct ? `out of ${a.name}'s eth0 to ${b.name}'s MAC: same layer-2 segment` : `out of ${a.name}'s eth0 via its default gateway: the routers route node addresses${encap ? ', and only node addresses are visible' : ''}` });
  return arrive(ctx, hops, b, dst, inner, encap, result);
}

function arrive(ctx: PathContext, hops: Hop[], b: NetNode, dst: NetPod, inner: string, encap: 'vxlan' | 'ipip' | null, result: (d: boolean, r: string | null, e: 'vxlan' | 'ipip' | null) => PacketTraceResult): PacketTraceResult {
  if (encap === 'vxlan') hops.push({ at: b.name, device: 'flannel.1', kind: 'decap', packet: inner, action: 'UDP 8472 arrives at flannel.1: VNI 1 matches, the outer headers are stripped' });
  if (encap === 'ipip') hops.push({ at: b.name, device: 'tunl0', kind: 'decap', packet: inner, action: 'IP protocol 4 arrives at tunl0: the outer header is stripped' });
  const r = lookup(ctx.routes.get(b.name)!, dst.ip);
  if (isCalico(ctx.backend)) hops.push({ at: b.name, device: dst.hostVeth, kind: 'route', packet: inner, action: `FIB: ${r?.text ?? `${numToIp(dst.ip)} dev ${dst.hostVeth}`}` });
  else hops.push({ at: b.name, device: 'cni0', kind: 'bridge', packet: inner, action: `FIB: ${r?.text ?? ''}; cni0 switches it to ${dst.hostVeth}` });
  hops.push({ at: `${dst.key} (netns)`, device: 'eth0', kind: 'deliver', packet: inner, action: `delivered to ${dst.key}: source address unchanged (no NAT between Pods)` });
  return result(true, null, encap);
}
