// The storage.k8s.io/v1 StorageClass's validation, as its registry strategy calls it.
// src: pkg/registry/storage/storageclass/strategy.go

import type { ValidationTable } from '../types.ts';
import { validateStorageClass, validateStorageClassUpdate } from './storage-class.ts';

export const STORAGE_VALIDATION: ValidationTable = {
  'storage.k8s.io/v1/StorageClass': { create: validateStorageClass, update: validateStorageClassUpdate },
};
