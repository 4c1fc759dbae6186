// Reading resource lists (requests, limits, allocatable) from manifests.
// Values are kept exact in nano-units (BigInt) until the end, because upstream sums
// Quantities exactly and only then rounds: cpu with MilliValue(), the rest with Value().
// src: staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go,
//      pkg/scheduler/framework/types.go (Resource.Add).

import { Quantity, QUANTITY_FORMAT_MESSAGE } from '../apimachinery/quantity.ts';
import { ValidationError, describeValue } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';

/** Resource name → exact amount in nano-units (10^-9 of a core or of a byte). */
export type NanoList = Map<string, bigint>;

export const NANO_PER_MILLI = 1_000_000n;
export const NANO_PER_UNIT = 1_000_000_000n;

/**
 * Parses one quantity field, or throws a ValidationError pointing at it. Stored objects always
 * parse (the API server decoded them); whether a value is allowed (not negative) is the API
 * server's validation, not a question for this reader.
 *
 * @example
 *   parseQuantityField('500m', pod, ['spec', 'containers', 0, 'resources', 'requests', 'cpu']) // 500000000n nano
 */
const parsedCache = new Map<string | number, bigint>();

export function parseQuantityField(value: unknown, object: object, path: FieldPath): bigint {
  // Manifests repeat the same few quantities ("100m", "1Gi"): parse each text once.
  if (typeof value === 'string' || typeof value === 'number') {
    const cached = parsedCache.get(value);
    if (cached !== undefined) return cached;
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new ValidationError(`${describeValue(value)} is not a valid quantity: ${QUANTITY_FORMAT_MESSAGE}`, { object, path });
  }
  const q = Quantity.tryParse(value);
  if (!q) {
    throw new ValidationError(`'${String(value)}' is not a valid quantity: ${QUANTITY_FORMAT_MESSAGE}`, { object, path });
  }
  const nano = q.scaledValue(-9);
  if (parsedCache.size < 10000) parsedCache.set(value, nano);
  return nano;
}

/** Reads a `{cpu: 500m, memory: 1Gi}` mapping into a NanoList. `object`+`path` locate the mapping. */
export function readResourceList(raw: unknown, object: object, path: FieldPath): NanoList {
  const out: NanoList = new Map();
  if (raw === undefined || raw === null) return out;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ValidationError(`Invalid value: ${describeValue(raw)}: must be a mapping of resource name to quantity`, { object, path });
  }
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    out.set(name, parseQuantityField(value, object, [...path, name]));
  }
  return out;
}

/** Exact nano amount → the integer the scheduler uses: millicores for cpu, whole units for everything else (rounded up). */
export function toSchedulerUnits(resource: string, nano: bigint): number {
  const divisor = resource === 'cpu' ? NANO_PER_MILLI : NANO_PER_UNIT;
  // Ceiling (Quantity.MilliValue / Value round up); BigInt division truncates toward zero, which is already the ceiling below 0.
  let q = nano / divisor;
  if (nano > 0n && q * divisor !== nano) q += 1n;
  return Number(q);
}

/** v1helper.IsExtendedResourceName: a domain-prefixed name outside kubernetes.io, not requests.-prefixed. */
export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false;
  return name.includes('/');
}

/** v1helper.IsNativeResource: no domain prefix, or a kubernetes.io prefix. */
export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

/** Scalar resources in the scheduler: everything except cpu, memory, ephemeral-storage and pods. */
export function isScalarResourceName(name: string): boolean {
  return name !== 'cpu' && name !== 'memory' && name !== 'ephemeral-storage' && name !== 'pods';
}
