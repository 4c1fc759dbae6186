// The two configuration kinds the memory simulation reads besides core/v1, as Go
// structs for the decoder (decode.ts):
//   - kubelet.config.k8s.io/v1beta1 KubeletConfiguration: the eviction and
//     reservation fields (staging/src/k8s.io/kubelet/config/v1beta1/types.go);
//     its other fields are dropped.
//   - kube-notebook.dev/v1alpha1 MemoryScenario: how each container's memory
//     behaves (this project's own kind, described in schema.ts); strict, so a typo
//     is an error rather than a silently ignored field.

import { DURATION, INT32, QUANTITY, STRING, list, map, struct } from './decode.ts';
import type { Decoded } from './decode.ts';
import { OBJECT_META } from './core-v1.ts';

const STRING_MAP = map(STRING);
const TYPE_META = { apiVersion: STRING, kind: STRING };

export const KUBELET_CONFIGURATION = struct(
  'KubeletConfiguration',
  {
    ...TYPE_META,
    systemReserved: STRING_MAP,
    kubeReserved: STRING_MAP,
    evictionHard: STRING_MAP,
    evictionSoft: STRING_MAP,
    evictionSoftGracePeriod: STRING_MAP,
    evictionPressureTransitionPeriod: DURATION,
    evictionMaxPodGracePeriod: INT32,
  },
  { pkg: 'v1beta1' },
);

const USAGE_POINT = struct('UsagePoint', { at: DURATION, usage: QUANTITY }, { pkg: 'v1alpha1', strict: true });

/** Every pattern's fields together; which ones a pattern takes is checked in schema.ts. */
export const USAGE_BEHAVIOUR = struct(
  'UsageBehaviour',
  {
    pattern: STRING,
    level: QUANTITY,
    start: QUANTITY,
    perMinute: QUANTITY,
    base: QUANTITY,
    peak: QUANTITY,
    every: DURATION,
    length: DURATION,
    before: QUANTITY,
    after: QUANTITY,
    at: DURATION,
    points: list(USAGE_POINT),
  },
  { pkg: 'v1alpha1', strict: true },
);

const CONTAINER_USAGE = struct(
  'ContainerUsage',
  { pod: STRING, namespace: STRING, container: STRING, usage: USAGE_BEHAVIOUR },
  { pkg: 'v1alpha1', strict: true },
);

export const MEMORY_SCENARIO = struct(
  'MemoryScenario',
  {
    ...TYPE_META,
    metadata: OBJECT_META,
    spec: struct('MemoryScenarioSpec', { duration: DURATION, systemUsage: QUANTITY, containers: list(CONTAINER_USAGE) }, { pkg: 'v1alpha1', strict: true }),
  },
  { pkg: 'v1alpha1' },
);

export type DecodedKubeletConfiguration = Decoded<typeof KUBELET_CONFIGURATION>;
export type DecodedMemoryScenario = Decoded<typeof MEMORY_SCENARIO>;
export type DecodedUsageBehaviour = Decoded<typeof USAGE_BEHAVIOUR>;
