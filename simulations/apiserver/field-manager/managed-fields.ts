// metadata.managedFields entries and the conflict message, as
// staging/src/k8s.io/apimachinery/pkg/util/managedfields/internal/
// (managedfields.go: decode/encode and sortEncodedManagedFields;
// conflict.go: getConflictMessage, printManager) write them.

import { compareGoStrings, isMap, set } from '../../apimachinery/go-values.ts';
import type { JsonObject, JsonValue } from '../../apimachinery/go-values.ts';
import { FieldSet, pathString } from './field-set.ts';
import type { Path } from './field-set.ts';

export interface ManagerEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  subresource?: string;
  time?: string;
  fields: FieldSet;
  /** Only upstream's tests put a time into the manager identifier (the API server strips it). */
  identifierTime?: string;
}

/** The object without metadata.managedFields (a shallow copy: do not change what is below metadata): the server's bookkeeping, which no one's file sets and kubectl diff leaves out. */
export function withoutManagedFields(obj: JsonObject): JsonObject {
  // A shallow copy: the object and its metadata are new, everything below is shared.
  if (!isMap(obj.metadata) || !Object.hasOwn(obj.metadata, 'managedFields')) return { ...obj };
  const { managedFields: _dropped, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}

/** Reads managedFields; throws a plain Error naming the bad entry (the caller turns it into a ValidationError). */
export function decodeManagedFields(value: JsonValue | undefined): ManagerEntry[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Error('managedFields must be a list');
  return value.map((entry, i) => {
    if (!isMap(entry)) throw new Error(`managedFields[${i}] must be an object`);
    const { manager, operation, apiVersion, subresource, time, fieldsV1 } = entry;
    if (typeof manager !== 'string') throw new Error(`managedFields[${i}].manager: Required value`);
    if (operation !== 'Apply' && operation !== 'Update') {
      throw new Error(`managedFields[${i}].operation: Unsupported value: ${JSON.stringify(operation)}: supported values: "Apply", "Update"`);
    }
    return {
      manager,
      operation,
      apiVersion: typeof apiVersion === 'string' ? apiVersion : '',
      ...(typeof subresource === 'string' && subresource !== '' ? { subresource } : {}),
      ...(typeof time === 'string' ? { time } : {}),
      fields: FieldSet.fromFieldsV1(fieldsV1),
    };
  });
}

/** Writes managedFields sorted as the API server sorts them (operation, time, manager, apiVersion, subresource). */
export function encodeManagedFields(entries: ManagerEntry[]): JsonValue[] {
  const sorted = [...entries].sort((p, q) => {
    if (p.operation !== q.operation) return p.operation < q.operation ? -1 : 1;
    const pt = p.time ? Date.parse(p.time) : 0;
    const qt = q.time ? Date.parse(q.time) : 0;
    if (pt !== qt) return pt - qt;
    if (p.manager !== q.manager) return compareGoStrings(p.manager, q.manager);
    if (p.apiVersion !== q.apiVersion) return compareGoStrings(p.apiVersion, q.apiVersion);
    return compareGoStrings(p.subresource ?? '', q.subresource ?? '');
  });
  return sorted.map((e) => {
    const out: JsonObject = {};
    set(out, 'apiVersion', e.apiVersion);
    set(out, 'fieldsType', 'FieldsV1');
    set(out, 'fieldsV1', e.fields.toFieldsV1());
    set(out, 'manager', e.manager);
    set(out, 'operation', e.operation);
    if (e.subresource) set(out, 'subresource', e.subresource);
    if (e.time) set(out, 'time', e.time);
    return out;
  });
}

/** printManager: `"kubectl"`, `"kube-controller-manager" with subresource "scale" using apps/v1`. */
export function printManager(entry: Pick<ManagerEntry, 'manager' | 'operation' | 'apiVersion' | 'subresource' | 'identifierTime'>): string {
  let out = JSON.stringify(entry.manager);
  if (entry.subresource) out += ` with subresource ${JSON.stringify(entry.subresource)}`;
  // BuildManagerIdentifier drops the time, so on a real server Update managers print "using <apiVersion>" only.
  if (entry.operation === 'Update') out += ` using ${entry.apiVersion}${entry.identifierTime ? ` at ${entry.identifierTime}` : ''}`;
  return out;
}

export interface Conflict {
  manager: ManagerEntry;
  path: Path;
}

/**
 * getConflictMessage.
 *
 * @example conflictMessage([{ manager: hpa, path: [f('spec'), f('replicas')] }])
 *   // 'Apply failed with 1 conflict: conflict with "kube-controller-manager" with subresource "scale" using apps/v1: .spec.replicas'
 */
export function conflictMessage(conflicts: Conflict[]): string {
  if (conflicts.length === 1) {
    return `Apply failed with 1 conflict: conflict with ${printManager(conflicts[0].manager)}: ${pathString(conflicts[0].path)}`;
  }
  const byManager = new Map<string, Conflict[]>();
  for (const c of conflicts) {
    const key = printManager(c.manager);
    byManager.set(key, [...(byManager.get(key) ?? []), c]);
  }
  // Upstream sorts by the JSON manager identifier; with one manager field that orders like the names.
  const managers = [...byManager.keys()].sort((a, b) => compareGoStrings(managerIdentifier(byManager.get(a)![0].manager), managerIdentifier(byManager.get(b)![0].manager)));
  const lines: string[] = [];
  for (const m of managers) {
    lines.push(`conflicts with ${m}:`);
    for (const c of byManager.get(m)!) lines.push(`- ${pathString(c.path)}`);
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}

/**
 * DecodeManagedFields as the API server's field manager runs it: the entries
 * by manager identifier (a later entry with the same identifier wins), or
 * upstream's error text.
 */
export function decodeManagedFieldsForServer(value: unknown): Map<string, ManagerEntry> | string {
  const out = new Map<string, ManagerEntry>();
  if (value === undefined || value === null) return out;
  if (!Array.isArray(value)) return 'managedFields must be a list';
  for (let i = 0; i < value.length; i++) {
    const entry = value[i] as JsonValue;
    if (!isMap(entry)) return `invalid managed fields entry ${i}`;
    const { manager, operation, apiVersion, subresource, time, fieldsType, fieldsV1 } = entry;
    if (operation !== 'Apply' && operation !== 'Update') return 'operation must be `Apply` or `Update`';
    if (typeof apiVersion !== 'string' || apiVersion === '') return 'apiVersion must not be empty';
    if (fieldsType === undefined || fieldsType === null || fieldsType === '') return `missing fieldsType in managed fields entry ${i}`;
    if (fieldsType !== 'FieldsV1') return `invalid fieldsType ${JSON.stringify(fieldsType)} in managed fields entry ${i}`;
    let fields: FieldSet;
    try {
      fields = FieldSet.fromFieldsV1(fieldsV1 ?? {});
    } catch (e) {
      return `error decoding versioned set from entry ${i}: error decoding set: ${(e as Error).message}`;
    }
    const decoded: ManagerEntry = {
      manager: typeof manager === 'string' ? manager : '',
      operation,
      apiVersion,
      ...(typeof subresource === 'string' && subresource !== '' ? { subresource } : {}),
      ...(typeof time === 'string' ? { time } : {}),
      fields,
    };
    out.set(managerIdentifier(decoded), decoded);
  }
  return out;
}

/** BuildManagerIdentifier: the JSON of the entry without fields and time (and without apiVersion for appliers). */
export function managerIdentifier(e: Pick<ManagerEntry, 'manager' | 'operation' | 'apiVersion' | 'subresource'>): string {
  const id: JsonObject = { manager: e.manager, operation: e.operation };
  if (e.operation === 'Update') set(id, 'apiVersion', e.apiVersion);
  if (e.subresource) set(id, 'subresource', e.subresource);
  return JSON.stringify(id);
}
