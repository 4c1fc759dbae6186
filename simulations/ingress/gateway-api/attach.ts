// Route attachment: which listeners of which Gateways accept an HTTPRoute, and the
// status a controller writes about it. The rules, from kubernetes-sigs/gateway-api v1.6:
//   apis/v1/shared_types.go ParentReference (sectionName, port; "an attachment is considered
//     successful if at least one section in the parent resource accepts it") and the route
//     condition reasons (Accepted / NotAllowedByListeners / NoMatchingListenerHostname /
//     NoMatchingParent; ResolvedRefs / RefNotPermitted / InvalidKind / BackendNotFound);
//   apis/v1/gateway_types.go AllowedRoutes (namespaces from Same by default, All, Selector;
//     kinds) and Listener.Hostname;
//   apis/v1/httproute_types.go Hostnames (the intersection of listener and route hostnames);
//   apis/v1beta1/referencegrant_types.go (a backendRef into another namespace needs a grant there).
// Condition messages are this simulation's own: the spec fixes types, statuses and reasons only.

import { labelSelectorAsSelector } from '../../apimachinery/label-selector.ts';
import { intersectHostnames } from './hostname.ts';
import { GROUP } from './types.ts';
import type { Gateway, GatewayClass, HTTPRoute, Listener, Namespace, ParentReference, ReferenceGrant } from './types.ts';

export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
}

export interface RouteParentStatus {
  parentRef: ParentReference;
  controllerName: string;
  conditions: Condition[];
}

/** One route attached to one listener, with the hostnames it serves there ("" = any host). */
export interface Attachment {
  route: string;
  gateway: string;
  listener: string;
  listenerHostname: string;
  port: number;
  hostnames: string[];
}

export interface ListenerStatus {
  name: string;
  attachedRoutes: number;
  conditions: Condition[];
}

export interface GatewayStatus {
  gateway: string;
  reconciled: boolean;
  conditions: Condition[];
  listeners: ListenerStatus[];
}

export interface GatewayWorld {
  gateways: readonly Gateway[];
  httpRoutes: readonly HTTPRoute[];
  /** When given, a Gateway is reconciled only if its class exists with this controller's name. */
  gatewayClasses?: readonly GatewayClass[];
  controllerName?: string;
  /** Namespaces and their labels, for allowedRoutes.namespaces.from: Selector. */
  namespaces?: readonly Namespace[];
  referenceGrants?: readonly ReferenceGrant[];
  /** When given, backendRefs to Services that do not exist resolve to BackendNotFound. */
  services?: ReadonlyArray<{ namespace: string; name: string; ports: number[] }>;
}

export interface Attachments {
  attachments: Attachment[];
  routes: Map<string, RouteParentStatus[]>;
  gateways: Map<string, GatewayStatus>;
  /** Why, per route: one line per parentRef and listener. */
  why: Map<string, string[]>;
}

export const DEFAULT_CONTROLLER = 'kube-notebook.dev/gateway-controller';

export function nsOf(o: { metadata?: { namespace?: unknown } }): string {
  return typeof o.metadata?.namespace === 'string' && o.metadata.namespace !== '' ? o.metadata.namespace : 'default';
}
export function keyOf(o: { metadata?: { name?: unknown; namespace?: unknown } }): string {
  return `${nsOf(o)}/${typeof o.metadata?.name === 'string' ? o.metadata.name : ''}`;
}

function cond(type: string, status: Condition['status'], reason: string, message: string): Condition {
  return { type, status, reason, message };
}

/** Whether a listener's allowedRoutes.namespaces admits a route from this namespace. */
function namespaceAllowed(listener: Listener, gatewayNs: string, routeNs: string, namespaces: readonly Namespace[] | undefined): { ok: boolean; why: string } {
  const from = listener.allowedRoutes?.namespaces?.from ?? 'Same';
  if (from === 'All') return { ok: true, why: 'allowedRoutes.namespaces.from: All' };
  if (from === 'Same') return routeNs === gatewayNs ? { ok: true, why: 'from: Same, and the route is in the Gateway\'s namespace' } : { ok: false, why: `from: Same (the default) admits only routes in namespace ${gatewayNs}, not ${routeNs}` };
  if (from === 'Selector') {
    const labels = namespaces?.find((n) => n.metadata?.name === routeNs)?.metadata?.labels ?? {};
    const sel = labelSelectorAsSelector(listener.allowedRoutes?.namespaces?.selector);
    return sel.matches(labels) ? { ok: true, why: `from: Selector, and namespace ${routeNs}'s labels match` } : { ok: false, why: `from: Selector, and namespace ${routeNs}'s labels do not match the selector` };
  }
  return { ok: false, why: `from: ${from} admits no route` };
}

/** Whether a listener accepts the HTTPRoute kind: by allowedRoutes.kinds, or by its protocol. */
function kindAllowed(listener: Listener): { ok: boolean; why: string } {
  const kinds = listener.allowedRoutes?.kinds;
  if (kinds && kinds.length > 0) {
    const ok = kinds.some((k) => (k.group ?? GROUP) === GROUP && k.kind === 'HTTPRoute');
    return ok ? { ok, why: '' } : { ok, why: `allowedRoutes.kinds does not list HTTPRoute` };
  }
  const ok = listener.protocol === 'HTTP' || listener.protocol === 'HTTPS';
  return ok ? { ok, why: '' } : { ok, why: `a ${listener.protocol} listener takes no HTTPRoute` };
}

function grantAllows(grants: readonly ReferenceGrant[] | undefined, fromNs: string, toNs: string, toName: string): boolean {
  return (grants ?? []).some((g) => nsOf(g) === toNs
    && (g.spec?.from ?? []).some((f) => f.group === GROUP && f.kind === 'HTTPRoute' && f.namespace === fromNs)
    && (g.spec?.to ?? []).some((t) => (t.group ?? '') === '' && t.kind === 'Service' && (!t.name || t.name === toName)));
}

/** ResolvedRefs for a route: the first backendRef that does not resolve decides the reason. */
export function resolvedRefs(route: HTTPRoute, world: GatewayWorld): Condition {
  const ns = nsOf(route);
  const rules = Array.isArray(route.spec?.rules) ? route.spec.rules : [];
  for (let r = 0; r < rules.length; r++) {
    const refs = Array.isArray(rules[r]?.backendRefs) ? rules[r].backendRefs! : [];
    for (let b = 0; b < refs.length; b++) {
      const ref = refs[b];
      const group = ref.group ?? '';
      const kind = ref.kind ?? 'Service';
      const at = `spec.rules[${r}].backendRefs[${b}]`;
      if (group !== '' || kind !== 'Service') return cond('ResolvedRefs', 'False', 'InvalidKind', `${at}: ${group === '' ? 'core' : group}/${kind} is not a supported backend kind`);
      const toNs = ref.namespace ?? ns;
      if (toNs !== ns && !grantAllows(world.referenceGrants, ns, toNs, ref.name)) {
        return cond('ResolvedRefs', 'False', 'RefNotPermitted', `${at}: Service ${toNs}/${ref.name} is in another namespace and no ReferenceGrant in ${toNs} allows it`);
      }
      if (world.services) {
        const svc = world.services.find((s) => s.namespace === toNs && s.name === ref.name);
        if (!svc) return cond('ResolvedRefs', 'False', 'BackendNotFound', `${at}: Service ${toNs}/${ref.name} not found`);
        if (ref.port !== undefined && !svc.ports.includes(ref.port)) return cond('ResolvedRefs', 'False', 'BackendNotFound', `${at}: Service ${toNs}/${ref.name} has no port ${ref.port}`);
      }
    }
  }
  return cond('ResolvedRefs', 'True', 'ResolvedRefs', 'Resolved all the Object references for the Route');
}

/** Whether a Gateway is reconciled by the simulated controller. */
export function gatewayReconciled(gw: Gateway, world: GatewayWorld): { ok: boolean; why: string } {
  if (!world.gatewayClasses) return { ok: true, why: '' };
  const cls = world.gatewayClasses.find((c) => c.metadata?.name === gw.spec?.gatewayClassName);
  if (!cls) return { ok: false, why: `GatewayClass "${gw.spec?.gatewayClassName}" does not exist: no controller reconciles the Gateway` };
  const controller = world.controllerName ?? DEFAULT_CONTROLLER;
  if (cls.spec?.controllerName !== controller) return { ok: false, why: `GatewayClass "${cls.metadata.name}" names controller ${cls.spec?.controllerName}, not the simulated ${controller}` };
  return { ok: true, why: '' };
}

/**
 * Attaches every HTTPRoute to the listeners that accept it and computes the
 * status each controller would write (routes' parents, Gateways' listeners).
 */
export function attachRoutes(world: GatewayWorld): Attachments {
  const controllerName = world.controllerName ?? DEFAULT_CONTROLLER;
  const gateways = new Map<string, Gateway>();
  const gatewayStatus = new Map<string, GatewayStatus>();
  for (const gw of world.gateways ?? []) {
    if (!gw || typeof gw !== 'object') continue;
    const key = keyOf(gw);
    gateways.set(key, gw);
    const rec = gatewayReconciled(gw, world);
    const listeners = Array.isArray(gw.spec?.listeners) ? gw.spec.listeners : [];
    gatewayStatus.set(key, {
      gateway: key,
      reconciled: rec.ok,
      conditions: rec.ok
        ? [cond('Accepted', 'True', 'Accepted', 'The Gateway has been scheduled'), cond('Programmed', 'True', 'Programmed', 'Address assigned to the Gateway')]
        : [cond('Accepted', 'Unknown', 'Pending', 'Waiting for controller'), cond('Programmed', 'Unknown', 'Pending', 'Waiting for controller')],
      listeners: rec.ok ? listeners.map((l) => ({
        name: l.name,
        attachedRoutes: 0,
        conditions: [cond('Accepted', 'True', 'Accepted', 'Listener is accepted'), cond('Programmed', 'True', 'Programmed', 'Listener is programmed'), cond('ResolvedRefs', 'True', 'ResolvedRefs', 'Resolved all the Object references'), cond('Conflicted', 'False', 'NoConflicts', 'No conflicts')],
      })) : [],
    });
  }
  const attachments: Attachment[] = [];
  const routes = new Map<string, RouteParentStatus[]>();
  const why = new Map<string, string[]>();
  for (const route of world.httpRoutes ?? []) {
    if (!route || typeof route !== 'object') continue;
    const rk = keyOf(route);
    const rns = nsOf(route);
    const lines: string[] = [];
    const parents: RouteParentStatus[] = [];
    const refs = Array.isArray(route.spec?.parentRefs) ? route.spec.parentRefs : [];
    const hostnames = Array.isArray(route.spec?.hostnames) ? route.spec.hostnames : [];
    const resolved = resolvedRefs(route, world);
    for (const ref of refs) {
      if (!ref || (ref.group ?? GROUP) !== GROUP || (ref.kind ?? 'Gateway') !== 'Gateway') {
        lines.push(`parentRef ${ref?.kind ?? ''} ${ref?.name ?? ''} is not a Gateway: not this controller's`);
        continue;
      }
      const gk = `${ref.namespace ?? rns}/${ref.name}`;
      const gw = gateways.get(gk);
      const st = gatewayStatus.get(gk);
      if (!gw || !st) { lines.push(`Gateway ${gk} does not exist: no controller writes a status for this parentRef`); continue; }
      if (!st.reconciled) { lines.push(`Gateway ${gk} is not reconciled (${gatewayReconciled(gw, world).why})`); continue; }
      const parent: RouteParentStatus = { parentRef: ref, controllerName, conditions: [] };
      parents.push(parent);
      const selected = (gw.spec.listeners ?? []).filter((l) => (ref.sectionName === undefined || l.name === ref.sectionName) && (ref.port === undefined || l.port === ref.port));
      if (selected.length === 0) {
        const what = [ref.sectionName !== undefined ? `sectionName "${ref.sectionName}"` : '', ref.port !== undefined ? `port ${ref.port}` : ''].filter(Boolean).join(' and ');
        lines.push(`Gateway ${gk}: no listener has ${what}: Accepted=False NoMatchingParent`);
        parent.conditions.push(cond('Accepted', 'False', 'NoMatchingParent', `No listener of Gateway ${gk} matches ${what}`), resolved);
        continue;
      }
      const allowed = selected.filter((l) => {
        const k = kindAllowed(l);
        const n = namespaceAllowed(l, nsOf(gw), rns, world.namespaces);
        if (!k.ok || !n.ok) lines.push(`Gateway ${gk} listener ${l.name}: ${!k.ok ? k.why : n.why}: not allowed`);
        return k.ok && n.ok;
      });
      if (allowed.length === 0) {
        parent.conditions.push(cond('Accepted', 'False', 'NotAllowedByListeners', `No listener of Gateway ${gk} allows this route (allowedRoutes)`), resolved);
        continue;
      }
      let accepted = 0;
      for (const l of allowed) {
        const lh = l.hostname ?? '';
        const effective = hostnames.length === 0 ? [lh] : [...new Set(hostnames.map((h) => intersectHostnames(lh, h)).filter((h): h is string => h !== null))];
        if (effective.length === 0) {
          lines.push(`Gateway ${gk} listener ${l.name}: none of the route's hostnames (${hostnames.join(', ')}) intersects the listener hostname ${lh}`);
          continue;
        }
        accepted++;
        attachments.push({ route: rk, gateway: gk, listener: l.name, listenerHostname: lh, port: l.port, hostnames: effective });
        const ls = st.listeners.find((x) => x.name === l.name);
        if (ls) ls.attachedRoutes++;
        lines.push(`Gateway ${gk} listener ${l.name} (${l.protocol} ${l.port}${lh ? `, ${lh}` : ''}) accepts the route for ${effective.map((h) => h || 'any host').join(', ')}`);
      }
      parent.conditions.push(accepted > 0
        ? cond('Accepted', 'True', 'Accepted', 'Route is accepted')
        : cond('Accepted', 'False', 'NoMatchingListenerHostname', `No listener of Gateway ${gk} has a hostname that intersects the route's hostnames`), resolved);
    }
    routes.set(rk, parents);
    why.set(rk, lines);
  }
  return { attachments, routes, gateways: gatewayStatus, why };
}
