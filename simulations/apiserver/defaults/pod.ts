// Pod and PodTemplateSpec defaulting.
// src: pkg/apis/core/v1/defaults.go (SetDefaults_Pod, SetDefaults_PodSpec) and
//      zz_generated.defaults.go (SetObjectDefaults_Pod; the PodTemplateSpec part
//      every workload's SetObjectDefaults_<Kind> repeats).
//
// The split matters: SetDefaults_Pod runs only on a Pod, so a Deployment's
// template gets no enableServiceLinks, no requests copied from limits and no
// hostPort: defaulting new fields in a template would roll every workload out
// again on an API server upgrade (defaults.go, kubernetes/kubernetes#69445).

import type { JsonObject } from '../../apimachinery/json.ts';
import { asObject, asOptionalInt } from '../../apimachinery/json.ts';
import { setContainerDefaults } from './container.ts';
import { defaultPointer, defaultString, isNil, pointer, put, struct, structs } from './fields.ts';
import { defaultHugePagePodLimits, defaultPodRequests, defaultRequestsFromLimits } from './pod-resources.ts';
import { setDefaultsResourceList, setResourceRequirementsDefaults } from './resource-list.ts';
import { setVolumeDefaults } from './volume.ts';

// k8s.io/api core/v1 types.go: DefaultTerminationGracePeriodSeconds, DefaultSchedulerName, DefaultEnableServiceLinks.
const TERMINATION_GRACE_PERIOD_SECONDS = 30;
const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

/**
 * SetDefaults_PodSpec: dnsPolicy ClusterFirst, restartPolicy Always, an empty
 * securityContext, terminationGracePeriodSeconds 30, schedulerName
 * default-scheduler. For Pods and for every template.
 */
export function setDefaultsPodSpec(spec: JsonObject): void {
  defaultString(spec, 'dnsPolicy', 'ClusterFirst');
  defaultString(spec, 'restartPolicy', 'Always');
  if (isNil(spec.securityContext)) put(spec, 'securityContext', {});
  defaultPointer(spec, 'terminationGracePeriodSeconds', TERMINATION_GRACE_PERIOD_SECONDS);
  defaultString(spec, 'schedulerName', DEFAULT_SCHEDULER_NAME);
}

/**
 * SetDefaults_Pod: requests from limits; pod-level hugepage limits and
 * requests (PodLevelResources: beta, on by default since v1.34); enableServiceLinks
 * true; with hostNetwork, each container port's hostPort defaults to its
 * containerPort (containers and init containers).
 */
export function setDefaultsPod(pod: JsonObject): void {
  const spec = struct(pod, 'spec');
  if (!spec) return;
  defaultRequestsFromLimits(spec);
  // "Pod Requests default values must be applied after container-level default values have been populated."
  defaultHugePagePodLimits(spec);
  defaultPodRequests(spec);
  defaultPointer(spec, 'enableServiceLinks', true);
  if (spec.hostNetwork === true) {
    for (const list of [spec.containers, spec.initContainers]) {
      for (const c of structs(list)) {
        for (const port of structs(c.ports)) {
          const containerPort = asOptionalInt(port.containerPort);
          if ((isNil(port.hostPort) || port.hostPort === 0) && containerPort) put(port, 'hostPort', containerPort);
        }
      }
    }
  }
}

/**
 * A PodSpec as zz_generated.defaults.go walks it, without SetDefaults_Pod:
 * the spec, its volumes, its init, regular and ephemeral containers, the
 * overhead and the pod-level resources.
 */
export function setPodSpecDefaults(spec: JsonObject): void {
  setDefaultsPodSpec(spec);
  for (const v of structs(spec.volumes)) setVolumeDefaults(v);
  for (const list of [spec.initContainers, spec.containers, spec.ephemeralContainers]) {
    for (const c of structs(list)) setContainerDefaults(c);
  }
  setDefaultsResourceList(spec.overhead);
  setResourceRequirementsDefaults(spec.resources);
}

/** The PodTemplateSpec part of a workload's SetObjectDefaults_<Kind>: its spec is always there in Go. */
export function setPodTemplateSpecDefaults(template: JsonObject): void {
  const spec = struct(template, 'spec');
  if (spec) setPodSpecDefaults(spec);
}

/** The status part of SetObjectDefaults_Pod: the ResourceLists of container and pod-level statuses. */
function setPodStatusDefaults(status: JsonObject): void {
  for (const key of ['initContainerStatuses', 'containerStatuses', 'ephemeralContainerStatuses']) {
    for (const cs of structs(status[key])) {
      setDefaultsResourceList(cs.allocatedResources);
      setResourceRequirementsDefaults(cs.resources);
    }
  }
  setDefaultsResourceList(status.allocatedResources);
  setResourceRequirementsDefaults(status.resources);
}

/**
 * SetObjectDefaults_Pod: zz_generated.defaults.go.
 *
 * @example
 *   const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
 *   setObjectDefaultsPod(pod);
 *   // pod.spec.containers[0].imagePullPolicy === 'Always'; pod.spec.restartPolicy === 'Always'; pod.spec.enableServiceLinks === true
 */
export function setObjectDefaultsPod(pod: JsonObject): void {
  setDefaultsPod(pod);
  const spec = struct(pod, 'spec');
  if (spec) setPodSpecDefaults(spec);
  const status = asObject(pod.status);
  if (status) setPodStatusDefaults(status);
}

/** SetObjectDefaults_PodTemplate's shape for any field holding a PodTemplateSpec (non-pointer in Go). */
export function setTemplateFieldDefaults(parent: JsonObject, key: string): void {
  const template = struct(parent, key);
  if (template) setPodTemplateSpecDefaults(template);
}
