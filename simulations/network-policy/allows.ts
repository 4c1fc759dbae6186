// networkPolicyAllows: the chapter's public function (contracts/network.md).

import { parseIPSloppy } from '../apimachinery/go-net.ts';
import { ValidationError } from '../shared/errors.ts';
import { PolicyIndex, PROTOCOLS } from './policy-eval.ts';
import type { Endpoint, Protocol, Verdict } from './policy-eval.ts';

export interface NetworkPolicyCluster {
  namespaces: readonly unknown[];
  pods: readonly unknown[];
  policies: readonly unknown[];
}

export interface Connection {
  from: { namespace: string; pod: string } | { ip: string };
  to: { namespace: string; pod: string };
  port: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
}

/**
 * Resolves a connection's endpoints in the index. A source given as an address
 * that belongs to a Pod is that Pod (its egress policies apply, as a network
 * plugin sees a packet from that Pod's IP).
 */
export function resolveConnection(index: PolicyIndex, conn: Connection): { from: Endpoint; to: NonNullable<ReturnType<PolicyIndex['findPod']>> } {
  if (!conn || typeof conn !== 'object') throw new ValidationError('a connection needs from, to, port and protocol', { path: [] });
  const port = conn.port;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) throw new ValidationError(`must be between 1 and 65535, inclusive`, { path: ['port'] });
  if (!PROTOCOLS.includes(conn.protocol as Protocol)) throw new ValidationError(`Unsupported value: ${JSON.stringify(conn.protocol)}: supported values: "SCTP", "TCP", "UDP"`, { path: ['protocol'] });
  const to = conn.to && index.findPod(String(conn.to.namespace || 'default'), String(conn.to.pod));
  if (!to) throw new ValidationError(`pods "${conn.to?.pod}" not found in namespace "${conn.to?.namespace}"`, { path: ['to'] });
  let from: Endpoint;
  if (conn.from && 'ip' in conn.from) {
    const parsed = parseIPSloppy(String(conn.from.ip));
    if (!parsed) throw new ValidationError(`must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`, { path: ['from', 'ip'] });
    const owner = index.podByIP(parsed);
    from = owner ? { pod: owner } : { ip: String(conn.from.ip), parsed };
  } else {
    const pod = conn.from && index.findPod(String(conn.from.namespace || 'default'), String(conn.from.pod));
    if (!pod) throw new ValidationError(`pods "${(conn.from as { pod?: string })?.pod}" not found in namespace "${(conn.from as { namespace?: string })?.namespace}"`, { path: ['from'] });
    from = { pod };
  }
  return { from, to };
}

/** The verdict with its reasons, for the engine's "why" and for tests. */
export function explainConnection(cluster: NetworkPolicyCluster, conn: Connection): Verdict {
  const index = new PolicyIndex(cluster.namespaces ?? [], cluster.pods ?? [], cluster.policies ?? []);
  const { from, to } = resolveConnection(index, conn);
  return index.evaluate(from, to, conn.port, conn.protocol);
}

/**
 * Whether NetworkPolicy lets the connection through: egress allowed at the
 * source Pod (when the source is a Pod) AND ingress allowed at the destination.
 *
 * @example
 *   // x/a is selected by a policy with no ingress rules (default deny ingress):
 *   networkPolicyAllows({ namespaces, pods, policies: [denyAllIngressInX] },
 *     { from: { namespace: 'y', pod: 'a' }, to: { namespace: 'x', pod: 'a' }, port: 80, protocol: 'TCP' }) // false
 */
export function networkPolicyAllows(cluster: NetworkPolicyCluster, conn: Connection): boolean {
  return explainConnection(cluster, conn).allowed;
}
