// Validation of the core (v1) kinds, by kind key: what the registry runs on
// create, update and status update, as each kind's strategy calls upstream's
// Validate<Kind> functions.
// src: pkg/apis/core/validation/validation.go, events.go;
//      pkg/registry/core/<kind>/strategy.go (which function runs when)

import type { ValidationTable } from '../types.ts';
import { validateConfigMap, validateConfigMapUpdate } from './config-map.ts';
import { validateEndpointsCreate, validateEndpointsUpdate } from './endpoints.ts';
import { validateEventCreate, validateEventUpdate } from './event.ts';
import { validateLimitRange } from './limit-range.ts';
import { validateNamespace, validateNamespaceStatusUpdate, validateNamespaceUpdate } from './namespace.ts';
import { validateNode, validateNodeUpdate } from './node.ts';
import {
  validatePersistentVolume,
  validatePersistentVolumeClaim,
  validatePersistentVolumeClaimStatusUpdate,
  validatePersistentVolumeClaimUpdate,
  validatePersistentVolumeStatusUpdate,
  validatePersistentVolumeUpdate,
} from './persistent-volume.ts';
import { validatePodCreate, validatePodStatusUpdate, validatePodUpdate } from './pod.ts';
import { validateResourceQuota, validateResourceQuotaStatusUpdate, validateResourceQuotaUpdate } from './resource-quota.ts';
import { validateSecret, validateSecretUpdate } from './secret.ts';
import { validateServiceAccount, validateServiceAccountUpdate } from './service-account.ts';
import { validateServiceCreate, validateServiceStatusUpdate, validateServiceUpdate } from './service.ts';

export const CORE_VALIDATION: ValidationTable = {
  'v1/ConfigMap': { create: validateConfigMap, update: validateConfigMapUpdate },
  'v1/Endpoints': { create: validateEndpointsCreate, update: validateEndpointsUpdate },
  'v1/Event': { create: validateEventCreate, update: validateEventUpdate },
  // limitrangeStrategy.ValidateUpdate runs ValidateLimitRange on the new object only.
  'v1/LimitRange': { create: validateLimitRange, update: (obj) => validateLimitRange(obj) },
  // The finalize subresource (ValidateNamespaceFinalizeUpdate) is exported from namespace.ts.
  'v1/Namespace': { create: validateNamespace, update: validateNamespaceUpdate, statusUpdate: validateNamespaceStatusUpdate },
  // nodeStatusStrategy runs ValidateNodeUpdate too.
  'v1/Node': { create: validateNode, update: validateNodeUpdate, statusUpdate: validateNodeUpdate },
  'v1/PersistentVolumeClaim': {
    create: (obj) => validatePersistentVolumeClaim(obj),
    update: validatePersistentVolumeClaimUpdate,
    statusUpdate: validatePersistentVolumeClaimStatusUpdate,
  },
  'v1/PersistentVolume': {
    create: (obj) => validatePersistentVolume(obj),
    update: validatePersistentVolumeUpdate,
    statusUpdate: validatePersistentVolumeStatusUpdate,
  },
  'v1/Pod': {
    create: (obj) => validatePodCreate(obj),
    update: (obj, old) => validatePodUpdate(obj, old),
    statusUpdate: (obj, old) => validatePodStatusUpdate(obj, old),
  },
  'v1/ResourceQuota': { create: validateResourceQuota, update: validateResourceQuotaUpdate, statusUpdate: validateResourceQuotaStatusUpdate },
  'v1/Secret': { create: validateSecret, update: validateSecretUpdate },
  'v1/ServiceAccount': { create: validateServiceAccount, update: validateServiceAccountUpdate },
  'v1/Service': { create: validateServiceCreate, update: validateServiceUpdate, statusUpdate: validateServiceStatusUpdate },
};
