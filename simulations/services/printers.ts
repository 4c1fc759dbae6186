// kubectl get services / endpointslices, as kubectl's printers lay them out
// (pkg/printers/internalversion/printers.go printService, getServiceExternalIP,
// makePortString, loadBalancerStatusStringer, printEndpointSlice,
// formatDiscoveryPorts, formatDiscoveryEndpoints), without the AGE column: a cell
// has no passing time.
import { asList, asObject, asString } from '../apimachinery/json.ts';
import type { JsonObject } from '../apimachinery/json.ts';
import { formatTable } from '../kubectl/get-pods.ts';

const LOAD_BALANCER_WIDTH = 16;

function loadBalancerStatusStringer(svc: JsonObject, wide: boolean): string {
  const ingress = asList(asObject(asObject(svc.status)?.loadBalancer)?.ingress);
  const result: string[] = [];
  for (const i of ingress) {
    const o = asObject(i) ?? {};
    if (asString(o.ip) !== '') result.push(asString(o.ip));
    else if (asString(o.hostname) !== '') result.push(asString(o.hostname));
  }
  let r = result.join(',');
  if (!wide && r.length > LOAD_BALANCER_WIDTH) r = `${r.slice(0, LOAD_BALANCER_WIDTH - 3)}...`;
  return r;
}

export function serviceExternalIP(svc: JsonObject, wide = false): string {
  const spec = asObject(svc.spec) ?? {};
  const externalIPs = asList(spec.externalIPs).map((v) => asString(v));
  switch (asString(spec.type) || 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lbIps = loadBalancerStatusStringer(svc, wide);
      if (externalIPs.length > 0) {
        const results = lbIps.length > 0 ? lbIps.split(',') : [];
        return [...results, ...externalIPs].join(',');
      }
      return lbIps.length > 0 ? lbIps : '<pending>';
    }
    case 'ExternalName':
      return asString(spec.externalName);
  }
  return '<unknown>';
}

export function servicePorts(svc: JsonObject): string {
  const pieces = asList(asObject(svc.spec)?.ports).map((p) => {
    const o = asObject(p) ?? {};
    const protocol = asString(o.protocol) || 'TCP';
    const nodePort = typeof o.nodePort === 'number' ? o.nodePort : 0;
    return nodePort > 0 ? `${o.port}:${nodePort}/${protocol}` : `${o.port}/${protocol}`;
  });
  return pieces.length > 0 ? pieces.join(',') : '<none>';
}

export function serviceClusterIP(svc: JsonObject): string {
  const spec = asObject(svc.spec) ?? {};
  const ips = asList(spec.clusterIPs).map((v) => asString(v));
  if (ips.length > 0) return ips[0];
  return asString(spec.clusterIP) || '<none>';
}

/** `kubectl get services -A` (NAMESPACE NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S)). */
export function printServices(services: readonly JsonObject[]): string {
  const rows: string[][] = [['NAMESPACE', 'NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)']];
  for (const s of services) {
    const meta = asObject(s.metadata) ?? {};
    rows.push([asString(meta.namespace) || 'default', asString(meta.name), asString(asObject(s.spec)?.type) || 'ClusterIP', serviceClusterIP(s), serviceExternalIP(s), servicePorts(s)]);
  }
  return formatTable(rows);
}

function listWithMoreString(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

function formatDiscoveryPorts(ports: unknown[]): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const p of ports) {
    const o = asObject(p) ?? {};
    if (list.length < max) list.push(typeof o.port === 'number' ? String(o.port) : asString(o.name) || '*');
    else if (list.length === max) more = true;
    count++;
  }
  return listWithMoreString(list, more, count, max);
}

function formatDiscoveryEndpoints(endpoints: unknown[]): string {
  if (endpoints.length === 0) return '<unset>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const e of endpoints) {
    for (const a of asList(asObject(e)?.addresses)) {
      if (list.length === max) more = true;
      if (!more) list.push(asString(a));
      count++;
    }
  }
  return listWithMoreString(list, more, count, max);
}

/** `kubectl get endpointslices -A` (NAMESPACE NAME ADDRESSTYPE PORTS ENDPOINTS). */
export function printEndpointSlices(slices: readonly JsonObject[]): string {
  const rows: string[][] = [['NAMESPACE', 'NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS']];
  for (const s of slices) {
    const meta = asObject(s.metadata) ?? {};
    const ports = asList(s.ports);
    rows.push([asString(meta.namespace) || 'default', asString(meta.name), asString(s.addressType), ports.length > 0 ? formatDiscoveryPorts(ports) : '<unset>', formatDiscoveryEndpoints(asList(s.endpoints))]);
  }
  return formatTable(rows);
}
