// KubeSchedulerConfiguration: profiles, plugin sets, weights and plugin args.
// src: pkg/scheduler/apis/config/v1/default_plugins.go (getDefaultPlugins, mergePluginSet),
//      pkg/scheduler/apis/config/v1/defaults.go (args defaults),
//      pkg/scheduler/framework/runtime/framework.go (expandMultiPointPlugins, score weights),
//      pkg/scheduler/apis/config/validation/validation_pluginargs.go.

import { ValidationError } from '../shared/errors.ts';
import type { JsonObject, JsonValue } from '../shared/yaml.ts';
import { DEFAULT_SCHEDULER_NAME, KNOWN_PLUGINS, PluginNames } from './names.ts';
import type { NodeSelector } from '../apimachinery/node-selector.ts';
import type { PreferredNodeTerm } from './pod-info.ts';
import { NodeSelector as NodeSelectorClass } from '../apimachinery/node-selector.ts';
import { boolAt, intAt, isObject, listAt, objectAt, stringAt, unsupported } from './read-helpers.ts';
import { readNodeSelector, readNodeSelectorTerm } from './selector-read.ts';
import type { DefaultConstraint } from './plugins/pod-topology-spread.ts';
import type { ResourceSpec } from './plugins/resource-allocation.ts';
import type { ScoringStrategyType, ShapePoint } from './plugins/node-resources-fit.ts';

export type ExtensionPoint = 'preEnqueue' | 'queueSort' | 'preFilter' | 'filter' | 'postFilter' | 'preScore' | 'score' | 'bind';

const EXTENSION_POINTS: readonly ExtensionPoint[] = ['preEnqueue', 'queueSort', 'preFilter', 'filter', 'postFilter', 'preScore', 'score', 'bind'];
/** Extension points the configuration may name but that the simulator does not run (nothing to reserve or permit). */
const ACCEPTED_POINTS = [...EXTENSION_POINTS, 'multiPoint', 'reserve', 'permit', 'preBind', 'postBind'];

/** Which extension points each plugin implements (its `var _ framework.XPlugin` assertions). */
export const PLUGIN_POINTS: Readonly<Record<string, readonly ExtensionPoint[]>> = {
  [PluginNames.SchedulingGates]: ['preEnqueue'],
  [PluginNames.PrioritySort]: ['queueSort'],
  [PluginNames.NodeUnschedulable]: ['filter'],
  [PluginNames.NodeName]: ['filter'],
  [PluginNames.TaintToleration]: ['filter', 'preScore', 'score'],
  [PluginNames.NodeAffinity]: ['preFilter', 'filter', 'preScore', 'score'],
  [PluginNames.NodePorts]: ['preFilter', 'filter'],
  [PluginNames.NodeResourcesFit]: ['preFilter', 'filter', 'preScore', 'score'],
  [PluginNames.VolumeRestrictions]: ['preFilter', 'filter'],
  [PluginNames.EBSLimits]: ['filter'],
  [PluginNames.GCEPDLimits]: ['filter'],
  [PluginNames.NodeVolumeLimits]: ['filter'],
  [PluginNames.AzureDiskLimits]: ['filter'],
  [PluginNames.VolumeBinding]: ['preFilter', 'filter'],
  [PluginNames.VolumeZone]: ['filter'],
  [PluginNames.PodTopologySpread]: ['preFilter', 'filter', 'preScore', 'score'],
  [PluginNames.InterPodAffinity]: ['preFilter', 'filter', 'preScore', 'score'],
  [PluginNames.DefaultPreemption]: ['postFilter'],
  [PluginNames.NodeResourcesBalancedAllocation]: ['preScore', 'score'],
  [PluginNames.ImageLocality]: ['score'],
  [PluginNames.DefaultBinder]: ['bind'],
};

export interface PluginRef {
  readonly name: string;
  readonly weight: number;
}

/** default_plugins.go getDefaultPlugins (v1.33, DynamicResources gate off): MultiPoint, in order, with score weights. */
export const DEFAULT_MULTIPOINT: readonly PluginRef[] = [
  { name: PluginNames.SchedulingGates, weight: 0 },
  { name: PluginNames.PrioritySort, weight: 0 },
  { name: PluginNames.NodeUnschedulable, weight: 0 },
  { name: PluginNames.NodeName, weight: 0 },
  { name: PluginNames.TaintToleration, weight: 3 },
  { name: PluginNames.NodeAffinity, weight: 2 },
  { name: PluginNames.NodePorts, weight: 0 },
  { name: PluginNames.NodeResourcesFit, weight: 1 },
  { name: PluginNames.VolumeRestrictions, weight: 0 },
  { name: PluginNames.EBSLimits, weight: 0 },
  { name: PluginNames.GCEPDLimits, weight: 0 },
  { name: PluginNames.NodeVolumeLimits, weight: 0 },
  { name: PluginNames.AzureDiskLimits, weight: 0 },
  { name: PluginNames.VolumeBinding, weight: 0 },
  { name: PluginNames.VolumeZone, weight: 0 },
  { name: PluginNames.PodTopologySpread, weight: 2 },
  { name: PluginNames.InterPodAffinity, weight: 2 },
  { name: PluginNames.DefaultPreemption, weight: 0 },
  { name: PluginNames.NodeResourcesBalancedAllocation, weight: 1 },
  { name: PluginNames.ImageLocality, weight: 1 },
  { name: PluginNames.DefaultBinder, weight: 0 },
];

/** Parsed plugin args, by plugin name, with v1 defaults applied. */
export interface PluginArgs {
  NodeResourcesFit: {
    ignoredResources: string[];
    ignoredResourceGroups: string[];
    scoringStrategy: { type: ScoringStrategyType; resources: ResourceSpec[]; shape?: ShapePoint[] };
  };
  NodeResourcesBalancedAllocation: { resources: ResourceSpec[] };
  PodTopologySpread: { defaultConstraints: DefaultConstraint[]; defaultingType: 'System' | 'List' };
  InterPodAffinity: { hardPodAffinityWeight: number; ignorePreferredTermsOfExistingPods: boolean };
  NodeAffinity: { addedRequired?: NodeSelector; addedPreferred?: PreferredNodeTerm[] };
  DefaultPreemption: { minCandidateNodesPercentage: number; minCandidateNodesAbsolute: number };
}

export interface ProfileConfig {
  readonly schedulerName: string;
  /** null: use the global value. */
  readonly percentageOfNodesToScore: number | null;
  readonly points: Readonly<Record<ExtensionPoint, readonly PluginRef[]>>;
  readonly args: PluginArgs;
}

export interface SchedulerConfig {
  /** 0 means adaptive. */
  readonly percentageOfNodesToScore: number;
  readonly profiles: readonly ProfileConfig[];
}

export function defaultArgs(): PluginArgs {
  return {
    NodeResourcesFit: {
      ignoredResources: [],
      ignoredResourceGroups: [],
      scoringStrategy: { type: 'LeastAllocated', resources: [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }] },
    },
    NodeResourcesBalancedAllocation: { resources: [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }] },
    PodTopologySpread: { defaultConstraints: [], defaultingType: 'System' },
    InterPodAffinity: { hardPodAffinityWeight: 1, ignorePreferredTermsOfExistingPods: false },
    NodeAffinity: {},
    DefaultPreemption: { minCandidateNodesPercentage: 10, minCandidateNodesAbsolute: 100 },
  };
}

interface PluginSet {
  enabled: PluginRef[];
  disabled: string[];
}

function readPluginSet(raw: JsonValue | undefined, root: object, path: (string | number)[], point: string): PluginSet {
  const set = objectAt(raw, root, path);
  const enabled: PluginRef[] = listAt(set?.enabled, root, [...path, 'enabled']).map((p, i) => {
    const ref = objectAt(p, root, [...path, 'enabled', i]) ?? {};
    const name = stringAt(ref.name, root, [...path, 'enabled', i, 'name']) ?? '';
    checkPluginName(name, root, [...path, 'enabled', i, 'name']);
    if (point !== 'multiPoint' && EXTENSION_POINTS.includes(point as ExtensionPoint) && !PLUGIN_POINTS[name].includes(point as ExtensionPoint)) {
      throw new ValidationError(`Invalid value: "${name}": plugin "${name}" does not extend ${point} plugin`, { object: root, path: [...path, 'enabled', i, 'name'] });
    }
    const weight = intAt(ref.weight, root, [...path, 'enabled', i, 'weight']) ?? 0;
    if (weight < 0) throw new ValidationError(`Invalid value: ${weight}: score plugin weight must be non-negative`, { object: root, path: [...path, 'enabled', i, 'weight'] });
    return { name, weight };
  });
  const disabled = listAt(set?.disabled, root, [...path, 'disabled']).map((p, i) => {
    const ref = objectAt(p, root, [...path, 'disabled', i]) ?? {};
    const name = stringAt(ref.name, root, [...path, 'disabled', i, 'name']) ?? '';
    if (name !== '*') checkPluginName(name, root, [...path, 'disabled', i, 'name']);
    return name;
  });
  return { enabled, disabled };
}

function checkPluginName(name: string, root: object, path: (string | number)[]): void {
  if (!KNOWN_PLUGINS.has(name)) {
    // framework/runtime/framework.go: "%s %q does not exist"
    throw new ValidationError(`Invalid value: "${name}": plugin "${name}" does not exist`, { object: root, path });
  }
}

/** mergePluginSet: custom disables remove defaults ("*" all of them), a re-enabled default keeps its place with the new settings, new ones are appended. */
function mergePluginSet(defaults: readonly PluginRef[], custom: PluginSet): PluginRef[] {
  const disabled = new Set(custom.disabled);
  const customByName = new Map(custom.enabled.map((p, i) => [p.name, { p, i }]));
  const replaced = new Set<number>();
  const out: PluginRef[] = [];
  if (!disabled.has('*')) {
    for (const d of defaults) {
      if (disabled.has(d.name)) continue;
      const c = customByName.get(d.name);
      if (c) {
        replaced.add(c.i);
        out.push(c.p);
      } else out.push(d);
    }
  }
  custom.enabled.forEach((p, i) => {
    if (!replaced.has(i)) out.push(p);
  });
  return out;
}

/** expandMultiPointPlugins for one extension point. */
function expandPoint(point: ExtensionPoint, multiPoint: readonly PluginRef[], custom: PluginSet, root: object, path: (string | number)[]): PluginRef[] {
  const enabled = custom.enabled;
  const disabled = new Set(custom.disabled);
  if (disabled.has('*')) return enabled.map((p) => (point === 'score' ? { name: p.name, weight: p.weight || 1 } : p));
  const enabledNames = new Set(enabled.map((p) => p.name));
  const overrides = new Set<string>();
  const fromMulti: PluginRef[] = [];
  for (const ep of multiPoint) {
    if (!PLUGIN_POINTS[ep.name].includes(point)) continue;
    if (disabled.has(ep.name)) continue;
    if (enabledNames.has(ep.name)) {
      overrides.add(ep.name);
      continue;
    }
    if (fromMulti.some((p) => p.name === ep.name)) {
      throw new ValidationError(`Invalid value: "${ep.name}": plugin "${ep.name}" already registered as "${point}"`, { object: root, path });
    }
    fromMulti.push(ep);
  }
  const multiWeight = new Map(multiPoint.map((p) => [p.name, p.weight]));
  const withWeight = (p: PluginRef): PluginRef => {
    if (point !== 'score') return p;
    const weight = p.weight || multiWeight.get(p.name) || 1; // a weight of zero is not permitted: it becomes 1
    return { name: p.name, weight };
  };
  return [
    ...enabled.filter((p) => overrides.has(p.name)),
    ...fromMulti,
    ...enabled.filter((p) => !overrides.has(p.name)),
  ].map(withWeight);
}

function resourceSpecs(raw: JsonValue | undefined, root: object, path: (string | number)[]): ResourceSpec[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  return listAt(raw, root, path).map((r, i) => {
    const spec = objectAt(r, root, [...path, i]) ?? {};
    const name = stringAt(spec.name, root, [...path, i, 'name']) ?? '';
    let weight = intAt(spec.weight, root, [...path, i, 'weight']) ?? 0;
    if (weight === 0) weight = 1; // v1 defaults: "a weight of 0 becomes 1"
    if (weight < 1 || weight > 100) {
      throw new ValidationError(`Invalid value: ${weight}: resource weight of ${name} not in valid range [1, 100]`, { object: root, path: [...path, i, 'weight'] });
    }
    return { name, weight };
  });
}

function readArgs(pluginConfig: JsonValue | undefined, root: object, path: (string | number)[]): PluginArgs {
  const args = defaultArgs();
  listAt(pluginConfig, root, path).forEach((entry, i) => {
    const p = [...path, i];
    const e = objectAt(entry, root, p) ?? {};
    const name = stringAt(e.name, root, [...p, 'name']) ?? '';
    checkPluginName(name, root, [...p, 'name']);
    const a = objectAt(e.args, root, [...p, 'args']) ?? {};
    const ap = [...p, 'args'];
    switch (name) {
      case PluginNames.NodeResourcesFit: {
        const strategy = objectAt(a.scoringStrategy, root, [...ap, 'scoringStrategy']);
        const type = (stringAt(strategy?.type, root, [...ap, 'scoringStrategy', 'type']) ?? 'LeastAllocated') as ScoringStrategyType;
        if (!['LeastAllocated', 'MostAllocated', 'RequestedToCapacityRatio'].includes(type)) {
          throw unsupported(type, ['LeastAllocated', 'MostAllocated', 'RequestedToCapacityRatio'], root, [...ap, 'scoringStrategy', 'type']);
        }
        const resources = resourceSpecs(strategy?.resources, root, [...ap, 'scoringStrategy', 'resources']) ?? args.NodeResourcesFit.scoringStrategy.resources;
        let shape: ShapePoint[] | undefined;
        if (type === 'RequestedToCapacityRatio') {
          const sp = [...ap, 'scoringStrategy', 'requestedToCapacityRatio', 'shape'];
          const ratio = objectAt(strategy?.requestedToCapacityRatio, root, [...ap, 'scoringStrategy', 'requestedToCapacityRatio']);
          shape = listAt(ratio?.shape, root, sp).map((pt, j) => {
            const o = objectAt(pt, root, [...sp, j]) ?? {};
            const utilization = intAt(o.utilization, root, [...sp, j, 'utilization']) ?? 0;
            const score = intAt(o.score, root, [...sp, j, 'score']) ?? 0;
            if (utilization < 0 || utilization > 100) throw new ValidationError(`Invalid value: ${utilization}: not in valid range [0, 100]`, { object: root, path: [...sp, j, 'utilization'] });
            if (score < 0 || score > 10) throw new ValidationError(`Invalid value: ${score}: not in valid range [0, 10]`, { object: root, path: [...sp, j, 'score'] });
            return { utilization, score };
          });
          if (shape.length === 0) throw new ValidationError('Required value: at least one point must be specified', { object: root, path: sp });
          for (let j = 1; j < shape.length; j++) {
            if (shape[j].utilization <= shape[j - 1].utilization) {
              throw new ValidationError(`Invalid value: ${shape[j].utilization}: utilization values must be sorted in increasing order`, { object: root, path: [...sp, j, 'utilization'] });
            }
          }
        }
        args.NodeResourcesFit = {
          ignoredResources: listAt(a.ignoredResources, root, [...ap, 'ignoredResources']).map(String),
          ignoredResourceGroups: listAt(a.ignoredResourceGroups, root, [...ap, 'ignoredResourceGroups']).map(String),
          scoringStrategy: { type, resources, ...(shape ? { shape } : {}) },
        };
        break;
      }
      case PluginNames.NodeResourcesBalancedAllocation:
        args.NodeResourcesBalancedAllocation = { resources: resourceSpecs(a.resources, root, [...ap, 'resources']) ?? args.NodeResourcesBalancedAllocation.resources };
        break;
      case PluginNames.PodTopologySpread: {
        const constraints: DefaultConstraint[] = listAt(a.defaultConstraints, root, [...ap, 'defaultConstraints']).map((c, j) => {
          const cp = [...ap, 'defaultConstraints', j];
          const o = objectAt(c, root, cp) ?? {};
          const maxSkew = intAt(o.maxSkew, root, [...cp, 'maxSkew']) ?? 0;
          if (maxSkew <= 0) throw new ValidationError(`Invalid value: ${maxSkew}: not in valid range (0, inf)`, { object: root, path: [...cp, 'maxSkew'] });
          const topologyKey = stringAt(o.topologyKey, root, [...cp, 'topologyKey']) ?? '';
          if (!topologyKey) throw new ValidationError('Required value: can not be empty', { object: root, path: [...cp, 'topologyKey'] });
          const when = stringAt(o.whenUnsatisfiable, root, [...cp, 'whenUnsatisfiable']) ?? '';
          if (when !== 'DoNotSchedule' && when !== 'ScheduleAnyway') throw unsupported(when, ['DoNotSchedule', 'ScheduleAnyway'], root, [...cp, 'whenUnsatisfiable']);
          if (o.labelSelector !== undefined) throw new ValidationError('Forbidden: constraint must not define a selector, as they deduced for each pod', { object: root, path: [...cp, 'labelSelector'] });
          return { maxSkew, topologyKey, whenUnsatisfiable: when };
        });
        let type = stringAt(a.defaultingType, root, [...ap, 'defaultingType']);
        type ??= constraints.length > 0 ? 'List' : 'System';
        if (type !== 'System' && type !== 'List') throw unsupported(type, ['System', 'List'], root, [...ap, 'defaultingType']);
        if (type === 'System' && constraints.length > 0) {
          throw new ValidationError('Invalid value: "System": when .defaultingType is "System", .defaultConstraints must be empty', { object: root, path: [...ap, 'defaultingType'] });
        }
        args.PodTopologySpread = { defaultConstraints: constraints, defaultingType: type };
        break;
      }
      case PluginNames.InterPodAffinity: {
        const w = intAt(a.hardPodAffinityWeight, root, [...ap, 'hardPodAffinityWeight']) ?? 1;
        if (w < 0 || w > 100) throw new ValidationError(`Invalid value: ${w}: not in valid range [0, 100]`, { object: root, path: [...ap, 'hardPodAffinityWeight'] });
        args.InterPodAffinity = {
          hardPodAffinityWeight: w,
          ignorePreferredTermsOfExistingPods: boolAt(a.ignorePreferredTermsOfExistingPods, root, [...ap, 'ignorePreferredTermsOfExistingPods']) ?? false,
        };
        break;
      }
      case PluginNames.NodeAffinity: {
        const added = objectAt(a.addedAffinity, root, [...ap, 'addedAffinity']);
        const mode = { strict: true };
        const out: PluginArgs['NodeAffinity'] = {};
        if (added?.requiredDuringSchedulingIgnoredDuringExecution) {
          out.addedRequired = readNodeSelector(added.requiredDuringSchedulingIgnoredDuringExecution, root, [...ap, 'addedAffinity', 'requiredDuringSchedulingIgnoredDuringExecution'], mode);
        }
        const prefPath = [...ap, 'addedAffinity', 'preferredDuringSchedulingIgnoredDuringExecution'];
        const pref = listAt(added?.preferredDuringSchedulingIgnoredDuringExecution, root, prefPath);
        if (pref.length > 0) {
          out.addedPreferred = pref.map((t, j) => {
            const o = objectAt(t, root, [...prefPath, j]) ?? {};
            const term = readNodeSelectorTerm(o.preference, root, [...prefPath, j, 'preference'], mode);
            return { weight: intAt(o.weight, root, [...prefPath, j, 'weight']) ?? 0, term: new NodeSelectorClass(term ? [term] : []) };
          });
        }
        args.NodeAffinity = out;
        break;
      }
      case PluginNames.DefaultPreemption: {
        const pct = intAt(a.minCandidateNodesPercentage, root, [...ap, 'minCandidateNodesPercentage']) ?? 10;
        const abs = intAt(a.minCandidateNodesAbsolute, root, [...ap, 'minCandidateNodesAbsolute']) ?? 100;
        if (pct < 0 || pct > 100) throw new ValidationError(`Invalid value: ${pct}: not in valid range [0, 100]`, { object: root, path: [...ap, 'minCandidateNodesPercentage'] });
        if (abs < 0) throw new ValidationError(`Invalid value: ${abs}: not in valid range [0, inf)`, { object: root, path: [...ap, 'minCandidateNodesAbsolute'] });
        if (pct === 0 && abs === 0) throw new ValidationError('Invalid value: 0: cannot be zero at the same time as minCandidateNodesAbsolute', { object: root, path: [...ap, 'minCandidateNodesPercentage'] });
        args.DefaultPreemption = { minCandidateNodesPercentage: pct, minCandidateNodesAbsolute: abs };
        break;
      }
      default:
        // Plugins without args (NodeUnschedulable, ImageLocality, ...) accept none.
        break;
    }
  });
  return args;
}

function buildProfile(raw: JsonObject, root: object, path: (string | number)[]): ProfileConfig {
  const schedulerName = stringAt(raw.schedulerName, root, [...path, 'schedulerName']) || DEFAULT_SCHEDULER_NAME;
  const pct = intAt(raw.percentageOfNodesToScore, root, [...path, 'percentageOfNodesToScore']);
  if (pct !== undefined && (pct < 0 || pct > 100)) {
    throw new ValidationError(`Invalid value: ${pct}: not in valid range [0-100]`, { object: root, path: [...path, 'percentageOfNodesToScore'] });
  }
  const plugins = objectAt(raw.plugins, root, [...path, 'plugins']) ?? {};
  for (const key of Object.keys(plugins)) {
    if (!ACCEPTED_POINTS.includes(key)) throw unsupported(key, ACCEPTED_POINTS, root, [...path, 'plugins', key]);
  }
  const sets = Object.fromEntries(
    ['multiPoint', ...EXTENSION_POINTS].map((point) => [point, readPluginSet(plugins[point], root, [...path, 'plugins', point], point)]),
  ) as Record<string, PluginSet>;
  const multiPoint = mergePluginSet(DEFAULT_MULTIPOINT, sets.multiPoint);
  const points = Object.fromEntries(
    EXTENSION_POINTS.map((point) => [point, expandPoint(point, multiPoint, sets[point], root, [...path, 'plugins', point])]),
  ) as Record<ExtensionPoint, PluginRef[]>;
  return {
    schedulerName,
    percentageOfNodesToScore: pct === undefined ? null : pct,
    points,
    args: readArgs(raw.pluginConfig, root, [...path, 'pluginConfig']),
  };
}

/** The configuration kube-scheduler runs with when given none. */
export function defaultSchedulerConfig(): SchedulerConfig {
  return readSchedulerConfig(null);
}

/**
 * Reads a KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1), or null for the defaults.
 *
 * @example
 *   readSchedulerConfig(null).profiles[0].points.score.map((p) => `${p.name}:${p.weight}`)
 *   // ['TaintToleration:3', 'NodeAffinity:2', 'NodeResourcesFit:1', 'PodTopologySpread:2', 'InterPodAffinity:2',
 *   //  'NodeResourcesBalancedAllocation:1', 'ImageLocality:1']
 */
export function readSchedulerConfig(obj: JsonObject | null): SchedulerConfig {
  if (obj === null) {
    const root = {};
    return { percentageOfNodesToScore: 0, profiles: [buildProfile({}, root, ['profiles', 0])] };
  }
  if (obj.apiVersion !== 'kubescheduler.config.k8s.io/v1') {
    throw unsupported(obj.apiVersion, ['kubescheduler.config.k8s.io/v1'], obj, ['apiVersion']);
  }
  const pct = intAt(obj.percentageOfNodesToScore, obj, ['percentageOfNodesToScore']) ?? 0;
  if (pct < 0 || pct > 100) {
    throw new ValidationError(`Invalid value: ${pct}: not in valid range [0-100]`, { object: obj, path: ['percentageOfNodesToScore'] });
  }
  const rawProfiles = listAt(obj.profiles, obj, ['profiles']);
  const profiles = (rawProfiles.length === 0 ? [{}] : rawProfiles).map((p, i) => {
    if (!isObject(p)) throw new ValidationError('Invalid value: must be a mapping', { object: obj, path: ['profiles', i] });
    return buildProfile(p, obj, ['profiles', i]);
  });
  const seen = new Set<string>();
  profiles.forEach((p, i) => {
    if (seen.has(p.schedulerName)) throw new ValidationError(`Duplicate value: "${p.schedulerName}"`, { object: obj, path: ['profiles', i, 'schedulerName'] });
    seen.add(p.schedulerName);
  });
  return { percentageOfNodesToScore: pct, profiles };
}
