// `kubectl apply --server-side` for one object, as
// staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go (applyOneObject) runs it:
//
//   1. PATCH apply-patch+yaml ?fieldManager=<m>&force=<f>      the server merges (server-side/apply.ts)
//   then, only when it succeeded:
//   2. saveLastApplyAnnotationIfNecessary: manager "kubectl", the object has a
//      last-applied annotation and no Apply entry owns it → PATCH an apply of
//      just the annotation as "kubectl-last-applied", so the annotation
//      outlives the move to server-side apply (and you can go back)
//   3. migrateToSSAIfNecessary: the Update managers owning the annotation
//      (kubectl-client-side-apply) are folded into <m> → PATCH json-patch of
//      metadata.managedFields (kubectl/csa-upgrade.ts)
//   4. if 3 sent a patch: PATCH the same apply again, so the fields the old
//      client-side applies owned and your file dropped are now removed
//
// A failure of 2, 3 or 4 is only a warning; the object stays as the last
// successful request left it.

import { clone, isMap } from '../../apimachinery/go-values.ts';
import type { JsonObject } from '../../apimachinery/go-values.ts';
import { goJsonEncode } from '../../apimachinery/go-json.ts';
import { SchemaNode } from '../../apimachinery/strategic-merge-patch/patch-meta.ts';
import { schemaFor } from '../../kubectl/apply/scheme.ts';
import { explainApply } from '../explain/explain.ts';
import { serverSideApply } from '../server-side/apply.ts';
import type { ServerSideApply, ServerSideOptions } from '../server-side/apply.ts';
import { decodeManagedFields, withoutManagedFields } from '../../apiserver/field-manager/managed-fields.ts';
import { LAST_APPLIED, lastAppliedText } from './last-applied.ts';
import type { HttpRequest } from './client-side-apply.ts';
import { LAST_APPLIED_FIELD, findFieldsOwners, upgradeManagedFields, upgradePatchBody, withManagedFields } from './csa-upgrade.ts';

/** apply.go fieldManagerLastAppliedAnnotation */
export const LAST_APPLIED_MANAGER = 'kubectl-last-applied';

export interface FollowUp {
  step: 'save-last-applied' | 'migrate-managed-fields' | 'reapply';
  request: HttpRequest;
  /** The object after the server handled the request. */
  after: JsonObject;
}

export interface KubectlServerSideApply extends ServerSideApply {
  /** The requests kubectl sends after the apply itself, in order. */
  followUps: FollowUp[];
  /** The Update managers whose fields kubectl moved to the applier. */
  migratedManagers: string[];
}

// apply.go's warnings for a failed follow-up (non-fatal).
const warningMigrationLastAppliedFailed = (e: string) =>
  `Warning: failed to migrate kubectl.kubernetes.io/last-applied-configuration for Server-Side Apply. This is non-fatal and will be retried next time you apply. Error: ${e}`;
const warningMigrationReapplyFailed = (e: string) =>
  `Warning: failed to re-apply configuration after performing Server-Side Apply migration. This is non-fatal and will be retried next time you apply. Error: ${e}`;

/** The server's message inside kubectl's "error: ..." text (without kubectl's conflict help). */
function serverError(r: ServerSideApply): string {
  return (r.error ?? '').replace(/^error: /, '').split('\nPlease review the fields above')[0];
}

/**
 * One object through `kubectl apply --server-side`, follow-up requests included.
 *
 * @example
 *   // live was created by `kubectl apply` (client side): its fields belong to kubectl-client-side-apply
 *   kubectlServerSideApply(config, live, { namespace: 'default', fieldManager: 'kubectl', force: false, now })
 *   // → { outcome: 'serverside-applied', followUps: [save-last-applied, migrate-managed-fields, reapply],
 *   //     migratedManagers: ['kubectl-client-side-apply'], managers: [kubectl (Apply), kubectl-last-applied (Apply)] }
 */
export function kubectlServerSideApply(config: JsonObject, live: JsonObject | null, options: ServerSideOptions): KubectlServerSideApply {
  const first = serverSideApply(config, live, options);
  const result: KubectlServerSideApply = { ...first, followUps: [], migratedManagers: [] };
  if (first.outcome === 'failed') return result;
  const path = first.request!.path;
  const validation = 'fieldValidation=Strict';
  let current = first.after;

  // 2. saveLastApplyAnnotationIfNecessary
  const annotation = lastAppliedText(current);
  if (options.fieldManager === 'kubectl' && annotation !== undefined && findFieldsOwners(managersOf(current), 'Apply', LAST_APPLIED_FIELD).length === 0) {
    const metadata: JsonObject = { annotations: { [LAST_APPLIED]: annotation }, name: first.name };
    if (first.namespace !== null) metadata.namespace = first.namespace;
    const justAnnotation: JsonObject = { apiVersion: first.apiVersion, kind: first.kind, metadata };
    const saved = serverSideApply(justAnnotation, current, { ...options, fieldManager: LAST_APPLIED_MANAGER, force: false });
    const request: HttpRequest = {
      method: 'PATCH',
      path,
      query: `fieldManager=${LAST_APPLIED_MANAGER}&${validation}`,
      contentType: 'application/apply-patch+yaml',
      body: goJsonEncode(justAnnotation),
    };
    if (saved.outcome === 'failed') {
      // apply.go skips the migration when this fails.
      result.warnings = [...result.warnings, warningMigrationLastAppliedFailed(serverError(saved))];
      return finish(result, live, current);
    }
    current = saved.after;
    result.followUps.push({ step: 'save-last-applied', request, after: current });
  }

  // 3. migrateToSSAIfNecessary
  const upgrade = upgradeManagedFields(managersOf(current), options.fieldManager);
  if (upgrade.managedFields) {
    const resourceVersion = isMap(current.metadata) && typeof current.metadata.resourceVersion === 'string' ? current.metadata.resourceVersion : '';
    current = withManagedFields(current, upgrade.managedFields);
    result.migratedManagers = upgrade.csaManagers;
    result.followUps.push({
      step: 'migrate-managed-fields',
      request: {
        method: 'PATCH',
        path,
        query: `fieldManager=${encodeURIComponent(options.fieldManager)}&${validation}`,
        contentType: 'application/json-patch+json',
        body: upgradePatchBody(upgrade.managedFields, resourceVersion),
      },
      after: current,
    });

    // 4. the same apply again
    const again = serverSideApply(config, current, options);
    if (again.outcome === 'failed') {
      result.warnings = [...result.warnings, warningMigrationReapplyFailed(serverError(again))];
    } else {
      current = again.after;
      result.followUps.push({ step: 'reapply', request: again.request!, after: current });
    }
  }
  return finish(result, live, current);
}

/** The result as kubectl leaves it: the last object, its managers, and the explanation from the first live object to it. */
function finish(result: KubectlServerSideApply, live: JsonObject | null, after: JsonObject): KubectlServerSideApply {
  if (result.followUps.length === 0) return result;
  const schema = schemaFor(result.apiVersion, result.kind);
  const node = schema ? SchemaNode.root(schema) : SchemaNode.open();
  const applied = clone(result.modified);
  delete applied.status;
  return {
    ...result,
    after,
    managers: managersOf(after),
    explanation: explainApply({ before: live ? withoutManagedFields(live) : null, after: withoutManagedFields(after), modified: applied, lastApplied: null, schema: node, mode: 'server-side' }),
  };
}

function managersOf(obj: JsonObject) {
  return isMap(obj.metadata) ? decodeManagedFields(obj.metadata.managedFields) : [];
}
