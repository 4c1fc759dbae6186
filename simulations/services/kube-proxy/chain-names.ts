// kube-proxy's iptables chain names.
// pkg/proxy/iptables/proxier.go portProtoHash and servicePortEndpointChainName: the
// chain name is a fixed prefix and the first 16 characters of the base32 (RFC 4648,
// standard alphabet, "=" padding) encoding of the SHA-256 of servicePortName +
// protocol (+ endpoint), because iptables chain names must be at most 28 characters.
import { createHash } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** encoding/base32 StdEncoding, enough of it for the first characters of a digest. */
function base32(bytes: Uint8Array, chars: number): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >> (bits - 5)) & 31];
      bits -= 5;
      if (out.length === chars) return out;
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out.slice(0, chars);
}

function hash16(text: string): string {
  return base32(createHash('sha256').update(text, 'utf8').digest(), 16);
}

export const SERVICE_CLUSTER_PREFIX = 'KUBE-SVC-';
export const SERVICE_LOCAL_PREFIX = 'KUBE-SVL-';
export const SERVICE_FIREWALL_PREFIX = 'KUBE-FW-';
export const SERVICE_EXTERNAL_PREFIX = 'KUBE-EXT-';
export const ENDPOINT_PREFIX = 'KUBE-SEP-';

/**
 * KUBE-SVC-…: the service port's chain for "Cluster" traffic policy.
 * @example servicePortPolicyClusterChain('ns1/svc1:p80', 'tcp') // "KUBE-SVC-XPGD46QRK7WJZT7O"
 */
export function servicePortPolicyClusterChain(servicePortName: string, protocol: string): string {
  return SERVICE_CLUSTER_PREFIX + hash16(String(servicePortName) + String(protocol));
}

/** KUBE-SVL-…: the chain of a service port's node-local endpoints ("Local" traffic policy). */
export function servicePortPolicyLocalChainName(servicePortName: string, protocol: string): string {
  return SERVICE_LOCAL_PREFIX + hash16(String(servicePortName) + String(protocol));
}

/** KUBE-FW-…: loadBalancerSourceRanges filtering. */
export function serviceFirewallChainName(servicePortName: string, protocol: string): string {
  return SERVICE_FIREWALL_PREFIX + hash16(String(servicePortName) + String(protocol));
}

/** KUBE-EXT-…: where NodePort, externalIP and load-balancer traffic enters. */
export function serviceExternalChainName(servicePortName: string, protocol: string): string {
  return SERVICE_EXTERNAL_PREFIX + hash16(String(servicePortName) + String(protocol));
}

/**
 * KUBE-SEP-…: one endpoint of one service port.
 * @example servicePortEndpointChainName('ns1/svc1:p80', 'tcp', '10.180.0.1:80') // "KUBE-SEP-SXIVWICOYRO3J4NJ"
 */
export function servicePortEndpointChainName(servicePortName: string, protocol: string, endpoint: string): string {
  return ENDPOINT_PREFIX + hash16(String(servicePortName) + String(protocol) + String(endpoint));
}
