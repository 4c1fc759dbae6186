// The kubelet's DNS configuration for a Pod: what ends up in its /etc/resolv.conf.
// pkg/kubelet/network/dns/dns.go (v1.36): getPodDNSType, parseResolvConf,
// formDNSSearchFitsLimits, formDNSNameserversFitsLimits, mergeDNSOptions,
// appendDNSConfig and GetPodDNS, with pkg/apis/core/validation's limits.
import { ValidationError } from '../../shared/errors.ts';
import { asBool, asList, asObject, asOptionalString, asString } from '../../apimachinery/json.ts';
import { familyOf } from '../kube-proxy/net.ts';

// pkg/apis/core/validation/validation.go
export const MAX_DNS_NAMESERVERS = 3;
export const MAX_DNS_SEARCH_PATHS = 32;
export const MAX_DNS_SEARCH_LIST_CHARS = 2048;
// k8s.io/apimachinery/pkg/util/validation DNS1123SubdomainMaxLength
const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
// dns.go maxResolvConfLength: 10 MB
const MAX_RESOLV_CONF_LENGTH = 10 * 1 << 20;
/** dns.go defaultDNSOptions */
export const DEFAULT_DNS_OPTIONS = ['ndots:5'];

export interface Configurer {
  clusterDomain: string;
  clusterDNS: string[];
  /** The kubelet's --resolv-conf path; "" disables reading the host's file. */
  resolverConfig: string;
  /** The content of that file on the node (the simulation has no file system). */
  hostResolvConf?: string;
  nodeIPs?: string[];
}

export interface DNSConfig {
  nameservers: string[];
  searches: string[];
  options: string[];
  events?: string[];
}

function podSpec(pod: unknown): Record<string, unknown> {
  return asObject(asObject(pod)?.spec) ?? {};
}

/**
 * getPodDNSType: "none", "cluster" or "host". ClusterFirst on a hostNetwork Pod falls back to the host's DNS.
 * @example getPodDNSType({ spec: { dnsPolicy: 'ClusterFirst', hostNetwork: true } }) // "host"
 */
export function getPodDNSType(pod: unknown): 'cluster' | 'host' | 'none' {
  const spec = podSpec(pod);
  const dnsPolicy = asString(spec.dnsPolicy);
  switch (dnsPolicy) {
    case 'None':
      return 'none';
    case 'ClusterFirstWithHostNet':
      return 'cluster';
    case 'ClusterFirst':
      return asBool(spec.hostNetwork) ? 'host' : 'cluster';
    case 'Default':
      return 'host';
  }
  // "This should not happen as kube-apiserver should have rejected invalid dnsPolicy."
  throw new ValidationError(`invalid DNSPolicy=${dnsPolicy}`, { object: asObject(pod), path: ['spec', 'dnsPolicy'] });
}

/**
 * parseResolvConf: nameserver lines accumulate; the last search and options lines win;
 * "search" entries lose a trailing dot and "." is dropped. Throws on "nameserver" with no address.
 */
export function parseResolvConf(content: string): { nameservers: string[]; searches: string[]; options: string[] } {
  const file = String(content);
  if (file.length > MAX_RESOLV_CONF_LENGTH) throw new ValidationError(`the read limit is reached`, { path: [] });
  const nameservers: string[] = [];
  let searches: string[] = [];
  let options: string[] = [];
  const errors: string[] = [];
  for (const line of file.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('#')) continue;
    const fields = trimmed.split(/\s+/).filter((f) => f !== '');
    if (fields.length === 0) continue;
    if (fields[0] === 'nameserver') {
      if (fields.length >= 2) nameservers.push(fields[1]);
      else errors.push('nameserver list is empty ');
    }
    if (fields[0] === 'search') {
      searches = [];
      for (const s of fields.slice(1)) if (s !== '.') searches.push(s.endsWith('.') ? s.slice(0, -1) : s);
    }
    if (fields[0] === 'options') options = fields.slice(1);
  }
  if (errors.length > 0) throw new ValidationError(errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`, { path: [] });
  return { nameservers, searches, options };
}

function omitDuplicates(strs: readonly string[]): string[] {
  return [...new Set(strs)];
}

/**
 * formDNSSearchFitsLimits: at most 32 search paths, none longer than 253 characters,
 * at most 2048 characters in all (cut from the end); a DNSConfigForming warning when anything was cut.
 */
export function formDNSSearchFitsLimits(searches: string[], _pod: unknown): { searches: string[]; events: string[] } {
  let composed = [...searches].map(String);
  let limitsExceeded = false;
  if (composed.length > MAX_DNS_SEARCH_PATHS) {
    composed = composed.slice(0, MAX_DNS_SEARCH_PATHS);
    limitsExceeded = true;
  }
  // glibc 2.28 aborts on a search path over 255 characters: such paths are filtered out.
  const kept = composed.filter((s) => s.length <= DNS1123_SUBDOMAIN_MAX_LENGTH);
  if (kept.length !== composed.length) limitsExceeded = true;
  composed = kept;
  const lineLength = composed.join(' ').length;
  if (lineLength > MAX_DNS_SEARCH_LIST_CHARS) {
    let cutNum = 0;
    let cutLen = 0;
    for (let i = composed.length - 1; i >= 0; i--) {
      cutLen += composed[i].length + 1;
      cutNum++;
      if (lineLength - cutLen <= MAX_DNS_SEARCH_LIST_CHARS) break;
    }
    composed = composed.slice(0, composed.length - cutNum);
    limitsExceeded = true;
  }
  const events = limitsExceeded
    ? [`Warning DNSConfigForming Search Line limits were exceeded, some search paths have been omitted, the applied search line is: ${composed.join(' ')}`]
    : [];
  return { searches: composed, events };
}

/** formDNSNameserversFitsLimits: at most 3 nameservers (resolv.conf's MAXNS). */
export function formDNSNameserversFitsLimits(nameservers: string[], _pod: unknown): { nameservers: string[]; events: string[] } {
  let ns = [...nameservers].map(String);
  const events: string[] = [];
  if (ns.length > MAX_DNS_NAMESERVERS) {
    ns = ns.slice(0, MAX_DNS_NAMESERVERS);
    events.push(`Warning DNSConfigForming Nameserver limits were exceeded, some nameservers have been omitted, the applied nameserver line is: ${ns.join(' ')}`);
  }
  return { nameservers: ns, events };
}

/**
 * mergeDNSOptions: dnsConfig.options override options of the same name ("ndots:5" + {ndots: "2"} → "ndots:2").
 * Upstream collects them in a Go map, so its order is unspecified; here existing names keep their place and new ones follow.
 */
export function mergeDNSOptions(existing: string[], dnsConfigOptions: { name: string; value?: string }[] | null): string[] {
  const options = new Map<string, string>();
  for (const op of existing ?? []) {
    const s = String(op);
    const i = s.indexOf(':');
    if (i !== -1) options.set(s.slice(0, i), s.slice(i + 1));
    else options.set(s, '');
  }
  for (const op of dnsConfigOptions ?? []) {
    const o = asObject(op) ?? {};
    options.set(asString(o.name), asOptionalString(o.value) ?? '');
  }
  return [...options].map(([name, value]) => (value !== '' ? `${name}:${value}` : name));
}

/**
 * GetPodDNS: the Pod's resolv.conf content.
 * @example getPodDNS(pod, { clusterDomain: 'cluster.local', clusterDNS: ['10.96.0.10'], resolverConfig: '/etc/resolv.conf', hostResolvConf: 'nameserver 8.8.8.8' })
 *   // { nameservers: ['10.96.0.10'], searches: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'], options: ['ndots:5'] }
 */
export function getPodDNS(pod: unknown, configurer: Configurer): DNSConfig {
  const c = asObject(configurer) ?? {};
  const clusterDomain = asString(c.clusterDomain);
  const clusterDNS = asList(c.clusterDNS).map((v) => asString(v));
  const resolverConfig = asString(c.resolverConfig);
  const nodeIPs = asList(c.nodeIPs).map((v) => asString(v));
  const events: string[] = [];
  // getHostDNSConfig: the node's resolv.conf, when the kubelet has one
  let config: { nameservers: string[]; searches: string[]; options: string[] } = { nameservers: [], searches: [], options: [] };
  if (resolverConfig !== '') config = parseResolvConf(asString(c.hostResolvConf));
  let dnsType: 'cluster' | 'host' | 'none';
  try {
    dnsType = getPodDNSType(pod);
  } catch {
    // "Failed to get DNS type for pod. Falling back to DNSClusterFirst policy."
    dnsType = 'cluster';
  }
  // pod.Namespace as is (upstream's TestGetPodDNS pods have none: ".svc.<domain>")
  const namespace = asString(asObject(asObject(pod)?.metadata)?.namespace);
  let hostFallback = dnsType === 'host';
  if (dnsType === 'none') config = { nameservers: [], searches: [], options: [] };
  else if (dnsType === 'cluster') {
    if (clusterDNS.length !== 0) {
      config.nameservers = [...clusterDNS];
      // generateSearchesForDNSClusterFirst
      if (clusterDomain !== '') {
        config.searches = omitDuplicates([`${namespace}.svc.${clusterDomain}`, `svc.${clusterDomain}`, clusterDomain, ...config.searches]);
      }
      config.options = [...DEFAULT_DNS_OPTIONS];
    } else {
      const msg = `kubelet does not have ClusterDNS IP configured and cannot create Pod using "ClusterFirst" policy. Falling back to "Default" policy.`;
      events.push(`Warning MissingClusterDNS ${msg}`);
      hostFallback = true;
    }
  }
  if (hostFallback && resolverConfig === '') {
    // No --resolv-conf: localhost for each node IP family, and search "."
    for (const ip of nodeIPs) config.nameservers.push(familyOf(ip) === 'IPv6' ? '::1' : '127.0.0.1');
    if (config.nameservers.length === 0) config.nameservers.push('127.0.0.1');
    config.searches = ['.'];
  }
  const dnsConfig = asObject(podSpec(pod).dnsConfig);
  if (dnsConfig) {
    config.nameservers = omitDuplicates([...config.nameservers, ...asList(dnsConfig.nameservers).map((v) => asString(v))]);
    config.searches = omitDuplicates([...config.searches, ...asList(dnsConfig.searches).map((v) => asString(v))]);
    config.options = mergeDNSOptions(config.options, asList(dnsConfig.options) as { name: string; value?: string }[]);
  }
  const ns = formDNSNameserversFitsLimits(config.nameservers, pod);
  const search = formDNSSearchFitsLimits(config.searches, pod);
  events.push(...ns.events, ...search.events);
  return { nameservers: ns.nameservers, searches: search.searches, options: config.options, ...(events.length > 0 ? { events } : {}) };
}

/** The /etc/resolv.conf text a container runtime writes from a DNS config. */
export function resolvConfText(config: DNSConfig): string {
  const lines: string[] = [];
  if (config.searches.length > 0) lines.push(`search ${config.searches.join(' ')}`);
  for (const ns of config.nameservers) lines.push(`nameserver ${ns}`);
  if (config.options.length > 0) lines.push(`options ${config.options.join(' ')}`);
  return lines.join('\n') + '\n';
}
