// scheduling.k8s.io/v1 defaulting: PriorityClass.
// src: pkg/apis/scheduling/v1/defaults.go SetDefaults_PriorityClass.

import type { JsonObject } from '../../apimachinery/json.ts';
import { defaultPointer } from './fields.ts';

/** SetObjectDefaults_PriorityClass: preemptionPolicy defaults to PreemptLowerPriority. */
export function setObjectDefaultsPriorityClass(pc: JsonObject): void {
  defaultPointer(pc, 'preemptionPolicy', 'PreemptLowerPriority');
}
