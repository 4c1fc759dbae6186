// spec.volumes: unique DNS-label names and exactly one source each.
// src: pkg/apis/core/validation/validation.go (ValidateVolumes, validateVolumeSource,
// validateHostPathVolumeSource, validateHostPathType, validatePersistentClaimVolumeSource,
// ValidateCSIDriverName, validateCSIVolumeSource, validateImageVolumeSource, validatePullPolicy)

import { duplicate, forbidden, invalid, notSupported, required, tooLong, type ErrorList } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import { asList, asObject, asOptionalString, asString, type JsonObject, type JsonValue } from '../../../apimachinery/json.ts';
import { Quantity } from '../../../apimachinery/quantity.ts';
import {
  requireOne,
  validateAWSElasticBlockStoreVolumeSource,
  validateAzureDisk,
  validateAzureFile,
  validateCephFSVolumeSource,
  validateCinderVolumeSource,
  validateFCVolumeSource,
  validateFlexVolumeSource,
  validateFlockerVolumeSource,
  validateGCEPersistentDiskVolumeSource,
  validateGitRepoVolumeSource,
  validateGlusterfsVolumeSource,
  validateISCSIVolumeSource,
  validateNFSVolumeSource,
  validateQuobyteVolumeSource,
  validateRBDVolumeSource,
  validateScaleIOVolumeSource,
  validateStorageOSVolumeSource,
} from './in-tree-volume-sources.ts';
import { validatePathNoBacksteps } from './local-paths.ts';
import { byteLength, isDNS1123Label, isDNS1123Subdomain, nameIsDNSSubdomain } from './pending-apimachinery.ts';
import type { PodValidationOptions } from './pod-validation-options.ts';
import { validateConfigMapVolumeSource, validateDownwardAPIVolumeSource, validateProjectedVolumeSource, validateSecretVolumeSource } from './projected-volumes.ts';
import { validateEphemeralVolumeSource } from './pvc-template.ts';

// Every volume-source validator, from one module, so PersistentVolume
// validation (which shares most in-tree sources) can import them here.
export * from './in-tree-volume-sources.ts';
export { validateConfigMapVolumeSource, validateDownwardAPIVolumeSource, validateKeyToPath, validateProjectedVolumeSource, validateSecretVolumeSource } from './projected-volumes.ts';
export { validateEphemeralVolumeSource, validatePersistentVolumeClaimSpec, validatePersistentVolumeClaimTemplate } from './pvc-template.ts';

/** Volumes that passed validation, by name: what volumeMounts may refer to. */
export type VolumeSources = ReadonlyMap<string, JsonObject>;
const NO_VOLUMES: VolumeSources = new Map();

const SUPPORTED_HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

/** validateHostPathVolumeSource */
export function validateHostPathVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  const path = asString(src.path);
  if (path.length === 0) return [required(fldPath.child('path'), '')];
  const errs = validatePathNoBacksteps(path, fldPath.child('path'));
  const type = asOptionalString(src.type);
  if (type !== undefined && !SUPPORTED_HOST_PATH_TYPES.includes(type)) errs.push(notSupported(fldPath.child('type'), type, SUPPORTED_HOST_PATH_TYPES));
  return errs;
}

/** validatePersistentClaimVolumeSource */
export function validatePersistentClaimVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  return asString(src.claimName).length === 0 ? [required(fldPath.child('claimName'), '')] : [];
}

/** ValidateCSIDriverName */
export function validateCSIDriverName(driverName: string, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  if (driverName.length === 0) errs.push(required(fldPath, ''));
  if (byteLength(driverName) > 63) errs.push(tooLong(fldPath, 63));
  for (const m of isDNS1123Subdomain(driverName.toLowerCase())) errs.push(invalid(fldPath, driverName, m));
  return errs;
}

/** validateCSIVolumeSource */
export function validateCSIVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  const errs = validateCSIDriverName(asString(src.driver), fldPath.child('driver'));
  const ref = asObject(src.nodePublishSecretRef);
  if (ref) {
    const name = asString(ref.name);
    if (name.length === 0) errs.push(required(fldPath.child('nodePublishSecretRef', 'name'), ''));
    // Upstream reports a bad secret name at csi.name.
    else for (const m of nameIsDNSSubdomain(name, false)) errs.push(invalid(fldPath.child('name'), name, m));
  }
  return errs;
}

/** validatePullPolicy */
export function validatePullPolicy(policy: string, fldPath: Path): ErrorList {
  switch (policy) {
    case 'Always':
    case 'IfNotPresent':
    case 'Never':
      return [];
    case '':
      return [required(fldPath, '')];
    default:
      return [notSupported(fldPath, policy, ['Always', 'IfNotPresent', 'Never'])];
  }
}

/** validateImageVolumeSource: the reference may be left to a controller in a template. */
export function validateImageVolumeSource(src: JsonObject, fldPath: Path, opts: PodValidationOptions): ErrorList {
  const errs: ErrorList = [];
  if (opts.resourceIsPod && asString(src.reference).length === 0) errs.push(required(fldPath.child('reference'), ''));
  errs.push(...validatePullPolicy(asString(src.pullPolicy), fldPath.child('pullPolicy')));
  return errs;
}

/** validateEmptyDirVolumeSource (inline upstream): a negative sizeLimit is refused. */
export function validateEmptyDirVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  const limit = Quantity.tryParse(src.sizeLimit);
  return limit && limit.sign() < 0 ? [forbidden(fldPath.child('sizeLimit'), 'SizeLimit field must be a valid resource quantity')] : [];
}

type SourceValidator = (src: JsonObject, fldPath: Path, volName: string, podMeta: JsonObject | undefined, opts: PodValidationOptions) => ErrorList;

// validateVolumeSource's sources in upstream's order: [v1 field, path of the
// "more than 1 volume type" error, path the source is validated at, validator].
const VOLUME_SOURCES: [string, string, string, SourceValidator][] = [
  ['emptyDir', 'emptyDir', 'emptyDir', (s, p) => validateEmptyDirVolumeSource(s, p)],
  ['hostPath', 'hostPath', 'hostPath', (s, p) => validateHostPathVolumeSource(s, p)],
  ['gitRepo', 'gitRepo', 'gitRepo', (s, p) => validateGitRepoVolumeSource(s, p)],
  ['gcePersistentDisk', 'gcePersistentDisk', 'persistentDisk', (s, p) => validateGCEPersistentDiskVolumeSource(s, p)],
  ['awsElasticBlockStore', 'awsElasticBlockStore', 'awsElasticBlockStore', (s, p) => validateAWSElasticBlockStoreVolumeSource(s, p)],
  ['secret', 'secret', 'secret', (s, p) => validateSecretVolumeSource(s, p)],
  ['nfs', 'nfs', 'nfs', (s, p) => validateNFSVolumeSource(s, p)],
  ['iscsi', 'iscsi', 'iscsi', (s, p) => validateISCSIVolumeSource(s, p)],
  ['glusterfs', 'glusterfs', 'glusterfs', (s, p) => validateGlusterfsVolumeSource(s, p)],
  ['flocker', 'flocker', 'flocker', (s, p) => validateFlockerVolumeSource(s, p)],
  ['persistentVolumeClaim', 'persistentVolumeClaim', 'persistentVolumeClaim', (s, p) => validatePersistentClaimVolumeSource(s, p)],
  ['rbd', 'rbd', 'rbd', (s, p) => validateRBDVolumeSource(s, p)],
  ['cinder', 'cinder', 'cinder', (s, p) => validateCinderVolumeSource(s, p)],
  ['cephfs', 'cephFS', 'cephfs', (s, p) => validateCephFSVolumeSource(s, p)],
  ['quobyte', 'quobyte', 'quobyte', (s, p) => validateQuobyteVolumeSource(s, p)],
  // "downwarAPI" is upstream's spelling for this one error.
  ['downwardAPI', 'downwarAPI', 'downwardAPI', (s, p) => validateDownwardAPIVolumeSource(s, p)],
  ['fc', 'fc', 'fc', (s, p) => validateFCVolumeSource(s, p)],
  ['flexVolume', 'flexVolume', 'flexVolume', (s, p) => validateFlexVolumeSource(s, p)],
  ['configMap', 'configMap', 'configMap', (s, p) => validateConfigMapVolumeSource(s, p)],
  ['azureFile', 'azureFile', 'azureFile', (s, p) => validateAzureFile(s, p)],
  ['vsphereVolume', 'vsphereVolume', 'vsphereVolume', requireOne('volumePath')],
  ['photonPersistentDisk', 'photonPersistentDisk', 'photonPersistentDisk', requireOne('pdID')],
  ['portworxVolume', 'portworxVolume', 'portworxVolume', requireOne('volumeID')],
  ['azureDisk', 'azureDisk', 'azureDisk', (s, p) => validateAzureDisk(s, p)],
  ['storageos', 'storageos', 'storageos', (s, p) => validateStorageOSVolumeSource(s, p)],
  ['projected', 'projected', 'projected', (s, p, _n, _m, o) => validateProjectedVolumeSource(s, p, o)],
  ['scaleIO', 'scaleIO', 'scaleIO', (s, p) => validateScaleIOVolumeSource(s, p)],
  ['csi', 'csi', 'csi', (s, p) => validateCSIVolumeSource(s, p)],
  ['ephemeral', 'ephemeral', 'ephemeral', (s, p) => validateEphemeral(s, p)],
  ['image', 'image', 'image', (s, p, _n, _m, o) => validateImageVolumeSource(s, p, o)],
];

function validateEphemeral(src: JsonObject, fldPath: Path): ErrorList {
  return validateEphemeralVolumeSource(src, fldPath);
}

/**
 * The claim an ephemeral volume creates is named <pod>-<volume>; checked at
 * the volume's name when both are known (ValidateObjectMeta reports a missing
 * Pod name).
 */
function ephemeralClaimNameErrors(volPath: Path, volName: string, podMeta: JsonObject | undefined): ErrorList {
  const podName = asString(podMeta?.name);
  if (!podMeta || podName === '' || volName === '') return [];
  const pvcName = `${podName}-${volName}`;
  return nameIsDNSSubdomain(pvcName, false).map((m) => invalid(volPath.child('name'), volName, `PVC name ${JSON.stringify(pvcName)}: ${m}`));
}

/** validateVolumeSource: exactly one source; a second is Forbidden at its own path. */
export function validateVolumeSource(source: JsonObject, fldPath: Path, volName: string, podMeta: JsonObject | undefined, opts: PodValidationOptions): ErrorList {
  const errs: ErrorList = [];
  let numVolumes = 0;
  for (const [field, forbiddenAt, validateAt, validate] of VOLUME_SOURCES) {
    const src = asObject(source[field]);
    if (!src) continue;
    if (numVolumes > 0) {
      errs.push(forbidden(fldPath.child(forbiddenAt), 'may not specify more than 1 volume type'));
    } else {
      numVolumes++;
      errs.push(...validate(src, fldPath.child(validateAt), volName, podMeta, opts));
      if (field === 'ephemeral') errs.push(...ephemeralClaimNameErrors(fldPath, volName, podMeta));
    }
    // Checked whether or not iscsi was the first source.
    if (field === 'iscsi' && src.initiatorName !== undefined && src.initiatorName !== null && byteLength(`${volName}:${asString(src.targetPortal)}`) > 64) {
      errs.push(
        invalid(fldPath.child('name'), volName, 'Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified.'),
      );
    }
  }
  if (numVolumes === 0) errs.push(required(fldPath, 'must specify a volume type'));
  return errs;
}

/**
 * ValidateVolumes: the valid volumes by name (for volumeMounts) and the errors.
 *
 * @example validateVolumes([{ name: 'data', emptyDir: {} }, { name: 'data', emptyDir: {} }], undefined, path, opts).errors
 *   // [spec.volumes[1].name: Duplicate value: "data"]
 */
export function validateVolumes(
  volumes: JsonValue[],
  podMeta: JsonObject | undefined,
  fldPath: Path,
  opts: PodValidationOptions,
): { volumes: VolumeSources; errors: ErrorList } {
  // No volumes: an empty map of sources and no sets (most Pods of a scheduling scenario have none).
  if (volumes.length === 0) return { volumes: NO_VOLUMES, errors: [] };
  const errs: ErrorList = [];
  const allNames = new Set<string>();
  // The claims ephemeral volumes will create need the Pod's name.
  const createdPVCs = new Set<string>();
  const podName = asString(podMeta?.name);
  if (podMeta && podName !== '') {
    for (const v of volumes) {
      const vol = asObject(v) ?? {};
      if (asObject(vol.ephemeral)) createdPVCs.add(`${podName}-${asString(vol.name)}`);
    }
  }
  const vols = new Map<string, JsonObject>();
  volumes.forEach((v, i) => {
    const vol = asObject(v) ?? {};
    const name = asString(vol.name);
    const idxPath = fldPath.index(i);
    const namePath = idxPath.child('name');
    const el = validateVolumeSource(vol, idxPath, name, podMeta, opts);
    if (name.length === 0) el.push(required(namePath, ''));
    else for (const m of isDNS1123Label(name)) el.push(invalid(namePath, name, m));
    if (allNames.has(name)) el.push(duplicate(namePath, name));
    if (el.length === 0) {
      allNames.add(name);
      vols.set(name, vol);
    } else {
      errs.push(...el);
    }
    const claimName = asString(asObject(vol.persistentVolumeClaim)?.claimName);
    if (asObject(vol.persistentVolumeClaim) && createdPVCs.has(claimName)) {
      errs.push(invalid(idxPath.child('persistentVolumeClaim', 'claimName'), claimName, 'must not reference a PVC that gets created for an ephemeral volume'));
    }
  });
  return { volumes: vols, errors: errs };
}
