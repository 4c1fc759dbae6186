// The contract's tracePacket: kube-proxy's rules for the input, then the packet through them.
import { ValidationError } from '../../shared/errors.ts';
import { asObject, asString } from '../../apimachinery/json.ts';
import { familyOf } from './net.ts';
import { normalizeProxierInput, syncProxyRules } from './proxier.ts';
import type { ProxierInput } from './proxier.ts';
import { parseForTrace, traceParsed } from './trace.ts';
import type { Dump, TraceOutput } from './trace.ts';

export interface Flow {
  protocol: 'TCP' | 'UDP' | 'SCTP';
  sourceIP: string;
  destIP: string;
  destPort: number;
}

export function readFlow(raw: unknown): Flow {
  const o = asObject(raw);
  if (!o) throw new ValidationError('the flow must be an object', { path: [] });
  const protocol = asString(o.protocol) || 'TCP';
  if (protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP') throw new ValidationError(`Unsupported value: "${protocol}": supported values: "SCTP", "TCP", "UDP"`, { object: o, path: ['protocol'] });
  for (const key of ['sourceIP', 'destIP'] as const) {
    if (familyOf(asString(o[key])) === null) throw new ValidationError(`Invalid value: "${asString(o[key])}": must be a valid IP address`, { object: o, path: [key] });
  }
  const port = o.destPort;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) throw new ValidationError(`Invalid value: ${JSON.stringify(port ?? null)}: must be between 1 and 65535, inclusive`, { object: o, path: ['destPort'] });
  return { protocol, sourceIP: asString(o.sourceIP), destIP: asString(o.destIP), destPort: port };
}

// tracePacket is pure, so the rules of one input object are computed once and reused for
// every packet traced against it (a cell, or a caller tracing many flows, pays one sync).
// An input object is treated as immutable: pass a new object after changing Services or slices.
const synced = new WeakMap<object, { dump: Dump; nodeIPs: string[] }>();

/** Traces with the details (matched rules, probabilities) the engine shows. */
export function traceFlow(input: ProxierInput, flow: Flow): TraceOutput {
  let entry = typeof input === 'object' && input !== null ? synced.get(input) : undefined;
  if (!entry) {
    const normalized = normalizeProxierInput(input);
    entry = { dump: parseForTrace(syncProxyRules(normalized).text), nodeIPs: normalized.nodeIPs };
    if (typeof input === 'object' && input !== null) synced.set(input, entry);
  }
  return traceParsed(entry.dump, flow, entry.nodeIPs);
}

/**
 * Where a packet goes on this node (contract: tracePacket): the endpoints it may be
 * DNATed to, in kube-proxy's order, or ACCEPT / DROP / REJECT, or "" when no rule
 * matches; and whether it is masqueraded.
 * @example tracePacket(input, { protocol: 'TCP', sourceIP: '10.0.0.2', destIP: '172.30.0.44', destPort: 80 })
 *   // { output: "10.180.0.4:80, 10.180.0.5:80", masq: false }
 */
export function tracePacket(input: ProxierInput, flow: Flow): { output: string; masq: boolean } {
  const t = traceFlow(input, readFlow(flow));
  return { output: t.output, masq: t.masq };
}
