// Node validation: the name, taints (in spec and in the old annotation),
// capacity and allocatable quantities, pod CIDRs, and what an update may
// not change (pod CIDRs and providerID once set, externalID).
// src: pkg/apis/core/validation/validation.go (ValidateNode, ValidateNodeUpdate,
//      ValidateNodeResources, validateNodeTaints, validateTaintEffect,
//      ValidateNodeSpecificAnnotations, ValidateTaintsInNodeAnnotations,
//      ValidateAvoidPodsInNodeAnnotations, validateNodeConfigSourceSpec,
//      validateNodeConfigStatus), pkg/apis/core/v1/conversion.go (podCIDR → podCIDRs)

import { duplicate, type ErrorList, type FieldErr, forbidden, internalError, invalid, notSupported, required } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { deepEqual } from '../../../apimachinery/go-values.ts';
import { asList, asObject, asString, asStringMap, type JsonObject, type JsonValue } from '../../../apimachinery/json.ts';
import { goJsonKind, goJsonSyntaxError } from '../../../apimachinery/go-json-errors.ts';
import { isDualStackCIDRStrings } from './ip-address.ts';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate } from './object-meta.ts';
import {
  isConfigMapKey,
  isValidLabelValue,
  nameIsDNSSubdomain,
  quantityAt,
  sortedKeys,
  validateLabelName,
  validateNamespaceName,
  validateResourceQuantityValue,
} from './apimachinery-checks.ts';
import { validateLegacyCIDR } from './field-formats.ts';

const TAINTS_ANNOTATION_KEY = 'scheduler.alpha.kubernetes.io/taints';
const PREFER_AVOID_PODS_ANNOTATION_KEY = 'scheduler.alpha.kubernetes.io/preferAvoidPods';
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** validateTaintEffect. */
export function validateTaintEffect(effect: string, allowEmpty: boolean, fldPath: Path): ErrorList {
  if (!allowEmpty && effect.length === 0) return [required(fldPath)];
  return TAINT_EFFECTS.includes(effect) ? [] : [notSupported(fldPath, effect, TAINT_EFFECTS)];
}

/** validateNodeTaints: key, value, effect, and one taint per (key, effect). */
function validateNodeTaints(taints: JsonValue[], fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const unique = new Map<string, Set<string>>();
  taints.forEach((t, i) => {
    const taint = asObject(t) ?? {};
    const idxPath = fldPath.index(i);
    const key = asString(taint.key);
    const value = asString(taint.value);
    const effect = asString(taint.effect);
    errs.push(...validateLabelName(key, idxPath.child('key')));
    const valueErrs = isValidLabelValue(value);
    if (valueErrs.length !== 0) errs.push(invalid(idxPath.child('value'), value, valueErrs.join(';')));
    errs.push(...validateTaintEffect(effect, false, idxPath.child('effect')));
    if (unique.get(effect)?.has(key)) {
      const dup: FieldErr = { ...duplicate(idxPath, taint), detail: 'taints must be unique by key and effect pair' };
      errs.push(dup);
      return;
    }
    if (!unique.has(effect)) unique.set(effect, new Set());
    unique.get(effect)?.add(key);
  });
  return errs;
}

// json.Unmarshal of an annotation into a slice or struct: the syntax error,
// or the type error when the top level is the wrong kind.
function unmarshalError(text: string, want: 'array' | 'object', goType: string): string | null {
  const syntax = goJsonSyntaxError(text);
  if (syntax !== null) return syntax;
  const v: unknown = JSON.parse(text);
  if (v === null || goJsonKind(v) === want) return null;
  return `json: cannot unmarshal ${goJsonKind(v)} into Go value of type ${goType}`;
}

/** ValidateNodeSpecificAnnotations: the old taints and preferAvoidPods annotations. */
function validateNodeSpecificAnnotations(annotations: Record<string, string>, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const taints = annotations[TAINTS_ANNOTATION_KEY];
  if (taints) {
    const err = unmarshalError(taints, 'array', '[]core.Taint');
    if (err !== null) errs.push(invalid(fldPath, TAINTS_ANNOTATION_KEY, err));
    else {
      const list = asList(JSON.parse(taints));
      if (list.length > 0) errs.push(...validateNodeTaints(list, fldPath.child(TAINTS_ANNOTATION_KEY)));
    }
  }
  const avoid = annotations[PREFER_AVOID_PODS_ANNOTATION_KEY];
  if (avoid) {
    const err = unmarshalError(avoid, 'object', 'v1.AvoidPods');
    if (err !== null) errs.push(invalid(fldPath.child('AvoidPods'), PREFER_AVOID_PODS_ANNOTATION_KEY, err));
    else {
      asList(asObject(JSON.parse(avoid))?.preferAvoidPods).forEach((e, i) => {
        const idxPath = fldPath.child(PREFER_AVOID_PODS_ANNOTATION_KEY).index(i);
        const controller = asObject(asObject(asObject(e)?.podSignature)?.podController);
        if (!controller) errs.push(required(idxPath.child('PodSignature')));
        else if (controller.controller !== true) {
          errs.push(invalid(idxPath.child('PodSignature').child('PodController').child('Controller'), false, 'must point to a controller'));
        }
      });
    }
  }
  return errs;
}

/** The Node's pod CIDRs after conversion: v1's podCIDR fills podCIDRs when that is empty. */
function podCIDRs(spec: JsonObject): string[] {
  const list = asList(spec.podCIDRs).map(asString);
  const single = asString(spec.podCIDR);
  return list.length === 0 && single !== '' ? [single] : list;
}

/** ValidateNodeResources: capacity and allocatable (paths use child names, not keys). */
function validateNodeResources(obj: JsonObject): ErrorList {
  const errs: ErrorList = [];
  const status = asObject(obj.status) ?? {};
  for (const field of ['capacity', 'allocatable']) {
    const list = asObject(status[field]) ?? {};
    for (const k of sortedKeys(list)) {
      const q = quantityAt(list[k]);
      if (q) errs.push(...validateResourceQuantityValue(k, q, Path.of('status', field, k)));
    }
  }
  return errs;
}

/** ValidateNode. Status is optional, but what is given must be valid. */
export function validateNode(obj: JsonObject): ErrorList {
  const fldPath = Path.of('metadata');
  const meta = asObject(obj.metadata);
  const errs = validateCoreObjectMeta(meta, false, nameIsDNSSubdomain, fldPath);
  errs.push(...validateNodeSpecificAnnotations(asStringMap(meta?.annotations), fldPath.child('annotations')));
  const spec = asObject(obj.spec) ?? {};
  const taints = asList(spec.taints);
  // Upstream reports spec taints under metadata.taints.
  if (taints.length > 0) errs.push(...validateNodeTaints(taints, fldPath.child('taints')));
  errs.push(...validateNodeResources(obj));

  const cidrs = podCIDRs(spec);
  if (cidrs.length > 0) {
    const podCIDRsField = Path.of('spec', 'podCIDRs');
    cidrs.forEach((c, i) => errs.push(...validateLegacyCIDR(c, podCIDRsField.index(i))));
    if (cidrs.length > 1) {
      const dualStack = isDualStackCIDRStrings(cidrs);
      if (dualStack === null) {
        errs.push(internalError(podCIDRsField, 'invalid PodCIDRs. failed to check with dual stack with error:invalid CIDR address'));
      }
      if (!dualStack || cidrs.length > 2) errs.push(invalid(podCIDRsField, cidrs, 'may specify no more than one CIDR for each IP family'));
      const seen = new Set<string>();
      cidrs.forEach((c, i) => {
        if (seen.has(c)) errs.push(duplicate(podCIDRsField.index(i), c));
        seen.add(c);
      });
    }
  }
  return errs;
}

/** validateConfigMapNodeConfigSource: the deprecated dynamic kubelet config reference. */
function validateConfigMapNodeConfigSource(source: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const namespace = asString(source.namespace);
  if (namespace === '') errs.push(required(fldPath.child('namespace'), 'namespace must be set'));
  else for (const m of validateNamespaceName(namespace, false)) errs.push(invalid(fldPath.child('namespace'), namespace, m));
  const name = asString(source.name);
  if (name === '') errs.push(required(fldPath.child('name'), 'name must be set'));
  else for (const m of nameIsDNSSubdomain(name, false)) errs.push(invalid(fldPath.child('name'), name, m));
  const key = asString(source.kubeletConfigKey);
  if (key === '') errs.push(required(fldPath.child('kubeletConfigKey'), 'kubeletConfigKey must be set'));
  else for (const m of isConfigMapKey(key)) errs.push(invalid(fldPath.child('kubeletConfigKey'), key, m));
  return errs;
}

// validateNodeConfigSourceSpec / validateNodeConfigSourceStatus: exactly one reference.
function validateNodeConfigSource(source: JsonObject, fldPath: Path, inStatus: boolean): ErrorList {
  const errs: ErrorList = [];
  const configMap = asObject(source.configMap);
  if (configMap) {
    const p = fldPath.child('configMap');
    if (inStatus) {
      if (asString(configMap.uid) === '') errs.push(required(p.child('uid'), 'uid must be set in status'));
      if (asString(configMap.resourceVersion) === '') errs.push(required(p.child('resourceVersion'), 'resourceVersion must be set in status'));
    } else {
      if (asString(configMap.uid) !== '') errs.push(forbidden(p.child('uid'), 'uid must not be set in spec'));
      if (asString(configMap.resourceVersion) !== '') errs.push(forbidden(p.child('resourceVersion'), 'resourceVersion must not be set in spec'));
    }
    errs.push(...validateConfigMapNodeConfigSource(configMap, p));
  } else {
    errs.push(invalid(fldPath, source, 'exactly one reference subfield must be non-nil'));
  }
  return errs;
}

/** ValidateNodeUpdate. */
export function validateNodeUpdate(obj: JsonObject, old: JsonObject): ErrorList {
  const fldPath = Path.of('metadata');
  const meta = asObject(obj.metadata);
  const errs = validateCoreObjectMetaUpdate(meta, asObject(old.metadata), fldPath);
  errs.push(...validateNodeSpecificAnnotations(asStringMap(meta?.annotations), fldPath.child('annotations')));
  errs.push(...validateNodeResources(obj));

  const status = asObject(obj.status) ?? {};
  const seen: JsonValue[] = [];
  asList(status.addresses).forEach((a, i) => {
    const address = { type: asString(asObject(a)?.type), address: asString(asObject(a)?.address) };
    if (seen.some((s) => deepEqual(s, address))) errs.push(duplicate(Path.of('status', 'addresses').index(i), address));
    seen.push(address);
  });

  const spec = asObject(obj.spec) ?? {};
  const oldSpec = asObject(old.spec) ?? {};
  // The node IPAM controller may set pod CIDRs once; after that they stay.
  const oldCIDRs = podCIDRs(oldSpec);
  const newCIDRs = podCIDRs(spec);
  if (oldCIDRs.length > 0) {
    const msg = 'node updates may not change podCIDR except from "" to valid';
    if (oldCIDRs.length !== newCIDRs.length) errs.push(forbidden(Path.of('spec', 'podCIDRs'), msg));
    else oldCIDRs.forEach((c, i) => c !== newCIDRs[i] && errs.push(forbidden(Path.of('spec', 'podCIDRs'), msg)));
  }
  const oldProvider = asString(oldSpec.providerID);
  if (oldProvider.length > 0 && oldProvider !== asString(spec.providerID)) {
    errs.push(forbidden(Path.of('spec', 'providerID'), 'node updates may not change providerID except from "" to valid'));
  }

  const configSource = asObject(spec.configSource);
  if (configSource) errs.push(...validateNodeConfigSource(configSource, Path.of('spec', 'configSource'), false));
  const config = asObject(status.config);
  if (config) {
    for (const f of ['assigned', 'active', 'lastKnownGood']) {
      const src = asObject(config[f]);
      if (src) errs.push(...validateNodeConfigSource(src, Path.of('status', 'config').child(f), true));
    }
  }

  const taints = asList(spec.taints);
  if (taints.length > 0) errs.push(...validateNodeTaints(taints, fldPath.child('taints')));
  if (asString(spec.externalID) !== asString(oldSpec.externalID)) errs.push(forbidden(Path.of('spec', 'externalID'), 'may not be updated'));
  return errs;
}
