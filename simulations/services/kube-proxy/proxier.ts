// kube-proxy in iptables mode: the rules one full sync writes.
// pkg/proxy/iptables/proxier.go syncProxyRules and writeServiceToEndpointRules (v1.36),
// as its tests' fake proxier runs it: masquerade bit 14 (mark 0x4000), a CIDR local
// traffic detector for clusterCIDR, nfacct counters available, iptables without
// --random-fully. The text is the iptables-restore input kube-proxy hands to
// `iptables-restore --noflush`: the filter table, then nat, chains declared first.
import { ValidationError } from '../../shared/errors.ts';
import { asBool, asList, asObject, asString } from '../../apimachinery/json.ts';
import { cidrContains, familyOf, parseCidr } from './net.ts';
import type { Cidr, IPFamily } from './net.ts';
import { servicePorts, externallyAccessible } from './service-port.ts';
import type { ServicePortInfo } from './service-port.ts';
import { buildEndpointsMap, categorizeEndpoints, endpointsKey } from './endpoints.ts';
import type { EndpointInfo, Categorized } from './endpoints.ts';

/** The contract's input: one node's kube-proxy, its flags, and the Services and EndpointSlices it watches. */
export interface ProxierInput {
  ipFamily: 'IPv4' | 'IPv6';
  nodeName: string;
  nodeIPs: string[];
  clusterCIDR: string | null;
  masqueradeAll: boolean;
  localhostNodePorts: boolean;
  nodePortAddresses: string[] | null;
  services: unknown[];
  endpointSlices: unknown[];
}

export const MASQ_MARK = '0x4000';
/** largeClusterEndpointsThreshold: above this many endpoints, per-endpoint comments are dropped. */
export const LARGE_CLUSTER_ENDPOINTS_THRESHOLD = 1000;
const NFACCT_INVALID = 'ct_state_invalid_dropped_pkts';
const NFACCT_LOCALHOST_NODEPORT = 'localhost_nps_accepted_pkts';

/** What the sync decided for one service port: the "why" behind its rules. */
export interface ServicePortSync {
  name: string;
  protocol: string;
  clusterIP: string;
  port: number;
  nodePort: number;
  clusterEndpoints: string[];
  localEndpoints: string[];
  hasEndpoints: boolean;
  hasInternalEndpoints: boolean;
  hasExternalEndpoints: boolean;
  /** "REJECT" (no endpoints at all), "DROP" (Local policy, none on this node), or "" */
  internalFilter: string;
  externalFilter: string;
  usesTerminatingEndpoints: boolean;
  chains: { cluster: string; local: string; external: string; firewall: string };
}

export interface SyncResult {
  text: string;
  filterRules: number;
  natRules: number;
  natChains: number;
  largeClusterMode: boolean;
  servicePorts: ServicePortSync[];
  /** The local-traffic detector kube-proxy uses (for the trace): the cluster CIDR or null. */
  localDetector: string | null;
  nodePortDestinations: string[];
}

/** Reads and checks a ProxierInput, throwing a ValidationError on a shape kube-proxy would refuse. */
export function normalizeProxierInput(raw: unknown): ProxierInput & { clusterCidr: Cidr | null } {
  const o = asObject(raw);
  if (!o) throw new ValidationError('the proxier input must be an object', { path: [] });
  const ipFamily = asString(o.ipFamily) || 'IPv4';
  if (ipFamily !== 'IPv4' && ipFamily !== 'IPv6') throw new ValidationError(`Unsupported value: "${ipFamily}": supported values: "IPv4", "IPv6"`, { object: o, path: ['ipFamily'] });
  const nodeIPs = asList(o.nodeIPs).map((v) => asString(v));
  nodeIPs.forEach((ip, i) => {
    if (familyOf(ip) === null) throw new ValidationError(`Invalid value: "${ip}": must be a valid IP address`, { object: o, path: ['nodeIPs', i] });
  });
  let clusterCidr: Cidr | null = null;
  if (o.clusterCIDR !== null && o.clusterCIDR !== undefined && asString(o.clusterCIDR) !== '') {
    clusterCidr = parseCidr(asString(o.clusterCIDR));
    if (!clusterCidr) throw new ValidationError(`Invalid value: "${asString(o.clusterCIDR)}": must be a valid CIDR`, { object: o, path: ['clusterCIDR'] });
  }
  const npa = o.nodePortAddresses === null || o.nodePortAddresses === undefined ? null : asList(o.nodePortAddresses).map((v) => asString(v));
  return {
    ipFamily,
    nodeName: asString(o.nodeName),
    nodeIPs,
    clusterCIDR: clusterCidr ? asString(o.clusterCIDR) : null,
    clusterCidr,
    masqueradeAll: asBool(o.masqueradeAll),
    localhostNodePorts: o.localhostNodePorts === undefined ? true : asBool(o.localhostNodePorts),
    nodePortAddresses: npa,
    services: asList(o.services),
    endpointSlices: asList(o.endpointSlices),
  };
}

/** pkg/proxy/util/nodeport_addresses.go NewNodePortAddresses: this family's CIDRs, or all addresses. */
function nodePortAddresses(strings: string[] | null, family: IPFamily, nodeIPs: string[]): { matchAll: boolean; cidrs: Cidr[]; containsIPv4Loopback: boolean } {
  const cidrs: Cidr[] = [];
  for (const s of strings ?? []) {
    // "primary" (--nodeport-addresses=primary) means the node's primary IPs
    if (s === 'primary') {
      const ip = nodeIPs.find((n) => familyOf(n) === family);
      if (ip) cidrs.push(parseCidr(`${ip}/${family === 'IPv4' ? 32 : 128}`) as Cidr);
      continue;
    }
    const c = parseCidr(s);
    if (c && c.family === family) cidrs.push(c);
  }
  if (cidrs.length === 0) cidrs.push(parseCidr(family === 'IPv4' ? '0.0.0.0/0' : '::/0') as Cidr);
  const matchAll = cidrs.some((c) => c.text === '0.0.0.0/0' || c.text === '::/0');
  const containsIPv4Loopback = cidrs.some((c) => c.family === 'IPv4' && cidrContains(c, '127.0.0.0'));
  return { matchAll, cidrs, containsIPv4Loopback };
}

/** computeProbability: the --probability of the i-th of n endpoint rules is 1/(n-i). */
export function computeProbability(n: number): string {
  // computeProbability: fmt.Sprintf("%0.10f", 1.0/float64(n))
  return (1 / n).toFixed(10);
}

class LineBuffer {
  lines: string[] = [];
  private readonly words: string[] = [];
  /** proxyutil.LineBuffer.Write: the words (and the words of lists) joined by spaces. */
  write(...words: (string | readonly string[])[]): void {
    const buf = this.words;
    buf.length = 0;
    for (const w of words) {
      if (typeof w === 'string') buf.push(w);
      else for (const x of w) buf.push(x);
    }
    this.lines.push(buf.join(' '));
  }
}

/** One full syncProxyRules. */
export function syncProxyRules(rawInput: unknown): SyncResult {
  const input = normalizeProxierInput(rawInput);
  const family = input.ipFamily;
  const isIPv6 = family === 'IPv6';
  const nodeIP = input.nodeIPs.find((ip) => familyOf(ip) === family) ?? '';
  const npa = nodePortAddresses(input.nodePortAddresses, family, input.nodeIPs);
  // NewProxier: localhost NodePorts only when --nodeport-addresses includes 127.0.0.1, and never for IPv6
  const localhostNodePorts = input.localhostNodePorts && npa.containsIPv4Loopback && !isIPv6;
  const localDetector = input.clusterCidr && input.clusterCidr.family === family ? input.clusterCidr : null;
  const ifNotLocal = localDetector ? ['!', '-s', localDetector.text] : [];
  const ifLocal = localDetector ? ['-s', localDetector.text] : [];

  const svcPorts: ServicePortInfo[] = [];
  for (const s of input.services) svcPorts.push(...servicePorts(s, family));
  // Go ranges over a map; a stable order keeps the output reproducible (upstream's tests sort it too).
  svcPorts.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.protocol < b.protocol ? -1 : a.protocol > b.protocol ? 1 : 0));
  const endpointsMap = buildEndpointsMap(input.endpointSlices, family, input.nodeName);

  const filterChains = new LineBuffer();
  const filterRules = new LineBuffer();
  const natChains = new LineBuffer();
  const natRules = new LineBuffer();
  for (const c of ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-FORWARD', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL']) filterChains.write(`:${c} - [0:0]`);
  for (const c of ['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ']) natChains.write(`:${c} - [0:0]`);
  natRules.write('-A', 'KUBE-POSTROUTING', '-m', 'mark', '!', '--mark', `${MASQ_MARK}/${MASQ_MARK}`, '-j', 'RETURN');
  natRules.write('-A', 'KUBE-POSTROUTING', '-j', 'MARK', '--xor-mark', MASQ_MARK);
  natRules.write('-A', 'KUBE-POSTROUTING', '-m', 'comment', '--comment', '"kubernetes service traffic requiring SNAT"', '-j', 'MASQUERADE');
  natRules.write('-A', 'KUBE-MARK-MASQ', '-j', 'MARK', '--or-mark', MASQ_MARK);
  if (localhostNodePorts) {
    filterChains.write(':KUBE-FIREWALL - [0:0]');
    filterRules.write('-A', 'KUBE-FIREWALL', '-m', 'comment', '--comment', '"block incoming localnet connections"', '-d', '127.0.0.0/8', '!', '-s', '127.0.0.0/8', '-m', 'conntrack', '!', '--ctstate', 'RELATED,ESTABLISHED,DNAT', '-j', 'DROP');
  }

  let totalEndpoints = 0;
  for (const svc of svcPorts) totalEndpoints += endpointsMap.get(endpointsKey(svc.name, svc.protocol))?.length ?? 0;
  const largeClusterMode = totalEndpoints > LARGE_CLUSTER_ENDPOINTS_THRESHOLD;
  const comment = (args: string[], text: string): string[] => (largeClusterMode ? args : [...args, '-m', 'comment', '--comment', text]);

  const summaries: ServicePortSync[] = [];
  for (const svc of svcPorts) {
    const protocol = svc.protocol.toLowerCase();
    const name = svc.name;
    const all = endpointsMap.get(endpointsKey(name, svc.protocol)) ?? [];
    const cat: Categorized = categorizeEndpoints(all, svc);
    const { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints: hasEndpoints } = cat;
    const clusterPolicyChain = svc.clusterPolicyChainName;
    const usesClusterPolicyChain = clusterEndpoints.length > 0 && (!svc.internalPolicyLocal || externallyAccessible(svc));
    const localPolicyChain = svc.localPolicyChainName;
    const usesLocalPolicyChain = localEndpoints.length > 0 && (svc.internalPolicyLocal || (svc.externalPolicyLocal && externallyAccessible(svc)));
    let internalPolicyChain = clusterPolicyChain;
    let hasInternalEndpoints = hasEndpoints;
    if (svc.internalPolicyLocal) {
      internalPolicyChain = localPolicyChain;
      if (localEndpoints.length === 0) hasInternalEndpoints = false;
    }
    const internalTrafficChain = internalPolicyChain;
    let externalPolicyChain = clusterPolicyChain;
    let hasExternalEndpoints = hasEndpoints;
    if (svc.externalPolicyLocal) {
      externalPolicyChain = localPolicyChain;
      if (localEndpoints.length === 0) hasExternalEndpoints = false;
    }
    const externalTrafficChain = svc.externalChainName;
    const usesExternalTrafficChain = hasEndpoints && externallyAccessible(svc);
    let loadBalancerTrafficChain = externalTrafficChain;
    const fwChain = svc.firewallChainName;
    const usesFWChain = hasEndpoints && svc.loadBalancerVIPs.length > 0 && svc.loadBalancerSourceRanges.length > 0;
    if (usesFWChain) loadBalancerTrafficChain = fwChain;

    let internalFilterTarget = '';
    let internalFilterComment = '';
    let externalFilterTarget = '';
    let externalFilterComment = '';
    if (!hasEndpoints) {
      internalFilterTarget = 'REJECT';
      internalFilterComment = `"${name} has no endpoints"`;
      externalFilterTarget = 'REJECT';
      externalFilterComment = internalFilterComment;
    } else {
      if (!hasInternalEndpoints) {
        internalFilterTarget = 'DROP';
        internalFilterComment = `"${name} has no local endpoints"`;
      }
      if (!hasExternalEndpoints) {
        externalFilterTarget = 'DROP';
        externalFilterComment = `"${name} has no local endpoints"`;
      }
    }
    const dport = String(svc.port);

    // Capture the clusterIP.
    if (hasInternalEndpoints) {
      natRules.write('-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', `"${name} cluster IP"`, '-m', protocol, '-p', protocol, '-d', svc.clusterIP, '--dport', dport, '-j', internalTrafficChain);
    } else {
      filterRules.write('-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', internalFilterComment, '-m', protocol, '-p', protocol, '-d', svc.clusterIP, '--dport', dport, '-j', internalFilterTarget);
    }
    // Capture externalIPs.
    for (const externalIP of svc.externalIPs) {
      if (hasEndpoints) natRules.write('-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', `"${name} external IP"`, '-m', protocol, '-p', protocol, '-d', externalIP, '--dport', dport, '-j', externalTrafficChain);
      if (!hasExternalEndpoints) filterRules.write('-A', 'KUBE-EXTERNAL-SERVICES', '-m', 'comment', '--comment', externalFilterComment, '-m', protocol, '-p', protocol, '-d', externalIP, '--dport', dport, '-j', externalFilterTarget);
    }
    // Capture load-balancer ingress.
    for (const lbip of svc.loadBalancerVIPs) {
      if (hasEndpoints) natRules.write('-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', `"${name} loadbalancer IP"`, '-m', protocol, '-p', protocol, '-d', lbip, '--dport', dport, '-j', loadBalancerTrafficChain);
      if (usesFWChain) filterRules.write('-A', 'KUBE-PROXY-FIREWALL', '-m', 'comment', '--comment', `"${name} traffic not accepted by ${svc.firewallChainName}"`, '-m', protocol, '-p', protocol, '-d', lbip, '--dport', dport, '-j', 'DROP');
    }
    if (!hasExternalEndpoints) {
      for (const lbip of svc.loadBalancerVIPs) filterRules.write('-A', 'KUBE-EXTERNAL-SERVICES', '-m', 'comment', '--comment', externalFilterComment, '-m', protocol, '-p', protocol, '-d', lbip, '--dport', dport, '-j', externalFilterTarget);
    }
    // Capture nodeports.
    if (svc.nodePort !== 0) {
      const np = String(svc.nodePort);
      if (hasEndpoints) {
        if (localhostNodePorts) natRules.write('-A', 'KUBE-NODEPORTS', '-m', 'comment', '--comment', name, '-m', protocol, '-p', protocol, '-d', '127.0.0.0/8', '--dport', np, '-m', 'nfacct', '--nfacct-name', NFACCT_LOCALHOST_NODEPORT, '-j', externalTrafficChain);
        natRules.write('-A', 'KUBE-NODEPORTS', '-m', 'comment', '--comment', name, '-m', protocol, '-p', protocol, '--dport', np, '-j', externalTrafficChain);
      }
      if (!hasExternalEndpoints) filterRules.write('-A', 'KUBE-EXTERNAL-SERVICES', '-m', 'comment', '--comment', externalFilterComment, '-m', 'addrtype', '--dst-type', 'LOCAL', '-m', protocol, '-p', protocol, '--dport', np, '-j', externalFilterTarget);
    }
    // Capture healthCheckNodePorts.
    if (svc.healthCheckNodePort !== 0) {
      filterRules.write('-A', 'KUBE-NODEPORTS', '-m', 'comment', '--comment', `"${name} health check node port"`, '-m', 'tcp', '-p', 'tcp', '--dport', String(svc.healthCheckNodePort), '-j', 'ACCEPT');
    }
    // Internal traffic handling: masquerade off-cluster sources (or everything with --masquerade-all).
    if (hasInternalEndpoints) {
      const args = ['-m', 'comment', '--comment', `"${name} cluster IP"`, '-m', protocol, '-p', protocol, '-d', svc.clusterIP, '--dport', dport];
      if (input.masqueradeAll) natRules.write('-A', internalTrafficChain, args, '-j', 'KUBE-MARK-MASQ');
      else if (localDetector) natRules.write('-A', internalTrafficChain, args, ifNotLocal, '-j', 'KUBE-MARK-MASQ');
    }
    // External traffic handling.
    if (usesExternalTrafficChain) {
      natChains.write(`:${externalTrafficChain} - [0:0]`);
      if (!svc.externalPolicyLocal) {
        natRules.write('-A', externalTrafficChain, '-m', 'comment', '--comment', `"masquerade traffic for ${name} external destinations"`, '-j', 'KUBE-MARK-MASQ');
      } else {
        if (localDetector) natRules.write('-A', externalTrafficChain, '-m', 'comment', '--comment', `"pod traffic for ${name} external destinations"`, ifLocal, '-j', clusterPolicyChain);
        natRules.write('-A', externalTrafficChain, '-m', 'comment', '--comment', `"masquerade LOCAL traffic for ${name} external destinations"`, '-m', 'addrtype', '--src-type', 'LOCAL', '-j', 'KUBE-MARK-MASQ');
        natRules.write('-A', externalTrafficChain, '-m', 'comment', '--comment', `"route LOCAL traffic for ${name} external destinations"`, '-m', 'addrtype', '--src-type', 'LOCAL', '-j', clusterPolicyChain);
      }
      if (hasExternalEndpoints) natRules.write('-A', externalTrafficChain, '-j', externalPolicyChain);
    }
    // Firewall chain (loadBalancerSourceRanges).
    if (usesFWChain) {
      natChains.write(`:${fwChain} - [0:0]`);
      const args = ['-A', fwChain, '-m', 'comment', '--comment', `"${name} loadbalancer IP"`];
      let allowFromNode = false;
      for (const cidr of svc.loadBalancerSourceRanges) {
        natRules.write(args, '-s', cidr.text, '-j', externalTrafficChain);
        if (nodeIP !== '' && cidrContains(cidr, nodeIP)) allowFromNode = true;
      }
      if (allowFromNode) for (const lbip of svc.loadBalancerVIPs) natRules.write(args, '-s', lbip, '-j', externalTrafficChain);
      natRules.write('-A', fwChain, '-m', 'comment', '--comment', `"other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL"`);
    }
    if (usesClusterPolicyChain) {
      natChains.write(`:${clusterPolicyChain} - [0:0]`);
      writeServiceToEndpointRules(natRules, name, svc, clusterPolicyChain, clusterEndpoints, comment);
    }
    if (usesLocalPolicyChain) {
      natChains.write(`:${localPolicyChain} - [0:0]`);
      writeServiceToEndpointRules(natRules, name, svc, localPolicyChain, localEndpoints, comment);
    }
    for (const ep of allReachableEndpoints) {
      natChains.write(`:${ep.chainName} - [0:0]`);
      let args = comment(['-A', ep.chainName], name);
      natRules.write(args, '-s', ep.ip, '-j', 'KUBE-MARK-MASQ');
      if (svc.sessionAffinityClientIP) args = [...args, '-m', 'recent', '--name', ep.chainName, '--set'];
      natRules.write(args, '-m', protocol, '-p', protocol, '-j', 'DNAT', '--to-destination', ep.text);
    }
    summaries.push({
      name,
      protocol: svc.protocol,
      clusterIP: svc.clusterIP,
      port: svc.port,
      nodePort: svc.nodePort,
      clusterEndpoints: clusterEndpoints.map((e) => e.text),
      localEndpoints: localEndpoints.map((e) => e.text),
      hasEndpoints,
      hasInternalEndpoints,
      hasExternalEndpoints,
      internalFilter: internalFilterTarget,
      externalFilter: externalFilterTarget,
      usesTerminatingEndpoints: cat.clusterUsesTerminating || cat.localUsesTerminating,
      chains: {
        cluster: usesClusterPolicyChain ? clusterPolicyChain : '',
        local: usesLocalPolicyChain ? localPolicyChain : '',
        external: usesExternalTrafficChain ? externalTrafficChain : '',
        firewall: usesFWChain ? fwChain : '',
      },
    });
  }

  // Finally, tail-call to the nodePorts chain.
  const nodePortDestinations: string[] = [];
  if (npa.matchAll) {
    const destinations = ['-m', 'addrtype', '--dst-type', 'LOCAL'];
    if (isIPv6) destinations.push('!', '-d', '::1/128');
    else if (!localhostNodePorts) destinations.push('!', '-d', '127.0.0.0/8');
    natRules.write('-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', '"kubernetes service nodeports; NOTE: this must be the last rule in this chain"', destinations, '-j', 'KUBE-NODEPORTS');
    nodePortDestinations.push(destinations.join(' '));
  } else {
    // GetNodeIPs: the node's interface addresses (lo, then the node IPs) inside the CIDRs
    const interfaceAddrs = ['127.0.0.1', '::1', ...input.nodeIPs];
    const seen = new Set<string>();
    for (const cidr of npa.cidrs) {
      for (const addr of interfaceAddrs) {
        if (seen.has(addr) || !cidrContains(cidr, addr)) continue;
        seen.add(addr);
        const loopback = addr === '::1' || addr.startsWith('127.');
        if (loopback && (isIPv6 || !localhostNodePorts)) continue;
        natRules.write('-A', 'KUBE-SERVICES', '-m', 'comment', '--comment', '"kubernetes service nodeports; NOTE: this must be the last rule in this chain"', '-d', addr, '-j', 'KUBE-NODEPORTS');
        nodePortDestinations.push(`-d ${addr}`);
      }
    }
  }
  // Drop INVALID packets (nf_conntrack_tcp_be_liberal is not set), counted by nfacct.
  filterRules.write('-A', 'KUBE-FORWARD', '-m', 'conntrack', '--ctstate', 'INVALID', '-m', 'nfacct', '--nfacct-name', NFACCT_INVALID, '-j', 'DROP');
  filterRules.write('-A', 'KUBE-FORWARD', '-m', 'comment', '--comment', '"kubernetes forwarding rules"', '-m', 'mark', '--mark', `${MASQ_MARK}/${MASQ_MARK}`, '-j', 'ACCEPT');
  filterRules.write('-A', 'KUBE-FORWARD', '-m', 'comment', '--comment', '"kubernetes forwarding conntrack rule"', '-m', 'conntrack', '--ctstate', 'RELATED,ESTABLISHED', '-j', 'ACCEPT');

  const text = ['*filter', ...filterChains.lines, ...filterRules.lines, 'COMMIT', '*nat', ...natChains.lines, ...natRules.lines, 'COMMIT', ''].join('\n');
  return {
    text,
    filterRules: filterRules.lines.length,
    natRules: natRules.lines.length,
    natChains: natChains.lines.length,
    largeClusterMode,
    servicePorts: summaries,
    localDetector: localDetector ? localDetector.text : null,
    nodePortDestinations,
  };
}

function writeServiceToEndpointRules(
  natRules: LineBuffer,
  name: string,
  svc: ServicePortInfo,
  svcChain: string,
  endpoints: readonly EndpointInfo[],
  comment: (args: string[], text: string) => string[],
): void {
  // Session affinity first: a client seen within stickyMaxAgeSeconds goes back to its endpoint.
  if (svc.sessionAffinityClientIP) {
    for (const ep of endpoints) {
      natRules.write(comment(['-A', svcChain], `"${name} -> ${ep.text}"`), '-m', 'recent', '--name', ep.chainName, '--rcheck', '--seconds', String(svc.stickyMaxAgeSeconds), '--reap', '-j', ep.chainName);
    }
  }
  // Then the load-balancing rules: endpoint i of n matches with probability 1/(n-i), the last always.
  const n = endpoints.length;
  endpoints.forEach((ep, i) => {
    let args = comment(['-A', svcChain], `"${name} -> ${ep.text}"`);
    if (i < n - 1) args = [...args, '-m', 'statistic', '--mode', 'random', '--probability', computeProbability(n - i)];
    natRules.write(args, '-j', ep.chainName);
  });
}

/**
 * The iptables-restore text kube-proxy writes for this node (contract: iptablesRules).
 * @example iptablesRules({ ipFamily: 'IPv4', nodeName: 'n1', nodeIPs: ['192.168.0.2'], clusterCIDR: '10.0.0.0/8', masqueradeAll: false,
 *   localhostNodePorts: true, nodePortAddresses: null, services: [svc], endpointSlices: [slice] }).startsWith('*filter\n') // true
 */
export function iptablesRules(input: ProxierInput): string {
  return syncProxyRules(input).text;
}
