// The services engine (chapter 10): Services, Pods and Nodes through the shared API
// server; the EndpointSlice controller's rule; kube-proxy's iptables rules on a node
// and where packets go through them; the kubelet's resolv.conf for a Pod and the
// records cluster DNS answers with. See README.md for what is modelled.
import type { Engine, TraceStep } from '../shared/engine.ts';
import { ValidationError, LimitExceededError } from '../shared/errors.ts';
import { ApiServer } from '../apiserver/api-server.ts';
import { admitObjects } from '../kubectl/create.ts';
import { deepCopy } from '../apimachinery/deep-copy.ts';
import { asList, asObject, asString } from '../apimachinery/json.ts';
import type { JsonObject } from '../apimachinery/json.ts';
import { readInput } from './schema.ts';
import type { PacketSpec, ServicesInput } from './schema.ts';
import { reconcileEndpointSlices, summarizeSlice } from './endpointslice.ts';
import type { SliceSummary } from './endpointslice.ts';
import { syncProxyRules } from './kube-proxy/proxier.ts';
import type { ProxierInput, ServicePortSync, SyncResult } from './kube-proxy/proxier.ts';
import { parseForTrace, traceParsed } from './kube-proxy/trace.ts';
import type { Dump, TraceHop } from './kube-proxy/trace.ts';
import { canonicalIP, familyOf } from './kube-proxy/net.ts';
import { getPodDNS, resolvConfText } from './dns/kubelet-dns.ts';
import { dnsRecords, resolveName } from './dns/records.ts';
import type { DNSRecord } from './dns/records.ts';
import { printEndpointSlices, printServices, serviceClusterIP, serviceExternalIP, servicePorts } from './printers.ts';
import { buildView } from './view-model.ts';
import type { ServicesView } from './view-model.ts';

export const MAX_SERVICES = 2000;
export const MAX_PODS = 5000;
const SERVICE_CIDR_BASE = [10, 96, 0, 100];

export interface ServiceRow {
  name: string;
  namespace: string;
  type: string;
  clusterIP: string;
  externalIP: string;
  ports: string;
  readyEndpoints: number;
  notReadyEndpoints: number;
}

export interface PacketResult {
  name: string;
  node: string;
  protocol: string;
  sourceIP: string;
  destIP: string;
  destPort: number;
  /** tracePacket's output: endpoints ("10.244.1.5:8080, ..."), ACCEPT, DROP, REJECT, or "" */
  output: string;
  masq: boolean;
  /** "DNAT", "DROP", "REJECT", "ACCEPT" or "NO MATCH" */
  verdict: string;
  destinations: { endpoint: string; pod: string; node: string; probability: number; percent: string }[];
  /** The source address the endpoint sees: the node's IP when masqueraded, else the client's. */
  seenSource: string;
  path: TraceHop[];
}

export interface QueryResult {
  name: string;
  pod: string;
  query: string;
  dnsPolicy: string;
  resolvConf: string;
  nameservers: string[];
  searches: string[];
  options: string[];
  events: string[];
  attempts: { query: string; answer: string[]; outcome: string }[];
  queriesSent: number;
  answeredBy: string | null;
  answer: string[];
}

export interface ServicesResult {
  node: string;
  nodeIPs: string[];
  mode: string;
  clusterCIDR: string;
  services: ServiceRow[];
  endpointSlices: SliceSummary[];
  servicePorts: ServicePortSync[];
  tables: { services: string; endpointSlices: string };
  iptables: { text: string; filterRules: number; natRules: number; natChains: number; largeClusterMode: boolean };
  packets: PacketResult[];
  dns: { clusterDomain: string; records: DNSRecord[]; queries: QueryResult[] };
}

function ipAdd(base: number[], n: number): string {
  const v = ((base[0] << 24) >>> 0) + (base[1] << 16) + (base[2] << 8) + base[3] + n;
  return [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
}

/** The Service REST storage's allocations (ClusterIP, NodePorts), in order rather than at random. */
function allocate(objects: JsonObject[], trace: TraceStep[]): void {
  const usedIPs = new Set<string>();
  const usedPorts = new Set<number>();
  for (const o of objects) {
    if (o.kind !== 'Service') continue;
    const spec = asObject(o.spec) ?? {};
    if (asString(spec.clusterIP) !== '') usedIPs.add(asString(spec.clusterIP));
    for (const p of asList(spec.ports)) if (typeof asObject(p)?.nodePort === 'number') usedPorts.add(asObject(p)!.nodePort as number);
  }
  let nextIP = 0;
  let nextPort = 30000;
  for (const o of objects) {
    if (o.kind !== 'Service') continue;
    const spec = (asObject(o.spec) ?? {}) as JsonObject;
    if (!asObject(o.spec)) o.spec = spec;
    const type = asString(spec.type) || 'ClusterIP';
    const name = `${asString(asObject(o.metadata)?.namespace) || 'default'}/${asString(asObject(o.metadata)?.name)}`;
    if (type !== 'ExternalName' && asString(spec.clusterIP) === '') {
      let ip: string;
      do ip = ipAdd(SERVICE_CIDR_BASE, nextIP++);
      while (usedIPs.has(ip));
      usedIPs.add(ip);
      spec.clusterIP = ip;
      spec.clusterIPs = [ip];
      trace.push({ title: `Service ${name} gets ClusterIP ${ip}`, detail: 'The Service REST storage allocates it from --service-cluster-ip-range (at random on a real API server; here in order, so cells are reproducible).', source: 'pkg/registry/core/service/ipallocator' });
    }
    // alloc.go initIPFamilyFields: clusterIPs mirrors clusterIP; one IPv4 family, SingleStack.
    if (type !== 'ExternalName') {
      if (asList(spec.clusterIPs).length === 0) spec.clusterIPs = [asString(spec.clusterIP)];
      const first = asString(asList(spec.clusterIPs)[0]);
      if (asList(spec.ipFamilies).length === 0 && first !== 'None') spec.ipFamilies = [familyOf(first) ?? 'IPv4'];
      if (asList(spec.ipFamilies).length === 0) spec.ipFamilies = ['IPv4'];
      if (spec.ipFamilyPolicy === undefined) spec.ipFamilyPolicy = 'SingleStack';
    }
    if (type === 'NodePort' || (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false)) {
      for (const p of asList(spec.ports)) {
        const port = asObject(p);
        if (!port || typeof port.nodePort === 'number') continue;
        while (usedPorts.has(nextPort)) nextPort++;
        port.nodePort = nextPort;
        usedPorts.add(nextPort);
        trace.push({ title: `Service ${name} port ${asString(port.name) || String(port.port)} gets nodePort ${nextPort}`, detail: 'Allocated from --service-node-port-range (30000-32767), at random on a real API server.', source: 'pkg/registry/core/service/portallocator' });
      }
    }
    if (type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local' && typeof spec.healthCheckNodePort !== 'number') {
      while (usedPorts.has(nextPort)) nextPort++;
      spec.healthCheckNodePort = nextPort;
      usedPorts.add(nextPort);
    }
  }
}

function nodeIPsOf(node: JsonObject): string[] {
  const addresses = asList(asObject(node.status)?.addresses).map((a) => asObject(a) ?? {});
  const internal = addresses.filter((a) => asString(a.type) === 'InternalIP').map((a) => asString(a.address));
  const external = addresses.filter((a) => asString(a.type) === 'ExternalIP').map((a) => asString(a.address));
  return [...internal, ...external].filter((ip) => familyOf(ip) !== null).map((ip) => canonicalIP(ip) as string);
}

function name(o: JsonObject): string {
  return asString(asObject(o.metadata)?.name);
}
function namespaceOf(o: JsonObject): string {
  return asString(asObject(o.metadata)?.namespace) || 'default';
}

function runServices(input: ServicesInput): { result: ServicesResult; trace: TraceStep[] } {
  const trace: TraceStep[] = [];
  const objects = input.builtIns.map((o) => deepCopy(o) as JsonObject);
  if (objects.filter((o) => o.kind === 'Service').length > MAX_SERVICES) throw new LimitExceededError(`at most ${MAX_SERVICES} Services per cell`, { path: [] });
  if (objects.filter((o) => o.kind === 'Pod').length > MAX_PODS) throw new LimitExceededError(`at most ${MAX_PODS} Pods per cell`, { path: [] });
  allocate(objects, trace);
  const api = new ApiServer();
  const stored = admitObjects(api, objects, 'seed') as JsonObject[];
  const services = stored.filter((o) => o.kind === 'Service');
  const pods = stored.filter((o) => o.kind === 'Pod');
  const nodes = stored.filter((o) => o.kind === 'Node');
  const userSlices = stored.filter((o) => o.kind === 'EndpointSlice');
  if (nodes.length === 0) throw new ValidationError('Required value: at least one Node (kube-proxy runs on a node)', { path: [] });
  nodes.forEach((n, i) => {
    if (nodeIPsOf(n).length === 0) throw new ValidationError('Required value: the node needs an InternalIP in status.addresses (kube-proxy reads its node IP there)', { object: input.builtIns.filter((o) => o.kind === 'Node')[i], path: ['status', 'addresses'] });
  });
  const generated = reconcileEndpointSlices(services, pods, trace);
  const slices = [...userSlices, ...generated];
  const podsByIP = new Map<string, string>();
  for (const p of pods) {
    const ip = asString(asObject(p.status)?.podIP);
    if (ip !== '') podsByIP.set(canonicalIP(ip) ?? ip, `${namespaceOf(p)}/${name(p)}`);
  }
  const nodeByName = new Map(nodes.map((n) => [name(n), n]));
  const shownNode = input.proxy.hostnameOverride !== '' ? input.proxy.hostnameOverride : name(nodes[0]);
  if (!nodeByName.has(shownNode)) throw new ValidationError(`Invalid value: "${shownNode}": no Node of that name in the cell`, { path: ['hostnameOverride'] });
  if (input.proxy.mode === 'nftables' || input.proxy.mode === 'ipvs') {
    trace.push({ title: `mode ${input.proxy.mode}: the rules below are the iptables mode's`, detail: input.proxy.mode === 'nftables' ? 'nftables mode (GA since v1.33) programs one table with verdict maps instead of a chain per Service; the decisions (which endpoints, DROP or REJECT, masquerade) are the same.' : 'IPVS mode (deprecated since v1.35) uses kernel virtual servers and ipsets; the endpoint choices are the same.', level: 'warning', source: 'pkg/proxy/nftables, pkg/proxy/ipvs' });
  }

  const proxierInput = (node: string): ProxierInput => ({
    ipFamily: 'IPv4',
    nodeName: node,
    nodeIPs: nodeIPsOf(nodeByName.get(node)!),
    clusterCIDR: input.proxy.clusterCIDR === '' ? null : input.proxy.clusterCIDR,
    masqueradeAll: input.proxy.masqueradeAll,
    localhostNodePorts: input.proxy.localhostNodePorts,
    nodePortAddresses: input.proxy.nodePortAddresses,
    services,
    endpointSlices: slices,
  });
  const syncs = new Map<string, SyncResult>();
  const syncFor = (node: string): SyncResult => {
    let s = syncs.get(node);
    if (!s) syncs.set(node, (s = syncProxyRules(proxierInput(node))));
    return s;
  };
  const dumps = new Map<string, Dump>();
  const dumpFor = (node: string): Dump => {
    let d = dumps.get(node);
    if (!d) dumps.set(node, (d = parseForTrace(syncFor(node).text)));
    return d;
  };
  const sync = syncFor(shownNode);
  for (const sp of sync.servicePorts) {
    const why = !sp.hasEndpoints
      ? `no usable endpoint: kube-proxy writes "-j REJECT" in the filter table for its ClusterIP (connection refused)`
      : !sp.hasInternalEndpoints
        ? `internalTrafficPolicy Local and no endpoint on ${shownNode}: ClusterIP traffic is DROPped here`
        : `${sp.clusterEndpoints.length} endpoint(s) in ${sp.chains.cluster || sp.chains.local}, each matched with probability 1/${sp.clusterEndpoints.length || sp.localEndpoints.length}`;
    trace.push({
      title: `kube-proxy on ${shownNode}: ${sp.name} (${sp.clusterIP}:${sp.port}/${sp.protocol}): ${why}`,
      detail: [
        sp.usesTerminatingEndpoints ? 'No endpoint is ready, so the serving-and-terminating ones are used (graceful termination).' : '',
        !sp.hasExternalEndpoints && sp.hasEndpoints ? `externalTrafficPolicy Local and no local endpoint: external traffic (NodePort, LoadBalancer, externalIPs) is DROPped on ${shownNode}.` : '',
      ].filter((x) => x !== '').join(' ') || undefined,
      source: 'pkg/proxy/iptables/proxier.go syncProxyRules, pkg/proxy/topology.go CategorizeEndpoints',
      subject: sp.name,
      level: sp.hasEndpoints && sp.hasInternalEndpoints ? 'info' : 'decision',
    });
  }

  // Packets
  const podByRef = (ns: string, podName: string) => pods.find((p) => namespaceOf(p) === ns && name(p) === podName);
  const endpointOwner = (endpoint: string) => {
    const m = /^\[(.*)\]:\d+$/.exec(endpoint);
    const ip = m ? m[1] : endpoint.slice(0, endpoint.lastIndexOf(':'));
    const podRef = podsByIP.get(ip) ?? '';
    const pod = podRef ? pods.find((p) => `${namespaceOf(p)}/${name(p)}` === podRef) : undefined;
    return { pod: podRef, node: pod ? asString(asObject(pod.spec)?.nodeName) : '' };
  };
  const packets: PacketResult[] = input.packets.map((pk) => tracePacketSpec(pk));
  function tracePacketSpec(pk: PacketSpec): PacketResult {
    const at = (field: string) => ({ object: pk.object, path: [...pk.base, field] });
    let sourceIP = pk.from.ip ?? '';
    let node = pk.node ?? '';
    if (pk.from.pod !== undefined) {
      const pod = podByRef(pk.from.namespace, pk.from.pod);
      if (!pod) throw new ValidationError(`pods "${pk.from.pod}" not found in namespace "${pk.from.namespace}"`, at('from'));
      sourceIP = asString(asObject(pod.status)?.podIP);
      if (sourceIP === '') throw new ValidationError(`Pod ${pk.from.pod} has no status.podIP: it cannot send packets yet`, at('from'));
      node = node || asString(asObject(pod.spec)?.nodeName);
    } else if (pk.from.node !== undefined) {
      const n = nodeByName.get(pk.from.node);
      if (!n) throw new ValidationError(`nodes "${pk.from.node}" not found`, at('from'));
      sourceIP = nodeIPsOf(n)[0];
      node = node || pk.from.node;
    }
    let destIP = pk.to.ip ?? '';
    if (pk.to.service !== undefined) {
      const svc = services.find((s) => namespaceOf(s) === pk.to.namespace && name(s) === pk.to.service);
      if (!svc) throw new ValidationError(`services "${pk.to.service}" not found in namespace "${pk.to.namespace}"`, at('to'));
      destIP = asString(asObject(svc.spec)?.clusterIP);
      if (destIP === '' || destIP === 'None') throw new ValidationError(`Service ${pk.to.service} has no ClusterIP (headless or ExternalName): clients reach its Pods through DNS, not kube-proxy`, at('to'));
    } else if (pk.to.node !== undefined) {
      const n = nodeByName.get(pk.to.node);
      if (!n) throw new ValidationError(`nodes "${pk.to.node}" not found`, at('to'));
      destIP = nodeIPsOf(n)[0];
      node = node || pk.to.node;
    }
    if (node === '') {
      const owner = nodes.find((n) => nodeIPsOf(n).includes(canonicalIP(destIP) ?? destIP));
      node = owner ? name(owner) : shownNode;
    }
    if (!nodeByName.has(node)) throw new ValidationError(`nodes "${node}" not found (the Pod's spec.nodeName or the packet's node)`, at('node'));
    const t = traceParsed(dumpFor(node), { protocol: pk.protocol, sourceIP, destIP, destPort: pk.to.port }, nodeIPsOf(nodeByName.get(node)!));
    const terminal = t.outputs[t.outputs.length - 1]?.target ?? '';
    const verdict = t.outputs.length === 0 ? 'NO MATCH' : ['ACCEPT', 'DROP', 'REJECT'].includes(terminal) ? terminal : 'DNAT';
    const destinations = t.outputs
      .filter((o) => !['ACCEPT', 'DROP', 'REJECT'].includes(o.target))
      .map((o) => ({ endpoint: o.target, ...endpointOwner(o.target), probability: Number(o.probability.toFixed(6)), percent: `${(o.probability * 100).toFixed(1)}%` }));
    const result: PacketResult = {
      name: pk.name,
      node,
      protocol: pk.protocol,
      sourceIP,
      destIP,
      destPort: pk.to.port,
      output: t.output,
      masq: t.masq,
      verdict,
      destinations,
      seenSource: t.masq ? nodeIPsOf(nodeByName.get(node)!)[0] : sourceIP,
      path: t.matches,
    };
    trace.push({
      title: `packet ${pk.name}: ${pk.protocol} ${sourceIP} → ${destIP}:${pk.to.port} on ${node}: ${verdict === 'DNAT' ? `DNAT to ${t.output}` : verdict}${t.masq ? ', masqueraded' : ''}`,
      detail: t.matches.map((m) => `${m.table} ${m.chain}: ${m.rule}`).join('\n'),
      source: 'pkg/proxy/iptables/proxier_test.go tracePacket',
      subject: pk.name,
      level: 'decision',
    });
    return result;
  }

  // DNS
  const records = dnsRecords([...services, ...slices], input.kubelet.clusterDomain);
  const zone = `${(input.kubelet.clusterDomain || 'cluster.local').replace(/\.$/, '')}.`;
  const queries: QueryResult[] = input.queries.map((q) => {
    const pod = podByRef(q.namespace, q.pod);
    if (!pod) throw new ValidationError(`pods "${q.pod}" not found in namespace "${q.namespace}"`, { object: q.object, path: ['spec', 'pod'] });
    const config = getPodDNS(pod, {
      clusterDomain: input.kubelet.clusterDomain,
      clusterDNS: input.kubelet.clusterDNS,
      resolverConfig: input.kubelet.resolvConf,
      hostResolvConf: input.kubelet.hostResolvConf,
      nodeIPs: nodeByName.has(asString(asObject(pod.spec)?.nodeName)) ? nodeIPsOf(nodeByName.get(asString(asObject(pod.spec)?.nodeName))!) : [],
    });
    const raw = resolveName(q.query, config.searches, config.options, records);
    const attempts = raw.map((a) => {
      const inZone = a.query.toLowerCase().endsWith(`.${zone}`) || a.query.toLowerCase() === zone;
      const absolute = `${q.query.replace(/\.$/, '')}.`;
      if (a.answer.length > 0) return { query: a.query, answer: a.answer.map((r) => `${r.type} ${r.data}`), outcome: 'answer' };
      if (!inZone && a.query === absolute) return { query: a.query, answer: [], outcome: 'forwarded' };
      return { query: a.query, answer: [], outcome: inZone ? 'NXDOMAIN' : 'NXDOMAIN (assumed: forwarded upstream)' };
    });
    // Stop at the first answered or forwarded name, as the resolver stops at its first answer.
    const stop = attempts.findIndex((a) => a.outcome === 'answer' || a.outcome === 'forwarded');
    const used = stop === -1 ? attempts : attempts.slice(0, stop + 1);
    const answered = stop === -1 ? null : used[stop];
    trace.push({
      title: `${q.pod} looks up "${q.query}": ${used.length} quer${used.length === 1 ? 'y' : 'ies'}, ${answered ? (answered.outcome === 'answer' ? `answered at ${answered.query}` : `forwarded as ${answered.query}`) : 'NXDOMAIN'}`,
      detail: `search ${config.searches.join(' ')}; options ${config.options.join(' ')}. A name with fewer dots than ndots goes through the search list first.`,
      source: 'pkg/kubelet/network/dns/dns.go GetPodDNS; resolv.conf(5) ndots',
      subject: q.name,
    });
    return {
      name: q.name,
      pod: `${q.namespace}/${q.pod}`,
      query: q.query,
      dnsPolicy: asString(asObject(pod.spec)?.dnsPolicy) || 'ClusterFirst',
      resolvConf: resolvConfText(config),
      nameservers: config.nameservers,
      searches: config.searches,
      options: config.options,
      events: config.events ?? [],
      attempts: used,
      queriesSent: used.length,
      answeredBy: answered ? answered.query : null,
      answer: answered ? answered.answer : [],
    };
  });

  const slicesShown = [...userSlices.map((s) => ({ s, g: false })), ...generated.map((s) => ({ s, g: true }))];
  const sliceSummaries = slicesShown.map(({ s, g }) => summarizeSlice(s, podsByIP, g));
  const rows: ServiceRow[] = services.map((s) => {
    const mine = sliceSummaries.filter((sl) => sl.namespace === namespaceOf(s) && sl.service === name(s));
    const eps = mine.flatMap((sl) => sl.endpoints);
    return {
      name: name(s),
      namespace: namespaceOf(s),
      type: asString(asObject(s.spec)?.type) || 'ClusterIP',
      clusterIP: serviceClusterIP(s),
      externalIP: serviceExternalIP(s),
      ports: servicePorts(s),
      readyEndpoints: eps.filter((e) => e.ready).length,
      notReadyEndpoints: eps.filter((e) => !e.ready).length,
    };
  });
  const result: ServicesResult = {
    node: shownNode,
    nodeIPs: nodeIPsOf(nodeByName.get(shownNode)!),
    mode: input.proxy.mode || 'iptables',
    clusterCIDR: input.proxy.clusterCIDR,
    services: rows,
    endpointSlices: sliceSummaries,
    servicePorts: sync.servicePorts,
    tables: { services: printServices(services), endpointSlices: printEndpointSlices(slicesShown.map((x) => x.s)) },
    iptables: { text: sync.text, filterRules: sync.filterRules, natRules: sync.natRules, natChains: sync.natChains, largeClusterMode: sync.largeClusterMode },
    packets,
    dns: { clusterDomain: input.kubelet.clusterDomain, records, queries },
  };
  return { result, trace };
}

export const engine: Engine<ServicesResult, ServicesView> = {
  id: 'services',
  version: '1',
  title: 'Services: kube-proxy and cluster DNS',
  summary: 'Services, Pods and Nodes: the EndpointSlices, the iptables rules kube-proxy writes on a node, where packets go, and what DNS answers.',
  view: 'services/result',
  run(manifests) {
    return runServices(readInput(manifests));
  },
  viewModel(output) {
    return buildView(output.result);
  },
  detail(output, key) {
    if (key === 'iptables-save') return { title: `iptables-save on ${output.result.node}`, text: output.result.iptables.text };
    return undefined;
  },
};
