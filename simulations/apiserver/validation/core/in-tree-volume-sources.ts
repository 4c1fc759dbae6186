// The in-tree storage drivers' volume sources (cloud disks, network
// filesystems, block devices), kept for old manifests and for
// PersistentVolume validation, which accepts most of the same sources.
// src: pkg/apis/core/validation/validation.go (validateGitRepoVolumeSource,
// validateISCSIVolumeSource, validateFCVolumeSource, validateGCEPersistentDiskVolumeSource,
// validateAWSElasticBlockStoreVolumeSource, validateNFSVolumeSource, validateQuobyteVolumeSource,
// validateGlusterfsVolumeSource, validateFlockerVolumeSource, validateRBDVolumeSource,
// validateCinderVolumeSource, validateCephFSVolumeSource, validateFlexVolumeSource,
// validateAzureFile, validateAzureDisk, validateVsphereVolumeSource,
// validatePhotonPersistentDiskVolumeSource, validatePortworxVolumeSource,
// validateScaleIOVolumeSource, validateStorageOSVolumeSource)

import { invalid, notSupported, required, type ErrorList } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import { asInt, asList, asObject, asOptionalInt, asOptionalString, asString, type JsonObject } from '../../../apimachinery/json.ts';
import { validateLocalDescendingPath } from './local-paths.ts';
import { inclusiveRangeError, isDNS1123Label } from './pending-apimachinery.ts';

const PD_PARTITION_ERROR_MSG = inclusiveRangeError(1, 255);

/** validateGitRepoVolumeSource */
export function validateGitRepoVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  if (asString(src.repository).length === 0) errs.push(required(fldPath.child('repository'), ''));
  errs.push(...validateLocalDescendingPath(asString(src.directory), fldPath.child('directory')));
  return errs;
}

const IQN_RE = /iqn\.\d{4}-\d{2}\.([A-Za-z0-9\-.]+)(:[^,;*&$|\s]+)$/;
const EUI_RE = /^eui.[A-Za-z0-9]{16}$/;
const NAA_RE = /^naa.[A-Za-z0-9]{32}$/;

/** The iqn/eui/naa format checks ISCSI validation applies to iqn and initiatorName. */
function iscsiFormatError(value: string): string | undefined {
  if (value.startsWith('iqn') && !IQN_RE.test(value)) return 'must be valid format';
  if (value.startsWith('eui') && !EUI_RE.test(value)) return 'must be valid format';
  if (value.startsWith('naa') && !NAA_RE.test(value)) return 'must be valid format';
  return undefined;
}

/** validateISCSIVolumeSource */
export function validateISCSIVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  if (asString(src.targetPortal).length === 0) errs.push(required(fldPath.child('targetPortal'), ''));
  const iqn = asString(src.iqn);
  const known = (v: string) => v.startsWith('iqn') || v.startsWith('eui') || v.startsWith('naa');
  if (iqn.length === 0) {
    errs.push(required(fldPath.child('iqn'), ''));
  } else if (!known(iqn)) {
    errs.push(invalid(fldPath.child('iqn'), iqn, 'must be valid format starting with iqn, eui, or naa'));
  } else {
    const e = iscsiFormatError(iqn);
    if (e) errs.push(invalid(fldPath.child('iqn'), iqn, e));
  }
  const lun = asInt(src.lun);
  if (lun < 0 || lun > 255) errs.push(invalid(fldPath.child('lun'), lun, inclusiveRangeError(0, 255)));
  if ((src.chapAuthDiscovery === true || src.chapAuthSession === true) && !asObject(src.secretRef)) errs.push(required(fldPath.child('secretRef'), ''));
  const initiator = asOptionalString(src.initiatorName);
  if (initiator !== undefined) {
    if (!known(initiator)) errs.push(invalid(fldPath.child('initiatorname'), initiator, 'must be valid format starting with iqn, eui, or naa'));
    const e = iscsiFormatError(initiator);
    if (e) errs.push(invalid(fldPath.child('initiatorname'), initiator, e));
  }
  return errs;
}

/** validateFCVolumeSource */
export function validateFCVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const targetWWNs = asList(src.targetWWNs);
  const wwids = asList(src.wwids);
  if (targetWWNs.length < 1 && wwids.length < 1) errs.push(required(fldPath.child('targetWWNs'), 'must specify either targetWWNs or wwids, but not both'));
  if (targetWWNs.length !== 0 && wwids.length !== 0) errs.push(invalid(fldPath.child('targetWWNs'), targetWWNs, 'targetWWNs and wwids can not be specified simultaneously'));
  if (targetWWNs.length !== 0) {
    const lun = asOptionalInt(src.lun);
    if (lun === undefined) errs.push(required(fldPath.child('lun'), 'lun is required if targetWWNs is specified'));
    else if (lun < 0 || lun > 255) errs.push(invalid(fldPath.child('lun'), lun, inclusiveRangeError(0, 255)));
  }
  return errs;
}

/** validateGCEPersistentDiskVolumeSource */
export function validateGCEPersistentDiskVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  if (asString(src.pdName).length === 0) errs.push(required(fldPath.child('pdName'), ''));
  const partition = asInt(src.partition);
  if (partition < 0 || partition > 255) errs.push(invalid(fldPath.child('partition'), partition, PD_PARTITION_ERROR_MSG));
  return errs;
}

/** validateAWSElasticBlockStoreVolumeSource */
export function validateAWSElasticBlockStoreVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  if (asString(src.volumeID).length === 0) errs.push(required(fldPath.child('volumeID'), ''));
  const partition = asInt(src.partition);
  if (partition < 0 || partition > 255) errs.push(invalid(fldPath.child('partition'), partition, PD_PARTITION_ERROR_MSG));
  return errs;
}

/** validateNFSVolumeSource */
export function validateNFSVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const path = asString(src.path);
  if (asString(src.server).length === 0) errs.push(required(fldPath.child('server'), ''));
  if (path.length === 0) errs.push(required(fldPath.child('path'), ''));
  if (!path.startsWith('/')) errs.push(invalid(fldPath.child('path'), path, 'must be an absolute path'));
  return errs;
}

/** net.SplitHostPort succeeds for "host:port" and "[v6]:port". */
function splitsHostPort(s: string): boolean {
  if (s.startsWith('[')) return /^\[[^\]]*\]:[^:]*$/.test(s);
  return (s.match(/:/g) ?? []).length === 1;
}

/** validateQuobyteVolumeSource */
export function validateQuobyteVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const registry = asString(src.registry);
  const hostPortMsg = 'must be a host:port pair or multiple pairs separated by commas';
  if (registry.length === 0) errs.push(required(fldPath.child('registry'), hostPortMsg));
  else if (asString(src.tenant).length >= 65) errs.push(required(fldPath.child('tenant'), 'must be a UUID and may not exceed a length of 64 characters'));
  else for (const pair of registry.split(',')) if (!splitsHostPort(pair)) errs.push(invalid(fldPath.child('registry'), registry, hostPortMsg));
  if (asString(src.volume).length === 0) errs.push(required(fldPath.child('volume'), ''));
  return errs;
}

/** validateGlusterfsVolumeSource */
export function validateGlusterfsVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  if (asString(src.endpoints).length === 0) errs.push(required(fldPath.child('endpoints'), ''));
  if (asString(src.path).length === 0) errs.push(required(fldPath.child('path'), ''));
  return errs;
}

/** validateFlockerVolumeSource */
export function validateFlockerVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const name = asString(src.datasetName);
  const uuid = asString(src.datasetUUID);
  if (name.length === 0 && uuid.length === 0) errs.push(required(fldPath, 'one of datasetName and datasetUUID is required'));
  if (name.length !== 0 && uuid.length !== 0) errs.push(invalid(fldPath, 'resource', 'datasetName and datasetUUID can not be specified simultaneously'));
  if (name.includes('/')) errs.push(invalid(fldPath.child('datasetName'), name, "must not contain '/'"));
  return errs;
}

/** validateRBDVolumeSource */
export function validateRBDVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  if (asList(src.monitors).length === 0) errs.push(required(fldPath.child('monitors'), ''));
  if (asString(src.image).length === 0) errs.push(required(fldPath.child('image'), ''));
  return errs;
}

/** validateCinderVolumeSource */
export function validateCinderVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  if (asString(src.volumeID).length === 0) errs.push(required(fldPath.child('volumeID'), ''));
  const ref = asObject(src.secretRef);
  if (ref && asString(ref.name).length === 0) errs.push(required(fldPath.child('secretRef', 'name'), ''));
  return errs;
}

/** validateCephFSVolumeSource */
export function validateCephFSVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  return asList(src.monitors).length === 0 ? [required(fldPath.child('monitors'), '')] : [];
}

/** validateFlexVolumeSource: driver required; options may not use kubernetes.io or k8s.io keys. */
export function validateFlexVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  if (asString(src.driver).length === 0) errs.push(required(fldPath.child('driver'), ''));
  for (const k of Object.keys(asObject(src.options) ?? {}).sort()) {
    const slash = k.indexOf('/');
    const namespace = slash >= 0 ? k.slice(0, slash) : k;
    const normalized = `.${namespace.toLowerCase()}`;
    if (normalized.endsWith('.kubernetes.io') || normalized.endsWith('.k8s.io')) {
      errs.push(invalid(fldPath.child('options').key(k), k, 'kubernetes.io and k8s.io namespaces are reserved'));
    }
  }
  return errs;
}

/** validateAzureFile */
export function validateAzureFile(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  if (asString(src.secretName) === '') errs.push(required(fldPath.child('secretName'), ''));
  if (asString(src.shareName) === '') errs.push(required(fldPath.child('shareName'), ''));
  return errs;
}

/** validateAzureDisk */
export function validateAzureDisk(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const diskURI = asString(src.diskURI);
  if (asString(src.diskName) === '') errs.push(required(fldPath.child('diskName'), ''));
  if (diskURI === '') errs.push(required(fldPath.child('diskURI'), ''));
  const cachingMode = asOptionalString(src.cachingMode);
  if (cachingMode !== undefined && !['None', 'ReadOnly', 'ReadWrite'].includes(cachingMode)) {
    errs.push(notSupported(fldPath.child('cachingMode'), cachingMode, ['None', 'ReadOnly', 'ReadWrite']));
  }
  const kind = asOptionalString(src.kind);
  if (kind !== undefined && !['Dedicated', 'Managed', 'Shared'].includes(kind)) errs.push(notSupported(fldPath.child('kind'), kind, ['Dedicated', 'Managed', 'Shared']));
  if (kind === 'Managed' && !diskURI.startsWith('/subscriptions/')) {
    errs.push(notSupported(fldPath.child('diskURI'), diskURI, ['/subscriptions/{sub-id}/resourcegroups/{group-name}/providers/microsoft.compute/disks/{disk-id}']));
  }
  if (kind !== undefined && kind !== 'Managed' && !diskURI.startsWith('https://')) {
    errs.push(notSupported(fldPath.child('diskURI'), diskURI, ['https://{account-name}.blob.core.windows.net/{container-name}/{disk-name}.vhd']));
  }
  return errs;
}

/** validateVsphereVolumeSource, validatePhotonPersistentDiskVolumeSource, validatePortworxVolumeSource: one required field. */
export function requireOne(field: string): (src: JsonObject, fldPath: Path) => ErrorList {
  return (src, fldPath) => (asString(src[field]).length === 0 ? [required(fldPath.child(field), '')] : []);
}

/** validateScaleIOVolumeSource */
export function validateScaleIOVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  for (const f of ['gateway', 'system', 'volumeName']) if (asString(src[f]) === '') errs.push(required(fldPath.child(f), ''));
  return errs;
}

/** validateStorageOSVolumeSource */
export function validateStorageOSVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const volumeName = asString(src.volumeName);
  const volumeNamespace = asString(src.volumeNamespace);
  if (volumeName.length === 0) errs.push(required(fldPath.child('volumeName'), ''));
  else for (const m of isDNS1123Label(volumeName)) errs.push(invalid(fldPath.child('volumeName'), volumeName, m));
  if (volumeNamespace.length > 0) for (const m of isDNS1123Label(volumeNamespace)) errs.push(invalid(fldPath.child('volumeNamespace'), volumeNamespace, m));
  const ref = asObject(src.secretRef);
  if (ref && asString(ref.name).length === 0) errs.push(required(fldPath.child('secretRef', 'name'), ''));
  return errs;
}
