// The rbac engine (chapter 13): RBAC objects on the shared API server, the ClusterRole
// aggregation controller, and `kubectl auth can-i` / SubjectAccessReviews answered by the
// RBAC authorizer, with the binding and rule that decided and a who-can matrix.

import { asList, asObject, asString } from '../apimachinery/json.ts';
import type { JsonObject } from '../apimachinery/json.ts';
import type { Engine, TraceStep } from '../shared/engine.ts';
import { ValidationError } from '../shared/errors.ts';
import { syncClusterRoleDetail } from './aggregation.ts';
import { authorizeWithSource } from './authorizer.ts';
import { BOOTSTRAP_POLICY } from './bootstrap-policy.ts';
import { runCanI } from './can-i.ts';
import type { CanIOutcome, Identity } from './can-i.ts';
import { lookupResource } from './resources.ts';
import type { RbacLists } from './rule-resolver.ts';
import { listStored, nameOf, readInput } from './schema.ts';
import type { RbacInput, ReviewSpec } from './schema.ts';
import { buildView } from './view-model.ts';
import type { RbacView } from './view-model.ts';

/** A review as asked (its attributes, not its source object) and the authorizer's answer. */
export interface ReviewOutcome extends Omit<ReviewSpec, 'source'> {
  allowed: boolean;
  reason: string;
  decidedBy: CanIOutcome['decidedBy'];
}

export interface MatrixResult {
  namespace: string;
  verbs: string[];
  resources: string[];
  subjects: { label: string; user: string; groups: string[] }[];
  /** cells[subject][resource][verb]: the binding that allowed it, or null. */
  cells: (string | null)[][][];
}

export interface RbacResult {
  me: Identity & { namespace: string };
  commands: CanIOutcome[];
  reviews: ReviewOutcome[];
  matrix: MatrixResult | null;
  aggregation: { clusterRole: string; selected: string[]; rules: number; updated: boolean }[];
  counts: { roles: number; clusterRoles: number; roleBindings: number; clusterRoleBindings: number };
}

const SOURCES = {
  authorizer: 'plugin/pkg/auth/authorizer/rbac/rbac.go',
  resolver: 'pkg/registry/rbac/validation/rule.go',
  aggregation: 'pkg/controller/clusterroleaggregation/clusterroleaggregation_controller.go',
  canI: 'staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go',
  bootstrap: 'plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go',
  authn: 'staging/src/k8s.io/apiserver/pkg/authentication/group/authenticated_group_adder.go',
};

/** The aggregation controller, run to a fixed point as its requeue-everything handler does. */
function aggregate(input: RbacInput, trace: TraceStep[]): RbacResult['aggregation'] {
  const out: RbacResult['aggregation'] = [];
  for (let pass = 0; pass < 10; pass++) {
    let changed = false;
    const all = listStored(input.api, 'ClusterRole');
    for (const cr of all.filter((o) => asObject(o.aggregationRule)).map(nameOf).sort()) {
      const current = listStored(input.api, 'ClusterRole');
      const d = syncClusterRoleDetail(current, cr);
      if (d.skipped) {
        trace.push({ title: `ClusterRole ${cr}: aggregation skipped (${d.skipped})`, source: SOURCES.aggregation, level: 'warning' });
        continue;
      }
      const entry = { clusterRole: cr, selected: [...new Set(d.selected.flat())].filter((n) => n !== cr), rules: d.rules.length, updated: d.updated };
      const existing = out.findIndex((e) => e.clusterRole === cr);
      if (existing >= 0) out[existing] = { ...entry, updated: out[existing].updated || d.updated };
      else out.push(entry);
      if (!d.updated) continue;
      const stored = asObject(current.find((o) => nameOf(o) === cr)) as JsonObject;
      const r = input.api.update({ ...stored, rules: d.rules as unknown as JsonObject[] });
      if (r.code >= 400) throw new ValidationError(`ClusterRole ${cr}: ${asString(r.message)}`);
      changed = true;
      trace.push({
        title: `clusterrole-aggregation-controller applied ${d.rules.length} rule(s) to ClusterRole ${cr}`,
        detail: `Selected by its clusterRoleSelectors, sorted by name: ${entry.selected.join(', ') || 'none'}. Rules already present are not repeated.`,
        source: SOURCES.aggregation, level: 'decision',
      });
    }
    if (!changed) break;
  }
  return out;
}

function listsOf(input: RbacInput): RbacLists {
  return {
    roles: listStored(input.api, 'Role'),
    clusterRoles: listStored(input.api, 'ClusterRole'),
    roleBindings: listStored(input.api, 'RoleBinding'),
    clusterRoleBindings: listStored(input.api, 'ClusterRoleBinding'),
  };
}

/** AuthenticatedGroupAdder: every authenticated user (not system:anonymous) is in system:authenticated. */
function authenticated(user: string, groups: string[]): string[] {
  if (user === 'system:anonymous' || groups.includes('system:authenticated')) return groups;
  return [...groups, 'system:authenticated'];
}

function matrixSubjects(input: RbacInput, lists: RbacLists): MatrixResult['subjects'] {
  const given = input.matrix?.subjects;
  const seen = new Map<string, MatrixResult['subjects'][number]>();
  const add = (kind: string, name: string, namespace: string) => {
    if (kind === 'User') seen.set(`User ${name}`, { label: `User ${name}`, user: name, groups: ['system:authenticated'] });
    else if (kind === 'Group') seen.set(`Group ${name}`, { label: `Group ${name}`, user: `(a member of ${name})`, groups: [name, 'system:authenticated'] });
    else if (kind === 'ServiceAccount' && namespace) {
      seen.set(`ServiceAccount ${namespace}/${name}`, { label: `ServiceAccount ${namespace}/${name}`, user: `system:serviceaccount:${namespace}:${name}`, groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'] });
    }
  };
  if (given) for (const s of given) add(s.kind, s.name, s.namespace);
  else {
    const bootstrap = new Set(BOOTSTRAP_POLICY.filter((o) => o.kind === 'ClusterRoleBinding').map(nameOf));
    for (const b of [...lists.clusterRoleBindings, ...lists.roleBindings]) {
      const bo = asObject(b) ?? {};
      if (bootstrap.has(nameOf(bo)) && !asString(asObject(bo.metadata)?.namespace)) continue;
      const bindingNs = asString(asObject(bo.metadata)?.namespace);
      for (const s of asList(bo.subjects)) {
        const so = asObject(s) ?? {};
        add(asString(so.kind), asString(so.name), asString(so.namespace) || bindingNs);
      }
    }
  }
  return [...seen.values()].slice(0, 20);
}

export function runRbac(input: RbacInput, bootstrapPolicy: boolean): { result: RbacResult; trace: TraceStep[] } {
  const trace: TraceStep[] = [];
  if (bootstrapPolicy) {
    const added: string[] = [];
    for (const o of BOOTSTRAP_POLICY) {
      if (input.api.peek({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: asString(o.kind), name: nameOf(o) })) continue;
      const r = input.api.seed(o);
      if (r.code < 400) added.push(`${asString(o.kind)} ${nameOf(o)}`);
    }
    trace.push({ title: `kube-apiserver's bootstrap policy: ${added.length} default objects (system:basic-user, system:discovery, system:public-info-viewer, cluster-admin and their bindings)`, source: SOURCES.bootstrap });
  }
  const aggregation = aggregate(input, trace);
  const lists = listsOf(input);
  const me = { user: input.me.user, groups: authenticated(input.me.user, input.me.groups), namespace: input.me.namespace };
  if (me.groups.length !== input.me.groups.length) trace.push({ title: `${me.user || '(no user)'} is authenticated, so the API server adds the group system:authenticated`, source: SOURCES.authn });

  const commands: CanIOutcome[] = input.commands.map((c) => {
    const out = runCanI(lists, me, me.namespace, c.line);
    if ('badCommand' in out) throw new ValidationError(out.badCommand, { object: c.source, path: ['commands', c.index] });
    const who = `${out.subject.user} (groups ${out.subject.groups.join(', ') || 'none'})`;
    if (out.decidedBy) trace.push({ title: `${out.command} → yes`, detail: `${who}: allowed by ${out.decidedBy.description}, rules[${out.decidedBy.ruleIndex}] of ${out.decidedBy.role}, after checking ${out.rulesVisited} rule(s).`, source: SOURCES.authorizer, level: 'decision' });
    else if (out.list) trace.push({ title: `${out.command} → ${out.list.length} rows from the SelfSubjectRulesReview`, detail: 'RulesFor: every rule of every binding that applies to the caller in that namespace, broken down and compacted by kubectl.', source: SOURCES.canI });
    else trace.push({ title: `${out.command} → ${out.stdout || out.stderr.join(' ') || '(quiet)'}`, detail: out.allowed === false ? `${who}: no rule of any binding that applies allows it; RBAC has no deny rules, so it has no opinion and the request is denied.${out.reason ? ` Resolution errors: ${out.reason}` : ''}` : undefined, source: SOURCES.canI, level: out.exitCode ? 'warning' : 'info' });
    return out;
  });

  const reviews: ReviewOutcome[] = input.reviews.map((r) => {
    let apiGroup = r.apiGroup;
    let resource = r.resource;
    if (resource && !apiGroup && resource.includes('.')) {
      const found = lookupResource(resource);
      if (found) ({ group: apiGroup, resource } = found);
    }
    const attrs = { user: r.user, groups: r.groups, verb: r.verb, resourceRequest: r.path === '', apiGroup, resource, subresource: r.subresource, namespace: r.namespace, name: r.name, path: r.path };
    const d = authorizeWithSource(lists, attrs);
    trace.push({ title: `SubjectAccessReview ${r.user || '(no user)'} ${r.verb} ${r.path || resource} → ${d.allowed ? 'allowed' : 'denied'}`, detail: d.reason || 'no rule allows it (reason "")', source: SOURCES.authorizer, level: 'decision' });
    const decidedBy = d.allowedBy ? {
      binding: d.allowedBy.source.bindingKind === 'RoleBinding' ? `RoleBinding ${d.allowedBy.source.bindingNamespace}/${d.allowedBy.source.bindingName}` : `ClusterRoleBinding ${d.allowedBy.source.bindingName}`,
      role: `${d.allowedBy.source.roleKind} ${d.allowedBy.source.roleName}`, ruleIndex: d.allowedBy.ruleIndex, rule: d.allowedBy.rule, description: d.allowedBy.source.description,
    } : null;
    return { user: r.user, groups: r.groups, verb: r.verb, resource, apiGroup, subresource: r.subresource, namespace: r.namespace, name: r.name, path: r.path, allowed: d.allowed, reason: d.reason, decidedBy };
  });

  let matrix: MatrixResult | null = null;
  if (input.matrix) {
    const m = input.matrix;
    const subjects = matrixSubjects(input, lists);
    const resources = m.resources.map((arg) => {
      const found = lookupResource(arg.split('/')[0]);
      const sub = arg.includes('/') ? arg.slice(arg.indexOf('/') + 1) : '';
      return { label: arg, group: found?.group ?? '', resource: found?.resource ?? arg.split('/')[0], sub };
    });
    const cells = subjects.map((s) => resources.map((res) => m.verbs.map((verb) => {
      const d = authorizeWithSource(lists, { user: s.user, groups: s.groups, verb, resourceRequest: true, apiGroup: res.group, resource: res.resource, subresource: res.sub, namespace: m.namespace, name: '', path: '' });
      if (!d.allowedBy) return null;
      const src = d.allowedBy.source;
      return src.bindingKind === 'RoleBinding' ? `RoleBinding ${src.bindingNamespace}/${src.bindingName}` : `ClusterRoleBinding ${src.bindingName}`;
    })));
    matrix = { namespace: m.namespace, verbs: m.verbs, resources: m.resources, subjects: subjects.map((s) => ({ label: s.label, user: s.user, groups: s.groups })), cells };
  }
  return {
    result: {
      me, commands, reviews, matrix, aggregation,
      counts: { roles: lists.roles.length, clusterRoles: lists.clusterRoles.length, roleBindings: lists.roleBindings.length, clusterRoleBindings: lists.clusterRoleBindings.length },
    },
    trace,
  };
}

export const engine: Engine<RbacResult, RbacView> = {
  id: 'rbac',
  version: '1',
  title: 'RBAC authorizer',
  summary: 'Roles, bindings and ServiceAccounts on the API server; kubectl auth can-i answered by the RBAC authorizer, with the binding and rule that decided.',
  view: 'rbac/result',
  run(manifests) {
    const input = readInput(manifests);
    const review = manifests.map((m) => m.object).find((o) => o.apiVersion === 'kube-notebook.dev/v1alpha1');
    const bootstrap = asObject(review?.spec)?.bootstrapPolicy !== false;
    return runRbac(input, bootstrap);
  },
  viewModel(output) {
    return buildView(output.result);
  },
};
