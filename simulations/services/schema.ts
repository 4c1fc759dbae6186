// The services cells' input.
//
// Built-in kinds go through the shared API server (Service, Pod, Node, EndpointSlice,
// Namespace). Component configuration uses the components' own kinds:
//   kubeproxy.config.k8s.io/v1alpha1 KubeProxyConfiguration
//     hostnameOverride (the node whose rules are shown; default: the first Node),
//     mode ("" or iptables; nftables and ipvs are described, not simulated),
//     clusterCIDR (default 10.244.0.0/16, kubeadm's usual podSubnet), nodePortAddresses,
//     iptables.masqueradeAll, iptables.localhostNodePorts (default true)
//   kubelet.config.k8s.io/v1beta1 KubeletConfiguration
//     clusterDomain (default cluster.local), clusterDNS (default [10.96.0.10]),
//     resolvConf (default /etc/resolv.conf; "" means none)
// and the notebook's own kinds (kube-notebook.dev/v1alpha1) for what is not an API object:
//   HostResolvConf  spec.content: the node's /etc/resolv.conf (default "nameserver 192.168.0.1")
//   Packet          spec: {from: {pod | ip | node}, to: {ip | service | node, port}, protocol?, node?}
//   PacketList      items: [Packet specs, each with a name]
//   DNSQuery        spec: {pod, namespace?, name}: a lookup made from a Pod
import { ValidationError } from '../shared/errors.ts';
import { flattenLists } from '../shared/yaml.ts';
import type { KubeObject, Manifest } from '../shared/yaml.ts';
import { isBuiltIn } from '../kubectl/create.ts';
import { asList, asObject, asString } from '../apimachinery/json.ts';
import { familyOf, parseCidr } from './kube-proxy/net.ts';

export const NOTEBOOK_API_VERSION = 'kube-notebook.dev/v1alpha1';
export const MAX_PACKETS = 50;
export const MAX_QUERIES = 20;

export interface PacketSpec {
  name: string;
  from: { pod?: string; ip?: string; node?: string; namespace: string };
  to: { ip?: string; service?: string; node?: string; port: number; namespace: string };
  protocol: 'TCP' | 'UDP' | 'SCTP';
  node?: string;
  object: object;
  /** Where this packet's fields are in `object`. */
  base: (string | number)[];
}

export interface QuerySpec {
  name: string;
  pod: string;
  namespace: string;
  query: string;
  object: object;
}

export interface ProxyConfig {
  hostnameOverride: string;
  mode: string;
  clusterCIDR: string;
  nodePortAddresses: string[] | null;
  masqueradeAll: boolean;
  localhostNodePorts: boolean;
}

export interface KubeletDNSConfig {
  clusterDomain: string;
  clusterDNS: string[];
  resolvConf: string;
  hostResolvConf: string;
}

export interface ServicesInput {
  builtIns: KubeObject[];
  proxy: ProxyConfig;
  kubelet: KubeletDNSConfig;
  packets: PacketSpec[];
  queries: QuerySpec[];
}

function port(path: (string | number)[], value: unknown, root: object): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 65535) {
    throw new ValidationError(`Invalid value: ${JSON.stringify(value ?? null)}: must be between 1 and 65535, inclusive`, { object: root, path });
  }
  return value;
}

function ip(value: unknown, root: object, path: (string | number)[]): string {
  const s = asString(value);
  if (familyOf(s) === null) throw new ValidationError(`Invalid value: "${s}": must be a valid IP address`, { object: root, path });
  return s;
}

function readPacket(spec: Record<string, unknown>, name: string, root: object, base: (string | number)[]): PacketSpec {
  const from = asObject(spec.from);
  const to = asObject(spec.to);
  if (!from) throw new ValidationError('Required value: from (a pod, an ip or a node)', { object: root, path: [...base, 'from'] });
  if (!to) throw new ValidationError('Required value: to (an ip, a service or a node, and a port)', { object: root, path: [...base, 'to'] });
  const fromKeys = ['pod', 'ip', 'node'].filter((k) => from[k] !== undefined && from[k] !== null);
  if (fromKeys.length !== 1) throw new ValidationError('Invalid value: exactly one of pod, ip or node is required', { object: root, path: [...base, 'from'] });
  const toKeys = ['ip', 'service', 'node'].filter((k) => to[k] !== undefined && to[k] !== null);
  if (toKeys.length !== 1) throw new ValidationError('Invalid value: exactly one of ip, service or node is required', { object: root, path: [...base, 'to'] });
  const protocol = asString(spec.protocol) || 'TCP';
  if (protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP') throw new ValidationError(`Unsupported value: "${protocol}": supported values: "SCTP", "TCP", "UDP"`, { object: root, path: [...base, 'protocol'] });
  const namespace = asString(from.namespace) || 'default';
  return {
    name,
    from: {
      namespace,
      ...(from.pod !== undefined ? { pod: asString(from.pod) } : {}),
      ...(from.ip !== undefined ? { ip: ip(from.ip, root, [...base, 'from', 'ip']) } : {}),
      ...(from.node !== undefined ? { node: asString(from.node) } : {}),
    },
    to: {
      namespace: asString(to.namespace) || namespace,
      port: port([...base, 'to', 'port'], to.port, root),
      ...(to.ip !== undefined ? { ip: ip(to.ip, root, [...base, 'to', 'ip']) } : {}),
      ...(to.service !== undefined ? { service: asString(to.service) } : {}),
      ...(to.node !== undefined ? { node: asString(to.node) } : {}),
    },
    protocol,
    ...(asString(spec.node) !== '' ? { node: asString(spec.node) } : {}),
    object: root,
    base,
  };
}

/** Reads a cell's manifests; throws a located ValidationError on anything it cannot use. */
export function readInput(manifests: readonly Manifest[]): ServicesInput {
  const builtIns: KubeObject[] = [];
  const packets: PacketSpec[] = [];
  const queries: QuerySpec[] = [];
  let proxy: ProxyConfig = { hostnameOverride: '', mode: '', clusterCIDR: '10.244.0.0/16', nodePortAddresses: null, masqueradeAll: false, localhostNodePorts: true };
  let kubelet: KubeletDNSConfig = { clusterDomain: 'cluster.local', clusterDNS: ['10.96.0.10'], resolvConf: '/etc/resolv.conf', hostResolvConf: 'nameserver 192.168.0.1\n' };
  let hostResolvConf: string | undefined;
  const own: Manifest[] = [];
  for (const m of manifests) {
    const o = m.object;
    if (o.apiVersion === NOTEBOOK_API_VERSION && o.kind === 'PacketList') {
      asList(o.items).forEach((item, i) => {
        const it = asObject(item);
        if (!it) throw new ValidationError('every item of a PacketList must be an object', { object: o, path: ['items', i] });
        const spec = asObject(it.spec) ?? it;
        const name = asString(asObject(it.metadata)?.name) || asString(it.name) || `packet-${packets.length + 1}`;
        packets.push(readPacket(spec, name, o, asObject(it.spec) ? ['items', i, 'spec'] : ['items', i]));
      });
      continue;
    }
    own.push(m);
  }
  for (const m of flattenLists(own)) {
    const o = m.object;
    if (o.apiVersion === NOTEBOOK_API_VERSION) {
      const spec = asObject(o.spec) ?? {};
      const name = asString(asObject(o.metadata)?.name);
      switch (o.kind) {
        case 'Packet':
          packets.push(readPacket(spec, name || `packet-${packets.length + 1}`, o, ['spec']));
          continue;
        case 'DNSQuery': {
          const pod = asString(spec.pod);
          const query = asString(spec.name);
          if (pod === '') throw new ValidationError('Required value: the Pod that makes the lookup', { object: o, path: ['spec', 'pod'] });
          if (query === '' || query.length > 253) throw new ValidationError('Required value: the name to look up', { object: o, path: ['spec', 'name'] });
          queries.push({ name: name || query, pod, namespace: asString(spec.namespace) || 'default', query, object: o });
          continue;
        }
        case 'HostResolvConf':
          hostResolvConf = asString(spec.content);
          continue;
        default:
          throw new ValidationError(`Unsupported value: "${o.kind}": supported values: "DNSQuery", "HostResolvConf", "Packet", "PacketList"`, { object: o, path: ['kind'] });
      }
    }
    if (o.apiVersion === 'kubeproxy.config.k8s.io/v1alpha1' && o.kind === 'KubeProxyConfiguration') {
      const iptables = asObject(o.iptables) ?? {};
      const mode = asString(o.mode);
      if (mode !== '' && mode !== 'iptables' && mode !== 'nftables' && mode !== 'ipvs') {
        throw new ValidationError(`Unsupported value: "${mode}": supported values: "iptables", "ipvs", "nftables"`, { object: o, path: ['mode'] });
      }
      const cidr = asString(o.clusterCIDR);
      if (cidr !== '' && !parseCidr(cidr)) throw new ValidationError(`Invalid value: "${cidr}": must be a valid CIDR`, { object: o, path: ['clusterCIDR'] });
      const npa = o.nodePortAddresses === undefined || o.nodePortAddresses === null ? null : asList(o.nodePortAddresses).map((v) => asString(v));
      (npa ?? []).forEach((s, i) => {
        if (s !== 'primary' && !parseCidr(s)) throw new ValidationError(`Invalid value: "${s}": must be a valid CIDR or "primary"`, { object: o, path: ['nodePortAddresses', i] });
      });
      proxy = {
        hostnameOverride: asString(o.hostnameOverride),
        mode,
        clusterCIDR: cidr,
        nodePortAddresses: npa,
        masqueradeAll: iptables.masqueradeAll === true,
        localhostNodePorts: iptables.localhostNodePorts !== false,
      };
      continue;
    }
    if (o.apiVersion === 'kubelet.config.k8s.io/v1beta1' && o.kind === 'KubeletConfiguration') {
      const dns = o.clusterDNS === undefined ? kubelet.clusterDNS : asList(o.clusterDNS).map((v) => asString(v));
      dns.forEach((s, i) => {
        if (familyOf(s) === null) throw new ValidationError(`Invalid value: "${s}": must be a valid IP address`, { object: o, path: ['clusterDNS', i] });
      });
      kubelet = {
        clusterDomain: o.clusterDomain === undefined ? 'cluster.local' : asString(o.clusterDomain),
        clusterDNS: dns,
        resolvConf: o.resolvConf === undefined ? '/etc/resolv.conf' : asString(o.resolvConf),
        hostResolvConf: kubelet.hostResolvConf,
      };
      continue;
    }
    if (!isBuiltIn(o)) throw new ValidationError(`no matches for kind "${o.kind}" in version "${o.apiVersion}"`, { object: o, path: ['kind'] });
    builtIns.push(o);
  }
  if (hostResolvConf !== undefined) kubelet = { ...kubelet, hostResolvConf };
  if (packets.length > MAX_PACKETS) throw new ValidationError(`at most ${MAX_PACKETS} packets per cell`, { path: [] });
  if (queries.length > MAX_QUERIES) throw new ValidationError(`at most ${MAX_QUERIES} DNS queries per cell`, { path: [] });
  return { builtIns, proxy, kubelet, packets, queries };
}
