// src: pkg/scheduler/framework/plugins/imagelocality/image_locality.go
// Sums, over the Pod's init and regular container images already on the node,
// size × (nodes having the image / all nodes), clamps the sum to
// [23MiB, 1000MiB × containers] and scales it to 0..100. No normalization.

import { PluginNames } from '../names.ts';
import type { Plugin } from '../plugin.ts';

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

export function imageLocality(): Plugin {
  return {
    name: PluginNames.ImageLocality,
    uniformScore(_state, pod, _feasible, cluster) {
      // No image of the Pod is on any node: every node's sum is below the 23MiB floor, so 0.
      for (const image of pod.images) if (cluster.imageNodeCounts.has(image)) return null;
      return 0;
    },
    score(_state, pod, node, cluster) {
      if (pod.images.length === 0) return 0;
      const total = cluster.nodes.length;
      let sum = 0;
      if (node.images.size > 0) {
        for (const image of pod.images) {
          const size = node.images.get(image);
          if (size === undefined) continue;
          const spread = (cluster.imageNodeCounts.get(image) ?? 0) / total;
          sum += Math.trunc(size * spread);
        }
      }
      const maxThreshold = MAX_CONTAINER_THRESHOLD * pod.images.length;
      if (sum < MIN_THRESHOLD) sum = MIN_THRESHOLD;
      else if (sum > maxThreshold) sum = maxThreshold;
      return Math.trunc((100 * (sum - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
    },
  };
}
