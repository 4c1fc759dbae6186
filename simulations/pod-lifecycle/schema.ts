// Reads the cell's manifests: one Pod, or one workload whose Pod template becomes
// the Pod (Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob), plus an
// optional PodBehavior document. Everything is validated; bad input throws
// ValidationError with the object and field path.

import { ValidationError } from '../shared/errors.ts';
import { flattenLists } from '../shared/yaml.ts';
import type { JsonObject, KubeObject, Manifest } from '../shared/yaml.ts';
import { fakeHex } from '../kubelet/ids.ts';
import type { Pod } from '../kubelet/types.ts';
import { BEHAVIOR_KIND, readBehavior } from './behavior-schema.ts';
import type { PodBehaviorSpec } from './behavior-schema.ts';
import { checkKnownFields, requireObject, validateMetadata, validatePodObject, validatePodSpec } from './pod-schema.ts';

export interface Workload {
  kind: string;
  name: string;
}

export interface PodLifecycleInput {
  pod: Pod;
  /** The workload the Pod came from, if the input was one. */
  workload?: Workload;
  behavior: PodBehaviorSpec;
  /** Warnings the API server would have printed, and notes about ignored documents. */
  warnings: string[];
  /** The parsed Pod or workload object (for error positions). */
  source: JsonObject;
}

const WORKLOADS: Record<string, { apiVersions: string[]; restartPolicies: string[] }> = {
  Deployment: { apiVersions: ['apps/v1'], restartPolicies: ['Always'] },
  ReplicaSet: { apiVersions: ['apps/v1'], restartPolicies: ['Always'] },
  StatefulSet: { apiVersions: ['apps/v1'], restartPolicies: ['Always'] },
  DaemonSet: { apiVersions: ['apps/v1'], restartPolicies: ['Always'] },
  Job: { apiVersions: ['batch/v1'], restartPolicies: ['OnFailure', 'Never'] },
  CronJob: { apiVersions: ['batch/v1'], restartPolicies: ['OnFailure', 'Never'] },
};

/** The alphabet of rand.SafeEncodeString (no vowels, no look-alikes): generated name suffixes use it. */
const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

function safeSuffix(seed: string, length: number): string {
  const hex = fakeHex(seed, length * 2);
  let out = '';
  for (let i = 0; i < length; i++) out += SAFE[parseInt(hex.slice(i * 2, i * 2 + 2), 16) % SAFE.length];
  return out;
}

/**
 * The Pod a workload controller would create from its template, with the name,
 * labels and ownerReference it would get.
 */
function podFromWorkload(obj: KubeObject): { pod: JsonObject; workload: Workload; allowed: string[]; specPath: (string | number)[] } {
  const kind = obj.kind;
  const rule = WORKLOADS[kind];
  if (!rule.apiVersions.includes(obj.apiVersion)) {
    throw new ValidationError(`Unsupported value: ${JSON.stringify(obj.apiVersion)}: supported values: ${rule.apiVersions.map((v) => `"${v}"`).join(', ')}`, {
      object: obj,
      path: ['apiVersion'],
    });
  }
  const meta = requireObject(obj.metadata, obj, ['metadata']);
  validateMetadata(meta, obj, ['metadata'], kind);
  const name = String(meta.name ?? meta.generateName ?? 'workload');
  const spec = requireObject(obj.spec, obj, ['spec']);
  let templateParent = spec;
  let templatePath: (string | number)[] = ['spec', 'template'];
  if (kind === 'CronJob') {
    const jobTemplate = requireObject(spec.jobTemplate, obj, ['spec', 'jobTemplate']);
    templateParent = requireObject(jobTemplate.spec, obj, ['spec', 'jobTemplate', 'spec']);
    templatePath = ['spec', 'jobTemplate', 'spec', 'template'];
  }
  const template = requireObject(templateParent.template, obj, templatePath);
  checkKnownFields(template, ['metadata', 'spec'], obj, templatePath, 'io.k8s.api.core.v1.PodTemplateSpec');
  const tMeta = template.metadata === undefined ? {} : requireObject(template.metadata, obj, [...templatePath, 'metadata']);
  const podSpec = requireObject(template.spec, obj, [...templatePath, 'spec']);
  const labels: Record<string, string> = { ...((tMeta.labels as Record<string, string> | undefined) ?? {}) };
  let podName: string;
  switch (kind) {
    case 'Deployment': {
      const hash = safeSuffix(`pod-template-hash:${name}`, 10).slice(0, 9);
      labels['pod-template-hash'] = hash;
      podName = `${name}-${hash}-${safeSuffix(`pod:${name}`, 5)}`;
      break;
    }
    case 'StatefulSet':
      podName = `${name}-0`;
      break;
    case 'CronJob':
      podName = `${name}-28950720-${safeSuffix(`pod:${name}`, 5)}`;
      break;
    default:
      podName = `${name}-${safeSuffix(`pod:${name}`, 5)}`;
  }
  const pod: JsonObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...tMeta,
      name: podName,
      ...(meta.namespace ? { namespace: meta.namespace } : {}),
      labels,
      ownerReferences: [{ apiVersion: kind === 'Deployment' ? 'apps/v1' : obj.apiVersion, kind: kind === 'Deployment' ? 'ReplicaSet' : kind === 'CronJob' ? 'Job' : kind, name: kind === 'Deployment' ? `${name}-${labels['pod-template-hash']}` : name, controller: true }],
    },
    spec: podSpec,
  };
  return { pod, workload: { kind, name }, allowed: rule.restartPolicies, specPath: [...templatePath, 'spec'] };
}

/**
 * The cell's input, validated.
 *
 * @example readInput(parseManifests(podYaml)) // { pod, behavior, warnings, ... }
 */
export function readInput(manifests: readonly Manifest[]): PodLifecycleInput {
  const objects = flattenLists(manifests).map((m) => m.object);
  const warnings: string[] = [];
  const pods: { obj: KubeObject; pod: JsonObject; workload?: Workload; allowed: string[]; specPath: (string | number)[] }[] = [];
  const behaviors: KubeObject[] = [];
  for (const obj of objects) {
    if (obj.kind === BEHAVIOR_KIND) behaviors.push(obj);
    else if (obj.kind === 'Pod') {
      if (obj.apiVersion !== 'v1') {
        throw new ValidationError(`Unsupported value: ${JSON.stringify(obj.apiVersion)}: supported values: "v1"`, { object: obj, path: ['apiVersion'] });
      }
      pods.push({ obj, pod: obj, allowed: ['Always', 'OnFailure', 'Never'], specPath: ['spec'] });
    } else if (WORKLOADS[obj.kind]) {
      const w = podFromWorkload(obj);
      pods.push({ obj, ...w });
    } else {
      warnings.push(`${obj.kind}/${String((obj.metadata as JsonObject | undefined)?.name ?? '')} is not simulated here (this cell follows one Pod)`);
    }
  }
  if (pods.length === 0) {
    throw new ValidationError('Required value: a Pod, or a workload with a Pod template (Deployment, Job …), to simulate', {
      object: objects[0],
      path: ['kind'],
    });
  }
  if (pods.length > 1) {
    throw new ValidationError(`Too many: ${pods.length}: this simulation follows one Pod; put one Pod or workload per cell`, {
      object: pods[1].obj,
      path: ['kind'],
      code: 'limit',
    });
  }
  if (behaviors.length > 1) {
    throw new ValidationError(`Too many: ${behaviors.length}: at most one PodBehavior document`, { object: behaviors[1], path: ['kind'], code: 'limit' });
  }
  const chosen = pods[0];
  let podSpec: JsonObject;
  if (chosen.workload) {
    podSpec = requireObject(chosen.pod.spec, chosen.obj, chosen.specPath);
  } else {
    podSpec = validatePodObject(chosen.pod);
  }
  const validated = validatePodSpec(podSpec, chosen.obj, chosen.specPath, chosen.allowed);
  warnings.push(...validated.warnings);
  const pod = chosen.pod as unknown as Pod;

  const behavior = behaviors[0] ? readBehavior(behaviors[0]) : { observeAtSeconds: [], containers: [] };
  if (behavior.podName && behavior.podName !== pod.metadata.name && behavior.podName !== chosen.workload?.name) {
    throw new ValidationError(`Not found: ${JSON.stringify(behavior.podName)}: no Pod or workload with this name in the cell`, {
      object: behaviors[0],
      path: ['metadata', 'name'],
    });
  }
  const names = new Set([...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name));
  behavior.containers.forEach((c, i) => {
    if (!names.has(c.name)) {
      throw new ValidationError(
        `Not found: ${JSON.stringify(c.name)}: the Pod has no container named "${c.name}" (it has ${[...names].map((n) => `"${n}"`).join(', ')})`,
        { object: behaviors[0], path: ['spec', 'containers', i, 'name'] },
      );
    }
  });
  const specs = new Map([...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => [c.name, c]));
  behavior.containers.forEach((c, i) => {
    const container = specs.get(c.name);
    const path = ['spec', 'containers', i];
    for (const [probe, field] of [['liveness', 'livenessProbe'], ['readiness', 'readinessProbe'], ['startup', 'startupProbe']] as const) {
      if (c[probe] && !container?.[field]) {
        throw new ValidationError(`Invalid value: container "${c.name}" has no ${field}, so nothing would use these results`, {
          object: behaviors[0],
          path: [...path, probe],
        });
      }
    }
    if (c.preStop && !container?.lifecycle?.preStop) {
      throw new ValidationError(`Invalid value: container "${c.name}" declares no lifecycle.preStop hook`, {
        object: behaviors[0],
        path: [...path, 'preStop'],
      });
    }
  });
  return { pod, workload: chosen.workload, behavior, warnings, source: chosen.obj };
}
