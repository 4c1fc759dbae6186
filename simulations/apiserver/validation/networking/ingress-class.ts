// IngressClass validation.
// src: pkg/apis/networking/validation/validation.go (ValidateIngressClass,
//      ValidateIngressClassUpdate, validateIngressClassSpec, validateIngressClassSpecUpdate,
//      validateIngressClassParametersReference)

import { forbidden, invalid, notSupported, required, tooLong } from '../../../apimachinery/field-errors.ts';
import type { ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asObject, asOptionalString, asString } from '../../../apimachinery/json.ts';
import type { JsonObject } from '../../../apimachinery/json.ts';
import { byteLength, isDomainPrefixedPath, nameIsDNSLabel, nameIsDNSSubdomain, validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from '../apps/shared-helpers.ts';
import { validateIngressTypedLocalObjectReference } from './ingress.ts';

const MAX_LEN_INGRESS_CLASS_CONTROLLER = 250;
// sets.List: sorted.
const PARAMETERS_SCOPES = ['Cluster', 'Namespace'];

/** ValidateIngressClass (cluster-scoped). */
export function validateIngressClass(ic: JsonObject): ErrorList {
  const errs = validateObjectMeta(asObject(ic.metadata), false, nameIsDNSSubdomain, Path.of('metadata'));
  errs.push(...validateIngressClassSpec(asObject(ic.spec) ?? {}, Path.of('spec')));
  return errs;
}

/** ValidateIngressClassUpdate: the controller is immutable. */
export function validateIngressClassUpdate(ic: JsonObject, old: JsonObject): ErrorList {
  const errs = validateObjectMetaUpdate(asObject(ic.metadata), asObject(old.metadata), Path.of('metadata'));
  errs.push(...validateImmutableField(asString(asObject(ic.spec)?.controller), asString(asObject(old.spec)?.controller), Path.of('spec').child('controller')));
  errs.push(...validateIngressClass(ic));
  return errs;
}

/** validateIngressClassSpec: a domain-prefixed controller of at most 250 bytes, valid parameters. */
function validateIngressClassSpec(spec: JsonObject, path: Path): ErrorList {
  const errs: ErrorList = [];
  const controller = asString(spec.controller);
  if (byteLength(controller) > MAX_LEN_INGRESS_CLASS_CONTROLLER) errs.push(tooLong(path.child('controller'), MAX_LEN_INGRESS_CLASS_CONTROLLER));
  errs.push(...isDomainPrefixedPath(path.child('controller'), controller));
  errs.push(...validateIngressClassParametersReference(asObject(spec.parameters), path.child('parameters')));
  return errs;
}

/** validateIngressClassParametersReference: a typed reference plus its scope (Namespace needs a namespace, Cluster forbids one). */
function validateIngressClassParametersReference(params: JsonObject | undefined, path: Path): ErrorList {
  if (!params) return [];
  const errs = validateIngressTypedLocalObjectReference(params, path);
  const scope = asOptionalString(params.scope);
  if (scope === undefined) {
    errs.push(required(path.child('scope'), ''));
    return errs;
  }
  const namespace = asOptionalString(params.namespace);
  if (!PARAMETERS_SCOPES.includes(scope)) {
    errs.push(notSupported(path.child('scope'), scope, PARAMETERS_SCOPES));
  } else {
    if (scope === 'Namespace') {
      if (namespace === undefined) errs.push(required(path.child('namespace'), "`parameters.scope` is set to 'Namespace'"));
      else for (const m of nameIsDNSLabel(namespace, false)) errs.push(invalid(path.child('namespace'), namespace, m));
    }
    if (scope === 'Cluster' && namespace !== undefined) errs.push(forbidden(path.child('namespace'), "`parameters.scope` is set to 'Cluster'"));
  }
  return errs;
}
