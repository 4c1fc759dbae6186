// apps/v1 defaulting: Deployment, StatefulSet, DaemonSet, ReplicaSet.
// src: pkg/apis/apps/v1/defaults.go and zz_generated.defaults.go (each kind's
//      SetDefaults_<Kind>, then its pod template as core/v1 defaults it, and a
//      StatefulSet's volumeClaimTemplates as PersistentVolumeClaims).
// ControllerRevision has no defaulter (apps/v1 RegisterDefaults registers none).

import type { JsonObject } from '../../apimachinery/json.ts';
import { asObject } from '../../apimachinery/json.ts';
import { setObjectDefaultsPersistentVolumeClaim } from './core-v1.ts';
import { defaultPointer, defaultString, isNil, pointer, put, struct, structs } from './fields.ts';
import { setTemplateFieldDefaults } from './pod.ts';

/**
 * The strategy part SetDefaults_Deployment and SetDefaults_DaemonSet share: an
 * unset type is RollingUpdate, which gets a rollingUpdate with both bounds.
 */
function defaultRollingUpdate(strategy: JsonObject, maxUnavailable: string | number, maxSurge: string | number): void {
  defaultString(strategy, 'type', 'RollingUpdate');
  if (strategy.type !== 'RollingUpdate') return;
  if (isNil(strategy.rollingUpdate)) put(strategy, 'rollingUpdate', {});
  const rollingUpdate = asObject(strategy.rollingUpdate);
  if (!rollingUpdate) return;
  defaultPointer(rollingUpdate, 'maxUnavailable', maxUnavailable);
  defaultPointer(rollingUpdate, 'maxSurge', maxSurge);
}

/**
 * SetDefaults_Deployment: replicas 1, strategy RollingUpdate with maxSurge and
 * maxUnavailable 25%, revisionHistoryLimit 10, progressDeadlineSeconds 600.
 */
export function setDefaultsDeployment(d: JsonObject): void {
  const spec = struct(d, 'spec');
  if (!spec) return;
  defaultPointer(spec, 'replicas', 1);
  const strategy = struct(spec, 'strategy');
  if (strategy) defaultRollingUpdate(strategy, '25%', '25%');
  defaultPointer(spec, 'revisionHistoryLimit', 10);
  defaultPointer(spec, 'progressDeadlineSeconds', 600);
}

/**
 * SetDefaults_DaemonSet: updateStrategy RollingUpdate with maxUnavailable 1
 * and maxSurge 0, revisionHistoryLimit 10.
 */
export function setDefaultsDaemonSet(ds: JsonObject): void {
  const spec = struct(ds, 'spec');
  if (!spec) return;
  const strategy = struct(spec, 'updateStrategy');
  if (strategy) defaultRollingUpdate(strategy, 1, 0);
  defaultPointer(spec, 'revisionHistoryLimit', 10);
}

/**
 * SetDefaults_StatefulSet: podManagementPolicy OrderedReady; an unset
 * updateStrategy becomes RollingUpdate with a rollingUpdate, whose partition
 * defaults to 0 and maxUnavailable to 1 (MaxUnavailableStatefulSet: beta, on
 * since v1.35); persistentVolumeClaimRetentionPolicy Retain/Retain
 * (StatefulSetAutoDeletePVC: GA); replicas 1; revisionHistoryLimit 10.
 *
 * An explicit `type: RollingUpdate` with no rollingUpdate stays without one:
 * upstream only creates it when it defaults the type.
 */
export function setDefaultsStatefulSet(sts: JsonObject): void {
  const spec = struct(sts, 'spec');
  if (!spec) return;
  defaultString(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = struct(spec, 'updateStrategy');
  if (strategy) {
    if (isNil(strategy.type) || strategy.type === '') {
      put(strategy, 'type', 'RollingUpdate');
      if (isNil(strategy.rollingUpdate)) put(strategy, 'rollingUpdate', {});
    }
    const rollingUpdate = pointer(strategy, 'rollingUpdate');
    if (strategy.type === 'RollingUpdate' && rollingUpdate) {
      defaultPointer(rollingUpdate, 'partition', 0);
      defaultPointer(rollingUpdate, 'maxUnavailable', 1);
    }
  }
  if (isNil(spec.persistentVolumeClaimRetentionPolicy)) put(spec, 'persistentVolumeClaimRetentionPolicy', {});
  const retention = asObject(spec.persistentVolumeClaimRetentionPolicy);
  if (retention) {
    defaultString(retention, 'whenDeleted', 'Retain');
    defaultString(retention, 'whenScaled', 'Retain');
  }
  defaultPointer(spec, 'replicas', 1);
  defaultPointer(spec, 'revisionHistoryLimit', 10);
}

/** SetDefaults_ReplicaSet: replicas 1. */
export function setDefaultsReplicaSet(rs: JsonObject): void {
  const spec = struct(rs, 'spec');
  if (spec) defaultPointer(spec, 'replicas', 1);
}

/** The template of a workload spec (non-pointer in Go, so always defaulted). */
function setSpecTemplateDefaults(obj: JsonObject): void {
  const spec = struct(obj, 'spec');
  if (spec) setTemplateFieldDefaults(spec, 'template');
}

/** SetObjectDefaults_Deployment: zz_generated.defaults.go. */
export function setObjectDefaultsDeployment(d: JsonObject): void {
  setDefaultsDeployment(d);
  setSpecTemplateDefaults(d);
}

/** SetObjectDefaults_DaemonSet: zz_generated.defaults.go. */
export function setObjectDefaultsDaemonSet(ds: JsonObject): void {
  setDefaultsDaemonSet(ds);
  setSpecTemplateDefaults(ds);
}

/** SetObjectDefaults_ReplicaSet: zz_generated.defaults.go. */
export function setObjectDefaultsReplicaSet(rs: JsonObject): void {
  setDefaultsReplicaSet(rs);
  setSpecTemplateDefaults(rs);
}

/** SetObjectDefaults_StatefulSet: zz_generated.defaults.go; volumeClaimTemplates get a PVC's defaults (status.phase Pending included). */
export function setObjectDefaultsStatefulSet(sts: JsonObject): void {
  setDefaultsStatefulSet(sts);
  setSpecTemplateDefaults(sts);
  const spec = asObject(sts.spec);
  for (const pvc of structs(spec?.volumeClaimTemplates)) setObjectDefaultsPersistentVolumeClaim(pvc);
}
