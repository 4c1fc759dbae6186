// `kubectl drain <node>` as a client on the virtual clock: cordon, list the
// node's Pods, filter them, print the warnings (or the errors and stop), then
// evict every Pod at once (one goroutine each), retrying a 429 every 5 s, and
// wait for each Pod to be gone before printing "pod/<name> evicted".
// src: staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go (RunDrain, RunCordonOrUncordon,
// deleteOrEvictPodsSimple, the "evicted"/"drained" printers, "There are pending nodes
// to be drained"), staging/src/k8s.io/kubectl/pkg/drain/drain.go (evictPods,
// waitForDelete), cordon.go; the eviction itself is the API server's
// (pkg/registry/core/pod/storage/eviction.go).

import { asList } from '../apimachinery/json.ts';
import type { Actor } from '../apiserver/cluster.ts';
import { goDuration } from '../apimachinery/duration.ts';
import { evictPod } from './disruption/eviction.ts';
import { drainFilter } from '../kubectl/drain/filters.ts';
import type { DrainInput } from './schema.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface DrainLine { atMs: number; stream: 'stdout' | 'stderr'; text: string }
export interface EvictionAttempt { atMs: number; pod: string; code: number; pdb?: string; message?: string }
export interface DrainRecord {
  node: string;
  atMs: number;
  lines: DrainLine[];
  attempts: EvictionAttempt[];
  /** Pods in the order they were gone ("pod/<name> evicted"). */
  evictedOrder: string[];
  /** When "node/<name> drained" was printed; undefined while it still waits (or it failed). */
  drainedAtMs?: number;
  failed?: string;
  /** The filter's verdicts, for the trace. */
  filter?: { delete: string[]; warnings: string[]; errors: string[] };
}

const CMD = 'staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go';
const LIB = 'staging/src/k8s.io/kubectl/pkg/drain/drain.go';

export function kubectlDrain(d: DrainInput, record: DrainRecord): Actor {
  return {
    name: `kubectl-drain/${d.node}`,
    start(ctx) {
      const out = (text: string) => record.lines.push({ atMs: ctx.clock.now(), stream: 'stdout', text });
      const err = (text: string) => record.lines.push({ atMs: ctx.clock.now(), stream: 'stderr', text });
      const fail = (errors: string[]) => {
        const agg = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
        err(`error: unable to drain node ${JSON.stringify(d.node)} due to error: ${agg}, continuing command...`);
        err('There are pending nodes to be drained:');
        err(` ${d.node}`);
        for (const e of errors) err(e);
        record.failed = agg;
      };
      ctx.after(d.atMs, 'kubectl drain', () => {
        const node = ctx.api.peek({ apiVersion: 'v1', kind: 'Node', name: d.node }) as Obj | undefined;
        if (!node) { err(`Error from server (NotFound): nodes ${JSON.stringify(d.node)} not found`); record.failed = 'not found'; return; }
        // cordon.go: PATCH spec.unschedulable=true, unless it already is.
        if (node.spec?.unschedulable) out(`node/${d.node} already cordoned`);
        else {
          ctx.api.update({ ...node, spec: { ...node.spec, unschedulable: true } });
          out(`node/${d.node} cordoned`);
        }
        ctx.trace({ title: `kubectl drain ${d.node}: cordoned (spec.unschedulable: true), so no new Pod lands there`, source: 'staging/src/k8s.io/kubectl/pkg/drain/cordon.go', subject: `Node ${d.node}` });
        // GetPodsForDeletion: the Pods with spec.nodeName=<node>, then the filters.
        const pods = (asList(ctx.api.list('v1', 'Pod').items) as Obj[]).filter((p) => p.spec?.nodeName === d.node);
        const daemonSets = asList(ctx.api.list('apps/v1', 'DaemonSet').items);
        const f = drainFilter(pods, { ignoreDaemonSets: d.ignoreDaemonSets, deleteEmptyDirData: d.deleteEmptyDirData, force: d.force, now: ctx.clock.nowTimestamp() }, { daemonSets });
        record.filter = { delete: f.delete, warnings: f.warnings, errors: f.errors };
        for (const dec of f.decisions) {
          ctx.trace({ title: `drain filter: ${dec.pod} → ${dec.status.reason}${dec.status.message ? ` (${dec.status.message})` : ''}`, source: `staging/src/k8s.io/kubectl/pkg/drain/filters.go ${dec.status.filter}`, subject: `Pod ${dec.pod}` });
        }
        if (f.errors.length > 0) { fail(f.errors); return; }
        if (f.warnings.length > 0) err(`Warning: ${f.warnings.join('; ')}`);
        const toEvict = pods.filter((p) => f.delete.includes(`${p.metadata.namespace}/${p.metadata.name}`));
        if (toEvict.length === 0) { out(`node/${d.node} drained`); record.drainedAtMs = ctx.clock.now(); return; }
        let pending = toEvict.length;
        const errors: string[] = [];
        let timedOut = false;
        const finishOne = (e?: string) => {
          if (e) errors.push(e);
          pending--;
          if (pending > 0) return;
          if (errors.length > 0) fail(errors);
          else { out(`node/${d.node} drained`); record.drainedAtMs = ctx.clock.now(); }
        };
        if (d.timeoutMs !== undefined) ctx.after(d.timeoutMs, 'drain --timeout', () => { timedOut = true; });
        for (const pod of toEvict) {
          const { namespace, name, uid } = pod.metadata;
          const attempt = () => {
            out(`evicting pod ${namespace}/${name}`);
            if (timedOut) { finishOne(`error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(namespace)}: global timeout reached: ${goDuration(d.timeoutMs ?? 0)}`); return; }
            const current = ctx.api.peek({ apiVersion: 'v1', kind: 'Pod', namespace, name }) as Obj | undefined;
            if (!current || current.metadata.uid !== uid) { finishOne(); return; } // IsNotFound: done
            const pdbs = asList(ctx.api.list('policy/v1', 'PodDisruptionBudget', namespace).items);
            const r = evictPod(current, pdbs, { now: ctx.clock.nowTimestamp() });
            const pdbName = r.pdb ? (r.pdb.metadata as Obj).name : r.causes ? pdbs.map((p) => (p as Obj).metadata.name).find((n) => r.causes?.[0].message.includes(` ${n} `)) : undefined;
            record.attempts.push({ atMs: ctx.clock.now(), pod: `${namespace}/${name}`, code: r.code, ...(pdbName ? { pdb: pdbName } : {}), ...(r.message ? { message: r.message } : {}) });
            if (r.allowed) {
              if (r.pdb) ctx.api.updateStatus(r.pdb);
              if (r.podCondition) {
                ctx.api.updateStatus({ ...current, status: { ...current.status, conditions: [...(asList(current.status?.conditions) as Obj[]).filter((c) => c.type !== 'DisruptionTarget'), { ...r.podCondition, lastTransitionTime: ctx.clock.nowTimestamp() }] } });
              }
              ctx.api.delete({ apiVersion: 'v1', kind: 'Pod', namespace, name });
              ctx.trace({ title: `eviction of ${namespace}/${name} allowed (201)${r.path === 'decremented' ? `: PDB ${pdbName} budget consumed` : r.path === 'no-pdb' ? ': no PDB covers it' : ''}`, source: 'pkg/registry/core/pod/storage/eviction.go', subject: `Pod ${namespace}/${name}`, level: 'decision' });
              // waitForDelete: poll every second until the Pod is gone (or replaced by one with another uid).
              const poll = () => {
                const p = ctx.api.peek({ apiVersion: 'v1', kind: 'Pod', namespace, name }) as Obj | undefined;
                if (!p || p.metadata.uid !== uid) {
                  out(`pod/${name} evicted`);
                  record.evictedOrder.push(`${namespace}/${name}`);
                  finishOne();
                  return;
                }
                if (timedOut) { finishOne(`error when waiting for pod ${JSON.stringify(name)} in namespace ${JSON.stringify(namespace)} to terminate: global timeout reached: ${goDuration(d.timeoutMs ?? 0)}`); return; }
                ctx.after(1000, `wait for ${name}`, poll);
              };
              ctx.after(0, `wait for ${name}`, poll);
            } else if (r.code === 429) {
              err(`error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(namespace)} (will retry after 5s): ${r.message}`);
              ctx.trace({ title: `eviction of ${namespace}/${name} refused (429): ${r.causes?.[0]?.message ?? ''}`, source: 'pkg/registry/core/pod/storage/eviction.go checkAndDecrement', subject: `Pod ${namespace}/${name}`, level: 'warning' });
              ctx.after(5000, `retry eviction of ${name}`, attempt);
            } else {
              finishOne(`error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(namespace)}: ${r.message}`);
            }
          };
          ctx.after(0, `evict ${name}`, attempt);
        }
        ctx.trace({ title: `kubectl drain ${d.node}: evicting ${toEvict.length} Pod(s) in parallel`, source: `${LIB} evictPods`, subject: `Node ${d.node}` });
        void CMD;
      });
    },
  };
}
