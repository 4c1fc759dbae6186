// NamespaceLifecycle: nothing is created in a namespace that does not exist or
// is being deleted, and the three system namespaces cannot be deleted.
// src: staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go

import { asObject, asString } from '../../apimachinery/json.ts';
import { statusErrors } from '../result.ts';
import type { AdmissionPlugin } from './chain.ts';

/** The namespaces kube-apiserver refuses to delete (immortalNamespaces). */
export const IMMORTAL_NAMESPACES: readonly string[] = ['default', 'kube-system', 'kube-public'];

// A mutating plugin upstream (it implements Admit only), so it answers before validation.
export const namespaceLifecycle: AdmissionPlugin = {
  name: 'NamespaceLifecycle',
  admit(a) {
    if (a.kind.kind === 'Namespace' && a.kind.group === '') {
      if (a.operation === 'DELETE' && IMMORTAL_NAMESPACES.includes(a.name)) {
        return statusErrors.forbidden('', 'namespaces', a.name, 'this namespace may not be deleted');
      }
      return undefined;
    }
    if (!a.kind.namespaced || a.operation !== 'CREATE') return undefined;
    const ns = a.server.peek({ apiVersion: 'v1', kind: 'Namespace', name: a.namespace });
    if (!ns) return statusErrors.notFound('', 'namespaces', a.namespace);
    const terminating = asObject(ns.metadata)?.deletionTimestamp !== undefined || asString(asObject(ns.status)?.phase) === 'Terminating';
    if (terminating) {
      return statusErrors.forbidden(a.kind.group, a.kind.resource, a.name, `unable to create new content in namespace ${a.namespace} because it is being terminated`);
    }
    return undefined;
  },
};
