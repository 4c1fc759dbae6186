// Validation of the kinds outside the core group (apps, batch, autoscaling,
// networking, rbac, policy, scheduling, storage, coordination, discovery,
// apiextensions), keyed by kind ("apps/v1/Deployment"). Each group's folder
// holds its kinds' Validate<Kind> / Validate<Kind>Update ports; the functions
// registered here are what the kind's registry strategy calls.
// src: pkg/apis/<group>/validation/validation.go, pkg/registry/<group>/<kind>/strategy.go

import { APIEXTENSIONS_VALIDATION } from './apiextensions/index.ts';
import { APPS_VALIDATION } from './apps/index.ts';
import { AUTOSCALING_VALIDATION } from './autoscaling/index.ts';
import { BATCH_VALIDATION } from './batch/index.ts';
import { COORDINATION_VALIDATION } from './coordination/index.ts';
import { DISCOVERY_VALIDATION } from './discovery/index.ts';
import { NETWORKING_VALIDATION } from './networking/index.ts';
import { POLICY_VALIDATION } from './policy/index.ts';
import { RBAC_VALIDATION } from './rbac/index.ts';
import { SCHEDULING_VALIDATION } from './scheduling/index.ts';
import { STORAGE_VALIDATION } from './storage/index.ts';
import type { ValidationTable } from './types.ts';

export const GROUP_VALIDATION: ValidationTable = {
  ...APPS_VALIDATION,
  ...BATCH_VALIDATION,
  ...AUTOSCALING_VALIDATION,
  ...NETWORKING_VALIDATION,
  ...RBAC_VALIDATION,
  ...POLICY_VALIDATION,
  ...SCHEDULING_VALIDATION,
  ...STORAGE_VALIDATION,
  ...COORDINATION_VALIDATION,
  // discovery.k8s.io: written by its own owner in ./discovery; registered here.
  ...DISCOVERY_VALIDATION,
  ...APIEXTENSIONS_VALIDATION,
};
