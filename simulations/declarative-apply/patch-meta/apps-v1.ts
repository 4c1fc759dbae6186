// Patch metadata of staging/src/k8s.io/api/apps/v1/types.go (v1.32).
import type { FieldMeta } from './schema.ts';

const conditionsByType: FieldMeta = { type: '[]Condition', patchStrategy: 'merge', patchMergeKey: 'type' };

export const appsV1: Record<string, Record<string, FieldMeta>> = {
  Deployment: { metadata: { type: 'ObjectMeta' }, spec: { type: 'DeploymentSpec' }, status: { type: 'DeploymentStatus' } },
  DeploymentSpec: {
    selector: { type: '*LabelSelector' },
    template: { type: 'PodTemplateSpec' },
    // `json:"strategy,omitempty" patchStrategy:"retainKeys"`: switching to Recreate clears rollingUpdate.
    strategy: { type: 'DeploymentStrategy', patchStrategy: 'retainKeys' },
  },
  DeploymentStrategy: { type: { type: 'string' }, rollingUpdate: { type: '*RollingUpdateDeployment' } },
  RollingUpdateDeployment: {},
  DeploymentStatus: { conditions: conditionsByType },
  StatefulSet: { metadata: { type: 'ObjectMeta' }, spec: { type: 'StatefulSetSpec' }, status: { type: 'StatefulSetStatus' } },
  StatefulSetSpec: {
    selector: { type: '*LabelSelector' },
    template: { type: 'PodTemplateSpec' },
    // untagged: the whole list is re-sent when live (defaulted) differs.
    volumeClaimTemplates: { type: '[]PersistentVolumeClaim', listType: 'atomic' },
  },
  StatefulSetStatus: { conditions: conditionsByType },
  DaemonSet: { metadata: { type: 'ObjectMeta' }, spec: { type: 'DaemonSetSpec' }, status: { type: 'DaemonSetStatus' } },
  // updateStrategy has no retainKeys: switching to OnDelete keeps the defaulted rollingUpdate.
  DaemonSetSpec: { selector: { type: '*LabelSelector' }, template: { type: 'PodTemplateSpec' } },
  DaemonSetStatus: { conditions: conditionsByType },
  ReplicaSet: { metadata: { type: 'ObjectMeta' }, spec: { type: 'ReplicaSetSpec' }, status: { type: 'ReplicaSetStatus' } },
  ReplicaSetSpec: { selector: { type: '*LabelSelector' }, template: { type: 'PodTemplateSpec' } },
  ReplicaSetStatus: { conditions: conditionsByType },
  ControllerRevision: { metadata: { type: 'ObjectMeta' } },
};
