// The autoscaling/v2 HorizontalPodAutoscaler's validation, as its registry strategy calls it.
// src: pkg/registry/autoscaling/horizontalpodautoscaler/strategy.go

import type { ValidationTable } from '../types.ts';
import { validateHorizontalPodAutoscaler, validateHorizontalPodAutoscalerStatusUpdate, validateHorizontalPodAutoscalerUpdate } from './horizontal-pod-autoscaler.ts';

export const AUTOSCALING_VALIDATION: ValidationTable = {
  'autoscaling/v2/HorizontalPodAutoscaler': {
    create: validateHorizontalPodAutoscaler,
    update: validateHorizontalPodAutoscalerUpdate,
    statusUpdate: validateHorizontalPodAutoscalerStatusUpdate,
  },
};
