// The services chapter's public functions (contracts/network.md, first block), re-exported by simulations/index.ts.

export { tracePacket } from './kube-proxy/public.ts';
export type { Flow } from './kube-proxy/public.ts';
export { iptablesRules } from './kube-proxy/proxier.ts';
export type { ProxierInput } from './kube-proxy/proxier.ts';
export {
  servicePortPolicyClusterChain,
  servicePortPolicyLocalChainName,
  serviceFirewallChainName,
  serviceExternalChainName,
  servicePortEndpointChainName,
} from './kube-proxy/chain-names.ts';
export { getPodDNS, parseResolvConf, formDNSSearchFitsLimits, formDNSNameserversFitsLimits, mergeDNSOptions, getPodDNSType } from './dns/kubelet-dns.ts';
export type { Configurer } from './dns/kubelet-dns.ts';
export { dnsRecords } from './dns/records.ts';
export type { DNSRecord } from './dns/records.ts';
