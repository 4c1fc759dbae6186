// The reachability matrix, as upstream's e2e truth table (test/e2e/network/netpol/truthtable.go
// PrettyPrint: a header "-<TAB>to…", a row per source, "." reachable, "X" not), with the reason
// for every cell: which policy and rule admitted each direction, or which isolation denied it.

import { labelSelectorAsSelector } from '../apimachinery/label-selector.ts';
import { asObject, asString } from '../apimachinery/json.ts';
import { humanDuration } from '../apimachinery/duration.ts';
import type { JsonObject } from '../apimachinery/json.ts';
import { PolicyIndex, portText } from './policy-eval.ts';
import type { DirectionVerdict, Endpoint, PodInfo, Protocol, Verdict } from './policy-eval.ts';

export interface Cell {
  allowed: boolean;
  /** A Pod to its own IP: upstream's e2e ignores these cells (ignoreLoopback); evaluated by the rules here. */
  loopback?: true;
  reason: string;
}

export interface Matrix {
  port: number;
  protocol: Protocol;
  label: string;
  sources: string[];
  destinations: string[];
  cells: Cell[][];
  truthTable: string;
  allowed: number;
  denied: number;
}

/** PrettyPrint of truthtable.go. */
export function prettyPrint(froms: string[], tos: string[], value: (i: number, j: number) => boolean): string {
  const lines = [['-', ...tos].join('\t')];
  froms.forEach((from, i) => lines.push([from, ...tos.map((_, j) => (value(i, j) ? '.' : 'X'))].join('\t')));
  return lines.join('\n');
}

function admissionText(v: DirectionVerdict): string {
  const a = v.admittedBy!;
  const peers = a.direction === 'ingress' ? 'from' : 'to';
  const where = `${a.direction}[${a.rule}]${a.peer === null ? '' : `.${peers}[${a.peer}]`}${a.port === null ? '' : `.ports[${a.port}]`}`;
  return `${a.policy} ${where} (${a.peerText}; ${a.portText})`;
}

/** One line per direction: what decided it. */
export function directionLines(verdict: Verdict, fromText: string, toText: string, portLabel: string): string[] {
  const lines: string[] = [];
  const e = verdict.egress;
  if (e === null) lines.push(`egress: ${fromText} is outside the cluster; only ${toText}'s ingress decides`);
  else if (e.isolatedBy.length === 0) lines.push(`egress: ${fromText} is not isolated for egress (no policy with policyTypes Egress selects it): allowed`);
  else if (e.allowed) lines.push(`egress: ${fromText} is isolated by ${e.isolatedBy.join(', ')}; allowed by ${admissionText(e)}`);
  else lines.push(`egress: ${fromText} is isolated by ${e.isolatedBy.join(', ')} and no egress rule of theirs allows ${toText} on ${portLabel}: denied`);
  const i = verdict.ingress;
  if (i.isolatedBy.length === 0) lines.push(`ingress: ${toText} is not isolated for ingress (no policy with policyTypes Ingress selects it): allowed`);
  else if (i.allowed) lines.push(`ingress: ${toText} is isolated by ${i.isolatedBy.join(', ')}; allowed by ${admissionText(i)}`);
  else lines.push(`ingress: ${toText} is isolated by ${i.isolatedBy.join(', ')} and no ingress rule of theirs allows ${fromText} on ${portLabel}: denied`);
  return lines;
}

/** The short reason a matrix cell shows on hover. */
function cellReason(v: Verdict): string {
  const e = v.egress;
  if (e && !e.allowed) return `egress denied: isolated by ${e.isolatedBy.join(', ')}, no rule matches`;
  if (!v.ingress.allowed) return `ingress denied: isolated by ${v.ingress.isolatedBy.join(', ')}, no rule matches`;
  const parts: string[] = [];
  if (e && e.admittedBy) parts.push(`egress by ${admissionText(e)}`);
  if (v.ingress.admittedBy) parts.push(`ingress by ${admissionText(v.ingress)}`);
  return parts.length ? `allowed: ${parts.join('; ')}` : 'allowed: neither end is isolated';
}

export function buildMatrix(index: PolicyIndex, sources: { label: string; endpoint: Endpoint }[], port: number, protocol: Protocol): Matrix {
  const destinations = index.pods;
  const cells: Cell[][] = [];
  let allowed = 0;
  let denied = 0;
  for (const s of sources) {
    const row: Cell[] = [];
    for (const d of destinations) {
      const v = index.evaluate(s.endpoint, d, port, protocol);
      const loop = 'pod' in s.endpoint && s.endpoint.pod.index === d.index;
      row.push({ allowed: v.allowed, ...(loop ? { loopback: true as const } : {}), reason: cellReason(v) });
      if (v.allowed) allowed++;
      else denied++;
    }
    cells.push(row);
  }
  const label = `${protocol}/${port}`;
  return {
    port,
    protocol,
    label,
    sources: sources.map((s) => s.label),
    destinations: destinations.map((d) => d.key),
    cells,
    truthTable: prettyPrint(sources.map((s) => s.label), destinations.map((d) => d.key), (i, j) => cells[i][j].allowed),
    allowed,
    denied,
  };
}

/** The reachability of every source to every Pod, as booleans only (the benchmark's and quick checks' form). */
export function reachabilityBits(index: PolicyIndex, port: number, protocol: Protocol): Uint8Array {
  const n = index.pods.length;
  const out = new Uint8Array(n * n);
  for (let i = 0; i < n; i++) {
    const from: Endpoint = { pod: index.pods[i] };
    for (let j = 0; j < n; j++) out[i * n + j] = index.evaluate(from, index.pods[j], port, protocol).allowed ? 1 : 0;
  }
  return out;
}

/** metav1.FormatLabelSelector: "<none>" for the empty selector. */
export function formatLabelSelector(sel: unknown): string {
  const s = labelSelectorAsSelector(sel ?? {}).toString();
  return s === '' ? '<none>' : s;
}

/** `kubectl get networkpolicy -A` (pkg/printers/internalversion printNetworkPolicy: NAME, POD-SELECTOR, AGE). */
export function kubectlGetNetworkPolicies(policies: readonly Readonly<JsonObject>[]): string {
  if (policies.length === 0) return 'No resources found';
  // Every object of a cell exists from virtual t=0, when the command runs.
  const rows = [['NAMESPACE', 'NAME', 'POD-SELECTOR', 'AGE']];
  for (const p of policies) {
    const meta = asObject(p.metadata) ?? {};
    rows.push([asString(meta.namespace), asString(meta.name), formatLabelSelector(asObject(p.spec)?.podSelector), humanDuration(0)]);
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((v, c) => (c === r.length - 1 ? v : v.padEnd(widths[c] + 3))).join('')).join('\n');
}

export function portLabel(port: number, protocol: Protocol): string {
  return portText({ protocol, port, endPort: null });
}

export type { PodInfo };
