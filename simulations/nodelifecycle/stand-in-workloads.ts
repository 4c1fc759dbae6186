// Stand-ins for the Deployment, ReplicaSet and StatefulSet controllers, reduced
// to what this chapter needs: a Pod deleted from a lost or drained node is
// replaced. Chapter 7 (simulations/controllers/) has the real Deployment and
// ReplicaSet controllers; the layering rule (a chapter engine imports only the
// shared libraries) keeps this engine from using them, so:
//  - Deployment → one ReplicaSet "<name>-<pod-template-hash>" with its replicas
//    (no rolling updates: the template is not expected to change here);
//  - ReplicaSet → keeps spec.replicas active Pods (not being deleted, not
//    finished), creating "<rs>-<random>" Pods from its template
//    (src: pkg/controller/replicaset/replica_set.go manageReplicas, FilterActivePods);
//  - StatefulSet → one Pod per ordinal "<name>-<i>", created only when no Pod of
//    that name exists, terminating or not: at most one Pod per identity
//    (src: pkg/controller/statefulset/stateful_set_control.go; Parallel policy, no volumes).

import { asList, asObject, asString } from '../apimachinery/json.ts';
import type { Actor } from '../apiserver/cluster.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';
/** A stable pod-template-hash (FNV-32a of the template's JSON, in rand.SafeEncodeString's alphabet). */
function templateHash(template: unknown): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(JSON.stringify(template))) { h ^= byte; h = Math.imul(h, 0x01000193) >>> 0; }
  let out = '';
  for (const ch of String(h >>> 0)) out += ALPHANUMS[ch.codePointAt(0)! % ALPHANUMS.length];
  return out;
}

const controllerRef = (o: Obj) => ({ apiVersion: asString(o.apiVersion), kind: asString(o.kind), name: o.metadata.name, uid: o.metadata.uid, controller: true, blockOwnerDeletion: true });
const ownedBy = (p: Obj, uid: string) => (asList(p.metadata?.ownerReferences) as Obj[]).some((r) => r.controller === true && r.uid === uid);
const active = (p: Obj) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed';

export function standInWorkloads(onEvent: (e: { atMs: number; type: 'Normal'; reason: string; object: string; message: string; source: string }) => void): Actor {
  return {
    name: 'workload-controllers',
    start(ctx) {
      let queued = false;
      const sync = () => {
        queued = false;
        const ns = (o: Obj) => asString(o.metadata?.namespace) || 'default';
        for (const d of asList(ctx.api.list('apps/v1', 'Deployment').items) as Obj[]) {
          const hash = templateHash(d.spec?.template);
          const name = `${d.metadata.name}-${hash}`;
          const rs = ctx.api.peek({ apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace: ns(d), name }) as Obj | undefined;
          const labels = { ...(asObject(d.spec?.template?.metadata?.labels) ?? {}), 'pod-template-hash': hash };
          if (!rs) {
            ctx.api.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name, namespace: ns(d), labels, ownerReferences: [controllerRef(d)] },
              spec: { replicas: d.spec?.replicas ?? 1, selector: { matchLabels: { ...(asObject(d.spec?.selector?.matchLabels) ?? {}), 'pod-template-hash': hash } }, template: { ...d.spec.template, metadata: { ...(d.spec.template.metadata ?? {}), labels } } } });
            onEvent({ atMs: ctx.clock.now(), type: 'Normal', reason: 'ScalingReplicaSet', object: `deployment/${d.metadata.name}`, message: `Scaled up replica set ${name} from 0 to ${d.spec?.replicas ?? 1}`, source: 'pkg/controller/deployment/sync.go (stand-in)' });
          }
        }
        const pods = asList(ctx.api.list('v1', 'Pod').items) as Obj[];
        for (const rs of asList(ctx.api.list('apps/v1', 'ReplicaSet').items) as Obj[]) {
          const mine = pods.filter((p) => ownedBy(p, rs.metadata.uid) && active(p));
          const want = typeof rs.spec?.replicas === 'number' ? rs.spec.replicas : 1;
          for (let i = mine.length; i < want; i++) {
            const r = ctx.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { generateName: `${rs.metadata.name}-`, namespace: ns(rs), labels: { ...(asObject(rs.spec?.template?.metadata?.labels) ?? {}) }, ownerReferences: [controllerRef(rs)] },
              spec: rs.spec?.template?.spec ?? {} });
            const podName = asString(asObject(r.object?.metadata)?.name);
            onEvent({ atMs: ctx.clock.now(), type: 'Normal', reason: 'SuccessfulCreate', object: `replicaset/${rs.metadata.name}`, message: `Created pod: ${podName}`, source: 'pkg/controller/replicaset/replica_set.go (stand-in)' });
            if (ctx.clock.now() > 0) ctx.trace({ title: `ReplicaSet ${rs.metadata.name} has ${mine.length} active Pod(s) of ${want}: creates ${podName}`, detail: 'Pods being deleted do not count (FilterActivePods): the replacement is created as soon as the old one is marked for deletion', source: 'pkg/controller/replicaset/replica_set.go manageReplicas', subject: `ReplicaSet ${rs.metadata.name}` });
          }
        }
        for (const ss of asList(ctx.api.list('apps/v1', 'StatefulSet').items) as Obj[]) {
          const want = typeof ss.spec?.replicas === 'number' ? ss.spec.replicas : 1;
          for (let i = 0; i < want; i++) {
            const name = `${ss.metadata.name}-${i}`;
            const existing = pods.find((p) => p.metadata.name === name && ns(p) === ns(ss));
            if (existing) {
              if (existing.metadata.deletionTimestamp && !waiting.has(name)) {
                waiting.add(name);
                ctx.trace({ title: `StatefulSet ${ss.metadata.name} waits: ${name} is still Terminating`, detail: 'at most one Pod per identity: a new one is created only once the old object is gone', source: 'pkg/controller/statefulset/stateful_set_control.go', subject: `StatefulSet ${ss.metadata.name}`, level: 'warning' });
              }
              continue;
            }
            waiting.delete(name);
            ctx.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns(ss), labels: { ...(asObject(ss.spec?.template?.metadata?.labels) ?? {}), 'statefulset.kubernetes.io/pod-name': name }, ownerReferences: [controllerRef(ss)] },
              spec: { ...(ss.spec?.template?.spec ?? {}), hostname: name, ...(ss.spec?.serviceName ? { subdomain: ss.spec.serviceName } : {}) } });
            onEvent({ atMs: ctx.clock.now(), type: 'Normal', reason: 'SuccessfulCreate', object: `statefulset/${ss.metadata.name}`, message: `create Pod ${name} in StatefulSet ${ss.metadata.name} successful`, source: 'pkg/controller/statefulset/stateful_pod_control.go (stand-in)' });
          }
        }
      };
      const waiting = new Set<string>();
      const kick = () => { if (queued) return; queued = true; ctx.after(0, 'sync workloads', sync); };
      ctx.watch('apps/v1', 'Deployment', kick);
      ctx.watch('apps/v1', 'ReplicaSet', kick);
      ctx.watch('apps/v1', 'StatefulSet', kick);
      ctx.watch('v1', 'Pod', kick);
    },
  };
}
