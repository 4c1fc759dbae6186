// Builds the plugin instances of one scheduling profile from its configuration
// (frameworkImpl in pkg/scheduler/framework/runtime/framework.go, with the default registry
// of pkg/scheduler/framework/plugins/registry.go).

import type { PluginArgs, ProfileConfig } from './config.ts';
import { PluginNames, VOLUME_PLUGINS } from './names.ts';
import type { Plugin } from './plugin.ts';
import { balancedAllocation } from './plugins/balanced-allocation.ts';
import { imageLocality } from './plugins/image-locality.ts';
import { interPodAffinity } from './plugins/inter-pod-affinity.ts';
import { nodeAffinity } from './plugins/node-affinity.ts';
import { nodeName } from './plugins/node-name.ts';
import { nodePorts } from './plugins/node-ports.ts';
import { nodeResourcesFit } from './plugins/node-resources-fit.ts';
import { nodeUnschedulable } from './plugins/node-unschedulable.ts';
import { podTopologySpread } from './plugins/pod-topology-spread.ts';
import { taintToleration } from './plugins/taint-toleration.ts';
import { volumePlugin } from './plugins/volume.ts';

export interface WeightedPlugin {
  readonly plugin: Plugin;
  readonly weight: number;
}

export interface Profile {
  readonly config: ProfileConfig;
  readonly schedulerName: string;
  readonly preFilter: readonly Plugin[];
  readonly filter: readonly Plugin[];
  readonly preScore: readonly Plugin[];
  readonly score: readonly WeightedPlugin[];
  /** DefaultPreemption is enabled at PostFilter. */
  readonly preemption: boolean;
  /** SchedulingGates is enabled at PreEnqueue. */
  readonly schedulingGates: boolean;
}

/**
 * Creates one plugin with its args.
 *
 * @example
 *   createPlugin('NodeResourcesFit', defaultArgs()).name // 'NodeResourcesFit'
 */
export function createPlugin(name: string, args: PluginArgs): Plugin {
  switch (name) {
    case PluginNames.NodeUnschedulable:
      return nodeUnschedulable();
    case PluginNames.NodeName:
      return nodeName();
    case PluginNames.TaintToleration:
      return taintToleration();
    case PluginNames.NodeAffinity:
      return nodeAffinity(args.NodeAffinity);
    case PluginNames.NodePorts:
      return nodePorts();
    case PluginNames.NodeResourcesFit:
      return nodeResourcesFit(args.NodeResourcesFit);
    case PluginNames.PodTopologySpread:
      return podTopologySpread(args.PodTopologySpread);
    case PluginNames.InterPodAffinity:
      return interPodAffinity(args.InterPodAffinity);
    case PluginNames.NodeResourcesBalancedAllocation:
      return balancedAllocation(args.NodeResourcesBalancedAllocation);
    case PluginNames.ImageLocality:
      return imageLocality();
    default:
      if (VOLUME_PLUGINS.has(name)) return volumePlugin(name);
      return { name };
  }
}

export function buildProfile(config: ProfileConfig): Profile {
  const instances = new Map<string, Plugin>();
  const get = (name: string): Plugin => {
    let p = instances.get(name);
    if (!p) instances.set(name, (p = createPlugin(name, config.args)));
    return p;
  };
  const { points } = config;
  return {
    config,
    schedulerName: config.schedulerName,
    preFilter: points.preFilter.map((p) => get(p.name)).filter((p) => p.preFilter),
    filter: points.filter.map((p) => get(p.name)).filter((p) => p.filter),
    preScore: points.preScore.map((p) => get(p.name)).filter((p) => p.preScore),
    score: points.score.map((p) => ({ plugin: get(p.name), weight: p.weight })).filter((w) => w.plugin.score),
    preemption: points.postFilter.some((p) => p.name === PluginNames.DefaultPreemption),
    schedulingGates: points.preEnqueue.some((p) => p.name === PluginNames.SchedulingGates),
  };
}
