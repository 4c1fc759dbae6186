// The check the API server's decoder makes before anything else sees a
// built-in object, run by the shared runtime for every engine, so that a
// learner gets kube-apiserver's 400 (with the line) instead of an engine
// tripping over a number where a string belongs:
//
//   spec.containers[0].image: Pod in version "v1" cannot be handled as a Pod:
//     json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string
//
// The decoding itself, for every kind of apiserver/kinds.ts with the full Go
// structs of k8s.io/api, is apiserver/decode/decode.ts; this file only turns
// its failure into the ValidationError the runtime reports.

import { ValidationError } from './errors.ts';
import { decodeObject } from '../apiserver/decode/decode.ts';
import type { KubeObject } from './yaml.ts';

/**
 * Decodes a built-in object strictly, as kube-apiserver does for `kubectl
 * apply` (fieldValidation=Strict), throwing a ValidationError with the Status
 * message and the path of the first problem. Kinds that are not built in
 * (custom resources, the notebook's own kinds) are left to the engine.
 *
 * @example
 *   checkKubeTypes({ apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'a', image: 42 }] } })
 *   // ValidationError "spec.containers[0].image: Pod in version "v1" cannot be handled as a Pod: json: cannot
 *   //   unmarshal number into Go struct field Container.spec.containers.image of type string"
 */
export function checkKubeTypes(object: KubeObject): void {
  const result = decodeObject(object);
  if (result.ok) return;
  // The Status message as kube-apiserver words it, as every refusal of the API server is shown
  // (kubectl/create.ts refusal): the line points at the field, the message is not prefixed with it.
  throw new ValidationError(result.message, { object, path: result.problems[0].path, message: result.message, code: 'api' });
}
