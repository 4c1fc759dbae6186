// Container environment: env (names, value or valueFrom with exactly one
// source), envFrom (configMapRef/secretRef and prefix), and the downward API
// selectors env and downwardAPI volumes share.
// src: pkg/apis/core/validation/validation.go (ValidateEnv, validateEnvVarValueFrom,
// validateObjectFieldSelector, validateContainerResourceFieldSelector,
// validateContainerResourceDivisor, ValidateEnvFrom, validateConfigMapEnvSource,
// validateSecretEnvSource, validateConfigMapKeySelector, validateSecretKeySelector),
// pkg/apis/core/pods/helpers.go (ConvertDownwardAPIFieldLabel),
// pkg/fieldpath/fieldpath.go (SplitMaybeSubscriptedPath)

import { invalid, notSupported, required, type ErrorList } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import { asList, asObject, asString, type JsonObject, type JsonValue } from '../../../apimachinery/json.ts';
import { Quantity } from '../../../apimachinery/quantity.ts';
import { isConfigMapKey, isEnvVarName, isQualifiedName, isRelaxedEnvVarName, nameIsDNSSubdomain } from './pending-apimachinery.ts';
import type { PodValidationOptions } from './pod-validation-options.ts';

const VALID_ENV_DOWNWARD_API_FIELD_PATHS = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];

/** validVolumeDownwardAPIFieldPathExpressions (sorted, as sets.List gives them). */
export const VALID_VOLUME_DOWNWARD_API_FIELD_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];

export const VALID_CONTAINER_RESOURCE_FIELD_PATHS = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];
const HUGEPAGES_DOWNWARD_API_PREFIXES = ['limits.hugepages-', 'requests.hugepages-'];

function envNameErrors(name: string, opts: PodValidationOptions): string[] {
  return opts.allowRelaxedEnvironmentVariableValidation ? isRelaxedEnvVarName(name) : isEnvVarName(name);
}

/** ValidateEnv */
export function validateEnv(vars: JsonValue[], fldPath: Path, opts: PodValidationOptions): ErrorList {
  const errs: ErrorList = [];
  vars.forEach((v, i) => {
    const ev = asObject(v) ?? {};
    const idxPath = fldPath.index(i);
    const name = asString(ev.name);
    if (name.length === 0) errs.push(required(idxPath.child('name'), ''));
    else for (const m of envNameErrors(name, opts)) errs.push(invalid(idxPath.child('name'), name, m));
    errs.push(...validateEnvVarValueFrom(ev, idxPath.child('valueFrom')));
  });
  return errs;
}

function validateEnvVarValueFrom(ev: JsonObject, fldPath: Path): ErrorList {
  const from = asObject(ev.valueFrom);
  if (!from) return [];
  const errs: ErrorList = [];
  let numSources = 0;
  const fieldRef = asObject(from.fieldRef);
  if (fieldRef) {
    numSources++;
    errs.push(...validateObjectFieldSelector(fieldRef, VALID_ENV_DOWNWARD_API_FIELD_PATHS, fldPath.child('fieldRef')));
  }
  const resourceFieldRef = asObject(from.resourceFieldRef);
  if (resourceFieldRef) {
    numSources++;
    errs.push(...validateContainerResourceFieldSelector(resourceFieldRef, fldPath.child('resourceFieldRef'), false));
  }
  const configMapKeyRef = asObject(from.configMapKeyRef);
  if (configMapKeyRef) {
    numSources++;
    errs.push(...validateKeySelector(configMapKeyRef, fldPath.child('configMapKeyRef')));
  }
  const secretKeyRef = asObject(from.secretKeyRef);
  if (secretKeyRef) {
    numSources++;
    errs.push(...validateKeySelector(secretKeyRef, fldPath.child('secretKeyRef')));
  }
  if (numSources === 0) {
    errs.push(invalid(fldPath, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  } else if (asString(ev.value).length !== 0) {
    errs.push(invalid(fldPath, '', 'may not be specified when `value` is not empty'));
  } else if (numSources > 1) {
    errs.push(invalid(fldPath, '', 'may not have more than one field specified at a time'));
  }
  return errs;
}

/** fieldpath.SplitMaybeSubscriptedPath: `metadata.labels['key']` → path and subscript. */
function splitMaybeSubscriptedPath(fieldPath: string): { path: string; subscript: string; ok: boolean } {
  if (!fieldPath.endsWith("']")) return { path: fieldPath, subscript: '', ok: false };
  const s = fieldPath.slice(0, -2);
  const at = s.indexOf("['");
  if (at < 0) return { path: fieldPath, subscript: '', ok: false };
  const path = s.slice(0, at);
  if (path.length === 0) return { path: fieldPath, subscript: '', ok: false };
  return { path, subscript: s.slice(at + 2), ok: true };
}

const DOWNWARD_API_FIELD_LABELS = new Set([
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
]);

/** podshelper.ConvertDownwardAPIFieldLabel: the internal field path, or the conversion error. */
function convertDownwardAPIFieldLabel(version: string, label: string): { path: string } | { error: string } {
  if (version !== 'v1') return { error: `unsupported pod version: ${version}` };
  const split = splitMaybeSubscriptedPath(label);
  if (split.ok) {
    if (split.path === 'metadata.annotations' || split.path === 'metadata.labels') return { path: label };
    return { error: `field label does not support subscript: ${label}` };
  }
  if (DOWNWARD_API_FIELD_LABELS.has(label)) return { path: label };
  // Old v1 clients send spec.host.
  if (label === 'spec.host') return { path: 'spec.nodeName' };
  return { error: `field label not supported: ${label}` };
}

/** validateObjectFieldSelector */
export function validateObjectFieldSelector(fs: JsonObject, expressions: readonly string[], fldPath: Path): ErrorList {
  const apiVersion = asString(fs.apiVersion);
  const fieldPath = asString(fs.fieldPath);
  if (apiVersion.length === 0) return [required(fldPath.child('apiVersion'), '')];
  if (fieldPath.length === 0) return [required(fldPath.child('fieldPath'), '')];
  const converted = convertDownwardAPIFieldLabel(apiVersion, fieldPath);
  if ('error' in converted) return [invalid(fldPath.child('fieldPath'), fieldPath, `error converting fieldPath: ${converted.error}`)];
  const split = splitMaybeSubscriptedPath(converted.path);
  if (split.ok) {
    switch (split.path) {
      case 'metadata.annotations':
        return isQualifiedName(split.subscript.toLowerCase()).map((m) => invalid(fldPath, split.subscript.toLowerCase(), m));
      case 'metadata.labels':
        return isQualifiedName(split.subscript).map((m) => invalid(fldPath, split.subscript, m));
      default:
        return [invalid(fldPath, split.path, 'does not support subscript')];
    }
  }
  if (!expressions.includes(split.path)) return [notSupported(fldPath.child('fieldPath'), split.path, expressions)];
  return [];
}

/** validateContainerResourceFieldSelector (volume: a downwardAPI volume file, where containerName is required). */
export function validateContainerResourceFieldSelector(fs: JsonObject, fldPath: Path, volume: boolean): ErrorList {
  const errs: ErrorList = [];
  const resource = asString(fs.resource);
  if (volume && asString(fs.containerName).length === 0) {
    errs.push(required(fldPath.child('containerName'), ''));
  } else if (resource.length === 0) {
    errs.push(required(fldPath.child('resource'), ''));
  } else if (!VALID_CONTAINER_RESOURCE_FIELD_PATHS.includes(resource)) {
    if (!HUGEPAGES_DOWNWARD_API_PREFIXES.some((p) => resource.startsWith(p))) {
      errs.push(notSupported(fldPath.child('resource'), resource, VALID_CONTAINER_RESOURCE_FIELD_PATHS));
    }
  }
  errs.push(...validateContainerResourceDivisor(resource, fs.divisor, fldPath));
  return errs;
}

const DIVISORS_CPU = new Set(['1m', '1']);
const DIVISORS_BYTES = new Set(['1', '1k', '1M', '1G', '1T', '1P', '1E', '1Ki', '1Mi', '1Gi', '1Ti', '1Pi', '1Ei']);
const BYTES_LIST = '1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei';

/** validateContainerResourceDivisor: an unset (zero) divisor is fine. */
function validateContainerResourceDivisor(rName: string, divisorValue: JsonValue | undefined, fldPath: Path): ErrorList {
  const divisor = Quantity.tryParse(divisorValue);
  if (!divisor || divisor.isZero()) return [];
  const d = divisor.toString();
  const errs: ErrorList = [];
  switch (rName) {
    case 'limits.cpu':
    case 'requests.cpu':
      if (!DIVISORS_CPU.has(d)) errs.push(invalid(fldPath.child('divisor'), rName, "only divisor's values 1m and 1 are supported with the cpu resource"));
      break;
    case 'limits.memory':
    case 'requests.memory':
      if (!DIVISORS_BYTES.has(d)) errs.push(invalid(fldPath.child('divisor'), rName, `only divisor's values ${BYTES_LIST} are supported with the memory resource`));
      break;
    case 'limits.ephemeral-storage':
    case 'requests.ephemeral-storage':
      if (!DIVISORS_BYTES.has(d)) {
        errs.push(invalid(fldPath.child('divisor'), rName, `only divisor's values ${BYTES_LIST} are supported with the local ephemeral storage resource`));
      }
      break;
  }
  if (HUGEPAGES_DOWNWARD_API_PREFIXES.some((p) => rName.startsWith(p)) && !DIVISORS_BYTES.has(d)) {
    errs.push(invalid(fldPath.child('divisor'), rName, `only divisor's values ${BYTES_LIST} are supported with the hugepages resource`));
  }
  return errs;
}

/** validateConfigMapKeySelector / validateSecretKeySelector (both check the name as a Secret name). */
function validateKeySelector(s: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const name = asString(s.name);
  for (const m of nameIsDNSSubdomain(name, false)) errs.push(invalid(fldPath.child('name'), name, m));
  const key = asString(s.key);
  if (key.length === 0) errs.push(required(fldPath.child('key'), ''));
  else for (const m of isConfigMapKey(key)) errs.push(invalid(fldPath.child('key'), key, m));
  return errs;
}

/** ValidateEnvFrom */
export function validateEnvFrom(vars: JsonValue[], fldPath: Path, opts: PodValidationOptions): ErrorList {
  const errs: ErrorList = [];
  vars.forEach((v, i) => {
    const ev = asObject(v) ?? {};
    const idxPath = fldPath.index(i);
    const prefix = asString(ev.prefix);
    if (prefix.length > 0) for (const m of envNameErrors(prefix, opts)) errs.push(invalid(idxPath.child('prefix'), prefix, m));
    let numSources = 0;
    for (const key of ['configMapRef', 'secretRef'] as const) {
      const ref = asObject(ev[key]);
      if (!ref) continue;
      numSources++;
      const name = asString(ref.name);
      if (name.length === 0) errs.push(required(idxPath.child(key, 'name'), ''));
      // ValidateConfigMapName / ValidateSecretName with prefix=true.
      else for (const m of nameIsDNSSubdomain(name, true)) errs.push(invalid(idxPath.child(key, 'name'), name, m));
    }
    if (numSources === 0) errs.push(invalid(fldPath, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (numSources > 1) errs.push(invalid(fldPath, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}
