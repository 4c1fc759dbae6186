// Container defaulting, for containers, init containers and ephemeral containers alike.
// src: pkg/apis/core/v1/defaults.go (SetDefaults_Container, SetDefaults_EphemeralContainer,
//      SetDefaults_Probe, SetDefaults_HTTPGetAction, SetDefaults_ObjectFieldSelector);
//      the `+default=` markers of k8s.io/api core/v1 types.go (ContainerPort.protocol,
//      GRPCAction.service, FileKeySelector.optional), composed as
//      zz_generated.defaults.go composes them for each container.

import type { JsonObject } from '../../apimachinery/json.ts';
import { asString } from '../../apimachinery/json.ts';
import { defaultInt, defaultPointer, defaultString, isNil, pointer, put, structs } from './fields.ts';
import { defaultPullPolicy } from './image-reference.ts';
import { setResourceRequirementsDefaults } from './resource-list.ts';
import { setDefaultsObjectFieldSelector } from './volume.ts';

// k8s.io/api core/v1 types.go TerminationMessagePathDefault.
const TERMINATION_MESSAGE_PATH = '/dev/termination-log';

/**
 * SetDefaults_Container: imagePullPolicy (Always for ":latest" or no tag,
 * else IfNotPresent; see image-reference.ts), terminationMessagePath and
 * terminationMessagePolicy. SetDefaults_EphemeralContainer is the same
 * function on EphemeralContainerCommon, whose fields sit inline in JSON.
 */
export function setDefaultsContainer(c: JsonObject): void {
  if (isNil(c.imagePullPolicy) || c.imagePullPolicy === '') put(c, 'imagePullPolicy', defaultPullPolicy(asString(c.image)));
  defaultString(c, 'terminationMessagePath', TERMINATION_MESSAGE_PATH);
  defaultString(c, 'terminationMessagePolicy', 'File');
}

/** SetDefaults_Probe: timeoutSeconds 1, periodSeconds 10, successThreshold 1, failureThreshold 3. */
export function setDefaultsProbe(p: JsonObject): void {
  defaultInt(p, 'timeoutSeconds', 1);
  defaultInt(p, 'periodSeconds', 10);
  defaultInt(p, 'successThreshold', 1);
  defaultInt(p, 'failureThreshold', 3);
}

/** SetDefaults_HTTPGetAction: path "/" and scheme HTTP. */
export function setDefaultsHTTPGetAction(a: JsonObject): void {
  defaultString(a, 'path', '/');
  defaultString(a, 'scheme', 'HTTP');
}

/** A probe as zz_generated walks it: the probe, its httpGet, and the grpc service marker (`+default=""`). */
function setProbeDefaults(p: JsonObject): void {
  setDefaultsProbe(p);
  const httpGet = pointer(p, 'httpGet');
  if (httpGet) setDefaultsHTTPGetAction(httpGet);
  const grpc = pointer(p, 'grpc');
  if (grpc) defaultPointer(grpc, 'service', '');
}

/** One container (of any of the three lists) as SetObjectDefaults_Pod walks it. */
export function setContainerDefaults(c: JsonObject): void {
  setDefaultsContainer(c);
  for (const port of structs(c.ports)) defaultString(port, 'protocol', 'TCP');
  for (const env of structs(c.env)) {
    const valueFrom = pointer(env, 'valueFrom');
    const fieldRef = pointer(valueFrom, 'fieldRef');
    if (fieldRef) setDefaultsObjectFieldSelector(fieldRef);
    const fileKeyRef = pointer(valueFrom, 'fileKeyRef');
    if (fileKeyRef) defaultPointer(fileKeyRef, 'optional', false);
  }
  setResourceRequirementsDefaults(c.resources);
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = pointer(c, key);
    if (probe) setProbeDefaults(probe);
  }
  const lifecycle = pointer(c, 'lifecycle');
  for (const key of ['postStart', 'preStop']) {
    const httpGet = pointer(pointer(lifecycle, key), 'httpGet');
    if (httpGet) setDefaultsHTTPGetAction(httpGet);
  }
}
