// The scheduler simulation engine: real Node and Pod manifests in, kube-scheduler's decisions out.
// The manifests go through a fresh virtual kube-apiserver first (schema.ts, admit.ts): the
// scheduler reads the objects it stored.

import { budgetHitOf, type Engine } from '../shared/engine.ts';
import { ValidationError } from '../shared/errors.ts';
import { flattenLists } from '../shared/yaml.ts';
import type { JsonObject, Manifest } from '../shared/yaml.ts';
import { readInput } from './schema.ts';
import type { ScheduleInput } from './schema.ts';
import { runScheduler } from './scheduler.ts';
import type { ScheduleResult } from './types.ts';
import { buildView } from './view-model.ts';
import type { SchedulerView } from './view-model.ts';

const IGNORED_KINDS = new Set(['ConfigMap', 'Secret', 'ServiceAccount', 'PersistentVolumeClaim', 'PersistentVolume', 'StorageClass', 'PodDisruptionBudget']);

/** Sorts manifests by kind into the schedule() input; the engine's YAML may mix them freely. */
export function inputFromManifests(manifests: readonly Manifest[]): { input: ScheduleInput; ignored: string[] } {
  const nodes: JsonObject[] = [];
  const pods: JsonObject[] = [];
  const namespaces: JsonObject[] = [];
  const services: JsonObject[] = [];
  const priorityClasses: JsonObject[] = [];
  const workloads: JsonObject[] = [];
  const podSources: JsonObject[] = [];
  const others: JsonObject[] = [];
  const ignored: string[] = [];
  let config: JsonObject | null = null;
  for (const { object } of flattenLists(manifests)) {
    switch (object.kind) {
      case 'Node':
        nodes.push(object);
        break;
      case 'Pod':
        pods.push(object);
        podSources.push(object);
        break;
      case 'Namespace':
        namespaces.push(object);
        break;
      case 'Service':
        services.push(object);
        break;
      case 'PriorityClass':
        priorityClasses.push(object);
        break;
      case 'Deployment':
      case 'ReplicaSet':
      case 'StatefulSet':
        workloads.push(object);
        podSources.push(object);
        break;
      case 'KubeSchedulerConfiguration':
        if (config) throw new ValidationError('only one KubeSchedulerConfiguration may be given', { object, path: ['kind'] });
        config = object;
        break;
      default:
        if (!IGNORED_KINDS.has(object.kind)) {
          throw new ValidationError(
            `Unsupported value: "${object.kind}": the scheduler simulation reads Node, Pod, Namespace, Service, PriorityClass, Deployment, ReplicaSet, StatefulSet and KubeSchedulerConfiguration`,
            { object, path: ['kind'] },
          );
        }
        others.push(object);
        ignored.push(object.kind);
    }
  }
  return { input: { nodes, pods, namespaces, services, priorityClasses, workloads, podSources, others, config }, ignored };
}

export const engine: Engine<ScheduleResult, SchedulerView> = {
  id: 'scheduler',
  version: '2',
  title: 'kube-scheduler',
  summary: 'Filter and score plugins over real Node and Pod manifests, with the events kube-scheduler writes.',
  view: 'scheduler/result',
  run(manifests, ctx) {
    const { input, ignored } = inputFromManifests(manifests);
    const read = readInput(input);
    const warnings = [...read.warnings];
    if (ignored.length) warnings.push({ title: `Ignored ${ignored.join(', ')}: the scheduler does not read them here`, level: 'warning' });
    const output = runScheduler(
      { cluster: read.cluster, pending: read.pending, config: read.config, warnings },
      { trace: ctx.detail, maxSteps: ctx.budget.maxSteps, maxEvents: ctx.budget.maxEvents },
    );
    return { ...output, budgetHit: budgetHitOf(output.result.truncated) };
  },
  viewModel(output) {
    return buildView(output);
  },
};
