// Volume defaulting inside a PodSpec, and the PersistentVolumeClaimSpec it shares.
// src: pkg/apis/core/v1/defaults.go (SetDefaults_Volume, SetDefaults_SecretVolumeSource,
//      SetDefaults_ConfigMapVolumeSource, SetDefaults_DownwardAPIVolumeSource,
//      SetDefaults_ProjectedVolumeSource, SetDefaults_ServiceAccountTokenProjection,
//      SetDefaults_HostPathVolumeSource, SetDefaults_PersistentVolumeClaimSpec,
//      SetDefaults_ObjectFieldSelector); the `+default=` markers of
//      k8s.io/api core/v1 types.go (RBD, ISCSI, AzureDisk, ScaleIO volume sources),
//      composed as zz_generated.defaults.go composes them.

import type { JsonObject } from '../../apimachinery/json.ts';
import { asString } from '../../apimachinery/json.ts';
import { defaultPointer, defaultString, isNil, pointer, put, struct, structs } from './fields.ts';
import { defaultPullPolicy } from './image-reference.ts';
import { setResourceRequirementsDefaults } from './resource-list.ts';

// k8s.io/api core/v1 types.go: SecretVolumeSourceDefaultMode and its siblings (0644).
const DEFAULT_MODE = 0o644;
// defaults.go SetDefaults_ServiceAccountTokenProjection: time.Hour.Seconds().
const TOKEN_EXPIRATION_SECONDS = 3600;

/** The JSON names of VolumeSource's fields (k8s.io/api v0.36 core/v1 types.go), all pointers. */
const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc',
  'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected',
  'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
] as const;

/**
 * SetDefaults_Volume: a volume with no source is an emptyDir; an image
 * volume's pullPolicy defaults as a container's imagePullPolicy does
 * (ImageVolume: GA in v1.36, so always on).
 */
export function setDefaultsVolume(v: JsonObject): void {
  // ptr.AllPtrFieldsNil(&obj.VolumeSource)
  if (VOLUME_SOURCES.every((key) => isNil(v[key]))) put(v, 'emptyDir', {});
  const image = pointer(v, 'image');
  if (image && (isNil(image.pullPolicy) || image.pullPolicy === '')) {
    put(image, 'pullPolicy', defaultPullPolicy(asString(image.reference)));
  }
}

/** SetDefaults_ObjectFieldSelector: fieldRef.apiVersion defaults to "v1". */
export function setDefaultsObjectFieldSelector(o: JsonObject): void {
  defaultString(o, 'apiVersion', 'v1');
}

/** SetDefaults_HostPathVolumeSource: type defaults to HostPathUnset (""). */
export function setDefaultsHostPathVolumeSource(o: JsonObject): void {
  defaultPointer(o, 'type', '');
}

/** `+default=` markers of RBDVolumeSource and RBDPersistentVolumeSource. */
export function setRBDDefaults(o: JsonObject): void {
  defaultString(o, 'pool', 'rbd');
  defaultString(o, 'user', 'admin');
  defaultString(o, 'keyring', '/etc/ceph/keyring');
}

/** `+default=` marker of ISCSIVolumeSource and ISCSIPersistentVolumeSource. */
export function setISCSIDefaults(o: JsonObject): void {
  defaultString(o, 'iscsiInterface', 'default');
}

/** `+default=` markers of AzureDiskVolumeSource (in Pods and PersistentVolumes). */
export function setAzureDiskDefaults(o: JsonObject): void {
  defaultPointer(o, 'cachingMode', 'ReadWrite');
  defaultPointer(o, 'fsType', 'ext4');
  defaultPointer(o, 'readOnly', false);
  defaultPointer(o, 'kind', 'Shared');
}

/** `+default=` markers of ScaleIOVolumeSource and ScaleIOPersistentVolumeSource. */
export function setScaleIODefaults(o: JsonObject): void {
  defaultString(o, 'storageMode', 'ThinProvisioned');
  defaultString(o, 'fsType', 'xfs');
}

/** SetDefaults_PersistentVolumeClaimSpec: volumeMode defaults to Filesystem. */
export function setDefaultsPersistentVolumeClaimSpec(spec: JsonObject): void {
  defaultPointer(spec, 'volumeMode', 'Filesystem');
}

/** A PersistentVolumeClaimSpec as zz_generated composes it: the spec, then its ResourceLists. */
export function setPersistentVolumeClaimSpecDefaults(spec: JsonObject): void {
  setDefaultsPersistentVolumeClaimSpec(spec);
  setResourceRequirementsDefaults(spec.resources);
}

/** The downwardAPI items of a volume or projection: each fieldRef gets its apiVersion. */
function setDownwardAPIItemsDefaults(downwardAPI: JsonObject): void {
  for (const item of structs(downwardAPI.items)) {
    const fieldRef = pointer(item, 'fieldRef');
    if (fieldRef) setDefaultsObjectFieldSelector(fieldRef);
  }
}

/** One volume of a PodSpec, as SetObjectDefaults_Pod walks `in.Spec.Volumes[i]`. */
export function setVolumeDefaults(v: JsonObject): void {
  setDefaultsVolume(v);
  const hostPath = pointer(v, 'hostPath');
  if (hostPath) setDefaultsHostPathVolumeSource(hostPath);
  const secret = pointer(v, 'secret');
  if (secret) defaultPointer(secret, 'defaultMode', DEFAULT_MODE);
  const iscsi = pointer(v, 'iscsi');
  if (iscsi) setISCSIDefaults(iscsi);
  const rbd = pointer(v, 'rbd');
  if (rbd) setRBDDefaults(rbd);
  const downwardAPI = pointer(v, 'downwardAPI');
  if (downwardAPI) {
    defaultPointer(downwardAPI, 'defaultMode', DEFAULT_MODE);
    setDownwardAPIItemsDefaults(downwardAPI);
  }
  const configMap = pointer(v, 'configMap');
  if (configMap) defaultPointer(configMap, 'defaultMode', DEFAULT_MODE);
  const azureDisk = pointer(v, 'azureDisk');
  if (azureDisk) setAzureDiskDefaults(azureDisk);
  const projected = pointer(v, 'projected');
  if (projected) {
    defaultPointer(projected, 'defaultMode', DEFAULT_MODE);
    for (const source of structs(projected.sources)) {
      const d = pointer(source, 'downwardAPI');
      if (d) setDownwardAPIItemsDefaults(d);
      const token = pointer(source, 'serviceAccountToken');
      if (token) defaultPointer(token, 'expirationSeconds', TOKEN_EXPIRATION_SECONDS);
    }
  }
  const scaleIO = pointer(v, 'scaleIO');
  if (scaleIO) setScaleIODefaults(scaleIO);
  // EphemeralVolumeSource.VolumeClaimTemplate is a PersistentVolumeClaimTemplate:
  // its spec is defaulted, but it has no status to default (unlike a PVC).
  const template = pointer(pointer(v, 'ephemeral'), 'volumeClaimTemplate');
  const templateSpec = template && struct(template, 'spec');
  if (templateSpec) setPersistentVolumeClaimSpecDefaults(templateSpec);
}
