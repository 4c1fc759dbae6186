// `kubectl describe networkpolicy`, as kubectl v0.36 prints it:
// staging/src/k8s.io/kubectl/pkg/describe/describe.go (describeNetworkPolicy,
// describeNetworkPolicySpec, getPolicyType, printNetworkPolicySpecIngressFrom,
// printNetworkPolicySpecEgressTo, policyTypesToString, printLabelsMultiline), written
// through a PrefixWriter (two spaces per level) into tabwriter.Init(0, 8, 2, ' ', 0).

import { asList, asObject, asString, asStringMap } from '../apimachinery/json.ts';
import type { JsonObject } from '../apimachinery/json.ts';
import { formatLabelSelector } from './reachability.ts';

/** text/tabwriter with minwidth 0, padding 2, padchar ' ': cells of consecutive tabbed lines aligned. */
function tabwriter(lines: string[]): string {
  const out: string[] = [];
  let block: string[][] = [];
  const flush = () => {
    if (block.length === 0) return;
    const cols = Math.max(...block.map((c) => c.length));
    const widths: number[] = [];
    for (let c = 0; c < cols - 1; c++) widths[c] = Math.max(...block.map((cells) => (c < cells.length - 1 ? cells[c].length : 0))) + 2;
    for (const cells of block) out.push(cells.map((cell, c) => (c < cells.length - 1 ? cell.padEnd(widths[c]) : cell)).join(''));
    block = [];
  };
  for (const line of lines) {
    if (line.includes('\t')) block.push(line.split('\t'));
    else {
      flush();
      out.push(line);
    }
  }
  flush();
  return out.join('\n');
}

const LEVEL = (n: number) => '  '.repeat(n);

/** metav1.Time String(): Go's time.Time.String() in UTC. */
function goTime(ts: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})Z$/.exec(ts);
  return m ? `${m[1]} ${m[2]} +0000 UTC` : '0001-01-01 00:00:00 +0000 UTC';
}

function labelsMultiline(title: string, labels: Record<string, string>, skip: Set<string> = new Set()): string[] {
  const keys = Object.keys(labels).filter((k) => !skip.has(k)).sort();
  if (keys.length === 0) return [`${title}:\t<none>`];
  return keys.map((k, i) => `${i === 0 ? `${title}:` : ''}\t${k}=${labels[k]}`);
}

/** IntOrString's String(); a nil *IntOrString prints as "<nil>" through fmt. */
function portString(port: unknown): string {
  if (port === undefined || port === null) return '<nil>';
  return typeof port === 'number' ? String(port) : asString(port);
}

function peers(rules: unknown[], peerField: 'from' | 'to', indent: string, direction: 'ingress' | 'egress'): string[] {
  const out: string[] = [];
  if (rules.length === 0) return [`${indent}<none> (Selected pods are isolated for ${direction} connectivity)`];
  rules.forEach((r, i) => {
    const rule = asObject(r) ?? {};
    const ports = asList(rule.ports);
    if (ports.length === 0) out.push(`${indent}To Port: <any> (traffic allowed to all ports)`);
    for (const p of ports) {
      const port = asObject(p) ?? {};
      const proto = asString(port.protocol) || 'TCP';
      if (typeof port.endPort !== 'number') out.push(`${indent}To Port: ${portString(port.port)}/${proto}`);
      else out.push(`${indent}To Port Range: ${portString(port.port)}-${port.endPort}/${proto}`);
    }
    const list = asList(rule[peerField]);
    const title = peerField === 'from' ? 'From' : 'To';
    if (list.length === 0) out.push(`${indent}${title}: <any> (traffic not restricted by ${peerField === 'from' ? 'source' : 'destination'})`);
    for (const x of list) {
      const peer = asObject(x) ?? {};
      out.push(`${indent}${title}:`);
      const pod = peer.podSelector !== undefined && peer.podSelector !== null;
      const ns = peer.namespaceSelector !== undefined && peer.namespaceSelector !== null;
      if (pod && ns) {
        out.push(`${LEVEL(1)}${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}`);
        out.push(`${LEVEL(1)}${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}`);
      } else if (pod) out.push(`${LEVEL(1)}${indent}PodSelector: ${formatLabelSelector(peer.podSelector)}`);
      else if (ns) out.push(`${LEVEL(1)}${indent}NamespaceSelector: ${formatLabelSelector(peer.namespaceSelector)}`);
      else if (asObject(peer.ipBlock)) {
        const b = asObject(peer.ipBlock)!;
        out.push(`${LEVEL(1)}${indent}IPBlock:`);
        out.push(`${LEVEL(2)}${indent}CIDR: ${asString(b.cidr)}`);
        out.push(`${LEVEL(2)}${indent}Except: ${asList(b.except).map(asString).join(', ')}`);
      }
    }
    if (i !== rules.length - 1) out.push(`${indent}----------`);
  });
  return out;
}

/**
 * The text `kubectl describe networkpolicy <name>` prints for a stored policy.
 *
 * @example
 *   kubectlDescribeNetworkPolicy(denyAll).split('\n')[5] // "Spec:"
 */
export function kubectlDescribeNetworkPolicy(policy: Readonly<JsonObject>): string {
  const meta = asObject(policy.metadata) ?? {};
  const spec = asObject(policy.spec) ?? {};
  const lines: string[] = [
    `Name:\t${asString(meta.name)}`,
    `Namespace:\t${asString(meta.namespace)}`,
    `Created on:\t${goTime(asString(meta.creationTimestamp))}`,
    ...labelsMultiline('Labels', asStringMap(meta.labels)),
    ...labelsMultiline('Annotations', asStringMap(meta.annotations), new Set(['kubectl.kubernetes.io/last-applied-configuration'])),
    'Spec:',
  ];
  const sel = asObject(spec.podSelector) ?? {};
  const empty = Object.keys(asStringMap(sel.matchLabels)).length === 0 && asList(sel.matchExpressions).length === 0;
  lines.push(`${LEVEL(1)}PodSelector: ${LEVEL(2)}${empty ? '<none> (Allowing the specific traffic to all pods in this namespace)' : formatLabelSelector(sel)}`);
  const types = asList(spec.policyTypes).map(asString);
  if (types.includes('Ingress')) lines.push(`${LEVEL(1)}Allowing ingress traffic:`, ...peers(asList(spec.ingress), 'from', '    ', 'ingress'));
  else lines.push(`${LEVEL(1)}Not affecting ingress traffic`);
  if (types.includes('Egress')) lines.push(`${LEVEL(1)}Allowing egress traffic:`, ...peers(asList(spec.egress), 'to', '    ', 'egress'));
  else lines.push(`${LEVEL(1)}Not affecting egress traffic`);
  lines.push(`${LEVEL(1)}Policy Types: ${types.length ? types.join(', ') : '<none>'}`);
  return tabwriter(lines);
}
