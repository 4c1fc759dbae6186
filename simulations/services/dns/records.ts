// The records cluster DNS serves for Services and EndpointSlices.
// kubernetes/dns docs/specification.md (schema 1.1.0): A/AAAA, SRV and PTR for a
// ClusterIP Service; per-endpoint A/AAAA, SRV and PTR for a headless Service's ready
// endpoints (all of them with publishNotReadyAddresses); a CNAME for ExternalName; the
// dns-version TXT record. Where the spec leaves a choice, CoreDNS's kubernetes plugin
// is followed: an endpoint without a hostname is named by its IP with dashes
// (10-244-1-5), and SRV weights are plugin/backend_lookup.go's
// floor(100 / (100 × n) × 100) for n records of the same priority (priority 0).
import { asBool, asList, asObject, asOptionalBool, asString, asInt } from '../../apimachinery/json.ts';
import { canonicalIP, familyOf } from '../kube-proxy/net.ts';
import { parseIPSloppy } from '../../apimachinery/go-net.ts';

export interface DNSRecord {
  name: string;
  type: 'A' | 'AAAA' | 'SRV' | 'PTR' | 'CNAME' | 'TXT';
  data: string;
}

export const DNS_SCHEMA_VERSION = '1.1.0';

/** The reverse-lookup name of an address: d.c.b.a.in-addr.arpa. or the nibbles under ip6.arpa. */
export function reverseName(ip: string): string {
  const parsed = parseIPSloppy(ip);
  if (!parsed) return '';
  if (familyOf(ip) === 'IPv4') {
    const b = parsed.slice(parsed.length - 4);
    return `${b[3]}.${b[2]}.${b[1]}.${b[0]}.in-addr.arpa.`;
  }
  const nibbles: string[] = [];
  for (let i = parsed.length - 1; i >= 0; i--) {
    nibbles.push((parsed[i] & 0xf).toString(16), (parsed[i] >> 4).toString(16));
  }
  return `${nibbles.join('.')}.ip6.arpa.`;
}

/** CoreDNS's name for an endpoint with no hostname: its address with dashes. */
function endpointHostname(ip: string): string {
  return ip.replace(/[.:]/g, '-');
}

function srvWeight(n: number): number {
  return Math.floor((100.0 / (100 * n)) * 100);
}

function addSrv(records: DNSRecord[], name: string, targets: { port: number; target: string }[]): void {
  for (const t of targets) records.push({ name, type: 'SRV', data: `0 ${srvWeight(targets.length)} ${t.port} ${t.target}` });
}

/**
 * The records for the given Services and EndpointSlices, per the Kubernetes DNS specification.
 * @example dnsRecords([{ kind: 'Service', metadata: { name: 'web', namespace: 'prod' }, spec: { clusterIP: '10.96.0.20', ports: [{ name: 'http', port: 80 }] } }], 'cluster.local')
 *   // [{ name: 'dns-version.cluster.local.', type: 'TXT', data: '"1.1.0"' },
 *   //  { name: 'web.prod.svc.cluster.local.', type: 'A', data: '10.96.0.20' },
 *   //  { name: '_http._tcp.web.prod.svc.cluster.local.', type: 'SRV', data: '0 100 80 web.prod.svc.cluster.local.' },
 *   //  { name: '20.0.96.10.in-addr.arpa.', type: 'PTR', data: 'web.prod.svc.cluster.local.' }]
 */
export function dnsRecords(objects: unknown[], clusterDomain: string): DNSRecord[] {
  const zone = String(clusterDomain ?? '').replace(/\.$/, '') || 'cluster.local';
  const records: DNSRecord[] = [{ name: `dns-version.${zone}.`, type: 'TXT', data: `"${DNS_SCHEMA_VERSION}"` }];
  const list = Array.isArray(objects) ? objects : [];
  const slices = list.map((o) => asObject(o) ?? {}).filter((o) => asString(o.kind) === 'EndpointSlice');
  for (const raw of list) {
    const svc = asObject(raw) ?? {};
    if (asString(svc.kind) !== 'Service') continue;
    const meta = asObject(svc.metadata) ?? {};
    const spec = asObject(svc.spec) ?? {};
    const name = asString(meta.name);
    const ns = asString(meta.namespace) || 'default';
    const fqdn = `${name}.${ns}.svc.${zone}.`;
    const type = asString(spec.type) || 'ClusterIP';
    if (type === 'ExternalName') {
      const ext = asString(spec.externalName).replace(/\.$/, '');
      if (ext !== '') records.push({ name: fqdn, type: 'CNAME', data: `${ext}.` });
      continue;
    }
    const clusterIP = asString(spec.clusterIP);
    if (clusterIP === 'None') {
      headless(records, svc, slices, fqdn);
      continue;
    }
    const ips = (asList(spec.clusterIPs).length > 0 ? asList(spec.clusterIPs).map((v) => asString(v)) : [clusterIP])
      .map((ip) => canonicalIP(ip))
      .filter((ip): ip is string => ip !== null);
    if (ips.length === 0) continue; // no ClusterIP allocated yet: nothing to serve
    for (const ip of ips) records.push({ name: fqdn, type: familyOf(ip) === 'IPv6' ? 'AAAA' : 'A', data: ip });
    for (const p of asList(spec.ports)) {
      const port = asObject(p) ?? {};
      const portName = asString(port.name);
      if (portName === '') continue; // unnamed ports have no SRV record
      const proto = (asString(port.protocol) || 'TCP').toLowerCase();
      addSrv(records, `_${portName}._${proto}.${fqdn}`, [{ port: asInt(port.port), target: fqdn }]);
    }
    for (const ip of ips) records.push({ name: reverseName(ip), type: 'PTR', data: fqdn });
  }
  return records;
}

function headless(records: DNSRecord[], svc: Record<string, unknown>, slices: Record<string, unknown>[], fqdn: string): void {
  const meta = asObject(svc.metadata) ?? {};
  const spec = asObject(svc.spec) ?? {};
  const name = asString(meta.name);
  const ns = asString(meta.namespace) || 'default';
  const publishNotReady = asBool(spec.publishNotReadyAddresses);
  const endpoints: { ip: string; host: string; ports: { name: string; protocol: string; port: number }[] }[] = [];
  const seen = new Set<string>();
  for (const slice of slices) {
    const sm = asObject(slice.metadata) ?? {};
    if ((asString(sm.namespace) || 'default') !== ns || asString(asObject(sm.labels)?.['kubernetes.io/service-name']) !== name) continue;
    const ports = asList(slice.ports).map((p) => {
      const o = asObject(p) ?? {};
      return { name: asString(o.name), protocol: (asString(o.protocol) || 'TCP').toLowerCase(), port: asInt(o.port) };
    });
    for (const e of asList(slice.endpoints)) {
      const ep = asObject(e) ?? {};
      const ready = asOptionalBool(asObject(ep.conditions)?.ready) ?? true;
      if (!ready && !publishNotReady) continue;
      const hostname = asString(ep.hostname);
      for (const a of asList(ep.addresses)) {
        const ip = canonicalIP(asString(a));
        if (ip === null || seen.has(ip)) continue;
        seen.add(ip);
        endpoints.push({ ip, host: hostname || endpointHostname(ip), ports });
      }
    }
  }
  if (endpoints.length === 0) return; // NXDOMAIN
  for (const ep of endpoints) records.push({ name: fqdn, type: familyOf(ep.ip) === 'IPv6' ? 'AAAA' : 'A', data: ep.ip });
  for (const ep of endpoints) records.push({ name: `${ep.host}.${fqdn}`, type: familyOf(ep.ip) === 'IPv6' ? 'AAAA' : 'A', data: ep.ip });
  const srv = new Map<string, { port: number; target: string }[]>();
  for (const ep of endpoints) {
    for (const p of ep.ports) {
      if (p.name === '') continue;
      const key = `_${p.name}._${p.protocol}.${fqdn}`;
      if (!srv.has(key)) srv.set(key, []);
      srv.get(key)!.push({ port: p.port, target: `${ep.host}.${fqdn}` });
    }
  }
  for (const [key, targets] of srv) addSrv(records, key, targets);
  for (const ep of endpoints) records.push({ name: reverseName(ep.ip), type: 'PTR', data: `${ep.host}.${fqdn}` });
}

export interface LookupAttempt {
  query: string;
  answer: DNSRecord[];
}

/**
 * How a glibc stub resolver tries a name with the Pod's search list: a name ending
 * in "." is absolute; a name with at least `ndots` dots is tried as-is first; any
 * other name goes through the search list first and as-is last. It stops at the
 * first name that has an A (or CNAME) answer.
 */
export function lookupOrder(name: string, searches: readonly string[], options: readonly string[]): string[] {
  const ndotsOpt = [...options].reverse().find((o) => o.startsWith('ndots:'));
  const ndots = ndotsOpt ? Math.min(15, Math.max(0, Number.parseInt(ndotsOpt.slice(6), 10) || 0)) : 1;
  if (name.endsWith('.')) return [name];
  const dots = (name.match(/\./g) ?? []).length;
  const searched = searches.filter((s) => s !== '.' && s !== '').map((s) => `${name}.${s}.`);
  return dots >= ndots ? [`${name}.`, ...searched] : [...searched, `${name}.`];
}

/** Resolves a name as a Pod would: every query in order, and the first answer. */
export function resolveName(name: string, searches: readonly string[], options: readonly string[], records: readonly DNSRecord[]): LookupAttempt[] {
  const attempts: LookupAttempt[] = [];
  for (const query of lookupOrder(name, searches, options)) {
    const q = query.toLowerCase();
    const answer = records.filter((r) => r.name.toLowerCase() === q && (r.type === 'A' || r.type === 'AAAA' || r.type === 'CNAME'));
    attempts.push({ query, answer });
    if (answer.length > 0) break;
  }
  return attempts;
}
