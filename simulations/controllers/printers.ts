// `kubectl get` rows for the workload kinds, as the API server's table
// printer computes them, and `kubectl rollout history` for a Deployment.
// src: pkg/printers/internalversion/printers.go (printDeployment,
// printReplicaSet, printJob, printCronJob, printDaemonSet,
// printHorizontalPodAutoscaler, formatHPAMetrics), kubectl
// pkg/polymorphichelpers/history.go (DeploymentHistoryViewer.ViewHistory:
// "REVISION\tCHANGE-CAUSE", "<none>" when unset, tabwriter padding 2) and
// cmd/rollout/rollout_history.go (the "deployment.apps/web " name line).

import { humanDuration } from '../apimachinery/duration.ts';
import { toMs } from '../apimachinery/time.ts';
import { translateTimestampSince } from '../kubectl/get-pods.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

export const DEPLOYMENT_COLUMNS = ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'];
export function deploymentCells(d: Obj, nowMs: number): string[] {
  return [d.metadata?.name ?? '', `${num(d.status?.readyReplicas)}/${num(d.spec?.replicas)}`, String(num(d.status?.updatedReplicas)), String(num(d.status?.availableReplicas)), translateTimestampSince(d.metadata?.creationTimestamp, nowMs)];
}

export const REPLICASET_COLUMNS = ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'];
export function replicaSetCells(rs: Obj, nowMs: number): string[] {
  return [rs.metadata?.name ?? '', String(num(rs.spec?.replicas)), String(num(rs.status?.replicas)), String(num(rs.status?.readyReplicas)), translateTimestampSince(rs.metadata?.creationTimestamp, nowMs)];
}

const hasCondition = (o: Obj, type: string) => ((o.status?.conditions ?? []) as Obj[]).some((c) => c.type === type && c.status === 'True');

export const JOB_COLUMNS = ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'];
/** printJob: STATUS from the conditions (Complete, Failed, Terminating, Suspended, FailureTarget, SuccessCriteriaMet, else Running). */
export function jobStatus(job: Obj): string {
  if (hasCondition(job, 'Complete')) return 'Complete';
  if (hasCondition(job, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (hasCondition(job, 'Suspended')) return 'Suspended';
  if (hasCondition(job, 'FailureTarget')) return 'FailureTarget';
  if (hasCondition(job, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}
export function jobCells(job: Obj, nowMs: number): string[] {
  let completions: string;
  if (typeof job.spec?.completions === 'number') completions = `${num(job.status?.succeeded)}/${job.spec.completions}`;
  else {
    const parallelism = num(job.spec?.parallelism);
    completions = parallelism > 1 ? `${num(job.status?.succeeded)}/1 of ${parallelism}` : `${num(job.status?.succeeded)}/1`;
  }
  const start = toMs(job.status?.startTime ?? null);
  const end = toMs(job.status?.completionTime ?? null);
  const duration = start === null ? '' : humanDuration((end ?? nowMs) - start);
  return [job.metadata?.name ?? '', jobStatus(job), completions, duration, translateTimestampSince(job.metadata?.creationTimestamp, nowMs)];
}

export const CRONJOB_COLUMNS = ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'];
export function cronJobCells(cj: Obj, nowMs: number): string[] {
  const suspend = typeof cj.spec?.suspend === 'boolean' ? (cj.spec.suspend ? 'True' : 'False') : '<unset>';
  const last = cj.status?.lastScheduleTime ? translateTimestampSince(cj.status.lastScheduleTime, nowMs) : '<none>';
  return [cj.metadata?.name ?? '', cj.spec?.schedule ?? '', cj.spec?.timeZone ?? '<none>', suspend, String((cj.status?.active ?? []).length), last, translateTimestampSince(cj.metadata?.creationTimestamp, nowMs)];
}

export const DAEMONSET_COLUMNS = ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'];
export function daemonSetCells(ds: Obj, nowMs: number): string[] {
  const selector = Object.entries((ds.spec?.template?.spec?.nodeSelector ?? {}) as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}=${v}`).join(',') || '<none>';
  const s = ds.status ?? {};
  return [ds.metadata?.name ?? '', String(num(s.desiredNumberScheduled)), String(num(s.currentNumberScheduled)), String(num(s.numberReady)), String(num(s.updatedNumberScheduled)), String(num(s.numberAvailable)), selector, translateTimestampSince(ds.metadata?.creationTimestamp, nowMs)];
}

export const HPA_COLUMNS = ['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', 'AGE'];
/**
 * printHorizontalPodAutoscaler with formatHPAMetrics ("cpu: 80%/50%"). The
 * simulated controller does not write status.currentMetrics, so the current
 * value of a Resource utilization metric is the last sync's, given by the
 * caller (or <unknown>); other current values print as <unknown>.
 */
export function hpaCells(hpa: Obj, nowMs: number, currentUtilization: Record<string, number | undefined>): string[] {
  const ref = hpa.spec?.scaleTargetRef ?? {};
  return [hpa.metadata?.name ?? '', `${ref.kind ?? ''}/${ref.name ?? ''}`, formatHPAMetrics((hpa.spec?.metrics ?? []) as Obj[], currentUtilization), hpa.spec?.minReplicas === undefined || hpa.spec?.minReplicas === null ? '<unset>' : String(hpa.spec.minReplicas), String(num(hpa.spec?.maxReplicas)), String(num(hpa.status?.currentReplicas)), translateTimestampSince(hpa.metadata?.creationTimestamp, nowMs)];
}

/** formatHPAMetrics for Resource and ContainerResource metrics (the kinds the simulated HPA reads): at most 2, then "+ N more...". */
function formatHPAMetrics(specs: Obj[], currentUtilization: Record<string, number | undefined>): string {
  if (specs.length === 0) return '<none>';
  const list = specs.map((m) => {
    const source = m.type === 'ContainerResource' ? m.containerResource : m.type === 'Resource' ? m.resource : undefined;
    if (!source) return m.type === 'Pods' || m.type === 'Object' || m.type === 'External' ? '<unknown>/<unknown>' : '<unknown type>';
    const name = String(source.name ?? '');
    const target = source.target ?? {};
    if (target.averageValue !== undefined && target.averageValue !== null) return `${name}: <unknown>/${target.averageValue}`;
    const cur = m.type === 'Resource' ? currentUtilization[name] : undefined;
    return `${name}: ${cur === undefined ? '<unknown>' : `${cur}%`}/${typeof target.averageUtilization === 'number' ? `${target.averageUtilization}%` : '<auto>'}`;
  });
  return list.length > 2 ? `${list.slice(0, 2).join(', ')} + ${list.length - 2} more...` : list.join(', ');
}

/** Go text/tabwriter with minwidth 0, tabwidth 8, padding 2 (kubectl's tabbedString). */
export function tabbed(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => { if (i < r.length - 1) widths[i] = Math.max(widths[i] ?? 0, c.length + 2); });
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('')).join('\n');
}

/**
 * `kubectl rollout history deployment/<name>`: the ReplicaSets' revisions in
 * order with their kubernetes.io/change-cause. A revision appears once, for
 * the ReplicaSet that holds it now (a rollback moves an old template to a new
 * revision, so its old number disappears from the list).
 */
export function rolloutHistory(deploymentName: string, replicaSets: readonly Obj[]): { text: string; revisions: { revision: number; changeCause: string; image: string }[] } {
  const byRevision = new Map<number, Obj>();
  for (const rs of replicaSets) {
    const v = rs.metadata?.annotations?.['deployment.kubernetes.io/revision'];
    if (typeof v === 'string' && /^\d+$/.test(v)) byRevision.set(Number(v), rs);
  }
  const revisions = [...byRevision.keys()].sort((a, b) => a - b).map((r) => {
    const rs = byRevision.get(r)!;
    return { revision: r, changeCause: rs.metadata?.annotations?.['kubernetes.io/change-cause'] ?? '', image: ((rs.spec?.template?.spec?.containers ?? []) as Obj[]).map((c) => c.image).join(',') };
  });
  const table = tabbed([['REVISION', 'CHANGE-CAUSE'], ...revisions.map((r) => [String(r.revision), r.changeCause || '<none>'])]);
  return { text: `deployment.apps/${deploymentName} \n${table}\n`, revisions };
}
