// What the pod-security partial needs: the terminal transcript per object and a checks grid.
import type { PodSecurityEngineResult } from './engine.ts';

export interface PodSecurityView {
  namespaces: { name: string; enforce: string; audit: string; warn: string }[];
  objects: {
    title: string;
    lines: { text: string; cls: string }[];
    audit: { key: string; value: string }[];
    controller: { allowed: boolean; enforce: string; message: string } | null;
    checks: { level: string; check: string; ok: boolean; text: string }[];
  }[];
  latestIs: string;
}

export function buildView(r: PodSecurityEngineResult): PodSecurityView {
  return {
    namespaces: r.namespaces.map(({ name, enforce, audit, warn }) => ({ name, enforce, audit, warn })),
    objects: r.objects.map((o) => ({
      title: `${o.kind} ${o.namespace}/${o.name}`,
      lines: o.output.map((text) => ({ text, cls: text.startsWith('Warning:') ? 'ps-warn' : text.startsWith('Error') ? 'ps-err' : 'ps-ok' })),
      audit: Object.entries(o.auditAnnotations).map(([key, value]) => ({ key, value })),
      controller: o.controllerPods,
      checks: o.checks.map((c) => ({ level: c.level, check: c.check, ok: c.allowed, text: c.allowed ? '✓' : `${c.reason}${c.detail ? ` (${c.detail})` : ''}` })),
    })),
    latestIs: r.latestIs,
  };
}
