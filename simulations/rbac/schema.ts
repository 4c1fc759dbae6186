// The rbac engine's input: RBAC objects, ServiceAccounts and Namespaces through the shared
// API server (decoded, defaulted and validated as kube-apiserver would), plus the notebook's
// own kube-notebook.dev/v1alpha1 AccessReviewList: who asks, and what.
//
//   apiVersion: kube-notebook.dev/v1alpha1
//   kind: AccessReviewList
//   spec:
//     user: jane                      # the identity kubectl's credentials authenticate as
//     groups: [system:authenticated]  # exactly as the authenticator would give them
//     namespace: default              # the kubeconfig context's namespace (kubectl's -n default)
//     commands:                       # `kubectl auth can-i` lines, answered as kubectl prints them
//     - kubectl auth can-i list pods -n dev
//     - kubectl auth can-i --list -n dev
//     reviews:                        # SubjectAccessReview attributes, for anyone
//     - {user: bob, groups: [], verb: get, resource: secrets, namespace: dev}
//     matrix:                         # optional: who can do what, as a picture
//       namespace: dev
//       verbs: [get, list, create, delete]
//       resources: [pods, secrets, deployments.apps]

import { asList, asObject, asString } from '../apimachinery/json.ts';
import type { JsonObject } from '../apimachinery/json.ts';
import type { ApiServer } from '../apiserver/api-server.ts';
import { freshApiServer } from '../apiserver/scenario.ts';
import { admitObjects, isBuiltIn } from '../kubectl/create.ts';
import { LimitExceededError, ValidationError } from '../shared/errors.ts';
import { flattenLists } from '../shared/yaml.ts';
import type { Manifest } from '../shared/yaml.ts';

export const OWN_API_VERSION = 'kube-notebook.dev/v1alpha1';
const ALLOWED_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ServiceAccount', 'Namespace']);
export const MAX_COMMANDS = 200;
export const MAX_REVIEWS = 200;
export const MAX_MATRIX_CELLS = 2000;

export interface ReviewSpec {
  user: string;
  groups: string[];
  verb: string;
  resource: string;
  apiGroup: string;
  subresource: string;
  namespace: string;
  name: string;
  path: string;
  /** The object the review came from, to point errors at. */
  source: JsonObject;
}

export interface RbacInput {
  api: ApiServer;
  me: { user: string; groups: string[]; namespace: string };
  commands: { line: string; source: JsonObject; index: number }[];
  reviews: ReviewSpec[];
  matrix: { namespace: string; verbs: string[]; resources: string[]; subjects: { kind: string; name: string; namespace: string }[] | null } | null;
}

function stringList(o: JsonObject, field: string, max: number): string[] {
  const v = o[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ValidationError('must be a list of strings', { object: o, path: [field] });
  if (v.length > max) throw new LimitExceededError(`at most ${max} entries`, { object: o, path: [field] });
  return v.map((x, i) => {
    if (typeof x !== 'string') throw new ValidationError('must be a string', { object: o, path: [field, i] });
    return x;
  });
}

function optString(o: JsonObject, field: string): string {
  const v = o[field];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') throw new ValidationError('must be a string', { object: o, path: [field] });
  return v;
}

function readReview(item: unknown, spec: JsonObject, index: number): ReviewSpec {
  const o = asObject(item);
  if (!o) throw new ValidationError('must be an object', { object: spec, path: ['reviews', index] });
  const verb = optString(o, 'verb');
  if (!verb) throw new ValidationError('Required value', { object: o, path: ['verb'] });
  const resource = optString(o, 'resource');
  const path = optString(o, 'path');
  // authorization/v1 validation: exactly one of resourceAttributes and nonResourceAttributes
  if ((resource === '') === (path === '')) throw new ValidationError('exactly one of resource or path must be set', { object: o, path: [resource ? 'path' : 'resource'] });
  return {
    user: optString(o, 'user'), groups: stringList(o, 'groups', 100), verb, resource, path,
    apiGroup: optString(o, 'apiGroup'), subresource: optString(o, 'subresource'), namespace: optString(o, 'namespace'), name: optString(o, 'name'), source: o,
  };
}

export function readInput(manifests: readonly Manifest[]): RbacInput {
  const flat = flattenLists(manifests);
  const builtIns: JsonObject[] = [];
  let review: JsonObject | null = null;
  for (const m of flat) {
    const o = m.object;
    if (o.apiVersion === OWN_API_VERSION) {
      if (o.kind !== 'AccessReviewList') throw new ValidationError(`no kind "${o.kind}" is registered for version "${OWN_API_VERSION}"; this simulation reads AccessReviewList`, { object: o, path: ['kind'] });
      if (review) throw new ValidationError('only one AccessReviewList per scenario', { object: o, path: ['kind'] });
      review = o;
      continue;
    }
    if (!isBuiltIn(o)) throw new ValidationError(`no kind "${o.kind}" is registered for version "${o.apiVersion}"`, { object: o, path: ['kind'] });
    if (!ALLOWED_KINDS.has(o.kind)) throw new ValidationError(`this simulation reads Role, ClusterRole, RoleBinding, ClusterRoleBinding, ServiceAccount and Namespace objects, not ${o.kind}`, { object: o, path: ['kind'] });
    builtIns.push(o);
  }
  if (!review) throw new ValidationError(`add a ${OWN_API_VERSION} AccessReviewList saying who asks what`);
  const api = freshApiServer();
  // Namespaces first, so that a RoleBinding before its Namespace in the file still lands.
  admitObjects(api, [...builtIns.filter((o) => o.kind === 'Namespace'), ...builtIns.filter((o) => o.kind !== 'Namespace')], 'seed');

  const spec = asObject(review.spec);
  if (!spec) throw new ValidationError('Required value', { object: review, path: ['spec'] });
  const me = { user: optString(spec, 'user'), groups: stringList(spec, 'groups', 100), namespace: optString(spec, 'namespace') || 'default' };
  const rawCommands = spec.commands ?? [];
  if (!Array.isArray(rawCommands)) throw new ValidationError('must be a list of strings', { object: spec, path: ['commands'] });
  if (rawCommands.length > MAX_COMMANDS) throw new LimitExceededError(`at most ${MAX_COMMANDS} commands`, { object: spec, path: ['commands'] });
  const commands = rawCommands.map((line, index) => {
    if (typeof line !== 'string') throw new ValidationError('must be a string', { object: spec, path: ['commands', index] });
    return { line, source: spec, index };
  });
  const rawReviews = spec.reviews ?? [];
  if (!Array.isArray(rawReviews)) throw new ValidationError('must be a list', { object: spec, path: ['reviews'] });
  if (rawReviews.length > MAX_REVIEWS) throw new LimitExceededError(`at most ${MAX_REVIEWS} reviews`, { object: spec, path: ['reviews'] });
  const reviews = rawReviews.map((r, i) => readReview(r, spec, i));
  if (commands.length + reviews.length === 0 && spec.matrix == null) throw new ValidationError('ask something: commands, reviews or matrix', { object: review, path: ['spec'] });

  let matrix: RbacInput['matrix'] = null;
  const m = asObject(spec.matrix);
  if (spec.matrix != null && !m) throw new ValidationError('must be an object', { object: spec, path: ['matrix'] });
  if (m) {
    const verbs = stringList(m, 'verbs', 20);
    const resources = stringList(m, 'resources', 30);
    if (!verbs.length) throw new ValidationError('Required value', { object: m, path: ['verbs'] });
    if (!resources.length) throw new ValidationError('Required value', { object: m, path: ['resources'] });
    let subjects: { kind: string; name: string; namespace: string }[] | null = null;
    if (m.subjects != null) {
      subjects = asList(m.subjects).map((s, i) => {
        const so = asObject(s);
        if (!so) throw new ValidationError('must be an object', { object: m, path: ['subjects', i] });
        const kind = optString(so, 'kind');
        if (!['User', 'Group', 'ServiceAccount'].includes(kind)) throw new ValidationError(`Unsupported value: "${kind}": supported values: "User", "Group", "ServiceAccount"`, { object: so, path: ['kind'] });
        return { kind, name: optString(so, 'name'), namespace: optString(so, 'namespace') };
      });
    }
    matrix = { namespace: optString(m, 'namespace'), verbs, resources, subjects };
  }
  return { api, me, commands, reviews, matrix };
}

export function listStored(api: ApiServer, kind: string): JsonObject[] {
  const r = api.list('rbac.authorization.k8s.io/v1', kind);
  return asList(r.items).map((x) => asObject(x) ?? {});
}

export function nameOf(o: unknown): string {
  return asString(asObject(asObject(o)?.metadata)?.name);
}
