// How kubectl turns `pods`, `po`, `deploy`, `deployments.apps` or `Pod` into a resource:
// the RESTMapper over discovery (plural, singular, kind and short names), as
// staging/src/k8s.io/kubectl/pkg/cmd/auth/cani.go resourceFor asks it. Discovery here is the
// shared API server's kinds (apiserver/kinds.ts) plus the subresource-free API-only
// resources a learner asks about.

import { KINDS } from '../apiserver/kinds.ts';

export interface ResourceInfo {
  group: string;
  resource: string;
  namespaced: boolean;
}

const EXTRA: readonly (ResourceInfo & { kind: string; shortNames: string[] })[] = [
  { group: 'authorization.k8s.io', resource: 'selfsubjectaccessreviews', kind: 'SelfSubjectAccessReview', namespaced: false, shortNames: [] },
  { group: 'authorization.k8s.io', resource: 'selfsubjectrulesreviews', kind: 'SelfSubjectRulesReview', namespaced: false, shortNames: [] },
  { group: 'authorization.k8s.io', resource: 'subjectaccessreviews', kind: 'SubjectAccessReview', namespaced: false, shortNames: [] },
  { group: 'authentication.k8s.io', resource: 'selfsubjectreviews', kind: 'SelfSubjectReview', namespaced: false, shortNames: [] },
  { group: 'authentication.k8s.io', resource: 'tokenreviews', kind: 'TokenReview', namespaced: false, shortNames: [] },
  { group: 'certificates.k8s.io', resource: 'certificatesigningrequests', kind: 'CertificateSigningRequest', namespaced: false, shortNames: ['csr'] },
];

const TABLE: readonly (ResourceInfo & { names: string[] })[] = [
  ...KINDS.map((k) => ({ group: k.group, resource: k.resource, namespaced: k.namespaced, names: [k.resource, k.kind.toLowerCase(), ...k.shortNames] })),
  ...EXTRA.map((k) => ({ group: k.group, resource: k.resource, namespaced: k.namespaced, names: [k.resource, k.kind.toLowerCase(), ...k.shortNames] })),
];

/**
 * schema.ParseResourceArg then mapper.ResourceFor: `resource.version.group` or
 * `resource.group` or `resource`; undefined when discovery does not know it.
 */
export function lookupResource(arg: string): ResourceInfo | undefined {
  const lower = arg.toLowerCase();
  const candidates: { resource: string; group: string | null }[] = [];
  const parts = lower.split('.');
  if (parts.length >= 3) candidates.push({ resource: parts[0], group: parts.slice(2).join('.') });
  const dot = lower.indexOf('.');
  candidates.push(dot < 0 ? { resource: lower, group: null } : { resource: lower.slice(0, dot), group: lower.slice(dot + 1) });
  for (const c of candidates) {
    const hit = TABLE.find((t) => t.names.includes(c.resource) && (c.group === null || t.group === c.group));
    if (hit) return { group: hit.group, resource: hit.resource, namespaced: hit.namespaced };
  }
  return undefined;
}

/** schema.ParseGroupResource: what the warning names when discovery does not know it. */
export function parseGroupResource(arg: string): { resource: string; group: string } {
  const lower = arg.toLowerCase();
  const dot = lower.indexOf('.');
  return dot < 0 ? { resource: lower, group: '' } : { resource: lower.slice(0, dot), group: lower.slice(dot + 1) };
}
