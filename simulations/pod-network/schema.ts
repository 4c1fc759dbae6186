// The pod-network cell's input. Nodes and Pods go through the shared API server as
// `kubectl apply` would send them (Nodes give their InternalIP and, for Flannel, an optional
// spec.podCIDR; Pods their spec.nodeName and, optionally, status.podIP). The notebook's own
// kind describes what is not an API object: the network setup.
//
//   apiVersion: kube-notebook.dev/v1alpha1
//   kind: PodNetwork
//   spec:
//     backend: flannel-vxlan | flannel-host-gw | calico-bgp | calico-ipip | calico-ipip-crosssubnet
//     clusterCIDR: 10.244.0.0/16       the Pod CIDR (IPv4)
//     nodeCIDRMaskSize: 24             Flannel: each node's range (kube-controller-manager
//                                      --node-cidr-mask-size, default 24); Calico: blockSize (default 26)
//     serviceCIDR: 10.96.0.0/12        kube-apiserver --service-cluster-ip-range
//     mtu: 1500                        the underlay's MTU
//     nodeNetworks: [{name, cidr, gateway}]   the LANs the nodes sit on (a node's LAN is the one
//                                      holding its InternalIP); the gateway is their router
//     otherNetworks: [{name, cidr}]    networks the nodes and Pods must reach (VPN, VPC peers)
//     routersKnowPodRoutes: false      calico-bgp: the routers peer with the nodes over BGP
//     packets: [{name?, from: ns/pod, to: ns/pod, protocol?: TCP, port}]

import { asObject, asString } from '../apimachinery/json.ts';
import type { JsonObject } from '../apimachinery/json.ts';
import { freshApiServer } from '../apiserver/scenario.ts';
import { admitObjects, isBuiltIn } from '../kubectl/create.ts';
import { LimitExceededError, ValidationError } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';
import type { Manifest } from '../shared/yaml.ts';
import { ipToNum, parsePrefix4 } from './cidr.ts';
import type { NamedRange, Prefix4 } from './cidr.ts';
import { BACKENDS } from './topology.ts';
import type { Backend } from './topology.ts';

export const NOTEBOOK_API_VERSION = 'kube-notebook.dev/v1alpha1';
export const KIND = 'PodNetwork';
export const LIMITS = { nodes: 20, pods: 60, packets: 20, networks: 10 } as const;

export interface PacketInput {
  name: string;
  from: string;
  to: string;
  protocol: string;
  port: number;
}

export interface PodNetworkInput {
  backend: Backend;
  clusterCIDR: Prefix4;
  nodeCIDRMaskSize: number;
  serviceCIDR: Prefix4;
  mtu: number;
  nodeNetworks: (NamedRange & { gateway: number | null })[];
  otherNetworks: NamedRange[];
  routersKnowPodRoutes: boolean;
  packets: PacketInput[];
  nodes: { name: string; ip: number; podCIDR: Prefix4 | null; object: Readonly<JsonObject> }[];
  pods: { key: string; node: string; ip: number | null; object: Readonly<JsonObject> }[];
}

function fail(reason: string, object: object, path: FieldPath): never {
  throw new ValidationError(reason, { object, path });
}

function prefix(object: object, v: unknown, path: FieldPath): Prefix4 {
  const p = typeof v === 'string' ? parsePrefix4(v) : null;
  if (!p) fail(`Invalid value: ${JSON.stringify(v)}: must be a valid IPv4 CIDR value, (e.g. 10.9.8.0/24)`, object, path);
  return p!;
}

function int(object: object, v: unknown, path: FieldPath, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) fail(`Invalid value: ${JSON.stringify(v)}: must be between ${min} and ${max}, inclusive`, object, path);
  return v as number;
}

function list(object: object, v: unknown, path: FieldPath, max: number): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) fail('must be a list', object, path);
  if (v.length > max) throw new LimitExceededError(`must have at most ${max} items, got ${v.length}`, { object, path });
  return v;
}

export function readInput(manifests: readonly Manifest[]): PodNetworkInput {
  let net: JsonObject | undefined;
  const builtIns: JsonObject[] = [];
  for (const m of manifests) {
    const o = m.object as JsonObject;
    if (asString(o.apiVersion) === NOTEBOOK_API_VERSION) {
      if (asString(o.kind) !== KIND) fail(`no kind "${asString(o.kind)}" is registered for version "${NOTEBOOK_API_VERSION}" (this cell reads ${KIND})`, o, ['kind']);
      if (net) fail(`a second ${KIND}; a cell has exactly one`, o, ['kind']);
      net = o;
      continue;
    }
    const gvk = `${asString(o.apiVersion)}/${asString(o.kind)}`;
    if (!['v1/Node', 'v1/Pod', 'v1/Namespace'].includes(gvk) || !isBuiltIn(o)) fail(`this cell reads Nodes, Pods, Namespaces and one ${KIND}, not ${asString(o.kind)}`, o, ['kind']);
    builtIns.push(o);
  }
  if (!net) throw new ValidationError(`a ${KIND} (apiVersion ${NOTEBOOK_API_VERSION}) is required: it says which backend the cluster runs`, { path: [] });
  const spec = asObject(net.spec) ?? fail('Required value', net, ['spec']);
  if (!BACKENDS.includes(spec.backend as Backend)) fail(`Unsupported value: ${JSON.stringify(spec.backend)}: supported values: ${BACKENDS.map((b) => `"${b}"`).join(', ')}`, net, ['spec', 'backend']);
  const backend = spec.backend as Backend;
  const calico = backend.startsWith('calico');
  const clusterCIDR = prefix(net, spec.clusterCIDR ?? '10.244.0.0/16', ['spec', 'clusterCIDR']);
  const serviceCIDR = prefix(net, spec.serviceCIDR ?? '10.96.0.0/12', ['spec', 'serviceCIDR']);
  const nodeCIDRMaskSize = spec.nodeCIDRMaskSize === undefined ? (calico ? 26 : 24) : int(net, spec.nodeCIDRMaskSize, ['spec', 'nodeCIDRMaskSize'], 8, 30);
  if (nodeCIDRMaskSize < clusterCIDR.bits) fail(`Invalid value: ${nodeCIDRMaskSize}: must be at least the cluster CIDR's prefix length (${clusterCIDR.bits})`, net, ['spec', 'nodeCIDRMaskSize']);
  const mtu = spec.mtu === undefined ? 1500 : int(net, spec.mtu, ['spec', 'mtu'], 576, 9216);
  const nodeNetworks = list(net, spec.nodeNetworks, ['spec', 'nodeNetworks'], LIMITS.networks).map((e, i) => {
    const o = asObject(e) ?? fail('must be an object', net!, ['spec', 'nodeNetworks', i]);
    const p = prefix(net!, o.cidr, ['spec', 'nodeNetworks', i, 'cidr']);
    let gateway: number | null = null;
    if (o.gateway !== undefined) {
      gateway = typeof o.gateway === 'string' ? ipToNum(o.gateway) : null;
      if (gateway === null) fail(`Invalid value: ${JSON.stringify(o.gateway)}: must be a valid IPv4 address`, net!, ['spec', 'nodeNetworks', i, 'gateway']);
    }
    return { name: typeof o.name === 'string' && o.name ? o.name : `node network ${i}`, prefix: p, gateway };
  });
  const otherNetworks = list(net, spec.otherNetworks, ['spec', 'otherNetworks'], LIMITS.networks).map((e, i) => {
    const o = asObject(e) ?? fail('must be an object', net!, ['spec', 'otherNetworks', i]);
    return { name: typeof o.name === 'string' && o.name ? o.name : `network ${i}`, prefix: prefix(net!, o.cidr, ['spec', 'otherNetworks', i, 'cidr']) };
  });
  if (spec.routersKnowPodRoutes !== undefined && typeof spec.routersKnowPodRoutes !== 'boolean') fail('must be a boolean', net, ['spec', 'routersKnowPodRoutes']);

  const nodeObjs = builtIns.filter((o) => o.kind === 'Node');
  const podObjs = builtIns.filter((o) => o.kind === 'Pod');
  if (nodeObjs.length > LIMITS.nodes) throw new LimitExceededError(`at most ${LIMITS.nodes} Nodes per cell, got ${nodeObjs.length}`, { object: nodeObjs[LIMITS.nodes], path: ['kind'] });
  if (podObjs.length > LIMITS.pods) throw new LimitExceededError(`at most ${LIMITS.pods} Pods per cell, got ${podObjs.length}`, { object: podObjs[LIMITS.pods], path: ['kind'] });
  const api = freshApiServer();
  const stored = admitObjects(api, [...builtIns.filter((o) => o.kind !== 'Pod'), ...podObjs], 'seed');
  const byObject = new Map<JsonObject, Readonly<JsonObject>>();
  [...builtIns.filter((o) => o.kind !== 'Pod'), ...podObjs].forEach((o, i) => byObject.set(o, stored[i]));

  const nodes = nodeObjs.map((raw) => {
    const node = byObject.get(raw)!;
    const name = asString(asObject(node.metadata)?.name);
    const addresses = (asObject(node.status)?.addresses as unknown[] | undefined) ?? [];
    const internal = addresses.map(asObject).find((a) => asString(a?.type) === 'InternalIP');
    const ip = internal ? ipToNum(asString(internal.address)) : null;
    if (ip === null) fail('a Node needs an IPv4 InternalIP address (status.addresses: [{type: InternalIP, address: ...}])', raw, ['status', 'addresses']);
    const podCIDRText = asString(asObject(node.spec)?.podCIDR);
    return { name, ip: ip!, podCIDR: podCIDRText ? prefix(raw, podCIDRText, ['spec', 'podCIDR']) : null, object: node };
  });
  const nodeNames = new Set(nodes.map((n) => n.name));
  const pods = podObjs.map((raw) => {
    const pod = byObject.get(raw)!;
    const meta = asObject(pod.metadata) ?? {};
    const key = `${asString(meta.namespace) || 'default'}/${asString(meta.name)}`;
    const node = asString(asObject(pod.spec)?.nodeName);
    if (!node) fail('Required value: the Pod must be scheduled (spec.nodeName) to have a network', raw, ['spec', 'nodeName']);
    if (!nodeNames.has(node)) fail(`Not found: nodes "${node}" is not among the cell's Nodes`, raw, ['spec', 'nodeName']);
    const ipText = asString(asObject(pod.status)?.podIP);
    const ip = ipText ? ipToNum(ipText) : null;
    if (ipText && ip === null) fail(`Invalid value: ${JSON.stringify(ipText)}: must be a valid IPv4 address`, raw, ['status', 'podIP']);
    return { key, node, ip, object: pod };
  });
  const podKeys = new Set(pods.map((p) => p.key));
  const names = new Set<string>();
  const packets = list(net, spec.packets, ['spec', 'packets'], LIMITS.packets).map((e, i) => {
    const o = asObject(e) ?? fail('must be an object', net!, ['spec', 'packets', i]);
    const ref = (v: unknown, f: string) => {
      let s = typeof v === 'string' ? v : '';
      if (s && !s.includes('/')) s = `default/${s}`;
      if (!podKeys.has(s)) fail(`Not found: ${JSON.stringify(v)}: no Pod of this cell is named so (write namespace/name)`, net!, ['spec', 'packets', i, f]);
      return s;
    };
    const from = ref(o.from, 'from');
    const to = ref(o.to, 'to');
    const protocol = o.protocol === undefined ? 'TCP' : ['TCP', 'UDP', 'SCTP'].includes(o.protocol as string) ? (o.protocol as string) : fail(`Unsupported value: ${JSON.stringify(o.protocol)}: supported values: "SCTP", "TCP", "UDP"`, net!, ['spec', 'packets', i, 'protocol']);
    const port = int(net!, o.port, ['spec', 'packets', i, 'port'], 1, 65535);
    const name = typeof o.name === 'string' && o.name ? o.name : `${from}->${to}`;
    if (names.has(name)) fail(`Duplicate value: ${JSON.stringify(name)}`, net!, ['spec', 'packets', i, 'name']);
    names.add(name);
    return { name, from, to, protocol, port };
  });
  return { backend, clusterCIDR, nodeCIDRMaskSize, serviceCIDR, mtu, nodeNetworks, otherNetworks, routersKnowPodRoutes: spec.routersKnowPodRoutes === true, packets, nodes, pods };
}
