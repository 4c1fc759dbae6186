// NetworkPolicy evaluation: does a connection from one endpoint reach a Pod on
// a port? Kubernetes itself never evaluates NetworkPolicy (the network plugin
// does), so the rules here are the API's own words:
//   k8s.io/api networking/v1 types.go (NetworkPolicySpec, NetworkPolicyPeer,
//   NetworkPolicyPort, IPBlock comments), the "Network Policies" concept page,
//   and the truth tables of test/e2e/network/netpol/network_policy.go, which
//   every conformant plugin must reproduce. kubernetes-sigs/kube-network-policies
//   (pkg/networkpolicy/networkpolicy.go) is SIG Network's reference implementation
//   of the same rules.
//
// - A Pod is isolated for ingress (egress) when at least one NetworkPolicy in its
//   namespace selects it and lists Ingress (Egress) in policyTypes; otherwise that
//   direction is allowed (the default).
// - An isolated direction allows a connection when at least one rule of one of
//   those policies matches it: additive, no order, no deny rules.
// - A connection needs both: egress allowed at the source Pod AND ingress allowed
//   at the destination Pod.
// - A rule with no peers matches every peer; a rule with no ports, every port.
// - Peer: podSelector alone = Pods of the policy's namespace; namespaceSelector
//   alone = every Pod of the selected namespaces; both in ONE peer = Pods matching
//   the podSelector inside the selected namespaces (AND); two peers = either (OR);
//   ipBlock = addresses in cidr and in none of except.
// - Port: protocol (default TCP) must match; a number matches that port, or the
//   range port..endPort; a name matches a container port of that name and protocol
//   on the destination Pod (for ingress and for egress alike); no port = all ports.

import { asList, asObject, asString, asStringMap } from '../apimachinery/json.ts';
import type { JsonObject } from '../apimachinery/json.ts';
import { labelSelectorAsSelector } from '../apimachinery/label-selector.ts';
import type { Selector } from '../apimachinery/labels.ts';
import { ipEqual, parseCIDRSloppy, parseIPSloppy, to4 } from '../apimachinery/go-net.ts';
import type { IP, IPNet } from '../apimachinery/go-net.ts';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** The namespace label the API server sets on every namespace (since v1.21, NamespaceDefaultLabelName). */
export const LABEL_METADATA_NAME = 'kubernetes.io/metadata.name';

export interface ContainerPort {
  name: string;
  containerPort: number;
  protocol: Protocol;
}

export interface PodInfo {
  index: number;
  namespace: string;
  name: string;
  key: string; // "ns/name", as upstream's PodString
  labels: Record<string, string>;
  ips: string[];
  parsedIPs: IP[];
  ports: ContainerPort[];
}

export interface NamespaceInfo {
  name: string;
  labels: Record<string, string>;
}

export interface PortSpec {
  protocol: Protocol;
  port: number | string | null;
  endPort: number | null;
}

export type PeerSpec =
  | { kind: 'selector'; podSelector: Selector | null; namespaceSelector: Selector | null; text: string }
  | { kind: 'ipBlock'; cidr: IPNet | null; except: (IPNet | null)[]; text: string };

export interface RuleSpec {
  index: number;
  ports: PortSpec[]; // empty: all ports
  peers: PeerSpec[]; // empty: all peers
}

export interface PolicySpec {
  namespace: string;
  name: string;
  key: string;
  podSelector: Selector;
  ingressType: boolean;
  egressType: boolean;
  ingress: RuleSpec[];
  egress: RuleSpec[];
}

/** Go net.IPNet.Contains (src/net/ip.go, with networkNumberAndMask): an IPv4 address is compared in its 4-byte form. */
export function ipNetContains(n: IPNet, ip: IP): boolean {
  let nn: IP | null = to4(n.ip);
  let m = n.mask;
  if (nn === null) {
    if (n.ip.length !== 16) return false;
    nn = n.ip;
  }
  if (m.length === 16 && nn.length === 4) m = m.subarray(12);
  if (m.length !== nn.length) return false;
  const x = to4(ip) ?? ip;
  if (x.length !== nn.length) return false;
  for (let i = 0; i < x.length; i++) if ((nn[i] & m[i]) !== (x[i] & m[i])) return false;
  return true;
}

function protocolOf(v: unknown): Protocol {
  const s = asString(v);
  return s === 'UDP' || s === 'SCTP' ? s : s === '' ? 'TCP' : (s as Protocol);
}

/** Reads a Pod (as stored by the API server, or as passed to the public function). */
export function podInfo(pod: unknown, index: number): PodInfo {
  const o = asObject(pod) ?? {};
  const meta = asObject(o.metadata) ?? {};
  const namespace = asString(meta.namespace) || 'default';
  const name = asString(meta.name);
  const status = asObject(o.status) ?? {};
  const ips: string[] = [];
  for (const p of asList(status.podIPs)) {
    const ip = asString(asObject(p)?.ip);
    if (ip && !ips.includes(ip)) ips.push(ip);
  }
  const single = asString(status.podIP);
  if (single && !ips.includes(single)) ips.unshift(single);
  const ports: ContainerPort[] = [];
  const spec = asObject(o.spec) ?? {};
  for (const c of [...asList(spec.initContainers), ...asList(spec.containers)]) {
    for (const p of asList(asObject(c)?.ports)) {
      const po = asObject(p);
      if (!po) continue;
      ports.push({ name: asString(po.name), containerPort: Number(po.containerPort) || 0, protocol: protocolOf(po.protocol) });
    }
  }
  const parsedIPs = ips.map((s) => parseIPSloppy(s)).filter((ip): ip is IP => ip !== null);
  return { index, namespace, name, key: `${namespace}/${name}`, labels: asStringMap(meta.labels), ips, parsedIPs, ports };
}

/** A Namespace's labels, with the kubernetes.io/metadata.name label the API server always sets. */
export function namespaceInfo(ns: unknown): NamespaceInfo {
  const meta = asObject(asObject(ns)?.metadata) ?? {};
  const name = asString(meta.name);
  return { name, labels: { ...asStringMap(meta.labels), [LABEL_METADATA_NAME]: name } };
}

function portSpec(p: unknown): PortSpec {
  const o = asObject(p) ?? {};
  const port = o.port === undefined || o.port === null ? null : typeof o.port === 'number' ? o.port : asString(o.port);
  const endPort = typeof o.endPort === 'number' ? o.endPort : null;
  return { protocol: protocolOf(o.protocol), port, endPort };
}

function selectorText(sel: unknown): string {
  const o = asObject(sel);
  if (!o) return '';
  const parts: string[] = [];
  const ml = asStringMap(o.matchLabels);
  for (const k of Object.keys(ml).sort()) parts.push(`${k}=${ml[k]}`);
  for (const e of asList(o.matchExpressions)) {
    const x = asObject(e) ?? {};
    const values = asList(x.values).map(asString);
    const op = asString(x.operator);
    parts.push(op === 'Exists' ? asString(x.key) : op === 'DoesNotExist' ? `!${asString(x.key)}` : `${asString(x.key)} ${op.toLowerCase()} (${values.join(',')})`);
  }
  return parts.length === 0 ? '{}' : parts.join(',');
}

function peerSpec(p: unknown): PeerSpec {
  const o = asObject(p) ?? {};
  const ipBlock = asObject(o.ipBlock);
  if (ipBlock) {
    const cidr = asString(ipBlock.cidr);
    const except = asList(ipBlock.except).map(asString);
    return {
      kind: 'ipBlock',
      cidr: parseCIDRSloppy(cidr)?.ipnet ?? null,
      except: except.map((e) => parseCIDRSloppy(e)?.ipnet ?? null),
      text: `ipBlock ${cidr}${except.length ? ` except ${except.join(', ')}` : ''}`,
    };
  }
  const hasPod = o.podSelector !== undefined && o.podSelector !== null;
  const hasNs = o.namespaceSelector !== undefined && o.namespaceSelector !== null;
  const text = [hasNs ? `namespaceSelector ${selectorText(o.namespaceSelector)}` : '', hasPod ? `podSelector ${selectorText(o.podSelector)}` : '']
    .filter(Boolean)
    .join(' AND ');
  return {
    kind: 'selector',
    podSelector: hasPod ? labelSelectorAsSelector(o.podSelector) : null,
    namespaceSelector: hasNs ? labelSelectorAsSelector(o.namespaceSelector) : null,
    text: text || 'an empty peer',
  };
}

function ruleSpecs(rules: unknown, peersField: 'from' | 'to'): RuleSpec[] {
  return asList(rules).map((r, index) => {
    const o = asObject(r) ?? {};
    return { index, ports: asList(o.ports).map(portSpec), peers: asList(o[peersField]).map(peerSpec) };
  });
}

/**
 * A NetworkPolicy, with policyTypes defaulted as SetDefaults_NetworkPolicy does
 * (pkg/apis/networking/v1/defaults.go): none given means Ingress, plus Egress
 * when the policy has at least one egress rule.
 */
export function policySpec(policy: unknown): PolicySpec {
  const o: JsonObject = asObject(policy) ?? {};
  const meta = asObject(o.metadata) ?? {};
  const spec = asObject(o.spec) ?? {};
  const namespace = asString(meta.namespace) || 'default';
  const name = asString(meta.name);
  let types = asList(spec.policyTypes).map(asString);
  if (types.length === 0) types = asList(spec.egress).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  return {
    namespace,
    name,
    key: `${namespace}/${name}`,
    // spec.podSelector is required; {} selects every Pod of the namespace
    podSelector: labelSelectorAsSelector(spec.podSelector ?? {}),
    ingressType: types.includes('Ingress'),
    egressType: types.includes('Egress'),
    ingress: ruleSpecs(spec.ingress, 'from'),
    egress: ruleSpecs(spec.egress, 'to'),
  };
}

/** One endpoint of a connection: a Pod of the cluster, or an address outside it. */
export type Endpoint = { pod: PodInfo } | { ip: string; parsed: IP | null };

/** Which rule, of which policy, admitted a direction. */
export interface Admission {
  policy: string; // "ns/name"
  direction: 'ingress' | 'egress';
  rule: number;
  peer: number | null; // null: the rule has no peers (all)
  port: number | null; // null: the rule has no ports (all)
  peerText: string;
  portText: string;
}

export interface DirectionVerdict {
  /** The policies that select the Pod for this direction (empty: not isolated). */
  isolatedBy: string[];
  allowed: boolean;
  admittedBy: Admission | null;
}

export interface Verdict {
  allowed: boolean;
  egress: DirectionVerdict | null; // null: the source is not a Pod, egress is not ours to judge
  ingress: DirectionVerdict;
}

export function portText(p: PortSpec): string {
  if (p.port === null) return `${p.protocol} (all ports)`;
  if (p.endPort !== null && typeof p.port === 'number') return `${p.protocol}/${p.port}-${p.endPort}`;
  return `${p.protocol}/${p.port}`;
}

/** The cluster in evaluable form, with the selections policies make computed once. */
export class PolicyIndex {
  readonly pods: PodInfo[];
  readonly namespaces: Map<string, NamespaceInfo>;
  readonly policies: PolicySpec[];
  private readonly ingressOf: PolicySpec[][];
  private readonly egressOf: PolicySpec[][];
  private readonly peerSets = new Map<PeerSpec, Set<number>>();
  private readonly policyOfPeer = new Map<PeerSpec, PolicySpec>();

  constructor(namespaces: readonly unknown[], pods: readonly unknown[], policies: readonly unknown[]) {
    this.namespaces = new Map();
    for (const ns of namespaces) {
      const info = namespaceInfo(ns);
      this.namespaces.set(info.name, info);
    }
    this.pods = pods.map((p, i) => podInfo(p, i));
    for (const pod of this.pods) {
      // A Pod's namespace exists in any real cluster; one left out of the list still carries its name label.
      if (!this.namespaces.has(pod.namespace)) this.namespaces.set(pod.namespace, { name: pod.namespace, labels: { [LABEL_METADATA_NAME]: pod.namespace } });
    }
    this.policies = policies.map(policySpec);
    this.ingressOf = this.pods.map(() => []);
    this.egressOf = this.pods.map(() => []);
    for (const policy of this.policies) {
      for (const pod of this.pods) {
        if (pod.namespace !== policy.namespace || !policy.podSelector.matches(pod.labels)) continue;
        if (policy.ingressType) this.ingressOf[pod.index].push(policy);
        if (policy.egressType) this.egressOf[pod.index].push(policy);
      }
      for (const rule of [...policy.ingress, ...policy.egress]) for (const peer of rule.peers) this.policyOfPeer.set(peer, policy);
    }
  }

  /** The Pod with this key ("ns/name"), if any. */
  findPod(namespace: string, name: string): PodInfo | undefined {
    return this.pods.find((p) => p.namespace === namespace && p.name === name);
  }

  /** The Pod that owns this address, if any: a packet from a Pod's IP is that Pod's traffic. */
  podByIP(ip: IP): PodInfo | undefined {
    return this.pods.find((p) => p.parsedIPs.some((q) => ipEqual(q, ip)));
  }

  private selectorPeerPods(peer: Extract<PeerSpec, { kind: 'selector' }>): Set<number> {
    let set = this.peerSets.get(peer);
    if (set) return set;
    const policy = this.policyOfPeer.get(peer)!;
    set = new Set<number>();
    for (const pod of this.pods) {
      let nsOk: boolean;
      if (peer.namespaceSelector) nsOk = peer.namespaceSelector.matches(this.namespaces.get(pod.namespace)?.labels ?? {});
      else nsOk = pod.namespace === policy.namespace; // podSelector alone: the policy's own namespace
      if (!nsOk) continue;
      if (peer.podSelector && !peer.podSelector.matches(pod.labels)) continue;
      set.add(pod.index);
    }
    this.peerSets.set(peer, set);
    return set;
  }

  private peerMatches(peer: PeerSpec, other: Endpoint): boolean {
    if (peer.kind === 'ipBlock') {
      if (!peer.cidr) return false;
      const ips = 'pod' in other ? other.pod.parsedIPs : other.parsed ? [other.parsed] : [];
      return ips.some((ip) => ipNetContains(peer.cidr!, ip) && !peer.except.some((e) => e !== null && ipNetContains(e, ip)));
    }
    // Pod and namespace selectors select Pods: an address outside the cluster never matches them.
    if (!('pod' in other)) return false;
    return this.selectorPeerPods(peer).has(other.pod.index);
  }

  /** NetworkPolicyPort against the destination Pod's port: named ports are looked up on the destination Pod. */
  private portMatches(p: PortSpec, dest: PodInfo, port: number, protocol: Protocol): boolean {
    if (p.protocol !== protocol) return false;
    if (p.port === null) return true;
    if (typeof p.port === 'number') return p.endPort !== null ? port >= p.port && port <= p.endPort : port === p.port;
    return dest.ports.some((cp) => cp.name === p.port && cp.protocol === protocol && cp.containerPort === port);
  }

  private direction(policies: PolicySpec[], dir: 'ingress' | 'egress', other: Endpoint, dest: PodInfo, port: number, protocol: Protocol): DirectionVerdict {
    if (policies.length === 0) return { isolatedBy: [], allowed: true, admittedBy: null };
    for (const policy of policies) {
      for (const rule of policy[dir]) {
        let portIdx: number | null = null;
        if (rule.ports.length > 0) {
          const i = rule.ports.findIndex((p) => this.portMatches(p, dest, port, protocol));
          if (i < 0) continue;
          portIdx = i;
        }
        let peerIdx: number | null = null;
        if (rule.peers.length > 0) {
          const i = rule.peers.findIndex((p) => this.peerMatches(p, other));
          if (i < 0) continue;
          peerIdx = i;
        }
        return {
          isolatedBy: policies.map((p) => p.key),
          allowed: true,
          admittedBy: {
            policy: policy.key,
            direction: dir,
            rule: rule.index,
            peer: peerIdx,
            port: portIdx,
            peerText: peerIdx === null ? `any ${dir === 'ingress' ? 'source' : 'destination'} (no ${dir === 'ingress' ? 'from' : 'to'})` : rule.peers[peerIdx].text,
            portText: portIdx === null ? 'any port (no ports)' : portText(rule.ports[portIdx]),
          },
        };
      }
    }
    return { isolatedBy: policies.map((p) => p.key), allowed: false, admittedBy: null };
  }

  /** The verdict for one connection: egress at the source (when it is a Pod) AND ingress at the destination. */
  evaluate(from: Endpoint, to: PodInfo, port: number, protocol: Protocol): Verdict {
    const egress = 'pod' in from ? this.direction(this.egressOf[from.pod.index], 'egress', { pod: to }, to, port, protocol) : null;
    const ingress = this.direction(this.ingressOf[to.index], 'ingress', from, to, port, protocol);
    return { allowed: (egress?.allowed ?? true) && ingress.allowed, egress, ingress };
  }

  /** The policies isolating a Pod, per direction. */
  isolation(pod: PodInfo): { ingress: string[]; egress: string[] } {
    return { ingress: this.ingressOf[pod.index].map((p) => p.key), egress: this.egressOf[pod.index].map((p) => p.key) };
  }
}
