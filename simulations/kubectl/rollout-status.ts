// `kubectl rollout status`: one look at a Deployment, DaemonSet or StatefulSet
// and the line kubectl prints for it, plus whether the rollout is done.
// src: staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go
// (StatusViewerFor, DeploymentStatusViewer, DaemonSetStatusViewer,
// StatefulSetStatusViewer); the revision from kubectl/pkg/util/deployment
// (Revision: the deployment.kubernetes.io/revision annotation).

/** kubectl's error for this object (progress deadline exceeded, wrong revision, unsupported strategy or kind). */
export class RolloutStatusError extends Error {
  override readonly name = 'RolloutStatusError';
  /** What the viewer returned beside the error (true for an OnDelete strategy). */
  readonly done: boolean;
  constructor(message: string, done = false) {
    super(message);
    this.done = done;
  }
}

import { goQuote } from '../apimachinery/go-strconv.ts';

interface Workload {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; generation?: number; annotations?: Record<string, string> };
  spec?: {
    replicas?: number;
    updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } | null };
    [key: string]: unknown;
  };
  status?: Record<string, unknown>;
  [key: string]: unknown;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const q = goQuote; // fmt's %q

function groupOf(apiVersion: string | undefined): string {
  const v = apiVersion ?? '';
  return v.includes('/') ? v.slice(0, v.indexOf('/')) : '';
}

/**
 * StatusViewerFor(kind).Status(obj, revision): kubectl's message (with its
 * trailing newline) and whether the rollout is complete. Throws
 * RolloutStatusError with kubectl's text where kubectl returns an error.
 *
 * @example
 *   rolloutStatus({ kind: 'Deployment', metadata: { name: 'foo', generation: 1 }, spec: { replicas: 2 },
 *                   status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 1 } })
 *   // { message: 'Waiting for deployment "foo" rollout to finish: 1 of 2 updated replicas are available...\n', done: false }
 */
export function rolloutStatus(object: Workload, revision = 0): { message: string; done: boolean } {
  const group = groupOf(object.apiVersion);
  const kind = object.kind ?? '';
  // extensions/v1beta1 Deployments and DaemonSets are still recognised by kubectl.
  if (kind === 'Deployment' && (group === 'apps' || group === 'extensions' || object.apiVersion === undefined)) return deploymentStatus(object, revision);
  if (kind === 'DaemonSet' && (group === 'apps' || group === 'extensions' || object.apiVersion === undefined)) return daemonSetStatus(object);
  if (kind === 'StatefulSet' && (group === 'apps' || object.apiVersion === undefined)) return statefulSetStatus(object);
  // schema.GroupKind.String(): "Kind" for the core group, "Kind.group" otherwise.
  throw new RolloutStatusError(`no status viewer has been implemented for ${group ? `${kind}.${group}` : kind}`);
}

function deploymentRevision(d: Workload): number {
  const text = d.metadata?.annotations?.['deployment.kubernetes.io/revision'];
  if (text === undefined) return 0;
  if (!/^[+-]?[0-9]+$/.test(text)) throw new RolloutStatusError(`cannot get the revision of deployment ${q(d.metadata?.name ?? '')}: strconv.ParseInt: parsing ${q(text)}: invalid syntax`);
  return Number(text);
}

function deploymentStatus(d: Workload, revision: number): { message: string; done: boolean } {
  const name = d.metadata?.name ?? '';
  const status = d.status ?? {};
  if (revision > 0) {
    const running = deploymentRevision(d);
    if (revision !== running) throw new RolloutStatusError(`desired revision (${revision}) is different from the running revision (${running})`);
  }
  if (num(d.metadata?.generation) <= num(status.observedGeneration)) {
    const conditions = Array.isArray(status.conditions) ? (status.conditions as { type?: string; reason?: string }[]) : [];
    const progressing = conditions.find((c) => c?.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') throw new RolloutStatusError(`deployment ${q(name)} exceeded its progress deadline`);
    const updated = num(status.updatedReplicas);
    const replicas = num(status.replicas);
    const available = num(status.availableReplicas);
    if (d.spec?.replicas !== undefined && updated < d.spec.replicas) {
      return { message: `Waiting for deployment ${q(name)} rollout to finish: ${updated} out of ${d.spec.replicas} new replicas have been updated...\n`, done: false };
    }
    if (replicas > updated) return { message: `Waiting for deployment ${q(name)} rollout to finish: ${replicas - updated} old replicas are pending termination...\n`, done: false };
    if (available < updated) return { message: `Waiting for deployment ${q(name)} rollout to finish: ${available} of ${updated} updated replicas are available...\n`, done: false };
    return { message: `deployment ${q(name)} successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
}

function daemonSetStatus(ds: Workload): { message: string; done: boolean } {
  // Revisions are ignored: "DaemonSets does not have history yet".
  const name = ds.metadata?.name ?? '';
  const status = ds.status ?? {};
  if (ds.spec?.updateStrategy?.type !== 'RollingUpdate') throw new RolloutStatusError('rollout status is only available for RollingUpdate strategy type', true);
  if (num(ds.metadata?.generation) <= num(status.observedGeneration)) {
    const updated = num(status.updatedNumberScheduled);
    const desired = num(status.desiredNumberScheduled);
    const available = num(status.numberAvailable);
    if (updated < desired) return { message: `Waiting for daemon set ${q(name)} rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`, done: false };
    if (available < desired) return { message: `Waiting for daemon set ${q(name)} rollout to finish: ${available} of ${desired} updated pods are available...\n`, done: false };
    return { message: `daemon set ${q(name)} successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
}

function statefulSetStatus(sts: Workload): { message: string; done: boolean } {
  const status = sts.status ?? {};
  const strategy = sts.spec?.updateStrategy;
  if (strategy?.type !== 'RollingUpdate') throw new RolloutStatusError('rollout status is only available for RollingUpdate strategy type', true);
  const observed = num(status.observedGeneration);
  if (observed === 0 || num(sts.metadata?.generation) > observed) return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const replicas = sts.spec?.replicas;
  const ready = num(status.readyReplicas);
  if (replicas !== undefined && ready < replicas) return { message: `Waiting for ${replicas - ready} pods to be ready...\n`, done: false };
  const updated = num(status.updatedReplicas);
  if (strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (replicas !== undefined && partition !== undefined && updated < replicas - partition) {
      return { message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...\n`, done: false };
    }
    return { message: `partitioned roll out complete: ${updated} new pods have been updated...\n`, done: true };
  }
  if (str(status.updateRevision) !== str(status.currentRevision)) {
    return { message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${str(status.updateRevision)}...\n`, done: false };
  }
  return { message: `statefulset rolling update complete ${num(status.currentReplicas)} pods at revision ${str(status.currentRevision)}...\n`, done: true };
}
