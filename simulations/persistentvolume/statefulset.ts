// A stand-in for the StatefulSet controller's storage-facing behaviour: claims from
// volumeClaimTemplates named <template>-<set>-<ordinal>, created before the Pod; Pods created
// in order (OrderedReady: the next only when the previous ones are Running and Ready) or all at
// once (Parallel); scale-down removes the highest ordinal first; the claims stay unless
// persistentVolumeClaimRetentionPolicy says Delete (whenScaled: the Pod becomes the claim's
// owner before it is deleted; whenDeleted: the StatefulSet owns its claims), and the garbage
// collector removes them with their owner.
// src: pkg/controller/statefulset/stateful_set_utils.go (getPersistentVolumeClaimName,
//      getPersistentVolumeClaims, newStatefulSetPod, updateClaimOwnerRefForSetAndPod),
//      stateful_set_control.go (updateStatefulSet: create, then condemned Pods, monotonic),
//      stateful_pod_control.go (recordPodEvent, recordClaimEvent).
// Simplified: no revisions or rolling updates, no minReadySeconds, no start ordinal.

import type { Actor } from '../apiserver/cluster.ts';
import { collectGarbage } from '../apiserver/garbage-collector.ts';
import type { RecordEvent } from './events.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const meta = (o: Obj | undefined): Obj => (o?.metadata ?? {}) as Obj;
const SRC = 'pkg/controller/statefulset';

/** getPersistentVolumeClaimName: "<template>-<set>-<ordinal>". */
export const claimNameFor = (template: string, set: string, ordinal: number) => `${template}-${set}-${ordinal}`;

const isReady = (p: Obj) => p.status?.phase === 'Running' && ((p.status?.conditions ?? []) as Obj[]).some((c) => c.type === 'Ready' && c.status === 'True');

export function statefulSetController(record: RecordEvent): Actor {
  return {
    name: 'statefulset-controller',
    start(ctx) {
      const api = ctx.api;
      const ownerRef = (o: Obj, kind: string, apiVersion: string, controller = true) => ({ apiVersion, kind, name: meta(o).name, uid: meta(o).uid, controller, blockOwnerDeletion: true });
      const event = (set: Obj, type: 'Normal' | 'Warning', reason: string, message: string) => record({ kind: 'StatefulSet', namespace: String(meta(set).namespace), name: String(meta(set).name), type, reason, message, source: 'statefulset-controller' });

      const sync = (namespace: string, name: string) => {
        const set = api.peek({ apiVersion: 'apps/v1', kind: 'StatefulSet', namespace, name }) as Obj | undefined;
        if (!set || meta(set).deletionTimestamp) return;
        const replicas = typeof set.spec?.replicas === 'number' ? set.spec.replicas : 1;
        const parallel = set.spec?.podManagementPolicy === 'Parallel';
        const templates = (set.spec?.volumeClaimTemplates ?? []) as Obj[];
        const retention = set.spec?.persistentVolumeClaimRetentionPolicy ?? {};
        const pods = ((api.list('v1', 'Pod', namespace).items ?? []) as Obj[]).filter((p) => (meta(p).ownerReferences ?? []).some((r: Obj) => r.uid === meta(set).uid));
        const byOrdinal = new Map<number, Obj>();
        for (const p of pods) {
          const m = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)$`).exec(String(meta(p).name));
          if (m) byOrdinal.set(Number(m[1]), p);
        }
        // Create the missing Pods of ordinals 0..replicas-1, in order.
        for (let i = 0; i < replicas; i++) {
          const existing = byOrdinal.get(i);
          if (existing) {
            if (!parallel && (!isReady(existing) || meta(existing).deletionTimestamp)) return; // monotonic: wait for it
            continue;
          }
          const podName = `${name}-${i}`;
          for (const t of templates) {
            const claimName = claimNameFor(String(meta(t).name), name, i);
            if (api.peek({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace, name: claimName })) continue;
            const labels = { ...(meta(t).labels ?? {}), ...(set.spec?.selector?.matchLabels ?? {}) };
            const claim: Obj = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: claimName, namespace, labels, ...(meta(t).annotations ? { annotations: meta(t).annotations } : {}) }, spec: structuredClone(t.spec ?? {}) };
            if (retention.whenDeleted === 'Delete') claim.metadata.ownerReferences = [ownerRef(set, 'StatefulSet', 'apps/v1')];
            const r = api.create(claim);
            if (r.code < 300) {
              event(set, 'Normal', 'SuccessfulCreate', `create Claim ${claimName} Pod ${podName} in StatefulSet ${name} success`);
              ctx.trace({ title: `StatefulSet ${name}: claim ${claimName} created from volumeClaimTemplate ${meta(t).name} before Pod ${podName}`, subject: `StatefulSet ${namespace}/${name}`, source: `${SRC}/stateful_set_utils.go getPersistentVolumeClaims`, level: 'decision' });
            } else {
              event(set, 'Warning', 'FailedCreate', `create Claim ${claimName} for Pod ${podName} in StatefulSet ${name} failed error: ${r.message}`);
              return;
            }
          }
          const template = structuredClone(set.spec?.template ?? {});
          const spec = template.spec ?? {};
          const claimVolumes = templates.map((t) => ({ name: meta(t).name, persistentVolumeClaim: { claimName: claimNameFor(String(meta(t).name), name, i) } }));
          spec.volumes = [...((spec.volumes ?? []) as Obj[]).filter((v) => !templates.some((t) => meta(t).name === v.name)), ...claimVolumes];
          spec.hostname = podName;
          if (set.spec?.serviceName) spec.subdomain = set.spec.serviceName;
          const pod: Obj = {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { name: podName, namespace, labels: { ...(template.metadata?.labels ?? {}), 'apps.kubernetes.io/pod-index': String(i), 'statefulset.kubernetes.io/pod-name': podName }, ownerReferences: [ownerRef(set, 'StatefulSet', 'apps/v1')] },
            spec,
          };
          const r = api.create(pod);
          if (r.code < 300) event(set, 'Normal', 'SuccessfulCreate', `create Pod ${podName} in StatefulSet ${name} successful`);
          else event(set, 'Warning', 'FailedCreate', `create Pod ${podName} in StatefulSet ${name} failed error: ${r.message}`);
          if (!parallel) return;
        }
        // Condemned Pods: the highest ordinal first, one at a time unless Parallel.
        const condemned = [...byOrdinal.entries()].filter(([i]) => i >= replicas).sort((a, b) => b[0] - a[0]);
        for (const [i, p] of condemned) {
          if (meta(p).deletionTimestamp) { if (!parallel) return; continue; }
          if (retention.whenScaled === 'Delete') {
            for (const t of templates) {
              const claimName = claimNameFor(String(meta(t).name), name, i);
              const c = api.peek({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace, name: claimName }) as Obj | undefined;
              if (!c || (meta(c).ownerReferences ?? []).some((r: Obj) => r.uid === meta(p).uid)) continue;
              const clone = structuredClone(c);
              clone.metadata.ownerReferences = [...((clone.metadata.ownerReferences ?? []) as Obj[]).filter((r) => r.kind !== 'Pod'), ownerRef(p, 'Pod', 'v1', false)];
              api.update(clone);
              ctx.trace({ title: `StatefulSet ${name}: whenScaled is Delete, so Pod ${meta(p).name} becomes the owner of ${claimName}; the garbage collector deletes the claim after the Pod`, subject: `StatefulSet ${namespace}/${name}`, source: `${SRC}/stateful_set_utils.go updateClaimOwnerRefForSetAndPod`, level: 'decision' });
            }
          } else if (templates.length > 0) {
            ctx.trace({ title: `StatefulSet ${name}: Pod ${meta(p).name} is removed by the scale-down; its claims ${templates.map((t) => claimNameFor(String(meta(t).name), name, i)).join(', ')} stay (persistentVolumeClaimRetentionPolicy.whenScaled: ${retention.whenScaled ?? 'Retain'}) and are reused if the set grows again`, subject: `StatefulSet ${namespace}/${name}`, source: `${SRC}/stateful_set_control.go`, level: 'decision' });
          }
          api.delete({ apiVersion: 'v1', kind: 'Pod', namespace, name: meta(p).name });
          event(set, 'Normal', 'SuccessfulDelete', `delete Pod ${meta(p).name} in StatefulSet ${name} successful`);
          if (!parallel) return;
        }
      };

      const ownerOf = (p: Obj) => ((meta(p).ownerReferences ?? []) as Obj[]).find((r) => r.kind === 'StatefulSet' && r.controller);
      ctx.watch('apps/v1', 'StatefulSet', (e) => {
        const s = e.object as Obj;
        if (e.type === 'DELETED' || meta(s).deletionTimestamp) {
          for (const a of collectGarbage(api)) ctx.trace({ title: `${a.action} ${a.subject}: ${a.detail}`, source: 'pkg/controller/garbagecollector/garbagecollector.go attemptToDeleteItem', subject: a.subject });
          return;
        }
        sync(String(meta(s).namespace), String(meta(s).name));
      });
      ctx.watch('v1', 'Pod', (e) => {
        const ref = ownerOf(e.object as Obj);
        if (ref) sync(String(meta(e.object as Obj).namespace), String(ref.name));
      });
    },
  };
}

/**
 * The ephemeral volume controller: a Pod's generic ephemeral volume gets a claim
 * "<pod>-<volume>" owned by the Pod, deleted with it by the garbage collector.
 * src: pkg/controller/volume/ephemeral/controller.go (handleVolume), component-helpers
 *      storage/ephemeral (VolumeClaimName)
 */
export function ephemeralVolumeController(record: RecordEvent): Actor {
  return {
    name: 'ephemeral-volume-controller',
    start(ctx) {
      ctx.watch('v1', 'Pod', (e) => {
        if (e.type === 'DELETED') return;
        const pod = e.object as Obj;
        if (meta(pod).deletionTimestamp) return;
        for (const v of (pod.spec?.volumes ?? []) as Obj[]) {
          const tpl = v.ephemeral?.volumeClaimTemplate;
          if (!tpl) continue;
          const name = `${meta(pod).name}-${v.name}`;
          const existing = ctx.api.peek({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: meta(pod).namespace, name }) as Obj | undefined;
          if (existing) {
            if (!((meta(existing).ownerReferences ?? []) as Obj[]).some((r) => r.uid === meta(pod).uid)) {
              record({ kind: 'Pod', namespace: String(meta(pod).namespace), name: String(meta(pod).name), uid: String(meta(pod).uid ?? ''), type: 'Warning', reason: 'FailedBinding', message: `PVC ${meta(pod).namespace}/${name} was not created for the pod`, source: 'ephemeral_volume' });
            }
            continue;
          }
          ctx.api.create({
            apiVersion: 'v1',
            kind: 'PersistentVolumeClaim',
            metadata: { name, namespace: meta(pod).namespace, labels: tpl.metadata?.labels, annotations: tpl.metadata?.annotations, ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: meta(pod).name, uid: meta(pod).uid, controller: true, blockOwnerDeletion: true }] },
            spec: structuredClone(tpl.spec ?? {}),
          });
          ctx.trace({ title: `generic ephemeral volume ${v.name} of Pod ${meta(pod).name}: claim ${name} created, owned by the Pod`, subject: `Pod ${meta(pod).namespace}/${meta(pod).name}`, source: 'pkg/controller/volume/ephemeral/controller.go handleVolume', level: 'decision' });
        }
      });
    },
  };
}
