// The shapes this engine reads: Kubernetes manifests in API JSON form, read defensively
// (the public functions are called directly, so any field may be missing or of the wrong type).

export interface ObjectMetaLike {
  name?: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  deletionTimestamp?: string | null;
  creationTimestamp?: string;
  finalizers?: string[];
  [k: string]: unknown;
}

export interface ClaimSpec {
  accessModes?: string[];
  resources?: { requests?: Record<string, string | number>; [k: string]: unknown };
  storageClassName?: string | null;
  volumeMode?: string | null;
  volumeName?: string;
  selector?: unknown;
  volumeAttributesClassName?: string | null;
  [k: string]: unknown;
}

export interface VolumeSpec {
  accessModes?: string[];
  capacity?: Record<string, string | number>;
  storageClassName?: string;
  volumeMode?: string | null;
  claimRef?: { name?: string; namespace?: string; uid?: string; [k: string]: unknown } | null;
  nodeAffinity?: unknown;
  persistentVolumeReclaimPolicy?: string;
  volumeAttributesClassName?: string | null;
  [k: string]: unknown;
}

export interface PersistentVolumeClaim {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMetaLike;
  spec?: ClaimSpec;
  status?: { phase?: string; [k: string]: unknown };
  [k: string]: unknown;
}

export interface PersistentVolume {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMetaLike;
  spec?: VolumeSpec;
  status?: { phase?: string; [k: string]: unknown };
  [k: string]: unknown;
}

export interface StorageClass {
  metadata?: ObjectMetaLike;
  provisioner?: string;
  volumeBindingMode?: string | null;
  reclaimPolicy?: string;
  allowVolumeExpansion?: boolean;
  allowedTopologies?: unknown;
  parameters?: Record<string, string>;
  [k: string]: unknown;
}

export interface NodeLike {
  metadata?: ObjectMetaLike;
  [k: string]: unknown;
}
