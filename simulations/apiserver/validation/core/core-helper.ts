// Which resource names, limit types, quota scopes and finalizers the core API
// knows: the sets LimitRange, ResourceQuota, PersistentVolume and Namespace
// validation check names against.
// src: pkg/apis/core/helper/helpers.go

import { isQualifiedName } from './apimachinery-checks.ts';

const HUGE_PAGES_PREFIX = 'hugepages-';
const REQUESTS_HUGE_PAGES_PREFIX = 'requests.hugepages-';
const DEFAULT_RESOURCE_REQUESTS_PREFIX = 'requests.';
const RESOURCE_DEFAULT_NAMESPACE_PREFIX = 'kubernetes.io/';

/** helper.IsHugePageResourceName. */
export function isHugePageResourceName(name: string): boolean {
  return name.startsWith(HUGE_PAGES_PREFIX);
}

/** helper.IsQuotaHugePageResourceName. */
export function isQuotaHugePageResourceName(name: string): boolean {
  return name.startsWith(HUGE_PAGES_PREFIX) || name.startsWith(REQUESTS_HUGE_PAGES_PREFIX);
}

// VolumeAttributesClass (v1.36, quota for PVCs by class) is not in the stored
// helpers.go; it is added here as upstream must accept it, limited to the PVC
// resources it scopes.
const STANDARD_RESOURCE_QUOTA_SCOPES = new Set(['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'VolumeAttributesClass']);

/** helper.IsStandardResourceQuotaScope. */
export function isStandardResourceQuotaScope(scope: string): boolean {
  return STANDARD_RESOURCE_QUOTA_SCOPES.has(scope) || scope === 'CrossNamespacePodAffinity';
}

const POD_OBJECT_COUNT_QUOTA_RESOURCES = new Set(['pods']);
const POD_COMPUTE_QUOTA_RESOURCES = new Set(['cpu', 'memory', 'limits.cpu', 'limits.memory', 'requests.cpu', 'requests.memory']);

/** helper.IsResourceQuotaScopeValidForResource. */
export function isResourceQuotaScopeValidForResource(scope: string, resource: string): boolean {
  switch (scope) {
    case 'Terminating':
    case 'NotTerminating':
    case 'NotBestEffort':
    case 'PriorityClass':
    case 'CrossNamespacePodAffinity':
      return POD_OBJECT_COUNT_QUOTA_RESOURCES.has(resource) || POD_COMPUTE_QUOTA_RESOURCES.has(resource);
    case 'BestEffort':
      return POD_OBJECT_COUNT_QUOTA_RESOURCES.has(resource);
    case 'VolumeAttributesClass':
      return resource === 'persistentvolumeclaims' || resource === 'requests.storage';
    default:
      return true;
  }
}

const STANDARD_CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);

/** helper.IsStandardContainerResourceName. */
export function isStandardContainerResourceName(name: string): boolean {
  return STANDARD_CONTAINER_RESOURCES.has(name) || isHugePageResourceName(name);
}

/** helper.IsNativeResource: unprefixed or in *kubernetes.io/. */
export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes(RESOURCE_DEFAULT_NAMESPACE_PREFIX);
}

/** helper.IsExtendedResourceName. */
export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith(DEFAULT_RESOURCE_REQUESTS_PREFIX)) return false;
  return isQualifiedName(`${DEFAULT_RESOURCE_REQUESTS_PREFIX}${name}`).length === 0;
}

/** helper.IsOvercommitAllowed. */
export function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePageResourceName(name);
}

const STANDARD_LIMIT_RANGE_TYPES = new Set(['Pod', 'Container', 'PersistentVolumeClaim']);

/** helper.IsStandardLimitRangeType. */
export function isStandardLimitRangeType(value: string): boolean {
  return STANDARD_LIMIT_RANGE_TYPES.has(value);
}

const COUNTED_OBJECTS = [
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
];
const STANDARD_QUOTA_RESOURCES = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.storage',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  ...COUNTED_OBJECTS,
]);

/** helper.IsStandardQuotaResourceName. */
export function isStandardQuotaResourceName(name: string): boolean {
  return STANDARD_QUOTA_RESOURCES.has(name) || isQuotaHugePageResourceName(name);
}

const STANDARD_RESOURCES = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'storage',
  'requests.storage',
  ...COUNTED_OBJECTS,
]);

/** helper.IsStandardResourceName. */
export function isStandardResourceName(name: string): boolean {
  return STANDARD_RESOURCES.has(name) || isQuotaHugePageResourceName(name);
}

const INTEGER_RESOURCES = new Set(COUNTED_OBJECTS);

/** helper.IsIntegerResourceName. */
export function isIntegerResourceName(name: string): boolean {
  return INTEGER_RESOURCES.has(name) || isExtendedResourceName(name);
}

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** helper.IsStandardFinalizerName. */
export function isStandardFinalizerName(name: string): boolean {
  return STANDARD_FINALIZERS.has(name);
}
