// One validation table for every built-in kind.

import { CORE_VALIDATION } from './core/index.ts';
import { GROUP_VALIDATION } from './groups.ts';
import type { KindValidation, ValidationTable } from './types.ts';

export const VALIDATION: ValidationTable = { ...CORE_VALIDATION, ...GROUP_VALIDATION };

/** The validation of a kind ("apps/v1/Deployment"), or undefined for kinds without one. */
export function validationFor(key: string): KindValidation | undefined {
  return Object.prototype.hasOwnProperty.call(VALIDATION, key) ? VALIDATION[key] : undefined;
}
