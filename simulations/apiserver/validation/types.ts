// What a kind's validation provides to the registry: Validate<Kind> on create,
// Validate<Kind>Update against the stored object, and the status update.
// Each function reads the v1 (external) JSON object as the API server has it
// after decoding; a missing field is its Go zero value. None throws.

import type { ErrorList } from '../../apimachinery/field-errors.ts';
import type { JsonObject } from '../../apimachinery/json.ts';

export interface KindValidation {
  /** Create-time validation (ValidatePodCreate, ValidateService, ValidateDeployment, ...). */
  create(obj: JsonObject): ErrorList;
  /** Update validation (ValidatePodUpdate, ValidateDeploymentUpdate, ...): immutable fields, then the new object. */
  update?(obj: JsonObject, old: JsonObject): ErrorList;
  /** Status update validation (ValidatePodStatusUpdate, ...), for kinds with a status subresource. */
  statusUpdate?(obj: JsonObject, old: JsonObject): ErrorList;
}

/** Validation by kind key ("v1/Pod", "apps/v1/Deployment"; see kinds.ts kindKey). */
export type ValidationTable = Readonly<Record<string, KindValidation>>;
