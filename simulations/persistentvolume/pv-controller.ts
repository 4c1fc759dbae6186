// The PersistentVolume controller of kube-controller-manager as an actor: it binds claims to
// volumes, asks an external provisioner for a volume when none fits, waits for the first
// consumer under WaitForFirstConsumer, and releases and reclaims volumes whose claim is gone.
// src: pkg/controller/volume/persistentvolume/pv_controller.go (syncClaim, syncUnboundClaim,
//      syncBoundClaim, syncVolume, bind, provisionClaim, reclaimVolume, assignDefaultStorageClass,
//      emitEventForUnboundDelayBindingClaim), pv_controller_base.go (resync every
//      --pvclaimbinder-sync-period, 15 s by default), index.go (findBestMatchForClaim).
//
// Simplified: the controller reads the API server directly where upstream reads its informer
// caches (this cluster's writes are seen at once); volume plugins are not modelled: a
// StorageClass whose provisioner starts with "kubernetes.io/" has no in-tree plugin left (as for
// kubernetes.io/no-provisioner), every other provisioner is external (CSI).

import type { Actor, ActorContext } from '../apiserver/cluster.ts';
import type { RecordEvent } from './events.ts';
import { VolumeIndex, bestMatch, claimClass, isDelayBindingMode, isVolumeBoundToClaim, checkVolumeModeMismatches, checkAccessModes, storageOf, volumeClass } from './matching.ts';
import type { BestMatchOutcome } from './matching.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// pv_helpers.go annotations and finalizers.
export const ANN_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANN_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';
export const ANN_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const ANN_STORAGE_PROVISIONER = 'volume.kubernetes.io/storage-provisioner';
export const ANN_BETA_STORAGE_PROVISIONER = 'volume.beta.kubernetes.io/storage-provisioner';
export const ANN_DYNAMICALLY_PROVISIONED = 'pv.kubernetes.io/provisioned-by';
export const ANN_DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';
export const NOT_SUPPORTED_PROVISIONER = 'kubernetes.io/no-provisioner';
/** --pvclaimbinder-sync-period default. src: pkg/controller/volume/persistentvolume/config/v1alpha1/defaults.go */
export const RESYNC_MS = 15_000;
export const SOURCE = 'persistentvolume-controller';
const SRC = 'pkg/controller/volume/persistentvolume/pv_controller.go';

export interface BindDecision {
  atMs: number;
  claim: string;
  delayBinding: boolean;
  outcome: BestMatchOutcome;
}

export interface PvControllerOptions {
  record: RecordEvent;
  onDecision?(d: BindDecision): void;
}

const meta = (o: Obj | undefined): Obj => (o?.metadata ?? {}) as Obj;
const hasAnn = (o: Obj, key: string) => Object.prototype.hasOwnProperty.call(meta(o).annotations ?? {}, key);
export const claimKey = (c: Obj) => `${meta(c).namespace ?? ''}/${meta(c).name ?? ''}`;

/** util.GetDefaultClass: the classes marked default; the newest wins when there are several. src: pkg/volume/util/storageclass.go */
export function defaultClass(classes: readonly Obj[]): Obj | undefined {
  const defaults = classes.filter((c) => meta(c).annotations?.[ANN_DEFAULT_CLASS] === 'true' || meta(c).annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true');
  defaults.sort((a, b) => String(meta(b).creationTimestamp ?? '').localeCompare(String(meta(a).creationTimestamp ?? '')) || String(meta(a).name).localeCompare(String(meta(b).name)));
  return defaults[0];
}

/** storagehelpers.PersistentVolumeClaimHasClass: the beta annotation or spec.storageClassName set (even to ""). */
export function claimHasClass(claim: Obj): boolean {
  return hasAnn(claim, 'volume.beta.kubernetes.io/storage-class') || (claim.spec?.storageClassName !== undefined && claim.spec?.storageClassName !== null);
}

/** ref.GetReference(scheme, claim): the claimRef a PV gets. */
export function claimReference(claim: Obj): Obj {
  return { kind: 'PersistentVolumeClaim', namespace: meta(claim).namespace, name: meta(claim).name, uid: meta(claim).uid, apiVersion: 'v1', resourceVersion: meta(claim).resourceVersion };
}

export function pvController(options: PvControllerOptions): Actor {
  return {
    name: SOURCE,
    start(ctx: ActorContext) {
      const api = ctx.api;
      const explainedAt = new Map<string, number>();
      const record = (claimOrVolume: Obj, type: 'Normal' | 'Warning', reason: string, message: string) =>
        options.record({ kind: claimOrVolume.kind ?? 'PersistentVolumeClaim', namespace: meta(claimOrVolume).namespace ?? '', name: meta(claimOrVolume).name ?? '', uid: String(meta(claimOrVolume).uid ?? ''), type, reason, message, source: SOURCE });
      const trace = (title: string, subject: string, source = SRC, level: 'info' | 'decision' | 'warning' = 'decision') => ctx.trace({ title, subject, source, level });
      const getClaim = (namespace: string, name: string) => api.peek({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace, name }) as Obj | undefined;
      const getVolume = (name: string) => api.peek({ apiVersion: 'v1', kind: 'PersistentVolume', name }) as Obj | undefined;
      const volumes = () => (api.list('v1', 'PersistentVolume').items ?? []) as Obj[];
      const classes = () => (api.list('storage.k8s.io/v1', 'StorageClass').items ?? []) as Obj[];
      const write = (o: Obj, status = false) => {
        const r = status ? api.updateStatus(o) : api.update(o);
        if (r.code >= 300) trace(`write of ${o.kind} ${meta(o).name} refused: ${r.message}`, `${o.kind} ${meta(o).name}`, SRC, 'warning');
        return r.code < 300 ? (r.object as Obj) : undefined;
      };

      // updateVolumePhase: only when the phase changes.
      const updateVolumePhase = (volume: Obj, phase: string, message = ''): Obj => {
        if (volume.status?.phase === phase) return volume;
        const clone = structuredClone(volume);
        clone.status = { ...(clone.status ?? {}), phase };
        if (message) clone.status.message = message;
        else delete clone.status.message;
        const out = write(clone, true) ?? volume;
        trace(`PersistentVolume ${meta(volume).name} entered phase ${phase}`, `PersistentVolume ${meta(volume).name}`, `${SRC} updateVolumePhase`, 'info');
        return out;
      };

      // updateClaimStatus: phase, and accessModes/capacity from the volume (reset without one).
      const updateClaimStatus = (claim: Obj, phase: string, volume: Obj | null): Obj => {
        const clone = structuredClone(claim);
        const status = (clone.status ??= {});
        let dirty = false;
        if (status.phase !== phase) { status.phase = phase; dirty = true; }
        if (volume === null) {
          if (status.accessModes !== undefined) { delete status.accessModes; dirty = true; }
          if (status.capacity !== undefined) { delete status.capacity; dirty = true; }
        } else {
          if (JSON.stringify(status.accessModes) !== JSON.stringify(volume.spec?.accessModes)) { status.accessModes = volume.spec?.accessModes; dirty = true; }
          if (claim.status?.phase !== phase) {
            const cap = volume.spec?.capacity?.storage;
            if (cap !== undefined && (status.capacity?.storage === undefined || storageOf(status.capacity).cmp(storageOf(volume.spec.capacity)) !== 0)) { status.capacity = volume.spec.capacity; dirty = true; }
          }
        }
        if (!dirty) return claim;
        const out = write(clone, true) ?? claim;
        if (claim.status?.phase !== phase) trace(`PersistentVolumeClaim ${claimKey(claim)} entered phase ${phase}`, `PersistentVolumeClaim ${claimKey(claim)}`, `${SRC} updateClaimStatus`, 'info');
        return out;
      };

      // updateClaimStatusWithEvent: the event only when the phase changes.
      const updateClaimStatusWithEvent = (claim: Obj, phase: string, volume: Obj | null, type: 'Normal' | 'Warning', reason: string, message: string) => {
        if (claim.status?.phase === phase) return;
        const out = updateClaimStatus(claim, phase, volume);
        record(out, type, reason, message);
      };

      // bind(): volume → claim, volume Bound, claim → volume, claim Bound.
      const bind = (volume: Obj, claim: Obj) => {
        // GetBindVolumeToClaim
        let v = volume;
        const shouldSetBoundByController = !isVolumeBoundToClaim(volume, claim);
        const ref = volume.spec?.claimRef;
        if (!ref || ref.name !== meta(claim).name || ref.namespace !== meta(claim).namespace || ref.uid !== meta(claim).uid || (shouldSetBoundByController && !hasAnn(volume, ANN_BOUND_BY_CONTROLLER))) {
          const clone = structuredClone(volume);
          clone.spec.claimRef = claimReference(claim);
          if (shouldSetBoundByController && !hasAnn(clone, ANN_BOUND_BY_CONTROLLER)) (clone.metadata.annotations ??= {})[ANN_BOUND_BY_CONTROLLER] = 'yes';
          const out = write(clone);
          if (!out) return;
          v = out;
        }
        v = updateVolumePhase(v, 'Bound');
        // bindClaimToVolume
        let c = claim;
        const shouldBindByController = !c.spec?.volumeName;
        if (c.spec?.volumeName !== meta(v).name || !hasAnn(c, ANN_BIND_COMPLETED) || (shouldBindByController && !hasAnn(c, ANN_BOUND_BY_CONTROLLER))) {
          const clone = structuredClone(c);
          clone.spec.volumeName = meta(v).name;
          const ann = (clone.metadata.annotations ??= {});
          if (shouldBindByController) ann[ANN_BOUND_BY_CONTROLLER] = 'yes';
          ann[ANN_BIND_COMPLETED] = 'yes';
          const out = write(clone);
          if (!out) return;
          c = out;
        }
        updateClaimStatus(c, 'Bound', v);
      };

      const assignDefaultStorageClass = (claim: Obj): boolean => {
        if (claimHasClass(claim)) return false;
        const sc = defaultClass(classes());
        if (!sc) return false;
        const clone = structuredClone(claim);
        clone.spec.storageClassName = meta(sc).name;
        const out = write(clone);
        if (out) trace(`no volume fits ${claimKey(claim)} and it names no class: the default StorageClass ${meta(sc).name} is assigned to it (retroactive default class)`, `PersistentVolumeClaim ${claimKey(claim)}`, `${SRC} assignDefaultStorageClass`);
        return out !== undefined;
      };

      const provisionClaim = (claim: Obj) => {
        const className = claimClass(claim);
        const sc = classes().find((c) => meta(c).name === className);
        if (!sc) {
          record(claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`);
          trace(`${claimKey(claim)}: no volume fits and StorageClass ${className} does not exist`, `PersistentVolumeClaim ${claimKey(claim)}`, `${SRC} provisionClaimOperation (findProvisionablePlugin)`, 'warning');
          return;
        }
        const provisioner = String(sc.provisioner ?? '');
        if (provisioner.startsWith('kubernetes.io/')) {
          // findProvisionablePlugin: a "kubernetes.io/" name with no in-tree plugin is an error (no-provisioner always is).
          record(claim, 'Warning', 'ProvisioningFailed', `no volume plugin matched name: ${provisioner}`);
          trace(`${claimKey(claim)}: no volume fits and class ${className} has provisioner ${provisioner}: nobody will create one (static provisioning only)`, `PersistentVolumeClaim ${claimKey(claim)}`, `${SRC} provisionClaimOperation (findProvisionablePlugin)`, 'warning');
          return;
        }
        // provisionClaimOperationExternal: setClaimProvisioner, then wait for the external provisioner.
        if (meta(claim).annotations?.[ANN_STORAGE_PROVISIONER] !== provisioner || meta(claim).annotations?.[ANN_BETA_STORAGE_PROVISIONER] !== provisioner) {
          const clone = structuredClone(claim);
          const ann = (clone.metadata.annotations ??= {});
          ann[ANN_BETA_STORAGE_PROVISIONER] = provisioner;
          ann[ANN_STORAGE_PROVISIONER] = provisioner;
          if (!write(clone)) return;
          trace(`${claimKey(claim)}: no volume fits; annotated volume.kubernetes.io/storage-provisioner=${provisioner} for the external provisioner`, `PersistentVolumeClaim ${claimKey(claim)}`, `${SRC} provisionClaimOperationExternal (setClaimProvisioner)`);
        }
        record(claim, 'Normal', 'ExternalProvisioning', `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`);
      };

      // findNonScheduledPodsByPVC: Pods of the namespace that use the claim and have no node yet.
      const nonScheduledPods = (claim: Obj): string[] => ((api.list('v1', 'Pod', meta(claim).namespace).items ?? []) as Obj[])
        .filter((p) => !p.spec?.nodeName && ((p.spec?.volumes ?? []) as Obj[]).some((v) => v.persistentVolumeClaim?.claimName === meta(claim).name || (v.ephemeral && `${meta(p).name}-${v.name}` === meta(claim).name)))
        .map((p) => String(meta(p).name));

      const syncUnboundClaim = (claim: Obj) => {
        const key = claimKey(claim);
        const subject = `PersistentVolumeClaim ${key}`;
        if (!claim.spec?.volumeName) {
          let delayBinding: boolean;
          try {
            delayBinding = isDelayBindingMode(claim, classes());
          } catch (e) {
            trace(`${key}: ${(e as Error).message}`, subject, `${SRC} syncUnboundClaim`, 'warning');
            return;
          }
          let outcome: BestMatchOutcome;
          try {
            // The reasons for every candidate are worked out again only when something changed since
            // this claim's last explained sync (a periodic resync of an unchanged cluster repeats it).
            const revision = api.storage.revision;
            if (explainedAt.get(key) === revision) outcome = new VolumeIndex(volumes()).find(claim, { delayBinding }, false);
            else {
              outcome = bestMatch(claim, volumes(), { delayBinding });
              explainedAt.set(key, revision);
              options.onDecision?.({ atMs: ctx.clock.now(), claim: key, delayBinding, outcome });
            }
          } catch (e) {
            trace(`${key}: error finding PV for claim: ${(e as Error).message}`, subject, `${SRC} syncUnboundClaim`, 'warning');
            return;
          }
          const volume = outcome.volume as Obj | null;
          if (volume === null) {
            if (assignDefaultStorageClass(claim)) return;
            if (delayBinding && !hasAnn(claim, ANN_SELECTED_NODE)) {
              const pods = nonScheduledPods(claim);
              if (pods.length === 0) record(claim, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding');
              else if (pods.length === 1) record(claim, 'Normal', 'WaitForPodScheduled', `waiting for pod ${pods[0]} to be scheduled`);
              else record(claim, 'Normal', 'WaitForPodScheduled', `waiting for pods ${pods.join(',')} to be scheduled`);
              trace(`${key}: class ${claimClass(claim)} is WaitForFirstConsumer: the controller binds only pre-bound volumes; the scheduler picks the volume (or asks for one) once a Pod that uses the claim is scheduled`, subject, `${SRC} syncUnboundClaim (emitEventForUnboundDelayBindingClaim)`, 'info');
            } else if (claimClass(claim) !== '') {
              provisionClaim(claim);
              return;
            } else {
              record(claim, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set');
              trace(`${key}: no Available volume of class "" fits and the claim has no class, so nothing can be provisioned`, subject, `${SRC} syncUnboundClaim`, 'warning');
            }
            updateClaimStatus(claim, 'Pending', null);
            return;
          }
          trace(`${key} ↔ ${meta(volume).name}: ${outcome.prebound ? 'the volume is pre-bound to this claim (claimRef)' : `the smallest Available volume of class "${claimClass(claim)}" with at least ${claim.spec?.resources?.requests?.storage ?? '0'}, searched in access-mode groups ${outcome.searched.join(' → ')}`}`, subject, 'pkg/controller/volume/persistentvolume/index.go findBestMatchForClaim');
          bind(volume, claim);
          return;
        }
        // The user asked for a specific PV.
        const volume = getVolume(claim.spec.volumeName);
        if (!volume) {
          trace(`${key} asks for volume ${claim.spec.volumeName}, which does not exist: Pending, retried later`, subject, `${SRC} syncUnboundClaim`, 'warning');
          updateClaimStatus(claim, 'Pending', null);
          return;
        }
        if (!volume.spec?.claimRef) {
          const problem = checkVolumeSatisfyClaim(volume, claim);
          if (problem) {
            record(claim, 'Warning', 'VolumeMismatch', `Cannot bind to requested volume "${meta(volume).name}": ${problem}`);
            updateClaimStatus(claim, 'Pending', null);
            return;
          }
          bind(volume, claim);
          return;
        }
        if (isVolumeBoundToClaim(volume, claim)) {
          bind(volume, claim);
          return;
        }
        if (!hasAnn(claim, ANN_BOUND_BY_CONTROLLER)) {
          record(claim, 'Warning', 'FailedBinding', `volume "${meta(volume).name}" already bound to a different claim.`);
          updateClaimStatus(claim, 'Pending', null);
        }
      };

      const syncBoundClaim = (claim: Obj) => {
        if (!claim.spec?.volumeName) {
          updateClaimStatusWithEvent(claim, 'Lost', null, 'Warning', 'ClaimLost', 'Bound claim has lost reference to PersistentVolume. Data on the volume is lost!');
          return;
        }
        const volume = getVolume(claim.spec.volumeName);
        if (!volume) {
          updateClaimStatusWithEvent(claim, 'Lost', null, 'Warning', 'ClaimLost', 'Bound claim has lost its PersistentVolume. Data on the volume is lost!');
          return;
        }
        if (!volume.spec?.claimRef || volume.spec.claimRef.uid === meta(claim).uid) {
          bind(volume, claim);
          return;
        }
        updateClaimStatusWithEvent(claim, 'Lost', null, 'Warning', 'ClaimMisbound', 'Two claims are bound to the same volume, this one is bound incorrectly');
      };

      const syncClaim = (namespace: string, name: string) => {
        const claim = getClaim(namespace, name);
        if (!claim) return;
        if (!hasAnn(claim, ANN_BIND_COMPLETED)) syncUnboundClaim(claim);
        else syncBoundClaim(claim);
      };

      const reclaimVolume = (volume: Obj) => {
        const name = String(meta(volume).name);
        const policy = String(volume.spec?.persistentVolumeReclaimPolicy ?? 'Retain');
        const subject = `PersistentVolume ${name}`;
        if (policy === 'Retain') {
          trace(`${name} is Released and its reclaim policy is Retain: nothing is done; the data stays and the volume cannot be bound again until an administrator removes spec.claimRef`, subject, `${SRC} reclaimVolume`);
          return;
        }
        if (policy === 'Delete') {
          const provisionedBy = meta(volume).annotations?.[ANN_DYNAMICALLY_PROVISIONED];
          if (provisionedBy || volume.spec?.csi) {
            trace(`${name} is Released with reclaim policy Delete: the PV controller leaves the deletion to the external provisioner${provisionedBy ? ` ${provisionedBy}` : ''} (it deletes the disk, then the PV)`, subject, `${SRC} reclaimVolume → deleteVolumeOperation`);
            return;
          }
          // No deleter: a static local/hostPath/NFS volume with Delete cannot be deleted by anyone.
          if (volume.status?.phase !== 'Failed') {
            const msg = `error getting deleter volume plugin for volume "${name}": no deletable volume plugin matched`;
            const out = updateVolumePhase(volume, 'Failed', msg);
            options.record({ kind: 'PersistentVolume', namespace: '', name, type: 'Warning', reason: 'VolumeFailedDelete', message: msg, source: SOURCE });
            trace(`${name}: reclaim policy Delete but no volume plugin can delete it: Failed`, subject, `${SRC} deleteVolumeOperation`, 'warning');
            void out;
          }
          return;
        }
        trace(`${name}: reclaim policy ${policy} (Recycle is deprecated and needs a recycler this simulation does not run)`, subject, `${SRC} reclaimVolume`, 'warning');
      };

      const syncVolume = (name: string) => {
        let volume = getVolume(name);
        if (!volume) return;
        const ref = volume.spec?.claimRef;
        if (!ref) {
          updateVolumePhase(volume, 'Available');
          return;
        }
        if (!ref.uid) {
          // Pre-bound to a claim that has not bound yet: Available, the claim's sync binds it.
          updateVolumePhase(volume, 'Available');
          return;
        }
        let claim = getClaim(String(ref.namespace ?? ''), String(ref.name ?? ''));
        if (claim && meta(claim).uid !== ref.uid) claim = undefined; // deleted and created again
        if (!claim) {
          if (volume.status?.phase !== 'Released' && volume.status?.phase !== 'Failed') {
            volume = updateVolumePhase(volume, 'Released');
            trace(`${name}: its claim ${ref.namespace}/${ref.name} is gone: Released (reclaim policy ${volume.spec?.persistentVolumeReclaimPolicy ?? 'Retain'})`, `PersistentVolume ${name}`, `${SRC} syncVolume`);
          }
          reclaimVolume(volume);
          return;
        }
        if (!claim.spec?.volumeName) {
          if (checkVolumeModeMismatches(claim.spec, volume.spec)) {
            options.record({ kind: 'PersistentVolume', namespace: '', name, type: 'Warning', reason: 'VolumeMismatch', message: `Cannot bind PersistentVolume to requested PersistentVolumeClaim "${meta(claim).name}" due to incompatible volumeMode.`, source: SOURCE });
            record(claim, 'Warning', 'VolumeMismatch', `Cannot bind PersistentVolume "${name}" to requested PersistentVolumeClaim due to incompatible volumeMode.`);
            return;
          }
          // The claim's sync finishes the binding (the provisioner only saved the PV).
          ctx.after(0, `syncClaim ${claimKey(claim)}`, () => syncClaim(String(ref.namespace), String(ref.name)));
          return;
        }
        if (claim.spec.volumeName === name) {
          updateVolumePhase(volume, 'Bound');
          return;
        }
        // The claim is bound to another volume.
        if (hasAnn(volume, ANN_DYNAMICALLY_PROVISIONED) && volume.spec?.persistentVolumeReclaimPolicy === 'Delete') {
          if (volume.status?.phase !== 'Released' && volume.status?.phase !== 'Failed') volume = updateVolumePhase(volume, 'Released');
          reclaimVolume(volume);
          return;
        }
        // unbindVolume
        const clone = structuredClone(volume);
        if (hasAnn(volume, ANN_BOUND_BY_CONTROLLER)) {
          delete clone.spec.claimRef;
          delete clone.metadata.annotations[ANN_BOUND_BY_CONTROLLER];
        } else {
          clone.spec.claimRef = { ...clone.spec.claimRef, uid: '' };
        }
        const out = write(clone);
        if (out) updateVolumePhase(out, 'Available');
      };

      const syncAll = () => {
        for (const v of volumes()) syncVolume(String(meta(v).name));
        for (const c of (api.list('v1', 'PersistentVolumeClaim').items ?? []) as Obj[]) syncClaim(String(meta(c).namespace), String(meta(c).name));
      };

      ctx.watch('v1', 'PersistentVolumeClaim', (e) => {
        const c = e.object as Obj;
        if (e.type === 'DELETED') {
          // A deleted claim: the volumes bound to it are synced (they become Released).
          for (const v of volumes()) if (v.spec?.claimRef?.name === meta(c).name && v.spec?.claimRef?.namespace === meta(c).namespace) syncVolume(String(meta(v).name));
          return;
        }
        syncClaim(String(meta(c).namespace), String(meta(c).name));
      });
      ctx.watch('v1', 'PersistentVolume', (e) => {
        const v = e.object as Obj;
        if (e.type === 'DELETED') {
          const ref = v.spec?.claimRef;
          if (ref?.name) syncClaim(String(ref.namespace ?? ''), String(ref.name));
          return;
        }
        syncVolume(String(meta(v).name));
      });
      const resync = () => {
        syncAll();
        ctx.after(RESYNC_MS, 'resync', resync);
      };
      ctx.after(RESYNC_MS, 'resync', resync);
    },
  };
}

/** checkVolumeSatisfyClaim: why a requested (spec.volumeName) volume cannot serve the claim, or null. */
export function checkVolumeSatisfyClaim(volume: Obj, claim: Obj): string | null {
  if (meta(volume).deletionTimestamp) return `the volume is marked for deletion "${meta(volume).name}"`;
  if (storageOf(volume.spec?.capacity).cmp(storageOf(claim.spec?.resources?.requests)) < 0) return 'requested PV is too small';
  if (volumeClass(volume) !== claimClass(claim)) return 'storageClassName does not match';
  if (checkVolumeModeMismatches(claim.spec, volume.spec)) return 'incompatible volumeMode';
  if (!checkAccessModes(claim, volume)) return 'incompatible accessMode';
  return null;
}
