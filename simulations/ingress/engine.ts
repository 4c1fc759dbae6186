// The ingress engine (chapter 12): Ingresses and/or a Gateway with HTTPRoutes, plus a
// RequestList, answered request by request (status, backend, the rule that won and why the
// others lost), with what kubectl prints and a picture of the routing. With both an Ingress
// and HTTPRoutes in one cell, every request is answered both ways: a migration's before and after.
import type { Engine, TraceStep } from '../shared/engine.ts';
import { keyOf as gwKeyOf } from './gateway-api/attach.ts';
import type { Condition, GatewayStatus } from './gateway-api/attach.ts';
import { answerGateway, answerIngress, CONTROLLER_ADDRESS, gatewayAttachments, selectIngresses } from './controller.ts';
import { prepareIngresses } from './router.ts';
import type { ClassRow, GatewayAnswer, IngressAnswer, IngressRow } from './controller.ts';
import { describeIngress, getGatewayClassTable, getGatewayTable, getHTTPRouteTable, getIngressClassTable, getIngressTable } from './printers.ts';
import { readInput } from './schema.ts';
import { buildView } from './view-model.ts';
import type { IngressView } from './view-model.ts';

export const NOW = Date.parse('2025-01-01T00:10:00Z'); // the moment kubectl runs: ten minutes after the clock's start

export interface RequestResult {
  index: number;
  /** "GET http://foo.bar.com/foo" */
  request: string;
  host: string;
  path: string;
  method: string;
  scheme: 'http' | 'https';
  ingress: IngressAnswer | null;
  gateway: GatewayAnswer | null;
  /** Both answered and they agree on status and backend (a migration that changes nothing), else false; null unless both exist. */
  same: boolean | null;
}

export interface IngressResult {
  ingressController: string;
  gatewayController: string;
  ingressClasses: ClassRow[];
  ingresses: IngressRow[];
  gateways: Array<GatewayStatus & { className: string }>;
  routes: Array<{ route: string; hostnames: string[]; parents: Array<{ gateway: string; sectionName: string | null; conditions: Condition[] }>; why: string[] }>;
  kubectl: {
    getIngress: string | null;
    getIngressClass: string | null;
    describeIngress: Array<{ name: string; text: string }>;
    getGatewayClass: string | null;
    getGateway: string | null;
    getHTTPRoute: string | null;
  };
  requests: RequestResult[];
}

const SOURCE_INGRESS = 'kubernetes/website content/en/docs/concepts/services-networking/ingress.md';
const SOURCE_GATEWAY = 'gateway-api v1.6 apis/v1/httproute_types.go';

export const engine: Engine<IngressResult, IngressView> = {
  id: 'ingress',
  version: '1',
  title: 'Ingress and Gateway API routing',
  summary: 'Ingresses (with their IngressClass) or Gateways with HTTPRoutes, and a list of requests: which rule and backend serve each one and why, as the Ingress API documentation and the Gateway API specify.',
  view: 'ingress/result',
  run(manifests) {
    const input = readInput(manifests);
    const { classes, rows, ours } = selectIngresses(input);
    // The controller publishes its address in the status of the Ingresses it implements.
    const printed = input.ingresses.map((ing) => (rows.find((r) => r.key === `${ing.metadata.namespace ?? 'default'}/${ing.metadata.name}`)?.ours && !(ing.status?.loadBalancer?.ingress ?? []).length
      ? { ...ing, status: { loadBalancer: { ingress: [{ ip: CONTROLLER_ADDRESS }] } } } : ing));
    const trace: TraceStep[] = [];
    for (const r of rows) trace.push({ title: `Ingress ${r.key}: ${r.ours ? 'implemented' : 'not implemented'} (${r.why})`, subject: r.key, source: 'ingress-nginx internal/ingress/controller/store/store.go; plugin/pkg/admission/network/defaultingressclass/admission.go', level: r.ours ? 'info' : 'warning' });

    const hasGateway = input.hasGatewayApi;
    const { world, attached } = gatewayAttachments(input);
    const gateways = [...attached.gateways.values()].map((g) => ({ ...g, className: input.gateways.find((x) => gwKeyOf(x) === g.gateway)?.spec.gatewayClassName ?? '' }));
    const routes = input.httpRoutes.map((r) => {
      const key = gwKeyOf(r);
      return {
        route: key,
        hostnames: r.spec.hostnames ?? [],
        parents: (attached.routes.get(key) ?? []).map((p) => ({ gateway: `${p.parentRef.namespace ?? r.metadata.namespace ?? 'default'}/${p.parentRef.name}`, sectionName: p.parentRef.sectionName ?? null, conditions: p.conditions })),
        why: attached.why.get(key) ?? [],
      };
    });
    for (const r of routes) {
      for (const line of r.why) trace.push({ title: `HTTPRoute ${r.route}: ${line}`, subject: r.route, source: 'gateway-api v1.6 apis/v1/shared_types.go ParentReference, gateway_types.go AllowedRoutes', level: 'info' });
      for (const p of r.parents) for (const c of p.conditions) if (c.status !== 'True') trace.push({ title: `HTTPRoute ${r.route} on ${p.gateway}: ${c.type}=${c.status} ${c.reason}`, detail: c.message, subject: r.route, source: 'gateway-api v1.6 apis/v1/shared_types.go RouteConditionReason', level: 'warning' });
    }

    const anyIngress = input.ingresses.length > 0;
    const prepared = prepareIngresses(ours);
    const requests: RequestResult[] = input.requests.map((req, index) => {
      const ingress = anyIngress ? answerIngress(input, ours, req, prepared) : null;
      const gateway = hasGateway ? answerGateway(input, world, attached, req) : null;
      const label = `${req.method} ${req.scheme}://${req.host || '(no host)'}${req.path}`;
      if (ingress) trace.push({ title: `${label} → Ingress: ${ingress.status}${ingress.backend ? ` ${ingress.backend}` : ''}`, detail: ingress.why.join(' '), subject: `request ${index}`, source: SOURCE_INGRESS, level: 'decision' });
      if (gateway) trace.push({ title: `${label} → Gateway: ${gateway.status}${gateway.backend ? ` ${gateway.backend}` : ''}`, detail: gateway.why.join(' '), subject: `request ${index}`, source: SOURCE_GATEWAY, level: 'decision' });
      const same = ingress && gateway ? ingress.status === gateway.status && (ingress.backend ?? '') === (gateway.backend ?? '').replace(/ \(\d+%\)/g, '') : null;
      return { index, request: label, host: req.host, path: req.path, method: req.method, scheme: req.scheme, ingress, gateway, same };
    });

    const result: IngressResult = {
      ingressController: input.ingressController,
      gatewayController: input.gatewayController,
      ingressClasses: classes,
      ingresses: rows,
      gateways,
      routes,
      kubectl: {
        getIngress: anyIngress ? getIngressTable(printed, NOW, new Set(printed.map((i) => i.metadata.namespace ?? 'default')).size > 1) : null,
        getIngressClass: input.ingressClasses.length > 0 ? getIngressClassTable(input.ingressClasses, NOW) : null,
        describeIngress: printed.map((ing) => ({ name: `${ing.metadata.namespace ?? 'default'}/${ing.metadata.name}`, text: describeIngress(ing, input.services) })),
        getGatewayClass: input.gatewayClasses.length > 0 ? getGatewayClassTable(input.gatewayClasses, (c) => (c.spec.controllerName === input.gatewayController ? 'True' : 'Unknown'), NOW) : null,
        getGateway: input.gateways.length > 0 ? getGatewayTable(input.gateways, (g) => {
          const st = attached.gateways.get(gwKeyOf(g));
          return { address: st?.reconciled ? CONTROLLER_ADDRESS : '', programmed: st?.conditions.find((c) => c.type === 'Programmed')?.status ?? 'Unknown' };
        }, NOW) : null,
        getHTTPRoute: input.httpRoutes.length > 0 ? getHTTPRouteTable(input.httpRoutes, NOW) : null,
      },
      requests,
    };
    return { result, trace };
  },
  viewModel: buildView,
};
