// Builders transcribing upstream's test fixtures, at Kubernetes v1.36:
// pkg/controller/volume/persistentvolume/index_test.go (makePVC, makeVolumeModePVC, createTestVolumes,
// testVolume, createVolumeMode*TestVolume) and
// staging/src/k8s.io/component-helpers/storage/volume/pv_helpers_test.go (makeTestVolume,
// makeTestPersistentVolumeClaim, makeNodeAffinity).
import type { PersistentVolume, PersistentVolumeClaim } from '../../../simulations/index.ts';

export const RWO = 'ReadWriteOnce';
export const ROX = 'ReadOnlyMany';
export const RWX = 'ReadWriteMany';

type Mod<T> = ((o: T) => void) | null;

/** index_test.go makePVC: claim01 in myns, [ROX, RWO], Filesystem. */
export function makePVC(size: string, modfn: Mod<PersistentVolumeClaim> = null): PersistentVolumeClaim {
  const pvc: PersistentVolumeClaim = {
    metadata: { name: 'claim01', namespace: 'myns' },
    spec: { accessModes: [ROX, RWO], resources: { requests: { storage: size } }, volumeMode: 'Filesystem' },
  };
  modfn?.(pvc);
  return pvc;
}

/** index_test.go makeVolumeModePVC: [RWO], the given mode (null: unset). */
export function makeVolumeModePVC(size: string, mode: string | null): PersistentVolumeClaim {
  const spec: PersistentVolumeClaim['spec'] = { accessModes: [RWO], resources: { requests: { storage: size } } };
  if (mode !== null) spec.volumeMode = mode;
  return { metadata: { name: 'claim01', namespace: 'myns' }, spec };
}

export function nodeAffinity(key: string, value: string) {
  return { required: { nodeSelectorTerms: [{ matchExpressions: [{ key, operator: 'In', values: [value] }] }] } };
}

interface PvOpts {
  uid?: string;
  name: string;
  size: string;
  modes: string[];
  phase?: string | null;
  claimRef?: Record<string, string>;
  labels?: Record<string, string>;
  storageClassName?: string;
  nodeAffinity?: unknown;
  volumeMode?: string | null;
}

export function pv(o: PvOpts): PersistentVolume {
  const spec: PersistentVolume['spec'] = { capacity: { storage: o.size }, accessModes: o.modes, local: {} };
  if (o.volumeMode !== null) spec.volumeMode = o.volumeMode ?? 'Filesystem';
  if (o.claimRef) spec.claimRef = o.claimRef;
  if (o.storageClassName) spec.storageClassName = o.storageClassName;
  if (o.nodeAffinity) spec.nodeAffinity = o.nodeAffinity;
  const metadata: PersistentVolume['metadata'] = { name: o.name };
  if (o.uid !== undefined) metadata.uid = o.uid;
  if (o.labels) metadata.labels = o.labels;
  const out: PersistentVolume = { metadata, spec };
  if (o.phase !== null) out.status = { phase: o.phase ?? 'Available' };
  return out;
}

/** index_test.go createTestVolumes (deliberately out of order). */
export function createTestVolumes(): PersistentVolume[] {
  return [
    pv({ uid: 'gce-pd-10', name: 'gce003', size: '10G', modes: [RWO, ROX] }),
    pv({ uid: 'gce-pd-20', name: 'gce004', size: '20G', modes: [RWO, ROX], claimRef: { uid: 'def456' }, phase: 'Bound' }),
    pv({ uid: 'nfs-5', name: 'nfs002', size: '5G', modes: [RWO, ROX, RWX] }),
    pv({ uid: 'gce-pd-1', name: 'gce001', size: '1G', modes: [RWO, ROX], claimRef: { uid: 'abc123' }, phase: 'Bound' }),
    pv({ uid: 'nfs-10', name: 'nfs003', size: '10G', modes: [RWO, ROX, RWX] }),
    pv({ uid: 'gce-pd-5', name: 'gce002', size: '5G', modes: [RWO, ROX] }),
    pv({ uid: 'nfs-1', name: 'nfs001', size: '1G', modes: [RWO, ROX, RWX] }),
    pv({ uid: 'gce-pd-2', name: 'gce0022', size: '20000G', modes: [RWO], labels: { 'should-exist': 'true' } }),
    pv({ uid: 'gce-pd-silver1', name: 'gce0023', size: '10000G', modes: [RWO], labels: { 'should-exist': 'true' }, storageClassName: 'silver' }),
    pv({ uid: 'gce-pd-silver2', name: 'gce0024', size: '100G', modes: [RWO], storageClassName: 'silver' }),
    pv({ uid: 'gce-pd-gold', name: 'gce0025', size: '50G', modes: [RWO], storageClassName: 'gold' }),
    pv({ uid: 'local-pd-very-large', name: 'local001', size: '200E', modes: [RWO, ROX, RWX], storageClassName: 'large' }),
    pv({ uid: 'local-pd-extremely-large', name: 'local002', size: '800E', modes: [RWO, ROX, RWX], storageClassName: 'large' }),
    pv({ uid: 'affinity-pv', name: 'affinity001', size: '100G', modes: [RWO, ROX], storageClassName: 'wait', nodeAffinity: nodeAffinity('key1', 'value1') }),
    pv({ uid: 'affinity-pv2', name: 'affinity002', size: '150G', modes: [RWO, ROX], storageClassName: 'wait', nodeAffinity: nodeAffinity('key1', 'value1') }),
    pv({ uid: 'affinity-prebound', name: 'affinity003', size: '100G', modes: [RWO, ROX], storageClassName: 'wait', claimRef: { name: 'claim02', namespace: 'myns' }, nodeAffinity: nodeAffinity('key1', 'value1') }),
    pv({ uid: 'affinity-pv3', name: 'affinity003', size: '200G', modes: [RWO, ROX], storageClassName: 'wait', nodeAffinity: nodeAffinity('key1', 'value3') }),
    pv({ uid: 'affinity-pv4-pending', name: 'affinity004-pending', size: '200G', modes: [RWO, ROX], storageClassName: 'wait', nodeAffinity: nodeAffinity('key1', 'value4'), phase: 'Pending' }),
    pv({ uid: 'affinity-pv4-failed', name: 'affinity004-failed', size: '200G', modes: [RWO, ROX], storageClassName: 'wait', nodeAffinity: nodeAffinity('key1', 'value4'), phase: 'Failed' }),
    pv({ uid: 'affinity-pv4-released', name: 'affinity004-released', size: '200G', modes: [RWO, ROX], storageClassName: 'wait', nodeAffinity: nodeAffinity('key1', 'value4'), phase: 'Released' }),
    pv({ uid: 'affinity-pv4-empty', name: 'affinity004-empty', size: '200G', modes: [RWO, ROX], storageClassName: 'wait', nodeAffinity: nodeAffinity('key1', 'value4'), phase: null }),
  ];
}

/** index_test.go testVolume: hostPath, RWO, Filesystem, Available. */
export const testVolume = (name: string, size: string) => pv({ name, size, modes: [RWO] });

export const blockVolume = () => pv({ uid: 'local-1', name: 'block', size: '10G', modes: [RWO], volumeMode: 'Block' });
export const filesystemVolume = () => pv({ uid: 'local-1', name: 'block', size: '10G', modes: [RWO], volumeMode: 'Filesystem' });
export const nilModeVolume = () => pv({ uid: 'local-1', name: 'nil-mode', size: '10G', modes: [RWO], volumeMode: null });

/** pv_helpers_test.go makeTestVolume: Local, [RWO, ROX], Filesystem; Available when `available`. */
export function makeTestVolume(uid: string, name: string, capacity: string, available: boolean, mod: Mod<PersistentVolume> = null): PersistentVolume {
  const v = pv({ uid, name, size: capacity, modes: [RWO, ROX], phase: available ? 'Available' : null });
  mod?.(v);
  return v;
}

/** pv_helpers_test.go makeTestPersistentVolumeClaim: myns, class "wait", Filesystem. */
export function makeTestPersistentVolumeClaim(name: string, size: string, accessModes: string[], mod: Mod<PersistentVolumeClaim> = null): PersistentVolumeClaim {
  const c: PersistentVolumeClaim = {
    metadata: { name, namespace: 'myns' },
    spec: { accessModes, resources: { requests: { storage: size } }, storageClassName: 'wait', volumeMode: 'Filesystem' },
  };
  mod?.(c);
  return c;
}

export const node = (labels: Record<string, string>) => ({ metadata: { labels } });
export const uidOf = (v: PersistentVolume | string | null): string => (v === null ? '' : typeof v === 'string' ? v : String(v.metadata?.uid ?? ''));
