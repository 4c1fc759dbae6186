// Small builders for the resources-oom tests.
import { readFileSync } from 'node:fs';
import { parseManifests } from '../shared/yaml.ts';
import type { KubeObject } from '../shared/yaml.ts';

export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

export function objects(yaml: string): KubeObject[] {
  return parseManifests(yaml, { maxDocuments: 600, maxDepth: 64, maxAliases: 16, maxNodes: 200_000 }).map((m) => m.object);
}

export const node = (memory = '4Gi', extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' }, status: { capacity: { cpu: '4', memory } }, ...extra,
});

export function pod(name: string, containers: { name: string; requests?: Record<string, string>; limits?: Record<string, string> }[], spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1', kind: 'Pod', metadata: { name },
    spec: { ...spec, containers: containers.map((c) => ({ name: c.name, image: 'busybox', resources: { ...(c.requests ? { requests: c.requests } : {}), ...(c.limits ? { limits: c.limits } : {}) } })) },
  };
}

export function scenario(spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'kube-notebook.dev/v1alpha1', kind: 'MemoryScenario', metadata: { name: 's' }, spec } as KubeObject;
}
