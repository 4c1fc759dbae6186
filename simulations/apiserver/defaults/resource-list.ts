// ResourceList defaulting and the Quantity arithmetic pod-level defaulting needs.
// src: pkg/apis/core/v1/defaults.go SetDefaults_ResourceList;
//      staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go (RoundUp, Add, Cmp).

import { asObject, setOwn } from '../../apimachinery/json.ts';
import type { JsonObject } from '../../apimachinery/json.ts';
import { Quantity } from '../../apimachinery/quantity.ts';

// defaults.go: "We round up resource values to milli scale to maintain API compatibility."
const MILLI_SCALE = -3;

/**
 * SetDefaults_ResourceList: pkg/apis/core/v1/defaults.go. Every quantity finer
 * than a thousandth is rounded up to milli scale ("1n" → "1m"); a value it
 * changes is written back as the API server prints it (Quantity.String).
 * Values that do not parse are the decoder's to reject, and stay.
 */
export function setDefaultsResourceList(list: unknown): void {
  const o = asObject(list);
  if (!o) return;
  for (const key of Object.keys(o)) {
    const q = Quantity.tryParse(o[key]);
    if (!q || q.exponent >= MILLI_SCALE) continue;
    setOwn(o, key, roundUpMilli(q).toString());
  }
}

/** The two ResourceLists of a ResourceRequirements (limits, then requests), as zz_generated walks them. */
export function setResourceRequirementsDefaults(resources: unknown): void {
  const o = asObject(resources);
  if (!o) return;
  setDefaultsResourceList(o.limits);
  setDefaultsResourceList(o.requests);
}

/** Quantity.RoundUp(resource.Milli): away from zero, keeping the format. */
function roundUpMilli(q: Quantity): Quantity {
  return Quantity.of(q.scaledValue(MILLI_SCALE), MILLI_SCALE, q.format);
}

/** Quantity.Add: the sum keeps the receiver's format (a zero receiver takes y's). */
export function addQuantity(x: Quantity, y: Quantity): Quantity {
  const e = Math.min(x.exponent, y.exponent);
  const sum = x.coefficient * 10n ** BigInt(x.exponent - e) + y.coefficient * 10n ** BigInt(y.exponent - e);
  return Quantity.of(sum, e, x.isZero() ? y.format : x.format);
}

/** A ResourceList as quantities; entries that do not parse are left out. */
export type Quantities = Map<string, Quantity>;

/** Reads a ResourceList field. */
export function readResourceList(v: unknown): Quantities {
  const out: Quantities = new Map();
  const o = asObject(v);
  if (!o) return out;
  for (const key of Object.keys(o)) {
    const q = Quantity.tryParse(o[key]);
    if (q) out.set(key, q);
  }
  return out;
}

/** addResourceList: staging/src/k8s.io/component-helpers/resource/helpers.go. */
export function addResourceList(list: Quantities, add: Quantities): void {
  for (const [name, q] of add) {
    const value = list.get(name);
    list.set(name, value === undefined ? q : addQuantity(value, q));
  }
}

/** maxResourceList: helpers.go, "sets list to the greater of list/newList for every resource in newList". */
export function maxResourceList(list: Quantities, other: Quantities): void {
  for (const [name, q] of other) {
    const value = list.get(name);
    if (value === undefined || q.cmp(value) > 0) list.set(name, q);
  }
}

/** Writes a quantity into a ResourceList object as the API server prints it. */
export function writeQuantity(list: JsonObject, name: string, q: Quantity): void {
  setOwn(list, name, q.toString());
}
