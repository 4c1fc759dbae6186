// storage.k8s.io/v1 defaulting: StorageClass.
// src: pkg/apis/storage/v1/defaults.go SetDefaults_StorageClass.

import type { JsonObject } from '../../apimachinery/json.ts';
import { defaultPointer } from './fields.ts';

/** SetObjectDefaults_StorageClass: reclaimPolicy Delete, volumeBindingMode Immediate. */
export function setObjectDefaultsStorageClass(sc: JsonObject): void {
  defaultPointer(sc, 'reclaimPolicy', 'Delete');
  defaultPointer(sc, 'volumeBindingMode', 'Immediate');
}
