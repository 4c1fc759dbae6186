// PersistentVolume and PersistentVolumeClaim validation: a PV's access modes,
// capacity, reclaim policy, node affinity and its one volume source (fixed
// after creation); a PVC's spec (fixed after creation except what binding and
// resizing change) and the status subresources of both.
// src: pkg/apis/core/validation/validation.go (ValidatePersistentVolume,
//      ValidatePersistentVolumeSpec, ValidatePersistentVolumeUpdate,
//      ValidatePersistentVolumeStatusUpdate, validateVolumeNodeAffinity,
//      validatePvNodeAffinity, the *PersistentVolumeSource validators,
//      ValidatePersistentVolumeClaim, ValidatePersistentVolumeClaimUpdate,
//      ValidatePersistentVolumeClaimStatusUpdate, ValidationOptionsForPersistentVolumeClaim)
// Gates at their v1.36 defaults: VolumeAttributesClass and
// RecoverVolumeExpansionFailure are GA (on).

import { type ErrorList, forbidden, invalid, notSupported, required } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { clone } from '../../../apimachinery/go-values.ts';
import { asList, asObject, asOptionalString, asString, asStringMap, type JsonObject, type JsonValue } from '../../../apimachinery/json.ts';
import { Quantity } from '../../../apimachinery/quantity.ts';
import { validateNodeSelector } from './affinity.ts';
import { isNativeResource } from './core-helper.ts';
import { validateDNS1123Label, validateDNS1123Subdomain } from './field-formats.ts';
import {
  requireOne,
  validateAWSElasticBlockStoreVolumeSource,
  validateAzureDisk,
  validateFCVolumeSource,
  validateFlockerVolumeSource,
  validateGCEPersistentDiskVolumeSource,
  validateISCSIVolumeSource,
  validateNFSVolumeSource,
  validateQuobyteVolumeSource,
} from './in-tree-volume-sources.ts';
import { validatePathNoBacksteps } from './local-paths.ts';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate } from './object-meta.ts';
import { type PersistentVolumeClaimSpecValidationOptions, validatePersistentVolumeClaimSpec } from './pvc-template.ts';
import { semanticDiff, semanticEqual } from './semantic-equal.ts';
import {
  FIELD_IMMUTABLE_ERROR_MSG,
  isQualifiedName,
  nameIsDNSSubdomain,
  quantityAt,
  sortedKeys,
  validateBasicResource,
  validateImmutableField,
  validateNamespaceName,
  validatePositiveQuantityValue,
  validateResourceQuantityValue,
} from './apimachinery-checks.ts';
import { validateCSIDriverName, validateHostPathVolumeSource } from './volumes.ts';

const SUPPORTED_ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const SUPPORTED_RECLAIM_POLICY = ['Delete', 'Recycle', 'Retain'];
const SUPPORTED_VOLUME_MODES = ['Block', 'Filesystem'];
const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

type SourceValidator = (src: JsonObject, fldPath: Path, pvName: string) => ErrorList;

/** validatePVSecretReference: name and namespace both required. */
function validatePVSecretReference(ref: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const name = asString(ref.name);
  if (name.length === 0) errs.push(required(fldPath.child('name')));
  else errs.push(...validateDNS1123Subdomain(name, fldPath.child('name')));
  const namespace = asString(ref.namespace);
  if (namespace.length === 0) errs.push(required(fldPath.child('namespace')));
  else errs.push(...validateDNS1123Label(namespace, fldPath.child('namespace')));
  return errs;
}

// A secretRef whose name and namespace are both required (cinder, storageos, iSCSI PV sources).
function secretRefNamed(src: JsonObject, fldPath: Path): ErrorList {
  const ref = asObject(src.secretRef);
  if (!ref) return [];
  const errs: ErrorList = [];
  if (asString(ref.name).length === 0) errs.push(required(fldPath.child('secretRef', 'name')));
  if (asString(ref.namespace).length === 0) errs.push(required(fldPath.child('secretRef', 'namespace')));
  return errs;
}

/** validateGlusterfsPersistentVolumeSource. */
function validateGlusterfsPV(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  if (asString(src.endpoints).length === 0) errs.push(required(fldPath.child('endpoints')));
  if (asString(src.path).length === 0) errs.push(required(fldPath.child('path')));
  const ns = asOptionalString(src.endpointsNamespace);
  if (ns !== undefined) {
    if (ns === '') errs.push(invalid(fldPath.child('endpointsNamespace'), ns, 'if the endpointnamespace is set, it must be a valid namespace name'));
    else for (const m of validateNamespaceName(ns, false)) errs.push(invalid(fldPath.child('endpointsNamespace'), ns, m));
  }
  return errs;
}

/** validateRBDPersistentVolumeSource. */
function validateRBDPV(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  if (asList(src.monitors).length === 0) errs.push(required(fldPath.child('monitors')));
  if (asString(src.image).length === 0) errs.push(required(fldPath.child('image')));
  return errs;
}

/** validateISCSIPersistentVolumeSource: the volume checks, plus the PV name length with an initiator name. */
function validateISCSIPV(src: JsonObject, fldPath: Path, pvName: string): ErrorList {
  const errs = validateISCSIVolumeSource(src, fldPath);
  if (asOptionalString(src.initiatorName) !== undefined && `${pvName}:${asString(src.targetPortal)}`.length > 64) {
    errs.push(
      invalid(fldPath.child('name'), pvName, 'Total length of <volume name>:<iscsi.targetPortal> must be under 64 characters if iscsi.initiatorName is specified.'),
    );
  }
  return errs;
}

/** validateCinderPersistentVolumeSource. */
function validateCinderPV(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = asString(src.volumeID).length === 0 ? [required(fldPath.child('volumeID'))] : [];
  return [...errs, ...secretRefNamed(src, fldPath)];
}

/** validateFlexPersistentVolumeSource: a driver; kubernetes.io and k8s.io option keys are reserved. */
function validateFlexPV(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  if (asString(src.driver).length === 0) errs.push(required(fldPath.child('driver')));
  for (const k of sortedKeys(asObject(src.options) ?? {})) {
    const slash = k.indexOf('/');
    const normalized = `.${(slash >= 0 ? k.slice(0, slash) : k).toLowerCase()}`;
    if (normalized.endsWith('.kubernetes.io') || normalized.endsWith('.k8s.io')) {
      errs.push(invalid(fldPath.child('options').key(k), k, 'kubernetes.io and k8s.io namespaces are reserved'));
    }
  }
  return errs;
}

/** validateAzureFilePV. */
function validateAzureFilePV(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  if (asString(src.secretName) === '') errs.push(required(fldPath.child('secretName')));
  if (asString(src.shareName) === '') errs.push(required(fldPath.child('shareName')));
  const ns = asOptionalString(src.secretNamespace);
  if (ns !== undefined && ns.length === 0) errs.push(required(fldPath.child('secretNamespace')));
  return errs;
}

/** validateScaleIOPersistentVolumeSource. */
function validateScaleIOPV(src: JsonObject, fldPath: Path): ErrorList {
  return ['gateway', 'system', 'volumeName'].filter((f) => asString(src[f]) === '').map((f) => required(fldPath.child(f)));
}

/** validateLocalVolumeSource. */
function validateLocalVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  const path = asString(src.path);
  if (path === '') return [required(fldPath.child('path'))];
  return validatePathNoBacksteps(path, fldPath.child('path'));
}

/** validateStorageOSPersistentVolumeSource. */
function validateStorageOSPV(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const volumeName = asString(src.volumeName);
  if (volumeName.length === 0) errs.push(required(fldPath.child('volumeName')));
  else errs.push(...validateDNS1123Label(volumeName, fldPath.child('volumeName')));
  const volumeNamespace = asString(src.volumeNamespace);
  if (volumeNamespace.length > 0) errs.push(...validateDNS1123Label(volumeNamespace, fldPath.child('volumeNamespace')));
  return [...errs, ...secretRefNamed(src, fldPath)];
}

/** validateCSIPersistentVolumeSource. */
function validateCSIPV(src: JsonObject, fldPath: Path): ErrorList {
  const errs = validateCSIDriverName(asString(src.driver), fldPath.child('driver'));
  if (asString(src.volumeHandle).length === 0) errs.push(required(fldPath.child('volumeHandle')));
  for (const ref of ['controllerPublishSecretRef', 'controllerExpandSecretRef', 'nodePublishSecretRef', 'nodeExpandSecretRef']) {
    const r = asObject(src[ref]);
    if (r) errs.push(...validatePVSecretReference(r, fldPath.child(ref)));
  }
  return errs;
}

// The PV sources in upstream's order: [field, path of the "more than 1"
// error, path passed to the validator, validator]. Upstream's quirks are kept:
// gcePersistentDisk validates at "persistentDisk", cephFS is forbidden at
// "cephFS" but validated at "cephfs", and flexVolume never counts as a second source.
const PV_SOURCES: [string, string, string, SourceValidator][] = [
  ['hostPath', 'hostPath', 'hostPath', validateHostPathVolumeSource],
  ['gcePersistentDisk', 'gcePersistentDisk', 'persistentDisk', validateGCEPersistentDiskVolumeSource],
  ['awsElasticBlockStore', 'awsElasticBlockStore', 'awsElasticBlockStore', validateAWSElasticBlockStoreVolumeSource],
  ['glusterfs', 'glusterfs', 'glusterfs', validateGlusterfsPV],
  ['flocker', 'flocker', 'flocker', validateFlockerVolumeSource],
  ['nfs', 'nfs', 'nfs', validateNFSVolumeSource],
  ['rbd', 'rbd', 'rbd', validateRBDPV],
  ['quobyte', 'quobyte', 'quobyte', validateQuobyteVolumeSource],
  ['cephfs', 'cephFS', 'cephfs', (s, p) => (asList(s.monitors).length === 0 ? [required(p.child('monitors'))] : [])],
  ['iscsi', 'iscsi', 'iscsi', validateISCSIPV],
  ['cinder', 'cinder', 'cinder', validateCinderPV],
  ['fc', 'fc', 'fc', validateFCVolumeSource],
  ['flexVolume', '', 'flexVolume', validateFlexPV],
  ['azureFile', 'azureFile', 'azureFile', validateAzureFilePV],
  ['vsphereVolume', 'vsphereVolume', 'vsphereVolume', requireOne('volumePath')],
  ['photonPersistentDisk', 'photonPersistentDisk', 'photonPersistentDisk', requireOne('pdID')],
  ['portworxVolume', 'portworxVolume', 'portworxVolume', requireOne('volumeID')],
  ['azureDisk', 'azureDisk', 'azureDisk', validateAzureDisk],
  ['scaleIO', 'scaleIO', 'scaleIO', validateScaleIOPV],
  ['local', 'local', 'local', validateLocalVolumeSource],
  ['storageos', 'storageos', 'storageos', validateStorageOSPV],
  ['csi', 'csi', 'csi', validateCSIPV],
];
const PV_SOURCE_FIELDS = PV_SOURCES.map(([f]) => f);

/** ValidatePersistentVolumeSpec (not inline: a PV object). */
function validatePersistentVolumeSpec(spec: JsonObject, pvName: string, fldPath: Path, allowInvalidLabelValueInRequiredNodeAffinity: boolean): ErrorList {
  const errs: ErrorList = [];
  const modes = asList(spec.accessModes).map(asString);
  if (modes.length === 0) errs.push(required(fldPath.child('accessModes')));
  let foundRWOP = false;
  let foundOther = false;
  for (const mode of modes) {
    const supported = SUPPORTED_ACCESS_MODES.includes(mode);
    if (!supported) errs.push(notSupported(fldPath.child('accessModes'), mode, SUPPORTED_ACCESS_MODES));
    if (mode === 'ReadWriteOncePod') foundRWOP = true;
    else if (supported) foundOther = true;
  }
  if (foundRWOP && foundOther) errs.push(forbidden(fldPath.child('accessModes'), 'may not use ReadWriteOncePod with other access modes'));

  const capacity = asObject(spec.capacity) ?? {};
  const capKeys = sortedKeys(capacity);
  if (capKeys.length === 0) errs.push(required(fldPath.child('capacity')));
  if (!Object.hasOwn(capacity, 'storage') || capKeys.length > 1) errs.push(notSupported(fldPath.child('capacity'), capacity, ['storage']));
  for (const r of capKeys) {
    const q = quantityAt(capacity[r]);
    if (!q) continue;
    errs.push(...validateBasicResource(q, fldPath.child('capacity').key(r)));
    errs.push(...validatePositiveQuantityValue(q, fldPath.child('capacity').key(r)));
  }

  const reclaim = asString(spec.persistentVolumeReclaimPolicy);
  if (reclaim.length > 0 && !SUPPORTED_RECLAIM_POLICY.includes(reclaim)) {
    errs.push(notSupported(fldPath.child('persistentVolumeReclaimPolicy'), reclaim, SUPPORTED_RECLAIM_POLICY));
  }

  // validateVolumeNodeAffinity: a set nodeAffinity needs required terms.
  const nodeAffinity = asObject(spec.nodeAffinity);
  if (nodeAffinity) {
    const req = asObject(nodeAffinity.required);
    if (req) errs.push(...validateNodeSelector(req, allowInvalidLabelValueInRequiredNodeAffinity, fldPath.child('nodeAffinity').child('required')));
    else errs.push(required(fldPath.child('nodeAffinity').child('required'), 'must specify required node constraints'));
  }

  let numVolumes = 0;
  for (const [field, forbiddenAt, validateAt, validate] of PV_SOURCES) {
    const src = asObject(spec[field]);
    if (!src) continue;
    if (numVolumes > 0 && forbiddenAt !== '') {
      errs.push(forbidden(fldPath.child(forbiddenAt), 'may not specify more than 1 volume type'));
      continue;
    }
    numVolumes++;
    errs.push(...validate(src, fldPath.child(validateAt), pvName));
    if (field === 'local' && !nodeAffinity) errs.push(required(fldPath.child('nodeAffinity'), 'Local volume requires node affinity'));
  }
  if (numVolumes === 0) errs.push(required(fldPath, 'must specify a volume type'));

  // A hostPath of "/" may not be recycled (path.Clean("/") and its equivalents).
  const hostPath = asObject(spec.hostPath);
  if (hostPath && cleanPath(asString(hostPath.path)) === '/' && reclaim === 'Recycle') {
    errs.push(forbidden(fldPath.child('persistentVolumeReclaimPolicy'), "may not be 'recycle' for a hostPath mount of '/'"));
  }

  const storageClassName = asString(spec.storageClassName);
  if (storageClassName.length > 0) {
    for (const m of nameIsDNSSubdomain(storageClassName, false)) errs.push(invalid(fldPath.child('storageClassName'), storageClassName, m));
  }
  const volumeMode = asOptionalString(spec.volumeMode);
  if (volumeMode !== undefined && !SUPPORTED_VOLUME_MODES.includes(volumeMode)) {
    errs.push(notSupported(fldPath.child('volumeMode'), volumeMode, SUPPORTED_VOLUME_MODES));
  }
  const vac = asOptionalString(spec.volumeAttributesClassName);
  if (vac !== undefined) {
    if (vac.length === 0) errs.push(required(fldPath.child('volumeAttributesClassName'), 'an empty string is disallowed'));
    else for (const m of nameIsDNSSubdomain(vac, false)) errs.push(invalid(fldPath.child('volumeAttributesClassName'), vac, m));
    if (!asObject(spec.csi)) errs.push(required(fldPath.child('csi'), 'has to be specified when using volumeAttributesClassName'));
  }
  return errs;
}

/** path.Clean, for the "/" check. */
function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else {
      out.push(part);
    }
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined === '' ? '.' : joined;
}

/** helper.HasInvalidLabelValueInNodeSelectorTerms: an old PV with bad values may keep them. */
function hasInvalidLabelValue(pv: JsonObject | undefined): boolean {
  const terms = asList(asObject(asObject(asObject(pv?.spec)?.nodeAffinity)?.required)?.nodeSelectorTerms);
  return terms.some((t) =>
    asList(asObject(t)?.matchExpressions).some((e) => asList(asObject(e)?.values).some((v) => !/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(asString(v)) || asString(v).length > 63)),
  );
}

/** ValidatePersistentVolume. */
export function validatePersistentVolume(obj: JsonObject, old?: JsonObject): ErrorList {
  const meta = asObject(obj.metadata);
  const errs = validateCoreObjectMeta(meta, false, nameIsDNSSubdomain, Path.of('metadata'));
  errs.push(...validatePersistentVolumeSpec(asObject(obj.spec) ?? {}, asString(meta?.name), Path.of('spec'), hasInvalidLabelValue(old)));
  return errs;
}

// The PersistentVolumeSource part of a PV spec (the fields that say where the volume is).
function pvSource(spec: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const f of PV_SOURCE_FIELDS) if (spec[f] !== undefined && spec[f] !== null) out[f] = clone(spec[f]);
  return out;
}

// betaToGALabel: node affinity keys a PV may move from the beta label to the GA one.
const BETA_TO_GA_LABEL: Record<string, string> = {
  'failure-domain.beta.kubernetes.io/zone': 'topology.kubernetes.io/zone',
  'failure-domain.beta.kubernetes.io/region': 'topology.kubernetes.io/region',
  'beta.kubernetes.io/os': 'kubernetes.io/os',
  'beta.kubernetes.io/arch': 'kubernetes.io/arch',
  'beta.kubernetes.io/instance-type': 'node.kubernetes.io/instance-type',
};

// validatePvNodeAffinity's equality: old match expressions may have their beta keys renamed to GA.
function maskBetaLabels(newAffinity: JsonValue | undefined, oldAffinity: JsonValue | undefined): JsonValue | undefined {
  const masked = clone(oldAffinity ?? null);
  const newTerms = asList(asObject(asObject(newAffinity)?.required)?.nodeSelectorTerms);
  asList(asObject(asObject(masked)?.required)?.nodeSelectorTerms).forEach((t, i) => {
    const newExprs = asList(asObject(newTerms[i])?.matchExpressions);
    asList(asObject(t)?.matchExpressions).forEach((e, j) => {
      const oldReq = asObject(e);
      const newKey = asString(asObject(newExprs[j])?.key);
      if (oldReq && asString(oldReq.key) !== newKey && BETA_TO_GA_LABEL[asString(oldReq.key)] === newKey) oldReq.key = newKey;
    });
  });
  return masked;
}

/** ValidatePersistentVolumeUpdate: the new PV, its source fixed (a CSI controllerExpandSecretRef may be added), volumeMode and nodeAffinity fixed. */
export function validatePersistentVolumeUpdate(obj: JsonObject, old: JsonObject): ErrorList {
  const errs = validatePersistentVolume(obj, old);
  const spec = asObject(obj.spec) ?? {};
  const oldSpec = asObject(old.spec) ?? {};
  const newSource = pvSource(spec);
  const oldSource = pvSource(oldSpec);
  const oldCSI = asObject(oldSource.csi);
  const newCSI = asObject(newSource.csi);
  if (oldCSI && oldCSI.controllerExpandSecretRef === undefined && newCSI && newCSI.controllerExpandSecretRef !== undefined) {
    delete newCSI.controllerExpandSecretRef;
  }
  if (!semanticEqual(newSource, oldSource)) {
    const diff = semanticDiff(oldSource, newSource).join('\n');
    errs.push(forbidden(Path.of('spec', 'persistentvolumesource'), `spec.persistentvolumesource is immutable after creation\n${diff}`));
  }
  // Upstream reports these two without the "spec." prefix.
  errs.push(...validateImmutableField(spec.volumeMode ?? null, oldSpec.volumeMode ?? null, Path.of('volumeMode')));
  if (asObject(oldSpec.nodeAffinity)) {
    if (!semanticEqual(spec.nodeAffinity ?? null, maskBetaLabels(spec.nodeAffinity, oldSpec.nodeAffinity) ?? null)) {
      errs.push(invalid(Path.of('nodeAffinity'), spec.nodeAffinity ?? null, `${FIELD_IMMUTABLE_ERROR_MSG}, except for updating from beta label to GA`));
    }
  }
  const oldVAC = asOptionalString(oldSpec.volumeAttributesClassName);
  const newVAC = asOptionalString(spec.volumeAttributesClassName);
  if (oldVAC !== newVAC && oldVAC !== undefined && newVAC === undefined) {
    errs.push(forbidden(Path.of('spec', 'volumeAttributesClassName'), 'update from non-nil value to nil is forbidden'));
  }
  return errs;
}

/** ValidatePersistentVolumeStatusUpdate. */
export function validatePersistentVolumeStatusUpdate(obj: JsonObject, old: JsonObject): ErrorList {
  const meta = asObject(obj.metadata);
  const errs = validateCoreObjectMetaUpdate(meta, asObject(old.metadata), Path.of('metadata'));
  if (asString(meta?.resourceVersion).length === 0) errs.push(required(Path.of('resourceVersion')));
  return errs;
}

/** ValidationOptionsForPersistentVolumeClaim, gates at v1.36 defaults. */
function pvcOptions(old: JsonObject | undefined): PersistentVolumeClaimSpecValidationOptions {
  const oldSpec = asObject(old?.spec);
  const opts: PersistentVolumeClaimSpecValidationOptions = {
    allowInvalidLabelValueInSelector: false,
    allowInvalidAPIGroupInDataSourceOrRef: false,
    enableVolumeAttributesClass: true,
  };
  if (!oldSpec) return opts;
  // An old object with an apiGroup in its data source keeps being allowed one.
  opts.allowInvalidAPIGroupInDataSourceOrRef =
    asOptionalString(asObject(oldSpec.dataSource)?.apiGroup) !== undefined || asOptionalString(asObject(oldSpec.dataSourceRef)?.apiGroup) !== undefined;
  const selector = asObject(oldSpec.selector);
  const badValue = asList(selector?.matchExpressions).some((e) =>
    asList(asObject(e)?.values).some((v) => !/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(asString(v)) || asString(v).length > 63),
  );
  const badMatchLabel = Object.entries(asStringMap(selector?.matchLabels)).some(([k, v]) => isQualifiedName(k).length > 0 || !/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(v));
  if (badValue || badMatchLabel) opts.allowInvalidLabelValueInSelector = true;
  return opts;
}

/** ValidatePersistentVolumeClaim (ValidatePersistentVolumeName is NameIsDNSSubdomain). */
export function validatePersistentVolumeClaim(obj: JsonObject, old?: JsonObject): ErrorList {
  const errs = validateCoreObjectMeta(asObject(obj.metadata), true, nameIsDNSSubdomain, Path.of('metadata'));
  errs.push(...validatePersistentVolumeClaimSpec(asObject(obj.spec), Path.of('spec'), pvcOptions(old)));
  return errs;
}

function storageRequest(spec: JsonObject): Quantity {
  return quantityAt(asObject(asObject(spec.resources)?.requests)?.storage) ?? Quantity.fromInteger(0);
}

/**
 * ValidatePersistentVolumeClaimUpdate: the spec is fixed after creation,
 * except that volumeName may be set once, a beta storage-class annotation may
 * become storageClassName, and a bound claim may change its storage request
 * (grow, or shrink back to status.capacity) and volumeAttributesClassName.
 */
export function validatePersistentVolumeClaimUpdate(obj: JsonObject, old: JsonObject): ErrorList {
  const newMeta = asObject(obj.metadata);
  const oldMeta = asObject(old.metadata);
  const errs = validateCoreObjectMetaUpdate(newMeta, oldMeta, Path.of('metadata'));
  errs.push(...validatePersistentVolumeClaim(obj, old));
  const newSpec = clone(asObject(obj.spec) ?? {});
  const oldSpec = clone(asObject(old.spec) ?? {});
  const newAnn = asStringMap(newMeta?.annotations);
  const oldAnn = asStringMap(oldMeta?.annotations);

  // The PV controller sets volumeName once.
  if (asString(oldSpec.volumeName).length === 0) {
    if (newSpec.volumeName === undefined) delete oldSpec.volumeName;
    else oldSpec.volumeName = newSpec.volumeName;
  }

  const oldSc = asOptionalString(oldSpec.storageClassName);
  const newSc = asOptionalString(newSpec.storageClassName);
  const oldBeta = oldAnn[BETA_STORAGE_CLASS_ANNOTATION];
  const newBeta = newAnn[BETA_STORAGE_CLASS_ANNOTATION];
  // validateStorageClassUpgradeFromAnnotation
  if (oldBeta !== undefined && oldSc === undefined && newSc !== undefined && newSc === oldBeta && (newBeta === undefined || newBeta === oldBeta)) {
    delete newSpec.storageClassName;
  } else {
    // The beta annotation is immutable after creation.
    if ((newBeta ?? '') !== (oldBeta ?? '')) {
      errs.push(invalid(Path.of('metadata').child('annotations', BETA_STORAGE_CLASS_ANNOTATION), newBeta ?? '', FIELD_IMMUTABLE_ERROR_MSG));
    }
    // validateStorageClassUpgradeFromNil
    if (newSc !== undefined && oldSc === undefined && (oldBeta === undefined || newSc === oldBeta)) {
      delete newSpec.storageClassName;
    }
  }

  const bound = asString(asObject(obj.status)?.phase) === 'Bound';
  const newRequests = asObject(asObject(newSpec.resources)?.requests);
  if (bound && newRequests) {
    const oldStorage = asObject(asObject(asObject(old.spec)?.resources)?.requests)?.storage;
    if (oldStorage === undefined) delete newRequests.storage;
    else newRequests.storage = clone(oldStorage);
  }
  if (bound && newSpec.volumeAttributesClassName !== undefined && newSpec.volumeAttributesClassName !== null) {
    if (oldSpec.volumeAttributesClassName === undefined) delete newSpec.volumeAttributesClassName;
    else newSpec.volumeAttributesClassName = clone(oldSpec.volumeAttributesClassName);
  }

  if (!semanticEqual(newSpec, oldSpec)) {
    const diff = semanticDiff(oldSpec, newSpec).join('\n');
    errs.push(forbidden(Path.of('spec'), `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n${diff}`));
  }

  const oldSize = storageRequest(asObject(old.spec) ?? {});
  const newSize = storageRequest(asObject(obj.spec) ?? {});
  const statusSize = quantityAt(asObject(asObject(old.status)?.capacity)?.storage) ?? Quantity.fromInteger(0);
  // RecoverVolumeExpansionFailure (GA): a claim may shrink its request, but not to status.capacity or below.
  if (newSize.cmp(oldSize) < 0 && newSize.cmp(statusSize) <= 0) {
    errs.push(forbidden(Path.of('spec', 'resources', 'requests', 'storage'), 'field can not be less than status.capacity'));
  }

  const newPlain = asObject(obj.spec) ?? {};
  const oldPlain = asObject(old.spec) ?? {};
  errs.push(...validateImmutableField(newPlain.volumeMode ?? null, oldPlain.volumeMode ?? null, Path.of('volumeMode')));

  const oldVAC = asOptionalString(oldPlain.volumeAttributesClassName);
  const newVAC = asOptionalString(newPlain.volumeAttributesClassName);
  if (oldVAC !== newVAC && oldVAC !== undefined) {
    if (newVAC === undefined) errs.push(forbidden(Path.of('spec', 'volumeAttributesClassName'), 'update from non-nil value to nil is forbidden'));
    else if (newVAC.length === 0) errs.push(forbidden(Path.of('spec', 'volumeAttributesClassName'), 'update from non-nil value to an empty string is forbidden'));
  }
  return errs;
}

const RESIZE_STATUSES = ['ControllerResizeInProgress', 'ControllerResizeInfeasible', 'NodeResizeInProgress', 'NodeResizeInfeasible', 'NodeResizePending'];

/** validatePersistentVolumeClaimResourceKey: a qualified name; unprefixed (native) names must be storage. */
function validatePVCResourceKey(value: string, fldPath: Path): ErrorList {
  const errs = isQualifiedName(value).map((m) => invalid(fldPath, value, m));
  if (errs.length !== 0) return errs;
  if (isNativeResource(value) && value !== 'storage') errs.push(notSupported(fldPath, value, ['storage']));
  return errs;
}

/** ValidatePersistentVolumeClaimStatusUpdate (RecoverVolumeExpansionFailure on). */
export function validatePersistentVolumeClaimStatusUpdate(obj: JsonObject, old: JsonObject): ErrorList {
  const meta = asObject(obj.metadata);
  const errs = validateCoreObjectMetaUpdate(meta, asObject(old.metadata), Path.of('metadata'));
  if (asString(meta?.resourceVersion).length === 0) errs.push(required(Path.of('resourceVersion')));
  // Upstream spells this path Spec.accessModes.
  if (asList(asObject(obj.spec)?.accessModes).length === 0) errs.push(required(Path.of('Spec', 'accessModes')));
  const status = asObject(obj.status) ?? {};
  const capacity = asObject(status.capacity) ?? {};
  for (const r of sortedKeys(capacity)) {
    const q = quantityAt(capacity[r]);
    if (q) errs.push(...validateBasicResource(q, Path.of('status', 'capacity').key(r)));
  }
  const resizePath = Path.of('status', 'allocatedResourceStatus');
  const resizeStatus = asObject(status.allocatedResourceStatuses);
  if (resizeStatus) {
    for (const k of sortedKeys(resizeStatus)) {
      errs.push(...validatePVCResourceKey(k, resizePath));
      if (!RESIZE_STATUSES.includes(asString(resizeStatus[k]))) errs.push(notSupported(resizePath, k, RESIZE_STATUSES));
    }
  }
  const allocPath = Path.of('status', 'allocatedResources');
  const allocated = asObject(status.allocatedResources) ?? {};
  for (const r of sortedKeys(allocated)) {
    const keyErrs = validatePVCResourceKey(r, allocPath);
    if (keyErrs.length > 0) {
      errs.push(...keyErrs);
      continue;
    }
    const q = quantityAt(allocated[r]);
    if (!q) continue;
    const basic = validateBasicResource(q, allocPath.key(r));
    errs.push(...(basic.length > 0 ? basic : validateResourceQuantityValue('storage', q, allocPath.key(r))));
  }
  return errs;
}
