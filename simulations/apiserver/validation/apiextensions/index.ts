// The apiextensions.k8s.io/v1 CustomResourceDefinition's validation, as its
// registry strategy calls it.
// src: staging/src/k8s.io/apiextensions-apiserver/pkg/registry/customresourcedefinition/strategy.go

import type { ValidationTable } from '../types.ts';
import {
  validateCustomResourceDefinition,
  validateCustomResourceDefinitionStatusUpdate,
  validateCustomResourceDefinitionUpdate,
} from './custom-resource-definition.ts';

export const APIEXTENSIONS_VALIDATION: ValidationTable = {
  'apiextensions.k8s.io/v1/CustomResourceDefinition': {
    create: validateCustomResourceDefinition,
    update: validateCustomResourceDefinitionUpdate,
    statusUpdate: validateCustomResourceDefinitionStatusUpdate,
  },
};
