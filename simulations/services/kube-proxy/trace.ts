// Where a packet goes through kube-proxy's rules.
// pkg/proxy/iptables/proxier_test.go tracePacket and iptablesTracer, over
// pkg/util/iptables/testing/parse.go's reading of an iptables-save dump: nat
// PREROUTING (which jumps to KUBE-SERVICES) runs first, a DNAT changes the
// destination, then the filter chains KUBE-SERVICES, KUBE-EXTERNAL-SERVICES,
// KUBE-NODEPORTS and KUBE-PROXY-FIREWALL run. A "-m statistic" rule matches
// probabilistically: its chain is followed and the next rules are tried too, so
// every endpoint the packet can reach is listed, each with its probability.
import { cidrContains, canonicalIP, parseCidr } from './net.ts';
import type { Cidr } from './net.ts';

export interface ParsedRule {
  raw: string;
  chain: string;
  source?: { value: string; negated: boolean };
  destination?: { value: string; negated: boolean };
  protocol?: { value: string; negated: boolean };
  dport?: { value: string; negated: boolean };
  srcType?: { value: string; negated: boolean };
  dstType?: { value: string; negated: boolean };
  jump?: string;
  dnat?: string;
  probability?: number;
  affinityCheck: boolean;
  markCheck: boolean;
  ctstateCheck: boolean;
  comment?: string;
}

export interface Dump {
  tables: Map<string, Map<string, ParsedRule[]>>;
}

/** Splits a rule line into words, keeping "quoted strings" whole (without the quotes). */
function words(line: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (const m of line.matchAll(re)) out.push(m[1] ?? m[2]);
  return out;
}

function parseRule(line: string): ParsedRule {
  const w = words(line);
  const rule: ParsedRule = { raw: line, chain: w[1] ?? '', affinityCheck: false, markCheck: false, ctstateCheck: false };
  let negate = false;
  for (let i = 2; i < w.length; i++) {
    const word = w[i];
    const next = w[i + 1] ?? '';
    const value = () => {
      i++;
      const v = { value: next, negated: negate };
      negate = false;
      return v;
    };
    switch (word) {
      case '!': negate = true; continue;
      case '-s': rule.source = value(); break;
      case '-d': rule.destination = value(); break;
      case '-p': rule.protocol = value(); break;
      case '--dport': rule.dport = value(); break;
      case '--src-type': rule.srcType = value(); break;
      case '--dst-type': rule.dstType = value(); break;
      case '-j': rule.jump = next; i++; break;
      case '--to-destination': rule.dnat = next; i++; break;
      case '--probability': rule.probability = Number(next); i++; break;
      case '--comment': rule.comment = next; i++; break;
      case '--rcheck': rule.affinityCheck = true; break;
      case '--mark': rule.markCheck = true; i++; negate = false; break;
      case '--ctstate': rule.ctstateCheck = true; i++; negate = false; break;
      default: negate = false;
    }
  }
  return rule;
}

/** Reads iptables-save / iptables-restore text into tables of chains of rules. */
export function parseDump(text: string): Dump {
  const tables = new Map<string, Map<string, ParsedRule[]>>();
  let table: Map<string, ParsedRule[]> | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('*')) {
      table = new Map();
      tables.set(line.slice(1), table);
    } else if (line.startsWith(':') && table) {
      const name = line.slice(1).split(' ')[0];
      if (!table.has(name)) table.set(name, []);
    } else if (line.startsWith('-A ') && table) {
      const rule = parseRule(line);
      let rules = table.get(rule.chain);
      if (!rules) table.set(rule.chain, (rules = []));
      rules.push(rule);
    }
  }
  return { tables };
}

// A rule's address, read once: a CIDR, or one address in canonical form.
const addressCache = new Map<string, { cidr: Cidr | null; ip: string | null }>();

function addressMatches(address: { value: string; negated: boolean }, ip: string): boolean {
  let a = addressCache.get(address.value);
  if (!a) {
    a = address.value.includes('/') ? { cidr: parseCidr(address.value), ip: null } : { cidr: null, ip: canonicalIP(address.value) };
    if (addressCache.size > 100_000) addressCache.clear();
    addressCache.set(address.value, a);
  }
  const matches = a.cidr ? cidrContains(a.cidr, ip) : a.ip !== null && a.ip === canonicalIP(ip);
  return address.negated ? !matches : matches;
}

function simpleMatches(m: { value: string; negated: boolean }, value: string): boolean {
  return m.negated ? m.value !== value : m.value === value;
}

export interface TraceHop {
  table: string;
  chain: string;
  rule: string;
  /** The probability that a packet reaches this rule and matches it. */
  probability: number;
}

export interface TraceOutput {
  /** Final destinations joined by ", ": endpoints ("10.180.0.1:80") or ACCEPT / DROP / REJECT; "" when nothing matched. */
  output: string;
  masq: boolean;
  outputs: { target: string; probability: number }[];
  matches: TraceHop[];
}

interface ChainIndex {
  byDestination: Map<string, number[]>;
  generic: number[];
}
const indexes = new WeakMap<ParsedRule[], ChainIndex>();

/**
 * The rules of a chain that can match a destination, in chain order. A long chain
 * (KUBE-SERVICES has a rule per service port) is indexed by the rules' single
 * destination address; rules without one are always candidates. Same result as
 * reading every rule, in a fraction of the time.
 */
function candidates(rules: ParsedRule[], destIP: string): ParsedRule[] {
  if (rules.length < 64) return rules;
  let index = indexes.get(rules);
  if (!index) {
    index = { byDestination: new Map(), generic: [] };
    rules.forEach((r, i) => {
      const d = r.destination;
      const ip = d && !d.negated && !d.value.includes('/') ? canonicalIP(d.value) : null;
      if (ip === null) index!.generic.push(i);
      else {
        let list = index!.byDestination.get(ip);
        if (!list) index!.byDestination.set(ip, (list = []));
        list.push(i);
      }
    });
    indexes.set(rules, index);
  }
  const specific = index.byDestination.get(canonicalIP(destIP) ?? destIP) ?? [];
  const out: ParsedRule[] = [];
  let a = 0;
  let b = 0;
  while (a < specific.length || b < index.generic.length) {
    if (b >= index.generic.length || (a < specific.length && specific[a] < index.generic[b])) out.push(rules[specific[a++]]);
    else out.push(rules[index.generic[b++]]);
  }
  return out;
}

class Tracer {
  matches: TraceHop[] = [];
  outputs: { target: string; probability: number }[] = [];
  markMasq = false;
  steps = 0;
  constructor(readonly dump: Dump, readonly localIPs: Set<string>) {}

  ruleMatches(rule: ParsedRule, sourceIP: string, protocol: string, destIP: string, destPort: string): boolean {
    if (rule.source && !addressMatches(rule.source, sourceIP)) return false;
    if (rule.srcType && !simpleMatches(rule.srcType, this.localIPs.has(canonicalIP(sourceIP) ?? sourceIP) ? 'LOCAL' : 'not-matched')) return false;
    if (rule.protocol && !simpleMatches(rule.protocol, protocol)) return false;
    if (rule.destination && !addressMatches(rule.destination, destIP)) return false;
    if (rule.dstType && !simpleMatches(rule.dstType, this.localIPs.has(canonicalIP(destIP) ?? destIP) ? 'LOCAL' : 'not-matched')) return false;
    if (rule.dport && !simpleMatches(rule.dport, destPort)) return false;
    // Any rule that checks past state (affinity, marks, conntrack) does not match a new packet.
    if (rule.affinityCheck || rule.markCheck || rule.ctstateCheck) return false;
    return true;
  }

  /** Runs a chain; true when a terminal target was hit. */
  runChain(table: string, chain: string, sourceIP: string, protocol: string, destIP: string, destPort: string, reach: number, depth = 0): boolean {
    const all = this.dump.tables.get(table)?.get(chain);
    if (!all || depth > 32) return false;
    const rules = candidates(all, destIP);
    let remaining = reach;
    for (const rule of rules) {
      if (++this.steps > 1_000_000) return false;
      if (rule.jump === undefined) continue;
      if (!this.ruleMatches(rule, sourceIP, protocol, destIP, destPort)) continue;
      const p = rule.probability ?? 1;
      this.matches.push({ table, chain, rule: rule.raw, probability: remaining * p });
      switch (rule.jump) {
        case 'KUBE-MARK-MASQ':
          this.markMasq = true;
          continue;
        case 'ACCEPT':
        case 'REJECT':
        case 'DROP':
          this.outputs.push({ target: rule.jump, probability: remaining });
          return true;
        case 'DNAT':
          this.outputs.push({ target: rule.dnat ?? '', probability: remaining });
          return true;
        default: {
          const terminated = this.runChain(table, rule.jump, sourceIP, protocol, destIP, destPort, remaining * p, depth + 1);
          if (terminated && rule.probability === undefined) return true;
          if (terminated) remaining *= 1 - p;
        }
      }
    }
    return false;
  }
}

function hostOf(target: string): string {
  const m = /^\[(.*)\]:\d+$/.exec(target);
  if (m) return m[1];
  const i = target.lastIndexOf(':');
  return i >= 0 ? target.slice(0, i) : target;
}

/** Reads kube-proxy's output for tracing: its own chains plus the jump rules it installs with EnsureRule (iptablesJumpChains). */
export function parseForTrace(text: string): Dump {
  const dump = parseDump(text);
  const nat = dump.tables.get('nat');
  if (nat && !nat.has('PREROUTING')) nat.set('PREROUTING', [parseRule('-A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES')]);
  return dump;
}

/** Traces a packet through parsed rules, as proxier_test.go's tracePacket does. */
export function traceParsed(dump: Dump, flow: { protocol: string; sourceIP: string; destIP: string; destPort: number }, nodeIPs: readonly string[]): TraceOutput {
  const localIPs = new Set<string>(['127.0.0.1', '::1']);
  for (const ip of nodeIPs) localIPs.add(canonicalIP(ip) ?? ip);
  const tracer = new Tracer(dump, localIPs);
  const protocol = String(flow.protocol || 'TCP').toLowerCase();
  const port = String(flow.destPort);
  let destIP = flow.destIP;
  tracer.runChain('nat', 'PREROUTING', flow.sourceIP, protocol, destIP, port, 1);
  if (tracer.outputs.length > 0) destIP = hostOf(tracer.outputs[0].target);
  for (const chain of ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL']) {
    tracer.runChain('filter', chain, flow.sourceIP, protocol, destIP, port, 1);
  }
  return {
    output: tracer.outputs.map((o) => o.target).join(', '),
    masq: tracer.markMasq,
    outputs: tracer.outputs,
    matches: tracer.matches,
  };
}

/** Traces a packet through an iptables dump's text. */
export function traceDump(text: string, flow: { protocol: string; sourceIP: string; destIP: string; destPort: number }, nodeIPs: readonly string[]): TraceOutput {
  return traceParsed(parseForTrace(text), flow, nodeIPs);
}
