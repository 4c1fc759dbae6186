// The storage-object-in-use protection controllers: a claim a scheduled Pod still uses, or a
// volume still Bound, is not removed when deleted; it stays Terminating until it is free.
// src: pkg/controller/volume/pvcprotection/pvc_protection_controller.go (processPVC,
//      podUsesPVC: only scheduled, non-terminated Pods count), pkg/controller/volume/pvprotection/
//      pv_protection_controller.go (isBeingUsed: status.phase Bound),
//      pkg/util/slice and pkg/volume/util/finalizer.go (the finalizer names).
// Simplified: upstream's StorageObjectInUseProtection admission plugin adds the finalizer at
// create; here the controllers add it on the first sync (they do that upstream too).

import type { Actor } from '../apiserver/cluster.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';

const meta = (o: Obj | undefined): Obj => (o?.metadata ?? {}) as Obj;

/** The claim names a Pod uses: persistentVolumeClaim volumes, and "<pod>-<volume>" for generic ephemeral volumes. */
export function claimNamesOf(pod: Obj): string[] {
  return ((pod.spec?.volumes ?? []) as Obj[]).flatMap((v) => (v.persistentVolumeClaim?.claimName ? [String(v.persistentVolumeClaim.claimName)] : v.ephemeral ? [`${meta(pod).name}-${v.name}`] : []));
}

const terminal = (pod: Obj) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

export function pvcProtectionController(): Actor {
  return {
    name: 'pvc-protection-controller',
    start(ctx) {
      const api = ctx.api;
      const SRC = 'pkg/controller/volume/pvcprotection/pvc_protection_controller.go';
      const usedBy = (claim: Obj) => ((api.list('v1', 'Pod', meta(claim).namespace).items ?? []) as Obj[])
        .filter((p) => p.spec?.nodeName && !terminal(p) && claimNamesOf(p).includes(String(meta(claim).name)))
        .map((p) => String(meta(p).name));
      const process = (namespace: string, name: string) => {
        const claim = api.peek({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace, name }) as Obj | undefined;
        if (!claim) return;
        const finalizers = (meta(claim).finalizers ?? []) as string[];
        const has = finalizers.includes(PVC_PROTECTION_FINALIZER);
        if (meta(claim).deletionTimestamp) {
          if (!has) return;
          const pods = usedBy(claim);
          if (pods.length > 0) {
            ctx.trace({ title: `${namespace}/${name} is being deleted but Pod ${pods.join(', ')} uses it: it stays Terminating`, subject: `PersistentVolumeClaim ${namespace}/${name}`, source: `${SRC} processPVC`, level: 'info' });
            return;
          }
          const clone = structuredClone(claim);
          clone.metadata.finalizers = finalizers.filter((f) => f !== PVC_PROTECTION_FINALIZER);
          api.update(clone);
          ctx.trace({ title: `${namespace}/${name} is no longer used by any scheduled Pod: finalizer ${PVC_PROTECTION_FINALIZER} removed, the claim is deleted`, subject: `PersistentVolumeClaim ${namespace}/${name}`, source: `${SRC} removeFinalizer`, level: 'decision' });
          return;
        }
        if (!has) {
          const clone = structuredClone(claim);
          clone.metadata.finalizers = [...finalizers, PVC_PROTECTION_FINALIZER];
          api.update(clone);
        }
      };
      ctx.watch('v1', 'PersistentVolumeClaim', (e) => { if (e.type !== 'DELETED') process(String(meta(e.object).namespace), String(meta(e.object).name)); });
      // A Pod that ends or goes may free the claims it used.
      ctx.watch('v1', 'Pod', (e) => {
        const pod = e.object as Obj;
        if (e.type === 'DELETED' || terminal(pod) || meta(pod).deletionTimestamp) for (const c of claimNamesOf(pod)) process(String(meta(pod).namespace), c);
      });
    },
  };
}

export function pvProtectionController(): Actor {
  return {
    name: 'pv-protection-controller',
    start(ctx) {
      const api = ctx.api;
      const SRC = 'pkg/controller/volume/pvprotection/pv_protection_controller.go';
      const process = (name: string) => {
        const pv = api.peek({ apiVersion: 'v1', kind: 'PersistentVolume', name }) as Obj | undefined;
        if (!pv) return;
        const finalizers = (meta(pv).finalizers ?? []) as string[];
        const has = finalizers.includes(PV_PROTECTION_FINALIZER);
        if (meta(pv).deletionTimestamp) {
          if (!has) return;
          if (pv.status?.phase === 'Bound') {
            ctx.trace({ title: `PersistentVolume ${name} is being deleted but is still Bound: it stays Terminating`, subject: `PersistentVolume ${name}`, source: `${SRC} processPV (isBeingUsed)`, level: 'info' });
            return;
          }
          const clone = structuredClone(pv);
          clone.metadata.finalizers = finalizers.filter((f) => f !== PV_PROTECTION_FINALIZER);
          api.update(clone);
          return;
        }
        if (!has) {
          const clone = structuredClone(pv);
          clone.metadata.finalizers = [...finalizers, PV_PROTECTION_FINALIZER];
          api.update(clone);
        }
      };
      ctx.watch('v1', 'PersistentVolume', (e) => { if (e.type !== 'DELETED') process(String(meta(e.object).name)); });
    },
  };
}
