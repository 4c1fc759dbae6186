// `kubectl apply --server-side` for one object, as
// staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go (applyOneObject) runs it:
//
//   1. PATCH apply-patch+yaml ?fieldManager=<m>&force=<f>      the API server's field manager merges
//   then, only when it succeeded:
//   2. saveLastApplyAnnotationIfNecessary: manager "kubectl", the object has a
//      last-applied annotation and no Apply entry owns it → PATCH an apply of
//      just the annotation as "kubectl-last-applied", so the annotation
//      outlives the move to server-side apply (and you can go back)
//   3. migrateToSSAIfNecessary: the Update managers owning the annotation
//      (kubectl-client-side-apply) are folded into <m> → PATCH json-patch of
//      metadata.managedFields (csa-upgrade.ts)
//   4. if 3 sent a patch: PATCH the same apply again, so the fields the old
//      client-side applies owned and your file dropped are now removed
//
// A failure of 2, 3 or 4 is only a warning; the object stays as the last
// successful request left it.

import { isMap } from '../../apimachinery/go-values.ts';
import type { JsonObject } from '../../apimachinery/go-values.ts';
import { goJsonEncode } from '../../apimachinery/go-json.ts';
import { decodeManagedFields } from '../../apiserver/field-manager/managed-fields.ts';
import type { ManagerEntry } from '../../apiserver/field-manager/managed-fields.ts';
import type { ApiResult } from '../../apiserver/result.ts';
import type { ApiClient, HttpRequest, HttpResponse } from './client.ts';
import { responseOf } from './client.ts';
import { baseOf, mappingError, refOf } from './client-side-apply.ts';
import type { ObjectApply } from './client-side-apply.ts';
import { plainError, serverError } from './errors.ts';
import { LAST_APPLIED, lastAppliedText } from './last-applied.ts';
import { apiPath, restMapping } from './resources.ts';
import { LAST_APPLIED_FIELD, findFieldsOwners, upgradeManagedFields, upgradePatchBody } from './csa-upgrade.ts';

/** apply.go fieldManagerLastAppliedAnnotation */
export const LAST_APPLIED_MANAGER = 'kubectl-last-applied';

export interface ServerSideOptions {
  namespace: string;
  /** --field-manager (default "kubectl"). */
  fieldManager: string;
  /** --force-conflicts */
  force: boolean;
  /** The file name kubectl reports in errors. */
  fileName: string;
}

export interface FollowUp {
  step: 'save-last-applied' | 'migrate-managed-fields' | 'reapply';
  request: HttpRequest;
  response: HttpResponse;
  /** The object after the server handled the request. */
  after: JsonObject;
}

export interface KubectlServerSideApply extends ObjectApply {
  /** The fields other managers own that the apply would change (a 409), as the server's causes name them. */
  conflicts: { manager: string; path: string }[];
  /** The managedFields of the object afterwards. */
  managers: ManagerEntry[];
  /** The requests kubectl sends after the apply itself, in order. */
  followUps: FollowUp[];
  /** The Update managers whose fields kubectl moved to the applier. */
  migratedManagers: string[];
}

// apply.go's warnings for a failed follow-up (non-fatal).
const warningMigrationLastAppliedFailed = (e: string) =>
  `Warning: failed to migrate kubectl.kubernetes.io/last-applied-configuration for Server-Side Apply. This is non-fatal and will be retried next time you apply. Error: ${e}`;
const warningMigrationPatchFailed = (e: string) =>
  `Warning: server rejected managed fields migration to Server-Side Apply. This is non-fatal and will be retried next time you apply. Error: ${e}`;
const warningMigrationReapplyFailed = (e: string) =>
  `Warning: failed to re-apply configuration after performing Server-Side Apply migration. This is non-fatal and will be retried next time you apply. Error: ${e}`;

/** The causes of a 409 apply conflict: `conflict with "<manager>" ...` on `<path>`. */
function conflictsOf(result: ApiResult): { manager: string; path: string }[] {
  return (result.status?.details?.causes ?? [])
    .filter((c) => c.reason === 'FieldManagerConflict')
    .map((c) => {
      const quoted = /^conflict with ("(?:[^"\\]|\\.)*")/.exec(c.message ?? '');
      return { manager: quoted ? (JSON.parse(quoted[1]) as string) : (c.message ?? ''), path: c.field ?? '' };
    });
}

function managersOf(obj: JsonObject): ManagerEntry[] {
  try {
    return isMap(obj.metadata) ? decodeManagedFields(obj.metadata.managedFields) : [];
  } catch {
    return [];
  }
}

/**
 * One object through `kubectl apply --server-side`, follow-up requests included.
 *
 * @example
 *   // live was created by `kubectl apply` (client side): its fields belong to kubectl-client-side-apply
 *   kubectlServerSideApply(api, config, { namespace: 'default', fieldManager: 'kubectl', force: false, fileName: 'web.yaml' })
 *   // → { outcome: 'serverside-applied', followUps: [save-last-applied, migrate-managed-fields, reapply],
 *   //     migratedManagers: ['kubectl-client-side-apply'], managers: [kubectl (Apply), kubectl-last-applied (Apply)] }
 */
export function kubectlServerSideApply(client: ApiClient, config: JsonObject, options: ServerSideOptions): KubectlServerSideApply {
  const b = baseOf(config, options);
  const manager = options.fieldManager;
  const request: HttpRequest = {
    method: 'PATCH',
    path: apiPath(b.info, b.namespace ?? undefined, b.name),
    query: `fieldManager=${encodeURIComponent(manager)}&fieldValidation=Strict&force=${options.force}`,
    contentType: 'application/apply-patch+yaml',
    body: goJsonEncode(b.local),
  };
  const base = {
    apiVersion: b.apiVersion,
    kind: b.kind,
    name: b.name,
    namespace: b.namespace,
    printName: b.printName,
    patchType: 'apply' as const,
    patch: b.local,
    modified: b.local,
    diffFile: b.diffFile,
    newLastApplied: null,
    lastApplied: null,
    before: null,
    followUps: [] as FollowUp[],
    migratedManagers: [] as string[],
  };
  if (!restMapping(b.apiVersion, b.kind)) {
    return { ...base, outcome: 'failed', message: '', warnings: [], error: mappingError(config, options.fileName), request: null, response: null, after: b.local, conflicts: [], managers: [] };
  }
  const ref = refOf(b.local, b.info);
  const first = client.patch(ref, b.local, { type: 'application/apply-patch+yaml', fieldManager: manager, force: options.force });
  if (first.code >= 400) {
    // apply.go: a conflict gets kubectl's advice under the server's message; other errors are printed as they come.
    const error = first.code === 409 && first.reason === 'Conflict' ? plainError(`${first.message ?? ''}\n${KUBECTL_CONFLICT_HELP}`) : serverError(first);
    return { ...base, outcome: 'failed', message: '', warnings: [], error, request, response: responseOf(first), after: b.local, conflicts: conflictsOf(first), managers: [] };
  }
  const result: KubectlServerSideApply = {
    ...base,
    outcome: 'serverside-applied',
    message: `${b.printName} serverside-applied`,
    warnings: [],
    error: null,
    request,
    response: responseOf(first),
    after: first.object as JsonObject,
    conflicts: [],
    managers: [],
  };
  const validation = 'fieldValidation=Strict';
  let current = first.object as JsonObject;

  // 2. saveLastApplyAnnotationIfNecessary
  const annotation = lastAppliedText(current);
  if (manager === 'kubectl' && annotation !== undefined && findFieldsOwners(managersOf(current), 'Apply', LAST_APPLIED_FIELD).length === 0) {
    const metadata: JsonObject = { annotations: { [LAST_APPLIED]: annotation }, name: b.name };
    if (b.namespace !== null) metadata.namespace = b.namespace;
    const justAnnotation: JsonObject = { apiVersion: b.apiVersion, kind: b.kind, metadata };
    const saved = client.patch(ref, justAnnotation, { type: 'application/apply-patch+yaml', fieldManager: LAST_APPLIED_MANAGER });
    if (saved.code >= 400) {
      // apply.go skips the migration when this fails.
      result.warnings.push(warningMigrationLastAppliedFailed(saved.message ?? ''));
      return finish(result, current);
    }
    current = saved.object as JsonObject;
    result.followUps.push({
      step: 'save-last-applied',
      request: { method: 'PATCH', path: request.path, query: `fieldManager=${LAST_APPLIED_MANAGER}&${validation}`, contentType: 'application/apply-patch+yaml', body: goJsonEncode(justAnnotation) },
      response: responseOf(saved),
      after: current,
    });
  }

  // 3. migrateToSSAIfNecessary
  const upgrade = upgradeManagedFields(managersOf(current), manager);
  if (upgrade.managedFields) {
    const resourceVersion = isMap(current.metadata) && typeof current.metadata.resourceVersion === 'string' ? current.metadata.resourceVersion : '';
    const body = upgradePatchBody(upgrade.managedFields, resourceVersion);
    const migrated = client.patch(ref, JSON.parse(body), { type: 'application/json-patch+json', fieldManager: manager });
    if (migrated.code >= 400) {
      result.warnings.push(warningMigrationPatchFailed(migrated.message ?? ''));
      return finish(result, current);
    }
    current = migrated.object as JsonObject;
    result.migratedManagers = upgrade.csaManagers;
    result.followUps.push({
      step: 'migrate-managed-fields',
      request: { method: 'PATCH', path: request.path, query: `fieldManager=${encodeURIComponent(manager)}&${validation}`, contentType: 'application/json-patch+json', body },
      response: responseOf(migrated),
      after: current,
    });

    // 4. the same apply again
    const again = client.patch(ref, b.local, { type: 'application/apply-patch+yaml', fieldManager: manager, force: options.force });
    if (again.code >= 400) {
      result.warnings.push(warningMigrationReapplyFailed(again.message ?? ''));
    } else {
      current = again.object as JsonObject;
      result.followUps.push({ step: 'reapply', request, response: responseOf(again), after: current });
    }
  }
  return finish(result, current);
}

/** The result as kubectl leaves it: the last object and its managers. */
function finish(result: KubectlServerSideApply, after: JsonObject): KubectlServerSideApply {
  result.after = after;
  result.managers = managersOf(after);
  return result;
}

/** What kubectl adds under the server's conflict message (staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go). */
export const KUBECTL_CONFLICT_HELP = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;
