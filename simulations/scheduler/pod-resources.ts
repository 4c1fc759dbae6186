// Reads the resource parts of a Pod spec, applying the API server's defaulting:
// a container that sets a limit but no request gets request = limit.
// src: pkg/apis/core/v1/defaults.go (SetDefaults_Pod: "If limits are specified, but
//      requests are not, default requests to limits"), pkg/apis/core/validation (requests <= limits).

import { ValidationError } from '../shared/errors.ts';
import type { JsonObject, JsonValue } from '../shared/yaml.ts';
import { readResourceList } from './resources.ts';
import type { NanoList } from './resources.ts';

export interface ContainerResources {
  name: string;
  requests: NanoList;
  limits: NanoList;
  /** An init container with restartPolicy: Always (a sidecar). */
  sidecar: boolean;
}

export interface PodResourceSpec {
  containers: ContainerResources[];
  initContainers: ContainerResources[];
  overhead: NanoList | null;
}

function asObject(value: JsonValue | undefined): JsonObject | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

function readContainer(container: JsonObject, index: number, field: string, pod: object, isInit: boolean): ContainerResources {
  const base = ['spec', field, index];
  const resources = asObject(container.resources);
  const requests = readResourceList(resources?.requests, pod, [...base, 'resources', 'requests']);
  const limits = readResourceList(resources?.limits, pod, [...base, 'resources', 'limits']);
  for (const [name, limit] of limits) {
    const request = requests.get(name);
    if (request === undefined) requests.set(name, limit);
    else if (request > limit) {
      throw new ValidationError(
        `Invalid value: "${String((resources?.requests as JsonObject)[name])}": must be less than or equal to ${name} limit of ${String((resources?.limits as JsonObject)[name])}`,
        { object: pod, path: [...base, 'resources', 'requests', name] },
      );
    }
  }
  return {
    name: typeof container.name === 'string' ? container.name : '',
    requests,
    limits,
    sidecar: isInit && container.restartPolicy === 'Always',
  };
}

function readList(spec: JsonObject, field: 'containers' | 'initContainers', pod: object): ContainerResources[] {
  const list = spec[field];
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new ValidationError('Invalid value: must be a list of containers', { object: pod, path: ['spec', field] });
  return list.map((c, i) => {
    const container = asObject(c);
    if (!container) throw new ValidationError('Invalid value: every container must be a mapping', { object: pod, path: ['spec', field, i] });
    return readContainer(container, i, field, pod, field === 'initContainers');
  });
}

/** Reads containers, init containers and overhead of a Pod object (validating quantities). */
export function readPodResources(pod: JsonObject): PodResourceSpec {
  const spec = asObject(pod.spec) ?? {};
  const overhead = spec.overhead === undefined ? null : readResourceList(spec.overhead, pod, ['spec', 'overhead']);
  return {
    containers: readList(spec, 'containers', pod),
    initContainers: readList(spec, 'initContainers', pod),
    overhead,
  };
}
