// What kubectl prints for Ingresses, IngressClasses and the Gateway API kinds:
//   kubectl get ingress       pkg/printers/internalversion/printers.go printIngress (NAME CLASS HOSTS ADDRESS PORTS AGE;
//                             formatHosts: at most 3 hosts then " + N more...", "*" when none; formatPorts: "80" or "80, 443")
//   kubectl get ingressclass  printIngressClass (NAME CONTROLLER PARAMETERS AGE)
//   kubectl describe ingress  k8s.io/kubectl v0.36 pkg/describe/describe.go describeIngressV1, describeBackendV1
//                             (endpoints from EndpointSlices), describeIngressTLSV1
//   kubectl get gateway / httproute / gatewayclass: the CRDs' additionalPrinterColumns
//                             (gateway-api v1.6 apis/v1/*_types.go +kubebuilder:printcolumn)

import { humanDuration } from '../apimachinery/duration.ts';
import { formatTable } from '../kubectl/get-pods.ts';
import { PrefixWriter, TabWriter, printAnnotationsMultiline, printLabelsMultiline } from '../kubectl/describe-pod.ts';
import type { Gateway, GatewayClass, HTTPRoute } from './gateway-api/types.ts';
import type { Ingress, IngressBackend, IngressClass } from './types.ts';

const LOAD_BALANCER_WIDTH = 16; // printers.go loadBalancerWidth

function age(creationTimestamp: string | undefined, nowMs: number): string {
  if (!creationTimestamp) return '<unknown>';
  const t = Date.parse(creationTimestamp);
  return Number.isNaN(t) ? '<unknown>' : humanDuration(nowMs - t);
}

export function formatHosts(rules: Ingress['spec']['rules']): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  for (const rule of rules ?? []) {
    if (list.length === max) more = true;
    if (!more && rule.host) list.push(rule.host);
  }
  if (list.length === 0) return '*';
  const ret = list.join(',');
  return more ? `${ret} + ${(rules ?? []).length - max} more...` : ret;
}

/** ingressLoadBalancerStatusStringer: the sorted, de-duplicated IPs or hostnames, cut to 16 characters unless wide. */
export function loadBalancerString(ing: Ingress, wide: boolean): string {
  const set = new Set<string>();
  for (const i of ing.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  const r = [...set].sort().join(',');
  return !wide && r.length > LOAD_BALANCER_WIDTH ? `${r.slice(0, LOAD_BALANCER_WIDTH - 3)}...` : r;
}

export function getIngressTable(ingresses: readonly Ingress[], nowMs: number, allNamespaces = false): string {
  if (ingresses.length === 0) return 'No resources found in default namespace.';
  const rows = ingresses.map((ing) => [
    ...(allNamespaces ? [ing.metadata.namespace ?? 'default'] : []),
    ing.metadata.name,
    ing.spec.ingressClassName ?? '<none>',
    formatHosts(ing.spec.rules),
    loadBalancerString(ing, false),
    (ing.spec.tls ?? []).length > 0 ? '80, 443' : '80',
    age(ing.metadata.creationTimestamp, nowMs),
  ]);
  return formatTable([[...(allNamespaces ? ['NAMESPACE'] : []), 'NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'], ...rows]);
}

export function getIngressClassTable(classes: readonly IngressClass[], nowMs: number): string {
  if (classes.length === 0) return 'No resources found';
  const rows = classes.map((c) => {
    const p = c.spec.parameters as { apiGroup?: string; kind?: string; name?: string } | undefined;
    const params = p ? `${p.apiGroup ? `${p.kind}.${p.apiGroup}` : p.kind}/${p.name}` : '<none>';
    return [c.metadata.name, c.spec.controller ?? '', params, age(c.metadata.creationTimestamp, nowMs)];
  });
  return formatTable([['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'], ...rows]);
}

export interface ServiceInfo {
  namespace: string;
  name: string;
  ports: Array<{ name: string; port: number }>;
  /** Ready endpoint addresses per Service port name (from EndpointSlices). */
  endpoints: Array<{ portName: string; port: number; address: string }>;
  hasSlices: boolean;
}

function serviceBackendString(b: NonNullable<IngressBackend['service']>): string {
  return `${b.name}:${b.port?.number ? b.port.number : b.port?.name ?? ''}`;
}

/** describeBackendV1 with formatEndpointSlices (at most 3 addresses, then " + N more..."). */
export function describeBackend(ns: string, b: IngressBackend, services: readonly ServiceInfo[]): string {
  if (b.service) {
    const sb = serviceBackendString(b.service);
    const svc = services.find((s) => s.namespace === ns && s.name === b.service!.name);
    if (!svc) return `${sb} (<error: services "${b.service.name}" not found>)`;
    let spName = '';
    for (const sp of svc.ports) {
      if (b.service.port?.number && b.service.port.number === sp.port) spName = sp.name;
      else if (b.service.port?.name && b.service.port.name === sp.name) spName = sp.name;
    }
    if (!svc.hasSlices) return `${sb} (<none>)`;
    const list = svc.endpoints.filter((e) => e.portName === spName).map((e) => (e.address.includes(':') ? `[${e.address}]:${e.port}` : `${e.address}:${e.port}`));
    const shown = list.slice(0, 3).join(',');
    return `${sb} (${list.length === 0 ? '' : list.length > 3 ? `${shown} + ${list.length - 3} more...` : shown})`;
  }
  if (b.resource) return `APIGroup: ${b.resource.apiGroup ?? '<none>'}, Kind: ${b.resource.kind}, Name: ${b.resource.name}`;
  return '';
}

export function describeIngress(ing: Ingress, services: readonly ServiceInfo[]): string {
  const tw = new TabWriter();
  const w = new PrefixWriter(tw);
  const ns = ing.metadata.namespace ?? 'default';
  w.write(0, `Name:\t${ing.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', (ing.metadata.labels ?? {}) as Record<string, string>);
  w.write(0, `Namespace:\t${ns}\n`);
  w.write(0, `Address:\t${loadBalancerString(ing, true)}\n`);
  w.write(0, `Ingress Class:\t${ing.spec.ingressClassName ?? '<none>'}\n`);
  const def = ing.spec.defaultBackend ? describeBackend(ns, ing.spec.defaultBackend, services) : '<default>';
  w.write(0, `Default backend:\t${def}\n`);
  if ((ing.spec.tls ?? []).length > 0) {
    w.write(0, 'TLS:\n');
    for (const t of ing.spec.tls ?? []) {
      if (!t.secretName) w.write(1, `SNI routes ${(t.hosts ?? []).join(',')}\n`);
      else w.write(1, `${t.secretName} terminates ${(t.hosts ?? []).join(',')}\n`);
    }
  }
  w.write(0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(1, '----\t----\t--------\n');
  let count = 0;
  for (const rule of ing.spec.rules ?? []) {
    if (!rule.http) continue;
    count++;
    w.write(1, `${rule.host || '*'}\t\n`);
    for (const p of rule.http.paths ?? []) w.write(2, `\t${p.path ?? ''} \t${describeBackend(ns, p.backend, services)}\n`);
  }
  if (count === 0) w.write(1, `*\t*\t${def}\n`);
  printAnnotationsMultiline(w, 'Annotations', (ing.metadata.annotations ?? {}) as Record<string, string>);
  w.write(0, 'Events:\t<none>\n');
  return tw.result().replace(/\n$/, '');
}

export function getGatewayClassTable(classes: readonly GatewayClass[], accepted: (c: GatewayClass) => string, nowMs: number): string {
  return formatTable([['NAME', 'CONTROLLER', 'ACCEPTED', 'AGE'], ...classes.map((c) => [c.metadata.name, c.spec.controllerName, accepted(c), age(c.metadata.creationTimestamp, nowMs)])]);
}

export function getGatewayTable(gateways: readonly Gateway[], view: (g: Gateway) => { address: string; programmed: string }, nowMs: number): string {
  return formatTable([['NAME', 'CLASS', 'ADDRESS', 'PROGRAMMED', 'AGE'], ...gateways.map((g) => {
    const v = view(g);
    return [g.metadata.name, g.spec.gatewayClassName, v.address, v.programmed, age(g.metadata.creationTimestamp, nowMs)];
  })]);
}

/** The Hostnames column: the JSONPath `.spec.hostnames` of a list prints as JSON. */
export function getHTTPRouteTable(routes: readonly HTTPRoute[], nowMs: number): string {
  return formatTable([['NAME', 'HOSTNAMES', 'AGE'], ...routes.map((r) => [r.metadata.name, r.spec.hostnames && r.spec.hostnames.length > 0 ? JSON.stringify(r.spec.hostnames) : '', age(r.metadata.creationTimestamp, nowMs)])]);
}
