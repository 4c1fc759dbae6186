// DefaultTolerationSeconds: a Pod that does not tolerate the node lifecycle
// controller's NoExecute taints gets two tolerations of 300 s, so its Pods
// stay 5 minutes on a NotReady or unreachable node before taint eviction
// deletes them.
// src: plugin/pkg/admission/defaulttolerationseconds/admission.go (v1.36: Admit;
//      --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds default 300).
// Not in DEFAULT_ADMISSION (other chapters' Pods would change); the nodes engine
// builds its API server with it, after Priority as kube-apiserver orders it.

import type { JsonObject } from '../../apimachinery/json.ts';
import { asList, asObject, asString } from '../../apimachinery/json.ts';
import type { AdmissionPlugin } from './chain.ts';

export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const DEFAULT_NOT_READY_TOLERATION_SECONDS = 300;
export const DEFAULT_UNREACHABLE_TOLERATION_SECONDS = 300;

export function defaultTolerationSeconds(notReadySeconds = DEFAULT_NOT_READY_TOLERATION_SECONDS, unreachableSeconds = DEFAULT_UNREACHABLE_TOLERATION_SECONDS): AdmissionPlugin {
  return {
    name: 'DefaultTolerationSeconds',
    admit(attributes) {
      if (attributes.kind.kind !== 'Pod' || attributes.operation === 'DELETE') return undefined;
      const spec = asObject(attributes.object.spec) as JsonObject | undefined;
      if (!spec) return undefined;
      const tolerations = asList(spec.tolerations);
      let notReady = false;
      let unreachable = false;
      for (const t of tolerations) {
        const o = asObject(t) ?? {};
        const key = asString(o.key);
        const effect = asString(o.effect);
        if ((key === TAINT_NODE_NOT_READY || key === '') && (effect === 'NoExecute' || effect === '')) notReady = true;
        if ((key === TAINT_NODE_UNREACHABLE || key === '') && (effect === 'NoExecute' || effect === '')) unreachable = true;
      }
      const added = [...tolerations];
      if (!notReady) added.push({ key: TAINT_NODE_NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: notReadySeconds });
      if (!unreachable) added.push({ key: TAINT_NODE_UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: unreachableSeconds });
      if (added.length !== tolerations.length) spec.tolerations = added;
      return undefined;
    },
  };
}
