// Defaulting of the smaller core/v1 kinds: Namespace, Node, PersistentVolume,
// PersistentVolumeClaim, Secret, ConfigMap, LimitRange, ResourceQuota.
// src: pkg/apis/core/v1/defaults.go and zz_generated.defaults.go.
//
// Not defaulting, so not here: a Namespace's `kubernetes` finalizer (the
// namespace strategy's PrepareForCreate), a Service account's token (the
// ServiceAccount admission plugin), a Pod's qosClass (the pod strategy).

import type { JsonObject } from '../../apimachinery/json.ts';
import { asObject, asString, setOwn } from '../../apimachinery/json.ts';
import { clone } from '../../apimachinery/go-values.ts';
import { defaultPointer, defaultString, isNil, mapLen, pointer, put, struct, structs } from './fields.ts';
import { setDefaultsResourceList } from './resource-list.ts';
import {
  setAzureDiskDefaults,
  setDefaultsHostPathVolumeSource,
  setISCSIDefaults,
  setPersistentVolumeClaimSpecDefaults,
  setRBDDefaults,
  setScaleIODefaults,
} from './volume.ts';

// k8s.io/api core/v1 well_known_labels.go LabelMetadataName.
const LABEL_METADATA_NAME = 'kubernetes.io/metadata.name';

/**
 * SetObjectDefaults_Namespace: SetDefaults_Namespace labels a named namespace
 * `kubernetes.io/metadata.name: <name>` (a generateName-only namespace has no
 * name yet); SetDefaults_NamespaceStatus sets status.phase Active.
 */
export function setObjectDefaultsNamespace(ns: JsonObject): void {
  const metadata = asObject(ns.metadata);
  const name = asString(metadata?.name);
  if (metadata && name.length > 0) {
    const labels = isNil(metadata.labels) ? {} : asObject(metadata.labels);
    if (labels) {
      setOwn(labels, LABEL_METADATA_NAME, name);
      put(metadata, 'labels', labels);
    }
  }
  const status = struct(ns, 'status');
  if (status) defaultString(status, 'phase', 'Active');
}

/**
 * SetObjectDefaults_Node: SetDefaults_NodeStatus (allocatable defaults to
 * capacity when only capacity is set), then both ResourceLists are rounded.
 */
export function setObjectDefaultsNode(node: JsonObject): void {
  const status = asObject(node.status);
  if (!status) return;
  const capacity = asObject(status.capacity);
  // An empty capacity map copies into an empty allocatable, which Go omits when printing.
  if (isNil(status.allocatable) && capacity && mapLen(capacity) > 0) put(status, 'allocatable', clone(capacity));
  setDefaultsResourceList(status.capacity);
  setDefaultsResourceList(status.allocatable);
}

/**
 * SetObjectDefaults_PersistentVolume: SetDefaults_PersistentVolume (status.phase
 * Pending, persistentVolumeReclaimPolicy Retain, volumeMode Filesystem), the
 * capacity, and the volume source defaults a PV can carry.
 */
export function setObjectDefaultsPersistentVolume(pv: JsonObject): void {
  const status = struct(pv, 'status');
  if (status) defaultString(status, 'phase', 'Pending');
  const spec = struct(pv, 'spec');
  if (!spec) return;
  defaultString(spec, 'persistentVolumeReclaimPolicy', 'Retain');
  defaultPointer(spec, 'volumeMode', 'Filesystem');
  setDefaultsResourceList(spec.capacity);
  const hostPath = pointer(spec, 'hostPath');
  if (hostPath) setDefaultsHostPathVolumeSource(hostPath);
  const rbd = pointer(spec, 'rbd');
  if (rbd) setRBDDefaults(rbd);
  const iscsi = pointer(spec, 'iscsi');
  if (iscsi) setISCSIDefaults(iscsi);
  const azureDisk = pointer(spec, 'azureDisk');
  if (azureDisk) setAzureDiskDefaults(azureDisk);
  const scaleIO = pointer(spec, 'scaleIO');
  if (scaleIO) setScaleIODefaults(scaleIO);
}

/**
 * SetObjectDefaults_PersistentVolumeClaim: SetDefaults_PersistentVolumeClaim
 * (status.phase Pending), SetDefaults_PersistentVolumeClaimSpec (volumeMode
 * Filesystem) and the ResourceLists of spec and status. A StatefulSet's
 * volumeClaimTemplates are PersistentVolumeClaims and get the same.
 */
export function setObjectDefaultsPersistentVolumeClaim(pvc: JsonObject): void {
  const status = struct(pvc, 'status');
  if (status) defaultString(status, 'phase', 'Pending');
  const spec = struct(pvc, 'spec');
  if (spec) setPersistentVolumeClaimSpecDefaults(spec);
  if (status) {
    setDefaultsResourceList(status.capacity);
    setDefaultsResourceList(status.allocatedResources);
  }
}

/** SetObjectDefaults_Secret → SetDefaults_Secret: type defaults to Opaque. */
export function setObjectDefaultsSecret(secret: JsonObject): void {
  defaultString(secret, 'type', 'Opaque');
}

/**
 * SetObjectDefaults_ConfigMap → SetDefaults_ConfigMap makes a nil `data` an
 * empty map, which Go omits when printing: nothing to write here.
 */
export function setObjectDefaultsConfigMap(_cm: JsonObject): void {}

/**
 * SetDefaults_LimitRangeItem: for a Container item, a missing default limit
 * is the max, a missing default request is the default limit, else the min.
 */
function setDefaultsLimitRangeItem(item: JsonObject): void {
  if (item.type !== 'Container') return;
  const field = (key: string): JsonObject | undefined => (isNil(item[key]) ? {} : asObject(item[key]));
  const defaults = field('default');
  const defaultRequest = field('defaultRequest');
  if (!defaults || !defaultRequest) return;
  const fill = (into: JsonObject, from: unknown) => {
    const source = asObject(from);
    if (!source) return;
    for (const key of Object.keys(source)) {
      if (!Object.prototype.hasOwnProperty.call(into, key)) setOwn(into, key, clone(source[key]));
    }
  };
  fill(defaults, item.max);
  fill(defaultRequest, defaults);
  fill(defaultRequest, item.min);
  // make(v1.ResourceList) that stays empty is omitted when printed.
  if (mapLen(defaults) > 0) put(item, 'default', defaults);
  if (mapLen(defaultRequest) > 0) put(item, 'defaultRequest', defaultRequest);
}

/** SetObjectDefaults_LimitRange: each item, then its five ResourceLists. */
export function setObjectDefaultsLimitRange(lr: JsonObject): void {
  for (const item of structs(pointer(lr, 'spec')?.limits)) {
    setDefaultsLimitRangeItem(item);
    for (const key of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) setDefaultsResourceList(item[key]);
  }
}

/** SetObjectDefaults_ResourceQuota: spec.hard, status.hard and status.used are rounded. */
export function setObjectDefaultsResourceQuota(rq: JsonObject): void {
  setDefaultsResourceList(pointer(rq, 'spec')?.hard);
  const status = pointer(rq, 'status');
  setDefaultsResourceList(status?.hard);
  setDefaultsResourceList(status?.used);
}
