// apiextensions.k8s.io/v1 defaulting: CustomResourceDefinition.
// src: staging/src/k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1/defaults.go
//      (SetDefaults_CustomResourceDefinition, SetDefaults_CustomResourceDefinitionSpec,
//      SetDefaults_ServiceReference) and zz_generated.defaults.go.
// Defaults inside a CRD's openAPIV3Schema apply to custom resources, not to the CRD.

import type { JsonObject } from '../../apimachinery/json.ts';
import { asString } from '../../apimachinery/json.ts';
import { defaultPointer, isNil, pointer, put, struct, structs } from './fields.ts';

/**
 * SetDefaults_CustomResourceDefinitionSpec: names.singular is the lower-cased
 * kind, names.listKind is kind + "List", conversion is strategy None.
 */
export function setDefaultsCustomResourceDefinitionSpec(spec: JsonObject): void {
  const names = struct(spec, 'names');
  if (names) {
    const kind = asString(names.kind);
    // An empty singular stays empty: Go's "" is omitted when printed.
    if ((isNil(names.singular) || names.singular === '') && kind !== '') put(names, 'singular', kind.toLowerCase());
    if ((isNil(names.listKind) || names.listKind === '') && kind !== '') put(names, 'listKind', `${kind}List`);
  }
  if (isNil(spec.conversion)) put(spec, 'conversion', { strategy: 'None' });
}

/**
 * SetObjectDefaults_CustomResourceDefinition: the spec; status.storedVersions
 * starts as the storage version when empty; a conversion webhook service's
 * port defaults to 443 (SetDefaults_ServiceReference).
 */
export function setObjectDefaultsCustomResourceDefinition(crd: JsonObject): void {
  const spec = struct(crd, 'spec');
  if (!spec) return;
  setDefaultsCustomResourceDefinitionSpec(spec);
  const status = crd.status;
  const stored = pointer(crd, 'status')?.storedVersions;
  if ((isNil(status) || pointer(crd, 'status')) && (isNil(stored) || (Array.isArray(stored) && stored.length === 0))) {
    const storage = structs(spec.versions).find((v) => v.storage === true);
    if (storage) {
      const s = struct(crd, 'status');
      if (s) put(s, 'storedVersions', [asString(storage.name)]);
    }
  }
  const service = pointer(pointer(pointer(pointer(spec, 'conversion'), 'webhook'), 'clientConfig'), 'service');
  if (service) defaultPointer(service, 'port', 443);
}
