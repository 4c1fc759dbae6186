// Patch metadata of staging/src/k8s.io/api/batch/v1/types.go (v1.32).
import type { FieldMeta } from './schema.ts';

export const batchV1: Record<string, Record<string, FieldMeta>> = {
  Job: { metadata: { type: 'ObjectMeta' }, spec: { type: 'JobSpec' }, status: { type: 'JobStatus' } },
  JobSpec: { selector: { type: '*LabelSelector' }, template: { type: 'PodTemplateSpec' } },
  // `json:"conditions,omitempty" patchStrategy:"merge" patchMergeKey:"type" protobuf:"bytes,1,rep,name=conditions"` +listType=atomic
  JobStatus: { conditions: { type: '[]Condition', patchStrategy: 'merge', patchMergeKey: 'type', listType: 'atomic' } },
  CronJob: { metadata: { type: 'ObjectMeta' }, spec: { type: 'CronJobSpec' } },
  CronJobSpec: { jobTemplate: { type: 'JobTemplateSpec' } },
  JobTemplateSpec: { metadata: { type: 'ObjectMeta' }, spec: { type: 'JobSpec' } },
};
