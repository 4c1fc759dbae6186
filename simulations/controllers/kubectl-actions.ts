// The kubectl commands a ControllerScenario runs over virtual time, each done
// as kubectl does it against the (simulated) API server, with kubectl's
// output line or error text.
// src: staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go ("image updated"),
// cmd/scale ("scaled"), cmd/rollout/rollout_pause.go / rollout_resume.go,
// polymorphichelpers/objectpauser.go / objectresumer.go ("is already paused",
// "is not paused"), polymorphichelpers/rollback.go (DeploymentRollbacker:
// deploymentRevision, equalIgnoreHash, annotationsToSkip, the JSON patch of
// spec.template and metadata.annotations; "rolled back", "skipped rollback").

import type { JsonObject } from '../apimachinery/json.ts';
import type { ApiServer } from '../apiserver/api-server.ts';
import { controllerOf } from './work-queue.ts';
import { equalIgnoreHash } from './deployment/hash.ts';
import type { ScenarioAction } from './schema.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface ActionOutcome {
  /** The command as typed. */
  command: string;
  /** What kubectl printed (stdout, or "error: …" / "Error from server …"). */
  output: string;
  error: boolean;
}

const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export function commandLine(a: ScenarioAction, deployment?: Obj): string {
  const ns = a.namespace === 'default' ? '' : ` -n ${a.namespace}`;
  const target = `deployment/${a.deployment}${ns}`;
  switch (a.kind) {
    case 'setImage': {
      const container = a.container ?? deployment?.spec?.template?.spec?.containers?.[0]?.name ?? '*';
      return `kubectl set image ${target} ${container}=${a.image}`;
    }
    case 'rolloutUndo':
      return `kubectl rollout undo ${target}${a.toRevision ? ` --to-revision=${a.toRevision}` : ''}`;
    case 'scale':
      return `kubectl scale ${target} --replicas=${a.replicas}`;
    case 'pause':
      return `kubectl rollout pause ${target}`;
    case 'resume':
      return `kubectl rollout resume ${target}`;
  }
}

function revisionOf(rs: Obj): number | undefined {
  const v = rs.metadata?.annotations?.['deployment.kubernetes.io/revision'];
  return typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** Runs one action now; returns kubectl's output. Never throws for a refusal: that is kubectl's error text. */
export function runAction(api: ApiServer, a: ScenarioAction): ActionOutcome {
  const ref = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: a.namespace, name: a.deployment };
  const current = api.peek(ref) as Obj | undefined;
  const command = commandLine(a, current);
  const fail = (output: string): ActionOutcome => ({ command, output, error: true });
  if (!current) return fail(`Error from server (NotFound): deployments.apps "${a.deployment}" not found`);
  const name = `deployment.apps/${a.deployment}`;
  const d = copy(current) as Obj;
  const write = (success: string): ActionOutcome => {
    if (a.changeCause !== undefined) d.metadata.annotations = { ...(d.metadata.annotations ?? {}), 'kubernetes.io/change-cause': a.changeCause };
    const r = api.update(d as JsonObject);
    if (r.code >= 300) return fail(`Error from server (${r.reason ?? r.code}): ${r.message ?? ''}`);
    return { command: a.changeCause !== undefined ? `${command}\nkubectl annotate ${name} kubernetes.io/change-cause="${a.changeCause}" --overwrite` : command, output: success, error: false };
  };
  switch (a.kind) {
    case 'setImage': {
      const containers = (d.spec?.template?.spec?.containers ?? []) as Obj[];
      const c = a.container === undefined ? containers[0] : containers.find((x) => x.name === a.container);
      if (!c) return fail(`error: unable to find container named "${a.container ?? ''}"`);
      c.image = a.image;
      return write(`${name} image updated`);
    }
    case 'scale':
      d.spec.replicas = a.replicas;
      return write(`${name} scaled`);
    case 'pause':
      if (d.spec?.paused) return fail(`error: deployments.apps "${a.deployment}" is already paused`);
      d.spec.paused = true;
      return write(`${name} paused`);
    case 'resume':
      if (!d.spec?.paused) return fail(`error: deployments.apps "${a.deployment}" is not paused`);
      d.spec.paused = false;
      return write(`${name} resumed`);
    case 'rolloutUndo':
      return undo(api, a, d, name, command, write);
  }
}

function undo(api: ApiServer, a: ScenarioAction, d: Obj, name: string, command: string, write: (s: string) => ActionOutcome): ActionOutcome {
  const fail = (output: string): ActionOutcome => ({ command, output, error: true });
  const toRevision = a.toRevision ?? 0;
  const rss = ((api.list('apps/v1', 'ReplicaSet', a.namespace).items ?? []) as Obj[]).filter((rs) => controllerOf(rs)?.uid === d.metadata?.uid);
  // deploymentRevision: the given revision, or the second newest.
  let latest: { v: number; rs?: Obj } = { v: -1 };
  let previous: { v: number; rs?: Obj } = { v: -1 };
  let found: Obj | undefined;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latest.v < v) {
        previous = latest;
        latest = { v, rs };
      } else if (previous.v < v) previous = { v, rs };
    } else if (toRevision === v) found = rs;
  }
  if (toRevision > 0 && !found) return fail(`error: unable to find specified revision ${toRevision} in history`);
  const target = toRevision > 0 ? found : previous.rs;
  if (!target) return fail(`error: no rollout history found for deployment "${a.deployment}"`);
  if (d.spec?.paused) return fail(`error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${a.deployment}' and try again`);
  if (equalIgnoreHash(target.spec?.template, d.spec?.template)) return { command, output: `${name} skipped rollback (current template already matches revision ${toRevision})`, error: false };
  const template = copy(target.spec.template) as Obj;
  if (template.metadata?.labels) delete template.metadata.labels['pod-template-hash'];
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries((d.metadata?.annotations ?? {}) as Record<string, string>)) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries((target.metadata?.annotations ?? {}) as Record<string, string>)) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  d.spec.template = template;
  d.metadata.annotations = annotations;
  return write(`${name} rolled back`);
}
