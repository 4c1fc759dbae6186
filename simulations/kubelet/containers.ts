// Small helpers over a Pod's containers, mirroring pkg/api/v1/pod/util.go.

import type { Container, ContainerStatus, Pod, PodSpec } from './types.ts';

export type ContainerKind = 'init' | 'sidecar' | 'regular';

/**
 * podutil.IsRestartableInitContainer: an init container with restartPolicy Always (a sidecar).
 *
 * @example isRestartableInitContainer({ name: 'proxy', restartPolicy: 'Always' }) // true
 */
export function isRestartableInitContainer(container: Container | undefined | null): boolean {
  return !!container && container.restartPolicy === 'Always';
}

/** podutil.GetContainerStatus: the status with this name, if any. */
export function getContainerStatus(statuses: readonly ContainerStatus[] | undefined, name: string): ContainerStatus | undefined {
  if (!statuses) return undefined;
  for (const s of statuses) if (s.name === name) return s;
  return undefined;
}

/** The pod's restartPolicy with the API default (Always). */
export function restartPolicyOf(spec: PodSpec): 'Always' | 'OnFailure' | 'Never' {
  return spec.restartPolicy ?? 'Always';
}

/** spec.containers{name} or spec.initContainers{name}: the fieldPath events carry. */
export function containerFieldPath(pod: Pod, name: string): string {
  const init = (pod.spec.initContainers ?? []).some((c) => c.name === name);
  return init ? `spec.initContainers{${name}}` : `spec.containers{${name}}`;
}

/** Every container of the pod in spec order (init containers first) with its kind. */
export function allContainers(spec: PodSpec): { container: Container; kind: ContainerKind; index: number }[] {
  const out: { container: Container; kind: ContainerKind; index: number }[] = [];
  (spec.initContainers ?? []).forEach((container, index) =>
    out.push({ container, kind: isRestartableInitContainer(container) ? 'sidecar' : 'init', index }),
  );
  spec.containers.forEach((container, index) => out.push({ container, kind: 'regular', index }));
  return out;
}
