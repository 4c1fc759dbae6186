// Moving client-side apply's field ownership to a server-side applier, as
// kubectl does after `kubectl apply --server-side` succeeds
// (staging/src/k8s.io/client-go/util/csaupgrade/upgrade.go: FindFieldsOwners,
// UpgradeManagedFields, UpgradeManagedFieldsPatch; called from
// staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go migrateToSSAIfNecessary).
//
//   csa managers = Update entries that own the last-applied annotation field
//   for each: the applier's Apply entry (or, if there is none, the newest csa
//             entry renamed into it) takes the union of its fields and those of
//             the csa entry with the same apiVersion; every Update entry of
//             that name is dropped
//   unchanged → no request; changed → one JSON patch replacing managedFields

import { compareGoStrings } from '../../apimachinery/go-values.ts';
import type { JsonObject } from '../../apimachinery/go-values.ts';
import { goJsonMarshal, quote } from '../../apimachinery/go-json.ts';
import { encodeManagedFields } from '../../apiserver/field-manager/managed-fields.ts';
import type { ManagerEntry } from '../../apiserver/field-manager/managed-fields.ts';
import type { Path } from '../../apiserver/field-manager/field-set.ts';
import { LAST_APPLIED } from './last-applied.ts';

/** apply.go lastAppliedAnnotationFieldPath */
export const LAST_APPLIED_FIELD: Path = [
  { t: 'f', name: 'metadata' },
  { t: 'f', name: 'annotations' },
  { t: 'f', name: LAST_APPLIED },
];

/**
 * FindFieldsOwners: the entries of one operation whose fields include `path`.
 *
 * @example findFieldsOwners(managers, 'Update', LAST_APPLIED_FIELD).map((e) => e.manager) // ['kubectl-client-side-apply']
 */
export function findFieldsOwners(entries: ManagerEntry[], operation: ManagerEntry['operation'], path: Path): ManagerEntry[] {
  return entries.filter((e) => e.operation === operation && e.fields.has(path));
}

/** An entry, marked when the upgrade rewrote its fieldsV1 (encodeManagedFieldsEntrySet). */
export type UpgradedEntry = ManagerEntry & { reencoded?: boolean };

const isCsa = (name: string) => (e: ManagerEntry) => e.manager === name && e.operation === 'Update' && !e.subresource;

/** upgradedManagedFields for one client-side manager name; a new list, the entries' order kept. */
function upgradeOne(entries: UpgradedEntry[], csaName: string, ssaName: string): UpgradedEntry[] {
  const out: UpgradedEntry[] = entries.map((e) => ({ ...e }));
  let target = out.findIndex((e) => e.manager === ssaName && e.operation === 'Apply' && !e.subresource);
  if (target < 0) {
    // No applier entry yet: the first (newest) client-side entry becomes it.
    target = out.findIndex(isCsa(csaName));
    if (target < 0) return out;
    out[target] = { ...out[target], manager: ssaName, operation: 'Apply' };
  }
  // unionManagerIntoIndex: the client-side entry of the same apiVersion is merged in.
  const csa = out.find((e) => isCsa(csaName)(e) && e.apiVersion === out[target].apiVersion);
  if (csa) out[target] = { ...out[target], fields: out[target].fields.union(csa.fields) };
  out[target].reencoded = true;
  return out.filter((e) => !isCsa(csaName)(e));
}

export interface CsaUpgrade {
  /** The managers kubectl found owning the annotation through an Update. */
  csaManagers: string[];
  /** The managedFields after the upgrade, or null when nothing changes (no request). */
  managedFields: UpgradedEntry[] | null;
}

/**
 * UpgradeManagedFields, for every Update owner of the last-applied annotation.
 *
 * @example
 *   upgradeManagedFields(managers, 'kubectl')
 *   // → { csaManagers: ['kubectl-client-side-apply'], managedFields: [kubectl (Apply, its fields ∪ the client-side ones), ...] }
 */
export function upgradeManagedFields(entries: ManagerEntry[], ssaName: string): CsaUpgrade {
  const csaManagers = [...new Set(findFieldsOwners(entries, 'Update', LAST_APPLIED_FIELD).map((e) => e.manager))].sort(compareGoStrings);
  let next: UpgradedEntry[] = entries;
  for (const name of csaManagers) next = upgradeOne(next, name, ssaName);
  const same = JSON.stringify(encodeManagedFields(next)) === JSON.stringify(encodeManagedFields(entries)) && next.length === entries.length;
  return { csaManagers, managedFields: same ? null : next };
}

/**
 * UpgradeManagedFieldsPatch's body: json.Marshal of two replace operations,
 * the entries as metav1.ManagedFieldsEntry marshals (struct field order). An
 * entry the upgrade rewrote carries fieldsV1 as fieldpath's ToJSON writes it;
 * the others as kubectl decoded them from the object (map keys sorted).
 */
export function upgradePatchBody(entries: UpgradedEntry[], resourceVersion: string): string {
  const entry = (e: UpgradedEntry) => {
    const fields = e.fields.toFieldsV1();
    const parts = [
      `"manager":${quote(e.manager)}`,
      `"operation":${quote(e.operation)}`,
      ...(e.apiVersion ? [`"apiVersion":${quote(e.apiVersion)}`] : []),
      ...(e.time ? [`"time":${quote(e.time)}`] : []),
      `"fieldsType":"FieldsV1"`,
      `"fieldsV1":${e.reencoded ? inOrder(fields) : goJsonMarshal(fields)}`,
      ...(e.subresource ? [`"subresource":${quote(e.subresource)}`] : []),
    ];
    return `{${parts.join(',')}}`;
  };
  return (
    `[{"op":"replace","path":"/metadata/managedFields","value":[${entries.map(entry).join(',')}]},` +
    `{"op":"replace","path":"/metadata/resourceVersion","value":${quote(resourceVersion)}}]`
  );
}

/** Compact JSON keeping the object's own key order (ToJSON's element order), Go's string escaping. */
function inOrder(value: JsonObject): string {
  return `{${Object.entries(value)
    .map(([k, v]) => `${quote(k)}:${inOrder(v as JsonObject)}`)
    .join(',')}}`;
}
