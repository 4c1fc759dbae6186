// Reads the resource parts of a Pod spec: what each container requests, whether an init container
// is a sidecar, and the Pod's overhead. Requests only, as the scheduler reads them: a container that
// sets a limit but no request got request = limit from the API server's defaulting
// (pkg/apis/core/v1/defaults.go SetDefaults_Pod), which the engine's stored Pods and the
// plugin-level functions' defaulted Pods have already been through.
// src: staging/src/k8s.io/component-helpers/resource/helpers.go (PodRequests reads Resources.Requests)

import { ValidationError } from '../shared/errors.ts';
import type { JsonObject, JsonValue } from '../shared/yaml.ts';
import { readResourceList } from './resources.ts';
import type { NanoList } from './resources.ts';

export interface ContainerResources {
  name: string;
  requests: NanoList;
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
  const resources = asObject(container.resources);
  return {
    name: typeof container.name === 'string' ? container.name : '',
    requests: readResourceList(resources?.requests, pod, ['spec', field, index, 'resources', 'requests']),
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

/** Reads containers, init containers and overhead of a Pod object (a quantity that does not parse is a ValidationError). */
export function readPodResources(pod: JsonObject): PodResourceSpec {
  const spec = asObject(pod.spec) ?? {};
  const overhead = spec.overhead === undefined ? null : readResourceList(spec.overhead, pod, ['spec', 'overhead']);
  return {
    containers: readList(spec, 'containers', pod),
    initContainers: readList(spec, 'initContainers', pod),
    overhead,
  };
}
