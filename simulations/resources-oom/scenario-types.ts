// The two configuration kinds the memory simulation reads besides the built-in
// ones, as Go structs for the API server's decoder (apiserver/decode: the one
// decoder every object goes through), and their readers:
//   - kubelet.config.k8s.io/v1beta1 KubeletConfiguration: the eviction and
//     reservation fields (staging/src/k8s.io/kubelet/config/v1beta1/types.go);
//     its other fields are ignored (decoded leniently, as the kubelet falls
//     back to when strict decoding of its config file fails).
//   - kube-notebook.dev/v1alpha1 MemoryScenario: how each container's memory
//     behaves (this project's own kind, described in schema.ts); strict, so a
//     typo is an error rather than a silently ignored field.
// metav1.Duration has its own UnmarshalJSON (a JSON string, then
// time.ParseDuration); the decoder's tables have no such type, so its fields
// are declared interface{} here and read by readDuration as that method reads them.

import type { JsonObject } from '../apimachinery/json.ts';
import { asObject } from '../apimachinery/json.ts';
import { parseGoDuration } from '../apimachinery/parse-duration.ts';
import { unmarshal } from '../apiserver/decode/decode.ts';
import { GoTypes } from '../apiserver/decode/go-types.ts';
import { PACKAGES } from '../apiserver/decode/schemas.ts';
import type { GoPackage } from '../apiserver/decode/schema-types.ts';
import { ValidationError } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';

export const SCENARIO_API_VERSION = 'kube-notebook.dev/v1alpha1';
export const SCENARIO_KIND = 'MemoryScenario';
export const KUBELET_CONFIG_API_VERSION = 'kubelet.config.k8s.io/v1beta1';
export const KUBELET_CONFIG_KIND = 'KubeletConfiguration';

const KUBELET_CONFIG_V1BETA1: GoPackage = {
  id: 'kubeletconfig',
  path: 'k8s.io/kubelet/config/v1beta1',
  name: 'v1beta1',
  structs: {
    KubeletConfiguration: [
      '... meta.TypeMeta',
      'systemReserved map[string]string o',
      'kubeReserved map[string]string o',
      'evictionHard map[string]string o',
      'evictionSoft map[string]string o',
      'evictionSoftGracePeriod map[string]string o',
      'evictionPressureTransitionPeriod interface{} o',
      'evictionMaxPodGracePeriod int32 o',
    ],
  },
  named: {},
};

const MEMORY_SCENARIO_V1ALPHA1: GoPackage = {
  id: 'notebook',
  path: 'kube-notebook.dev/v1alpha1',
  name: 'v1alpha1',
  structs: {
    MemoryScenario: ['... meta.TypeMeta', 'metadata meta.ObjectMeta o', 'spec MemoryScenarioSpec o'],
    MemoryScenarioSpec: ['duration interface{} o', 'systemUsage *resource.Quantity o', 'containers []ContainerUsage o'],
    ContainerUsage: ['pod string', 'namespace string o', 'container string', 'usage *UsageBehaviour'],
    UsageBehaviour: [
      'pattern string',
      'level *resource.Quantity o',
      'start *resource.Quantity o',
      'perMinute *resource.Quantity o',
      'base *resource.Quantity o',
      'peak *resource.Quantity o',
      'every interface{} o',
      'length interface{} o',
      'before *resource.Quantity o',
      'after *resource.Quantity o',
      'at interface{} o',
      'points []UsagePoint o',
    ],
    UsagePoint: ['at interface{}', 'usage *resource.Quantity'],
  },
  named: {},
};

const TYPES = new GoTypes({ ...PACKAGES, kubeletconfig: KUBELET_CONFIG_V1BETA1, notebook: MEMORY_SCENARIO_V1ALPHA1 });

/** Decodes `object` into the Go type, throwing the decoder's first error (or all strict errors) at its field. */
function decode(object: object, pkg: string, goType: string, strict: boolean): void {
  const { error, strictErrors } = unmarshal(object, pkg, goType, { strict, types: TYPES });
  if (error) throw new ValidationError(error.message, { object, path: error.path });
  if (strictErrors.length > 0) {
    const message = `strict decoding error: ${strictErrors.map((e) => e.message).join(', ')}`;
    throw new ValidationError(message, { object, path: strictErrors[0].path, message });
  }
}

/** Checks a KubeletConfiguration's fields against their Go types (the other fields are ignored). */
export function decodeKubeletConfiguration(object: object): void {
  decode(object, 'kubeletconfig', 'KubeletConfiguration', false);
}

/** Checks a MemoryScenario strictly against its Go types. */
export function decodeMemoryScenario(object: object): void {
  decode(object, 'notebook', 'MemoryScenario', true);
}

/** The value at `path`, or undefined (null is Go's zero value: absent). */
export function valueAt(root: unknown, path: FieldPath): unknown {
  let v: unknown = root;
  for (const part of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[part];
  }
  return v === null ? undefined : v;
}

/** An object at `path` (absent, null or another type reads as undefined: the decoder has checked the type). */
export function objectAt(root: unknown, path: FieldPath): JsonObject | undefined {
  return asObject(valueAt(root, path));
}

/** How encoding/json names a JSON value's kind. */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return 'object';
}

/**
 * metav1.Duration.UnmarshalJSON: a JSON string (else json.Unmarshal's error,
 * with no struct context), then time.ParseDuration. Milliseconds, or undefined when absent.
 */
export function readDuration(root: object, path: FieldPath): number | undefined {
  const v = valueAt(root, path);
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new ValidationError(`json: cannot unmarshal ${jsonKind(v)} into Go value of type string`, { object: root, path });
  const ms = parseGoDuration(v);
  if (typeof ms === 'string') throw new ValidationError(ms, { object: root, path });
  return ms;
}
