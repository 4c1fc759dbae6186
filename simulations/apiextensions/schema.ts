// The cell's input: CustomResourceDefinitions (through the shared API server,
// which decodes, defaults and validates them as kube-apiserver does), custom
// objects of the kinds they define, and an optional
// kube-notebook.dev/v1alpha1 KubectlApply saying how kubectl validates fields.

import { asObject, asString } from '../apimachinery/json.ts';
import type { JsonObject } from '../apimachinery/json.ts';
import { ValidationError } from '../shared/errors.ts';
import type { Manifest } from '../shared/yaml.ts';

export const NOTEBOOK_API_VERSION = 'kube-notebook.dev/v1alpha1';

/** kubectl apply --validate: strict (the default since kubectl 1.25), warn, or false (ignore). */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface ExtendingInput {
  crds: { manifest: Manifest; object: JsonObject }[];
  objects: { manifest: Manifest; object: JsonObject }[];
  fieldValidation: FieldValidation;
  /** At most this many custom objects (a budget). */
}

const VALIDATE: Record<string, FieldValidation> = { strict: 'Strict', true: 'Strict', warn: 'Warn', false: 'Ignore', ignore: 'Ignore' };

export function readInput(manifests: readonly Manifest[], maxObjects: number): ExtendingInput {
  const crds: ExtendingInput['crds'] = [];
  const objects: ExtendingInput['objects'] = [];
  let fieldValidation: FieldValidation = 'Strict';
  for (const manifest of manifests) {
    const object = manifest.object as JsonObject;
    const apiVersion = asString(object.apiVersion);
    const kind = asString(object.kind);
    if (apiVersion === NOTEBOOK_API_VERSION) {
      if (kind !== 'KubectlApply') throw new ValidationError(`unknown kind ${JSON.stringify(kind)} in ${NOTEBOOK_API_VERSION} (this engine reads KubectlApply)`, { object, path: ['kind'] });
      const spec = asObject(object.spec) ?? {};
      const v = spec.validate === undefined ? 'strict' : String(spec.validate);
      const fv = VALIDATE[v];
      if (!fv) throw new ValidationError(`must be one of strict, warn, false; got ${JSON.stringify(v)}`, { object, path: ['spec', 'validate'] });
      fieldValidation = fv;
      continue;
    }
    if (apiVersion === 'apiextensions.k8s.io/v1' && kind === 'CustomResourceDefinition') {
      crds.push({ manifest, object });
      continue;
    }
    if (apiVersion === '' || kind === '') {
      throw new ValidationError(`every document needs apiVersion and kind`, { object, path: [apiVersion === '' ? 'apiVersion' : 'kind'] });
    }
    objects.push({ manifest, object });
  }
  if (crds.length === 0) throw new ValidationError('the cell needs a CustomResourceDefinition (apiextensions.k8s.io/v1)', { object: manifests[0]?.object, path: [] });
  if (objects.length > maxObjects) throw new ValidationError(`at most ${maxObjects} custom objects, got ${objects.length}`, { object: objects[maxObjects].object, path: [], code: 'limit' });
  return { crds, objects, fieldValidation };
}
