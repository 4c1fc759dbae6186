// The garbage collector of kube-controller-manager as an actor for this
// engine's cells: when an owner kind (Deployment, ReplicaSet, DaemonSet, Job,
// CronJob) is deleted or starts terminating, it follows ownerReferences and
// deletes the dependents left without an owner (background propagation), as
// `kubectl delete job` or a CronJob's Replace and history clean-up rely on.
// The rules are the shared collector's (apiserver/garbage-collector.ts,
// from pkg/controller/garbagecollector); only the trigger is ours: it runs
// a pass after such a change instead of keeping a dependency graph.

import type { Actor } from '../apiserver/cluster.ts';
import { collectGarbage } from '../apiserver/garbage-collector.ts';

const OWNER_KINDS: readonly [string, string][] = [
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'ReplicaSet'],
  ['apps/v1', 'DaemonSet'],
  ['batch/v1', 'Job'],
  ['batch/v1', 'CronJob'],
];

export function garbageCollector(): Actor {
  return {
    name: 'garbage-collector',
    start(ctx) {
      let scheduled = false;
      const run = () => {
        if (scheduled) return;
        scheduled = true;
        ctx.after(0, 'attemptToDelete', () => {
          scheduled = false;
          for (const a of collectGarbage(ctx.api)) {
            ctx.trace({ title: `${a.action} ${a.subject}: ${a.detail}`, source: 'pkg/controller/garbagecollector/garbagecollector.go attemptToDeleteItem', subject: a.subject });
          }
        });
      };
      for (const [apiVersion, kind] of OWNER_KINDS) {
        ctx.watch(apiVersion, kind, (e) => {
          if (e.type === 'DELETED' || (e.object.metadata as { deletionTimestamp?: string } | undefined)?.deletionTimestamp) run();
        });
      }
    },
  };
}
