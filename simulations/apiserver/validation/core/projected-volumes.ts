// Volumes that project API data into files: secret, configMap, downwardAPI and
// projected (secret, configMap, downwardAPI, serviceAccountToken,
// clusterTrustBundle sources), with their items' paths and file modes.
// src: pkg/apis/core/validation/validation.go (validateSecretVolumeSource,
// validateConfigMapVolumeSource, validateKeyToPath, validateDownwardAPIVolumeFile,
// validateDownwardAPIVolumeSource, validateProjectionSources, validateProjectedVolumeSource)

import { forbidden, invalid, required, type ErrorList } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import { asInt, asList, asObject, asOptionalInt, asOptionalString, asString, type JsonObject } from '../../../apimachinery/json.ts';
import { VALID_VOLUME_DOWNWARD_API_FIELD_PATHS, validateContainerResourceFieldSelector, validateObjectFieldSelector } from './env.ts';
import { validateLocalNonReservedPath } from './local-paths.ts';
import { validateLabelSelector } from './pending-apimachinery.ts';
import type { PodValidationOptions } from './pod-validation-options.ts';

export const FILE_MODE_ERROR_MSG = 'must be a number between 0 and 0777 (octal), both inclusive';

/** A *int32 file mode outside 0..0777, if set. */
function badMode(mode: number | undefined): mode is number {
  return mode !== undefined && (mode > 0o777 || mode < 0);
}

/** validateKeyToPath */
export function validateKeyToPath(kp: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const key = asString(kp.key);
  const path = asString(kp.path);
  if (key.length === 0) errs.push(required(fldPath.child('key'), ''));
  if (path.length === 0) errs.push(required(fldPath.child('path'), ''));
  errs.push(...validateLocalNonReservedPath(path, fldPath.child('path')));
  const mode = asOptionalInt(kp.mode);
  if (badMode(mode)) errs.push(invalid(fldPath.child('mode'), mode, FILE_MODE_ERROR_MSG));
  return errs;
}

/** validateSecretVolumeSource */
export function validateSecretVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  if (asString(src.secretName).length === 0) errs.push(required(fldPath.child('secretName'), ''));
  const mode = asOptionalInt(src.defaultMode);
  if (badMode(mode)) errs.push(invalid(fldPath.child('defaultMode'), mode, FILE_MODE_ERROR_MSG));
  asList(src.items).forEach((kp, i) => errs.push(...validateKeyToPath(asObject(kp) ?? {}, fldPath.child('items').index(i))));
  return errs;
}

/** validateConfigMapVolumeSource */
export function validateConfigMapVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  if (asString(src.name).length === 0) errs.push(required(fldPath.child('name'), ''));
  const mode = asOptionalInt(src.defaultMode);
  if (badMode(mode)) errs.push(invalid(fldPath.child('defaultMode'), mode, FILE_MODE_ERROR_MSG));
  asList(src.items).forEach((kp, i) => errs.push(...validateKeyToPath(asObject(kp) ?? {}, fldPath.child('items').index(i))));
  return errs;
}

/** validateDownwardAPIVolumeFile: exactly one of fieldRef and resourceFieldRef. */
export function validateDownwardAPIVolumeFile(file: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const path = asString(file.path);
  if (path.length === 0) errs.push(required(fldPath.child('path'), ''));
  errs.push(...validateLocalNonReservedPath(path, fldPath.child('path')));
  const fieldRef = asObject(file.fieldRef);
  const resourceFieldRef = asObject(file.resourceFieldRef);
  if (fieldRef) {
    errs.push(...validateObjectFieldSelector(fieldRef, VALID_VOLUME_DOWNWARD_API_FIELD_PATHS, fldPath.child('fieldRef')));
    if (resourceFieldRef) errs.push(invalid(fldPath, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
  } else if (resourceFieldRef) {
    errs.push(...validateContainerResourceFieldSelector(resourceFieldRef, fldPath.child('resourceFieldRef'), true));
  } else {
    errs.push(required(fldPath, 'one of fieldRef and resourceFieldRef is required'));
  }
  const mode = asOptionalInt(file.mode);
  if (badMode(mode)) errs.push(invalid(fldPath.child('mode'), mode, FILE_MODE_ERROR_MSG));
  return errs;
}

/** validateDownwardAPIVolumeSource (upstream reports items' errors at the volume's path, without the index). */
export function validateDownwardAPIVolumeSource(src: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const mode = asOptionalInt(src.defaultMode);
  if (badMode(mode)) errs.push(invalid(fldPath.child('defaultMode'), mode, FILE_MODE_ERROR_MSG));
  for (const file of asList(src.items)) errs.push(...validateDownwardAPIVolumeFile(asObject(file) ?? {}, fldPath));
  return errs;
}

/** validateProjectionSources */
function validateProjectionSources(projection: JsonObject, fldPath: Path, opts: PodValidationOptions): ErrorList {
  const errs: ErrorList = [];
  const allPaths = new Set<string>();
  // Each path may be projected once across all sources.
  const claimPath = (p: string, badValue: string) => {
    if (allPaths.has(p)) errs.push(invalid(fldPath, badValue, 'conflicting duplicate paths'));
    else allPaths.add(p);
  };
  asList(projection.sources).forEach((s, i) => {
    const source = asObject(s) ?? {};
    let numSources = 0;
    const srcPath = fldPath.child('sources').index(i);
    for (const kind of ['secret', 'configMap'] as const) {
      const ref = asObject(source[kind]);
      if (!ref) continue;
      numSources++;
      const projPath = srcPath.child(kind);
      const name = asString(ref.name);
      if (name.length === 0) errs.push(required(projPath.child('name'), ''));
      asList(ref.items).forEach((item, j) => {
        const kp = asObject(item) ?? {};
        errs.push(...validateKeyToPath(kp, projPath.child('items').index(j)));
        const p = asString(kp.path);
        if (p.length > 0) claimPath(p, name);
      });
    }
    const downwardAPI = asObject(source.downwardAPI);
    if (downwardAPI) {
      numSources++;
      const projPath = srcPath.child('downwardAPI');
      for (const item of asList(downwardAPI.items)) {
        const file = asObject(item) ?? {};
        errs.push(...validateDownwardAPIVolumeFile(file, projPath));
        const p = asString(file.path);
        if (p.length > 0) claimPath(p, p);
      }
    }
    const token = asObject(source.serviceAccountToken);
    if (token) {
      numSources++;
      const projPath = srcPath.child('serviceAccountToken');
      // v1 *int64 (defaulted to 3600); absent reads as the internal int64's zero.
      const expiration = asInt(token.expirationSeconds);
      if (expiration < 10 * 60) errs.push(invalid(projPath.child('expirationSeconds'), expiration, 'may not specify a duration less than 10 minutes'));
      if (expiration > 2 ** 32) errs.push(invalid(projPath.child('expirationSeconds'), expiration, 'may not specify a duration larger than 2^32 seconds'));
      const path = asString(token.path);
      if (path === '') errs.push(required(fldPath.child('path'), ''));
      else if (!opts.allowNonLocalProjectedTokenPath) errs.push(...validateLocalNonReservedPath(path, fldPath.child('path')));
    }
    const ctb = asObject(source.clusterTrustBundle);
    if (ctb) {
      numSources++;
      const projPath = srcPath.child('clusterTrustBundle');
      const name = asOptionalString(ctb.name);
      const signerName = asOptionalString(ctb.signerName);
      if (name !== undefined && signerName !== undefined) {
        errs.push(invalid(projPath, ctb, 'only one of name and signerName may be used'));
      } else if (name !== undefined) {
        if (name === '') errs.push(required(projPath.child('name'), 'must be a valid object name'));
        // Not ported: ValidateClusterTrustBundleName's format check of the name.
        if (asObject(ctb.labelSelector)) errs.push(invalid(projPath.child('labelSelector'), ctb.labelSelector, 'labelSelector must be unset if name is specified'));
      } else if (signerName !== undefined) {
        if (signerName === '') errs.push(required(projPath.child('signerName'), 'must be a valid signer name'));
        // Not ported: ValidateSignerName's format check.
        errs.push(...validateLabelSelector(asObject(ctb.labelSelector), { allowInvalidLabelValueInSelector: false }, projPath.child('labelSelector')));
      } else {
        errs.push(required(projPath, 'either name or signerName must be specified'));
      }
      const path = asString(ctb.path);
      if (path === '') errs.push(required(projPath.child('path'), ''));
      errs.push(...validateLocalNonReservedPath(path, projPath.child('path')));
      claimPath(path, path);
    }
    if (numSources > 1) errs.push(forbidden(srcPath, 'may not specify more than 1 volume type per source'));
  });
  return errs;
}

/** validateProjectedVolumeSource */
export function validateProjectedVolumeSource(projection: JsonObject, fldPath: Path, opts: PodValidationOptions): ErrorList {
  const errs: ErrorList = [];
  const mode = asOptionalInt(projection.defaultMode);
  if (badMode(mode)) errs.push(invalid(fldPath.child('defaultMode'), mode, FILE_MODE_ERROR_MSG));
  errs.push(...validateProjectionSources(projection, fldPath, opts));
  return errs;
}
