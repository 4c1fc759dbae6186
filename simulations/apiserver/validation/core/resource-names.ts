// The resource-name questions Pod validation asks beyond core-helper.ts:
// hugepage sizes and divisibility, and the pod-deletion-cost annotation.
// src: pkg/apis/core/helper/helpers.go (HugePageSizeFromResourceName,
// IsHugePageResourceValueDivisible, GetDeletionCostFromPodAnnotations)

import { Quantity } from '../../../apimachinery/quantity.ts';
import { isHugePageResourceName } from './core-helper.ts';

export {
  isExtendedResourceName,
  isHugePageResourceName,
  isIntegerResourceName,
  isNativeResource,
  isOvercommitAllowed,
  isStandardContainerResourceName,
  isStandardResourceName,
} from './core-helper.ts';

/** HugePageSizeFromResourceName: the page size, or undefined when it does not parse. */
export function hugePageSizeFromResourceName(name: string): Quantity | undefined {
  if (!isHugePageResourceName(name)) return undefined;
  return Quantity.tryParse(name.slice('hugepages-'.length));
}

/** IsHugePageResourceValueDivisible: a whole number of pages (exact, in bigints). */
export function isHugePageResourceValueDivisible(name: string, quantity: Quantity): boolean {
  const pageSize = hugePageSizeFromResourceName(name);
  if (!pageSize) return false;
  if (pageSize.sign() <= 0 || pageSize.scaledValue(-3) % 1000n !== 0n) return false;
  return quantity.scaledValue(0) % pageSize.scaledValue(0) === 0n;
}

/**
 * GetDeletionCostFromPodAnnotations succeeds: controller.kubernetes.io/pod-deletion-cost
 * absent, or a 32-bit decimal integer without "+" or leading zeros.
 */
export function deletionCostIsValid(annotations: Record<string, string>): boolean {
  if (!Object.prototype.hasOwnProperty.call(annotations, 'controller.kubernetes.io/pod-deletion-cost')) return true;
  const value = annotations['controller.kubernetes.io/pod-deletion-cost'];
  // validFirstDigit: "-", a lone "0", or 1-9; then strconv.ParseInt(value, 10, 32).
  if (value.length === 0) return false;
  if (!(value[0] === '-' || value === '0' || (value[0] >= '1' && value[0] <= '9'))) return false;
  if (!/^-?[0-9]+$/.test(value)) return false;
  const n = BigInt(value);
  return n >= -2147483648n && n <= 2147483647n;
}
