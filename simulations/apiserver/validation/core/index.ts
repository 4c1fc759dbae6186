// Validation of the core (v1) kinds.
// src: pkg/apis/core/validation/validation.go

import type { ValidationTable } from '../types.ts';

export const CORE_VALIDATION: ValidationTable = {};
