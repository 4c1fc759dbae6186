// A stand-in for a CSI driver's controller plugin with the external-provisioner sidecar
// (kubernetes-csi/external-provisioner on sig-storage-lib-external-provisioner): it watches
// claims annotated volume.kubernetes.io/storage-provisioner=<its name>, calls CreateVolume
// (here: waits `provisioningMs`) and saves a PV pre-bound to the claim; the PV controller then
// binds them. For a Released PV it provisioned with reclaim policy Delete, it calls DeleteVolume
// and deletes the PV.
// src: sig-storage-lib-external-provisioner controller/controller.go (provisionClaimOperation:
//      "Provisioning", "ProvisioningSucceeded", shouldProvision, shouldDelete),
//      external-provisioner pkg/controller/controller.go (PV name "pvc-<claim uid>", topology
//      from the selected node under WaitForFirstConsumer, the deletion-protection finalizer).
//
// Simplified: one replica, no leader election, no CSIStorageCapacity, no secrets or parameters;
// a "zonal" driver gives its volumes a node affinity on topology.kubernetes.io/zone (real drivers
// use their own topology key, e.g. topology.ebs.csi.aws.com/zone).

import type { Actor, ActorContext } from '../apiserver/cluster.ts';
import type { RecordEvent } from './events.ts';
import { ANN_DYNAMICALLY_PROVISIONED, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER, claimKey, claimReference } from './pv-controller.ts';
import { claimClass } from './matching.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const PV_DELETION_PROTECTION_FINALIZER = 'external-provisioner.volume.kubernetes.io/finalizer';
export const ZONE_LABEL = 'topology.kubernetes.io/zone';
const SRC = 'sig-storage-lib-external-provisioner/controller/controller.go';

export interface ProvisionerSpec {
  name: string;
  /** CreateVolume takes this long (virtual ms). */
  provisioningMs: number;
  /** false: no controller plugin runs for this name (the class names a driver that is not installed). */
  running: boolean;
  /** Volumes live in one zone: a node affinity on topology.kubernetes.io/zone. */
  zonal: boolean;
}

const meta = (o: Obj | undefined): Obj => (o?.metadata ?? {}) as Obj;

/** The From column of its events: "<driver>_<controller Pod>_<id>", as the provisioner's identity reads. */
export const provisionerIdentity = (name: string) => `${name}_csi-controller-0_1`;

/** The zone a volume goes to: the selected node's, else the class's first allowed zone, else the first zone of the cluster's nodes. */
function chooseZone(ctx: ActorContext, claim: Obj, sc: Obj): string | undefined {
  const selected = meta(claim).annotations?.[ANN_SELECTED_NODE];
  if (selected) {
    const node = ctx.api.peek({ apiVersion: 'v1', kind: 'Node', name: selected }) as Obj | undefined;
    return meta(node).labels?.[ZONE_LABEL];
  }
  for (const term of (sc.allowedTopologies ?? []) as Obj[]) {
    for (const e of (term.matchLabelExpressions ?? []) as Obj[]) if (e.key === ZONE_LABEL && e.values?.length) return String(e.values[0]);
  }
  // Immediate binding: the driver knows nothing about where the Pod will run and picks a zone itself.
  const zones = ((ctx.api.list('v1', 'Node').items ?? []) as Obj[]).map((n) => meta(n).labels?.[ZONE_LABEL]).filter((z): z is string => typeof z === 'string').sort();
  return zones[0];
}

export function csiProvisioner(spec: ProvisionerSpec, record: RecordEvent): Actor {
  const identity = provisionerIdentity(spec.name);
  return {
    name: `csi-provisioner/${spec.name}`,
    start(ctx) {
      if (!spec.running) return;
      const api = ctx.api;
      const inFlight = new Set<string>();
      const deleting = new Set<string>();
      const trace = (title: string, subject: string, source = SRC) => ctx.trace({ title, subject, source, level: 'decision' });

      const classOf = (claim: Obj) => api.peek({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', name: claimClass(claim) }) as Obj | undefined;

      // shouldProvision: annotated for us, not bound, and under WaitForFirstConsumer only once a node is selected.
      const consider = (claim: Obj) => {
        const key = claimKey(claim);
        if (inFlight.has(key) || claim.spec?.volumeName || meta(claim).deletionTimestamp) return;
        if (meta(claim).annotations?.[ANN_STORAGE_PROVISIONER] !== spec.name) return;
        const sc = classOf(claim);
        if (!sc || sc.provisioner !== spec.name) return;
        if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !meta(claim).annotations?.[ANN_SELECTED_NODE]) return;
        inFlight.add(key);
        record({ kind: 'PersistentVolumeClaim', namespace: String(meta(claim).namespace), name: String(meta(claim).name), uid: String(meta(claim).uid ?? ''), type: 'Normal', reason: 'Provisioning', message: `External provisioner is provisioning volume for claim "${key}"`, source: identity });
        trace(`${spec.name}: CreateVolume for ${key} (${claim.spec?.resources?.requests?.storage ?? '?'}, ${(claim.spec?.accessModes ?? []).join(',')})`, `PersistentVolumeClaim ${key}`, `${SRC} provisionClaimOperation`);
        ctx.after(spec.provisioningMs, `CreateVolume ${key}`, () => {
          inFlight.delete(key);
          const now = api.peek({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: meta(claim).namespace, name: meta(claim).name }) as Obj | undefined;
          if (!now || meta(now).uid !== meta(claim).uid || now.spec?.volumeName) return;
          const pvName = `pvc-${meta(now).uid}`;
          if (api.peek({ apiVersion: 'v1', kind: 'PersistentVolume', name: pvName })) return;
          const zone = spec.zonal ? chooseZone(ctx, now, sc) : undefined;
          const reclaim = String(sc.reclaimPolicy ?? 'Delete');
          const pv: Obj = {
            apiVersion: 'v1',
            kind: 'PersistentVolume',
            metadata: {
              name: pvName,
              annotations: { [ANN_DYNAMICALLY_PROVISIONED]: spec.name },
              ...(reclaim === 'Delete' ? { finalizers: [PV_DELETION_PROTECTION_FINALIZER] } : {}),
            },
            spec: {
              accessModes: now.spec?.accessModes ?? [],
              capacity: { storage: now.spec?.resources?.requests?.storage ?? '0' },
              claimRef: claimReference(now),
              csi: { driver: spec.name, volumeHandle: `vol-${String(meta(now).uid).slice(0, 8)}`, fsType: now.spec?.volumeMode === 'Block' ? undefined : 'ext4' },
              persistentVolumeReclaimPolicy: reclaim,
              storageClassName: meta(sc).name,
              volumeMode: now.spec?.volumeMode ?? 'Filesystem',
              ...(zone ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: ZONE_LABEL, operator: 'In', values: [zone] }] }] } } } : {}),
            },
          };
          if (pv.spec.csi.fsType === undefined) delete pv.spec.csi.fsType;
          const r = api.create(pv);
          if (r.code >= 300) {
            record({ kind: 'PersistentVolumeClaim', namespace: String(meta(now).namespace), name: String(meta(now).name), uid: String(meta(now).uid ?? ''), type: 'Warning', reason: 'ProvisioningFailed', message: `failed to provision volume with StorageClass "${meta(sc).name}": ${r.message}`, source: identity });
            return;
          }
          record({ kind: 'PersistentVolumeClaim', namespace: String(meta(now).namespace), name: String(meta(now).name), uid: String(meta(now).uid ?? ''), type: 'Normal', reason: 'ProvisioningSucceeded', message: `Successfully provisioned volume ${pvName}`, source: identity });
          trace(`${spec.name}: created PersistentVolume ${pvName}${zone ? ` in zone ${zone}` : ''}, pre-bound to ${key} (claimRef with its uid); the PV controller completes the binding`, `PersistentVolume ${pvName}`, `${SRC} provisionClaimOperation`);
        });
      };

      // shouldDelete: ours, Released, reclaim policy Delete.
      const considerDelete = (pv: Obj) => {
        const name = String(meta(pv).name);
        if (deleting.has(name)) return;
        if (meta(pv).annotations?.[ANN_DYNAMICALLY_PROVISIONED] !== spec.name) return;
        if (pv.status?.phase !== 'Released' || pv.spec?.persistentVolumeReclaimPolicy !== 'Delete') return;
        deleting.add(name);
        trace(`${spec.name}: PersistentVolume ${name} is Released with reclaim policy Delete: DeleteVolume (the disk and its data are gone), then the PV object is deleted`, `PersistentVolume ${name}`, `${SRC} deleteVolumeOperation`);
        ctx.after(spec.provisioningMs, `DeleteVolume ${name}`, () => {
          const now = api.peek({ apiVersion: 'v1', kind: 'PersistentVolume', name }) as Obj | undefined;
          if (!now) return;
          api.delete({ apiVersion: 'v1', kind: 'PersistentVolume', name });
          const after = api.peek({ apiVersion: 'v1', kind: 'PersistentVolume', name }) as Obj | undefined;
          if (after && (meta(after).finalizers ?? []).includes(PV_DELETION_PROTECTION_FINALIZER)) {
            const clone = structuredClone(after);
            clone.metadata.finalizers = (clone.metadata.finalizers as string[]).filter((f) => f !== PV_DELETION_PROTECTION_FINALIZER);
            api.update(clone);
          }
        });
      };

      ctx.watch('v1', 'PersistentVolumeClaim', (e) => { if (e.type !== 'DELETED') consider(e.object as Obj); });
      ctx.watch('v1', 'PersistentVolume', (e) => { if (e.type !== 'DELETED') considerDelete(e.object as Obj); });
    },
  };
}
