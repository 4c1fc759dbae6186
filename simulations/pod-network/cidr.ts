// IPv4 prefixes as numbers, parsed with k8s.io/utils ParseCIDRSloppy (apimachinery/go-net.ts),
// and the planning checks of the lesson: the Pod CIDR, the Service CIDR, the node networks and
// any other network the nodes must reach may not overlap; every node's Pod range lies in the
// cluster CIDR; the cluster CIDR holds enough node ranges.

import { parseCIDRSloppy, parseIPSloppy, to4 } from '../apimachinery/go-net.ts';
import { ValidationError } from '../shared/errors.ts';

export interface Prefix4 {
  text: string; // as written
  base: number; // the network address (host bits cleared)
  bits: number;
}

export function ipToNum(ip: string): number | null {
  const parsed = parseIPSloppy(ip);
  const v4 = parsed ? to4(parsed) : null;
  if (!v4) return null;
  return ((v4[0] << 24) | (v4[1] << 16) | (v4[2] << 8) | v4[3]) >>> 0;
}

export function numToIp(n: number): string {
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** An IPv4 CIDR (host bits allowed, cleared as Go's ParseCIDR does), or null. */
export function parsePrefix4(text: string): Prefix4 | null {
  const parsed = parseCIDRSloppy(text);
  if (!parsed) return null;
  const ip = to4(parsed.ipnet.ip);
  if (!ip || parsed.ipnet.mask.length !== 4) return null;
  const bits = parsed.ipnet.mask.reduce((acc, b) => acc + [...b.toString(2)].filter((c) => c === '1').length, 0);
  return { text, base: ((ip[0] << 24) | (ip[1] << 16) | (ip[2] << 8) | ip[3]) >>> 0, bits };
}

export function prefixString(p: { base: number; bits: number }): string {
  return `${numToIp(p.base)}/${p.bits}`;
}

export function size(p: { bits: number }): number {
  return 2 ** (32 - p.bits);
}

export function contains(p: { base: number; bits: number }, ip: number): boolean {
  return ip >= p.base && ip < p.base + size(p);
}

export function overlaps(a: { base: number; bits: number }, b: { base: number; bits: number }): boolean {
  return contains(a, b.base) || contains(b, a.base);
}

/** The n-th subnet of `size` bits inside `p` (n from 0), as the node CIDR allocator hands them out. */
export function nthSubnet(p: { base: number; bits: number }, bits: number, n: number): { base: number; bits: number } | null {
  if (bits < p.bits || n >= 2 ** (bits - p.bits)) return null;
  return { base: (p.base + n * 2 ** (32 - bits)) >>> 0, bits };
}

export interface NamedRange {
  name: string;
  prefix: Prefix4;
}

export interface CidrCheck {
  ok: boolean;
  code: 'overlap' | 'outside-cluster-cidr' | 'too-many-nodes' | 'capacity' | 'no-overlap';
  message: string;
}

/**
 * The checks, in the order an engineer would run them before `kubeadm init`.
 * `nodeRanges` are the Pod ranges given to nodes (spec.podCIDR, or Calico blocks).
 */
export function checkPlan(input: {
  clusterCIDR: Prefix4;
  serviceCIDR: Prefix4;
  nodeMaskSize: number;
  nodeCount: number;
  networks: NamedRange[]; // node networks and other networks the nodes reach
  nodeRanges: { node: string; prefix: { base: number; bits: number } }[];
}): CidrCheck[] {
  const checks: CidrCheck[] = [];
  const named: NamedRange[] = [{ name: 'the Pod CIDR (clusterCIDR)', prefix: input.clusterCIDR }, { name: 'the Service CIDR', prefix: input.serviceCIDR }, ...input.networks];
  let overlapping = false;
  for (let i = 0; i < named.length; i++) {
    for (let j = i + 1; j < named.length; j++) {
      if (i >= 2 && j >= 2) continue; // two networks outside the cluster may overlap; not ours to judge
      const a = named[i];
      const b = named[j];
      if (!overlaps(a.prefix, b.prefix)) continue;
      overlapping = true;
      const consequence =
        i === 0 && j === 1
          ? 'kube-proxy DNATs Service addresses on every node, so Pod IPs inside the Service range are hijacked or unreachable'
          : i === 0
            ? `Pods cannot reach ${b.name}: its addresses are routed into the Pod network (bridge, overlay or BGP routes) on every node`
            : `Pods cannot reach ${b.name}: kube-proxy takes its addresses for Service IPs`;
      checks.push({ ok: false, code: 'overlap', message: `${a.name} ${prefixString(a.prefix)} overlaps ${b.name} ${prefixString(b.prefix)}: ${consequence}` });
    }
  }
  if (!overlapping) checks.push({ ok: true, code: 'no-overlap', message: `no overlap between the Pod CIDR ${prefixString(input.clusterCIDR)}, the Service CIDR ${prefixString(input.serviceCIDR)} and ${input.networks.length} other network(s)` });
  for (const r of input.nodeRanges) {
    const inside = contains(input.clusterCIDR, r.prefix.base) && r.prefix.bits >= input.clusterCIDR.bits;
    if (!inside) checks.push({ ok: false, code: 'outside-cluster-cidr', message: `node ${r.node}'s Pod range ${prefixString(r.prefix)} is outside the cluster CIDR ${prefixString(input.clusterCIDR)}` });
  }
  const available = input.nodeMaskSize >= input.clusterCIDR.bits ? 2 ** (input.nodeMaskSize - input.clusterCIDR.bits) : 0;
  checks.push({
    ok: input.nodeCount <= available,
    code: input.nodeCount <= available ? 'capacity' : 'too-many-nodes',
    message:
      input.nodeCount <= available
        ? `${prefixString(input.clusterCIDR)} holds ${available} node ranges of /${input.nodeMaskSize} (${size({ bits: input.nodeMaskSize }) - 2} Pod addresses each); ${input.nodeCount} in use`
        : `${prefixString(input.clusterCIDR)} holds only ${available} node ranges of /${input.nodeMaskSize}: ${input.nodeCount - available} node(s) get none (event CIDRNotAvailable) and cannot run Pods`,
  });
  return checks;
}

/**
 * The planning checks from plain strings, for callers outside the engine.
 *
 * @example
 *   checkCIDRPlan({ clusterCIDR: '10.0.0.0/16', serviceCIDR: '10.96.0.0/12', nodeCIDRMaskSize: 24, nodeCount: 3,
 *     networks: [{ name: 'office-vpn', cidr: '10.0.0.0/8' }] })[0].code  // 'overlap'
 */
export function checkCIDRPlan(plan: { clusterCIDR: string; serviceCIDR: string; nodeCIDRMaskSize: number; nodeCount: number; networks?: { name: string; cidr: string }[] }): CidrCheck[] {
  const parse = (what: string, text: string) => {
    const p = parsePrefix4(text);
    if (!p) throw new ValidationError(`Invalid value: ${JSON.stringify(text)}: must be a valid IPv4 CIDR value, (e.g. 10.9.8.0/24)`, { path: [what] });
    return p;
  };
  return checkPlan({
    clusterCIDR: parse('clusterCIDR', plan.clusterCIDR),
    serviceCIDR: parse('serviceCIDR', plan.serviceCIDR),
    nodeMaskSize: plan.nodeCIDRMaskSize,
    nodeCount: plan.nodeCount,
    networks: (plan.networks ?? []).map((n, i) => ({ name: n.name, prefix: parse(`networks[${i}].cidr`, n.cidr) })),
    nodeRanges: [],
  });
}
