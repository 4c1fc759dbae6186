// The scheduling.k8s.io/v1 PriorityClass's validation, as its registry strategy calls it.
// src: pkg/registry/scheduling/priorityclass/strategy.go

import type { ValidationTable } from '../types.ts';
import { validatePriorityClass, validatePriorityClassUpdate } from './priority-class.ts';

export const SCHEDULING_VALIDATION: ValidationTable = {
  'scheduling.k8s.io/v1/PriorityClass': { create: validatePriorityClass, update: validatePriorityClassUpdate },
};
