// Validation of the kinds outside the core group (apps, batch, autoscaling,
// networking, rbac, policy, scheduling, storage, coordination, discovery,
// apiextensions).
// src: pkg/apis/<group>/validation/validation.go

import type { ValidationTable } from './types.ts';

export const GROUP_VALIDATION: ValidationTable = {};
