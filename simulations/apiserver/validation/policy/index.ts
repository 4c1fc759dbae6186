// The policy/v1 PodDisruptionBudget's validation, as its registry strategy calls it.
// src: pkg/registry/policy/poddisruptionbudget/strategy.go

import type { ValidationTable } from '../types.ts';
import { pdbStatusStrategyValidateUpdate, pdbStrategyValidate, pdbStrategyValidateUpdate } from './pod-disruption-budget.ts';

export const POLICY_VALIDATION: ValidationTable = {
  'policy/v1/PodDisruptionBudget': { create: pdbStrategyValidate, update: pdbStrategyValidateUpdate, statusUpdate: pdbStatusStrategyValidateUpdate },
};
