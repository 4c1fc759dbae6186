// `kubectl auth can-i`, as kubectl 1.36 runs it against kube-apiserver.
// Upstream: staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go (Complete, Validate,
// RunAccessCheck, RunAccessList, printStatus), kubectl/pkg/util/rbac/rbac.go (BreakdownRule,
// CompactRules, SortableRuleSlice), kubectl/pkg/describe CombineResourceGroup;
// apiserver/pkg/endpoints/filters/impersonation.go for --as / --as-group;
// apiserver/pkg/endpoints/handlers/responsewriters/errors.go forbiddenMessage.
//
// The request is a SelfSubjectAccessReview (or SelfSubjectRulesReview for --list), which the
// caller must itself be allowed to create (system:basic-user grants that to every
// authenticated user). The only authorizer modelled is RBAC (kubeadm runs Node,RBAC; the Node
// authorizer only ever answers for system:node:* users).

import { goQuote } from '../apimachinery/go-strconv.ts';
import { formatTable } from '../kubectl/get-pods.ts';
import { authorizeWithSource } from './authorizer.ts';
import type { AuthorizeDecision } from './authorizer.ts';
import { lookupResource, parseGroupResource } from './resources.ts';
import { rulesFor } from './rule-resolver.ts';
import type { RbacLists } from './rule-resolver.ts';
import type { AccessAttributes, PolicyRule } from './types.ts';

const RESOURCE_VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest']);
const NON_RESOURCE_VERBS = new Set(['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*']);
const NON_STANDARD = new Set(['users', 'groups']);

export interface Identity {
  user: string;
  groups: string[];
}

export interface CanIOutcome {
  command: string;
  /** What kubectl writes to stdout ("yes", "no", "no - <reason>", or the --list table). */
  stdout: string;
  /** Warnings and errors kubectl writes to stderr, one per line. */
  stderr: string[];
  exitCode: number;
  /** Who the API server decided for (after impersonation). */
  subject: Identity;
  /** The attributes the review carried, when one was made. */
  attributes: AccessAttributes | null;
  allowed: boolean | null;
  /** The RBAC authorizer's reason (shown by kubectl only on "no"). */
  reason: string;
  /** The binding and rule that allowed it. */
  decidedBy: { binding: string; role: string; ruleIndex: number; rule: PolicyRule; description: string } | null;
  rulesVisited: number;
  /** For --list: the rows of the table. */
  list: { resources: string; nonResourceURLs: string; resourceNames: string; verbs: string }[] | null;
}

/** A shell-like split: whitespace separates words, single and double quotes group. */
export function shellSplit(line: string): string[] | { error: string } {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote: string | null = null;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = null;
      else cur += ch;
      continue;
    }
    if (ch === '"' || ch === "'") { quote = ch; has = true; continue; }
    if (/\s/.test(ch)) { if (has) { out.push(cur); cur = ''; has = false; } continue; }
    cur += ch;
    has = true;
  }
  if (quote) return { error: 'unterminated quote' };
  if (has) out.push(cur);
  return out;
}

interface Flags {
  namespace: string | null;
  allNamespaces: boolean;
  subresource: string;
  as: string | null;
  asGroups: string[];
  quiet: boolean;
  list: boolean;
  noHeaders: boolean;
  args: string[];
}

function parseFlags(words: string[]): Flags | { error: string } {
  const f: Flags = { namespace: null, allNamespaces: false, subresource: '', as: null, asGroups: [], quiet: false, list: false, noHeaders: false, args: [] };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w.startsWith('-') || w === '-') { f.args.push(w); continue; }
    const eq = w.indexOf('=');
    const name = eq > 0 ? w.slice(0, eq) : w;
    const inline = eq > 0 ? w.slice(eq + 1) : null;
    const value = (): string | null => {
      if (inline !== null) return inline;
      if (i + 1 < words.length) return words[++i];
      return null;
    };
    const boolValue = (): boolean => inline === null || inline === 'true';
    switch (name) {
      case '-n': case '--namespace': { const v = value(); if (v === null) return { error: `flag needs an argument: ${name.startsWith('--') ? `--${name.slice(2)}` : `'n' in -n`}` }; f.namespace = v; break; }
      case '-A': case '--all-namespaces': f.allNamespaces = boolValue(); break;
      case '--subresource': { const v = value(); if (v === null) return { error: 'flag needs an argument: --subresource' }; f.subresource = v; break; }
      case '--as': { const v = value(); if (v === null) return { error: 'flag needs an argument: --as' }; f.as = v; break; }
      case '--as-group': { const v = value(); if (v === null) return { error: 'flag needs an argument: --as-group' }; f.asGroups.push(v); break; }
      case '-q': case '--quiet': f.quiet = boolValue(); break;
      case '--list': f.list = boolValue(); break;
      case '--no-headers': f.noHeaders = boolValue(); break;
      default:
        return { error: name.startsWith('--') ? `unknown flag: ${name}` : `unknown shorthand flag: '${name.slice(1, 2)}' in ${name}` };
    }
  }
  return f;
}

/** impersonation.go: the user and groups the request runs as after --as / --as-group. */
export function impersonatedIdentity(as: string, asGroups: string[]): Identity {
  let groups = [...asGroups];
  const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(as);
  // serviceaccount.MakeGroupNames when no group was asked for
  if (sa && groups.length === 0) groups = ['system:serviceaccounts', `system:serviceaccounts:${sa[1]}`];
  if (as !== 'system:anonymous') {
    if (!groups.some((g) => g === 'system:authenticated' || g === 'system:unauthenticated')) groups.push('system:authenticated');
  } else if (!groups.includes('system:unauthenticated')) groups.push('system:unauthenticated');
  return { user: as, groups };
}

/** responsewriters forbiddenMessage, inside apierrors.NewForbidden's `<resource> "<name>" is forbidden: `. */
export function forbiddenError(user: string, a: AccessAttributes, reason: string): string {
  let msg: string;
  if (!a.resourceRequest) msg = `User ${goQuote(user)} cannot ${a.verb} path ${goQuote(a.path)}`;
  else {
    const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
    msg = a.namespace
      ? `User ${goQuote(user)} cannot ${a.verb} resource ${goQuote(resource)} in API group ${goQuote(a.apiGroup)} in the namespace ${goQuote(a.namespace)}`
      : `User ${goQuote(user)} cannot ${a.verb} resource ${goQuote(resource)} in API group ${goQuote(a.apiGroup)} at the cluster scope`;
  }
  if (reason) msg += `: ${reason}`;
  if (!a.resourceRequest) return `Error from server (Forbidden): forbidden: ${msg}`;
  const gr = a.apiGroup ? `${a.resource}.${a.apiGroup}` : a.resource;
  return a.name ? `Error from server (Forbidden): ${gr} ${goQuote(a.name)} is forbidden: ${msg}` : `Error from server (Forbidden): ${gr} is forbidden: ${msg}`;
}

const attrs = (x: Partial<AccessAttributes> & { user: string; groups: string[]; verb: string }): AccessAttributes =>
  ({ resourceRequest: true, apiGroup: '', resource: '', subresource: '', namespace: '', name: '', path: '', ...x });

function decidedByOf(d: AuthorizeDecision): CanIOutcome['decidedBy'] {
  if (!d.allowedBy) return null;
  const s = d.allowedBy.source;
  const binding = s.bindingKind === 'RoleBinding' ? `RoleBinding ${s.bindingNamespace}/${s.bindingName}` : `ClusterRoleBinding ${s.bindingName}`;
  return { binding, role: `${s.roleKind} ${s.roleName}`, ruleIndex: d.allowedBy.ruleIndex, rule: d.allowedBy.rule, description: s.description };
}

// ---- --list ----

/** rbacv1 PolicyRule.String() (generated), which SortableRuleSlice compares. */
function ruleString(r: PolicyRule): string {
  const v = (xs: string[] | undefined) => `[${(xs ?? []).join(' ')}]`;
  return `&PolicyRule{Verbs:${v(r.verbs)},APIGroups:${v(r.apiGroups)},Resources:${v(r.resources)},ResourceNames:${v(r.resourceNames)},NonResourceURLs:${v(r.nonResourceURLs)},}`;
}

function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) for (const resource of rule.resources ?? []) for (const verb of rule.verbs) {
    if ((rule.resourceNames ?? []).length) for (const name of rule.resourceNames ?? []) out.push({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name] });
    else out.push({ apiGroups: [group], resources: [resource], verbs: [verb] });
  }
  for (const url of rule.nonResourceURLs ?? []) for (const verb of rule.verbs) out.push({ nonResourceURLs: [url], verbs: [verb] });
  return out;
}

function compactRules(rules: PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const r of rules) {
    const names = r.resourceNames ?? [];
    const isSimple = names.length <= 1 && !(r.nonResourceURLs ?? []).length && (r.apiGroups ?? []).length === 1 && (r.resources ?? []).length === 1;
    if (!isSimple) { compacted.push(r); continue; }
    const key = JSON.stringify([r.apiGroups![0], r.resources![0], names.length > 0, names[0] ?? '']);
    const existing = simple.get(key);
    if (existing) existing.verbs = [...existing.verbs, ...r.verbs];
    else simple.set(key, { ...r, verbs: [...r.verbs] });
  }
  return [...compacted, ...simple.values()];
}

/** describe.CombineResourceGroup */
function combineResourceGroup(resources: string[] | undefined, groups: string[] | undefined): string {
  if (!resources || resources.length === 0) return '';
  const slash = resources[0].indexOf('/');
  let combine = slash < 0 ? resources[0] : resources[0].slice(0, slash);
  if (groups && groups.length > 0 && groups[0] !== '') combine += `.${groups[0]}`;
  if (slash >= 0) combine += `/${resources[0].slice(slash + 1)}`;
  return combine;
}

export function accessList(lists: RbacLists, who: Identity, namespace: string, noHeaders: boolean): { stdout: string; stderr: string[]; rows: NonNullable<CanIOutcome['list']> } {
  const { rules, errors } = rulesFor(lists, { name: who.user, groups: who.groups }, namespace);
  const stderr: string[] = [];
  // SelfSubjectRulesReview: Incomplete with the evaluation error when resolution failed
  if (errors.length) stderr.push(`Warning: the list may be incomplete: ${errors.length === 1 ? errors[0] : `[${[...new Set(errors)].join(', ')}]`}`);
  // The rules review splits RBAC's rules into resource rules then non-resource rules.
  const converted: PolicyRule[] = [
    ...rules.filter((r) => (r.rule.resources ?? []).length > 0).map((r) => ({ verbs: r.rule.verbs, apiGroups: r.rule.apiGroups, resources: r.rule.resources, resourceNames: r.rule.resourceNames })),
    ...rules.filter((r) => (r.rule.nonResourceURLs ?? []).length > 0).map((r) => ({ verbs: r.rule.verbs, nonResourceURLs: r.rule.nonResourceURLs })),
  ];
  const compact = compactRules(converted.flatMap(breakdownRule));
  const keyed = compact.map((r, i) => ({ r, i, s: ruleString(r) }));
  keyed.sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : a.i - b.i)); // sort.Stable
  const rows = keyed.map(({ r }) => ({
    resources: combineResourceGroup(r.resources, r.apiGroups),
    nonResourceURLs: `[${(r.nonResourceURLs ?? []).join(' ')}]`,
    resourceNames: `[${(r.resourceNames ?? []).join(' ')}]`,
    verbs: `[${r.verbs.join(' ')}]`,
  }));
  const lines = rows.map((x) => [x.resources, x.nonResourceURLs, x.resourceNames, x.verbs]);
  if (!noHeaders) lines.unshift(['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs']);
  return { stdout: formatTable(lines), stderr, rows };
}

const USAGE = "See 'kubectl auth can-i -h' for help and examples.";

/** Runs one `kubectl auth can-i ...` line for `me` (the kubeconfig's credentials) in context namespace `contextNamespace`. */
export function runCanI(lists: RbacLists, me: Identity, contextNamespace: string, line: string): CanIOutcome | { badCommand: string } {
  const split = shellSplit(line.trim());
  if (!Array.isArray(split)) return { badCommand: split.error };
  let words = split;
  if (words[0] === 'kubectl') words = words.slice(1);
  if (words[0] !== 'auth' || words[1] !== 'can-i') return { badCommand: 'this simulation runs `kubectl auth can-i ...` lines' };
  words = words.slice(2);
  const base: CanIOutcome = { command: line.trim(), stdout: '', stderr: [], exitCode: 0, subject: me, attributes: null, allowed: null, reason: '', decidedBy: null, rulesVisited: 0, list: null };
  const fail = (msg: string, extra: string[] = []): CanIOutcome => ({ ...base, stderr: [`error: ${msg}`, ...extra], exitCode: 1 });
  const f = parseFlags(words);
  if ('error' in f) return fail(f.error, ["See 'kubectl auth can-i --help' for usage."]);

  // Impersonation: the caller must be allowed to impersonate (legacy impersonation checks).
  let subject: Identity = me;
  if (f.as !== null || f.asGroups.length) {
    if (f.as === null) return fail('requested [] without impersonating a user'.replace('[]', `[${f.asGroups.map((g) => `impersonate groups ${g}`).join(' ')}]`));
    const sa = /^system:serviceaccount:([^:]+):([^:]+)$/.exec(f.as);
    const checks: AccessAttributes[] = [
      sa ? attrs({ user: me.user, groups: me.groups, verb: 'impersonate', resource: 'serviceaccounts', namespace: sa[1], name: sa[2] })
        : attrs({ user: me.user, groups: me.groups, verb: 'impersonate', resource: 'users', name: f.as }),
      ...f.asGroups.map((g) => attrs({ user: me.user, groups: me.groups, verb: 'impersonate', resource: 'groups', name: g })),
    ];
    for (const c of checks) {
      const d = authorizeWithSource(lists, c);
      if (!d.allowed) return { ...base, stderr: [forbiddenError(me.user, c, d.reason)], exitCode: 1 };
    }
    subject = impersonatedIdentity(f.as, f.asGroups);
  }
  const namespace = f.allNamespaces ? '' : (f.namespace ?? contextNamespace);

  if (f.list) {
    if (f.args.length !== 0) return fail('list option must be specified with no arguments');
    if (f.quiet || f.allNamespaces || f.subresource !== '') return fail("list option can't be specified with neither quiet, all-namespaces nor subresource options");
    const review = attrs({ user: subject.user, groups: subject.groups, verb: 'create', apiGroup: 'authorization.k8s.io', resource: 'selfsubjectrulesreviews' });
    const gate = authorizeWithSource(lists, review);
    if (!gate.allowed) return { ...base, subject, stderr: [forbiddenError(subject.user, review, gate.reason)], exitCode: 1 };
    const out = accessList(lists, subject, namespace, f.noHeaders);
    return { ...base, subject, stdout: out.stdout, stderr: out.stderr, list: out.rows };
  }
  if (f.args.length !== 2) return fail('you must specify two arguments: verb resource or verb resource/resourceName.', [USAGE]);
  if (f.noHeaders) return fail('--no-headers cannot be set without --list specified');
  const stderr: string[] = [];
  const verb = f.args[0];
  let request: AccessAttributes;
  if (f.args[1].startsWith('/')) {
    if (f.subresource) return fail('--subresource can not be used with NonResourceURL');
    if (!NON_RESOURCE_VERBS.has(verb)) stderr.push(`Warning: verb '${verb}' is not a known verb`);
    request = attrs({ user: subject.user, groups: subject.groups, verb, resourceRequest: false, path: f.args[1] });
  } else {
    const slash = f.args[1].indexOf('/');
    const typeArg = slash < 0 ? f.args[1] : f.args[1].slice(0, slash);
    const name = slash < 0 ? '' : f.args[1].slice(slash + 1);
    let group = '';
    let resource = typeArg;
    let namespaced = true;
    if (typeArg !== '*') {
      const found = lookupResource(typeArg);
      if (found) ({ group, resource, namespaced } = found);
      else {
        const gr = parseGroupResource(typeArg);
        const grString = gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
        if (!NON_STANDARD.has(grString)) stderr.push(gr.group ? `Warning: the server doesn't have a resource type '${gr.resource}' in group '${gr.group}'` : `Warning: the server doesn't have a resource type '${gr.resource}'`);
        namespaced = true;
      }
    }
    if (!f.allNamespaces && !namespaced) stderr.push(group ? `Warning: resource '${resource}' is not namespace scoped in group '${group}'` : `Warning: resource '${resource}' is not namespace scoped`);
    if (!RESOURCE_VERBS.has(verb)) stderr.push(`Warning: verb '${verb}' is not a known verb`);
    request = attrs({ user: subject.user, groups: subject.groups, verb, apiGroup: group, resource, subresource: f.subresource, namespace, name });
  }
  // Creating the SelfSubjectAccessReview is itself authorized.
  const review = attrs({ user: subject.user, groups: subject.groups, verb: 'create', apiGroup: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews' });
  const gate = authorizeWithSource(lists, review);
  if (!gate.allowed) return { ...base, subject, attributes: request, stderr: [...stderr, forbiddenError(subject.user, review, gate.reason)], exitCode: 1 };
  const d = authorizeWithSource(lists, request);
  const stdout = f.quiet ? '' : d.allowed ? 'yes' : d.reason ? `no - ${d.reason}` : 'no';
  return { ...base, subject, attributes: request, stdout, stderr, exitCode: d.allowed ? 0 : 1, allowed: d.allowed, reason: d.reason, decidedBy: decidedByOf(d), rulesVisited: d.rulesVisited };
}
