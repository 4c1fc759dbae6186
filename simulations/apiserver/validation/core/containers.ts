// containers, initContainers (including restartable "sidecar" init
// containers) and ephemeralContainers: names unique across all three, image,
// ports, env, mounts, pull policy, resources, probes, lifecycle hooks,
// restart policies.
// src: pkg/apis/core/validation/validation.go (validateContainers, validateInitContainers,
// validateEphemeralContainers, validateContainerCommon, validateContainerPorts,
// validateInitContainerRestartPolicy, validateResizePolicy, AccumulateUniqueHostPorts,
// checkHostPortConflicts, validateFieldAllowList, validateContainersOnlyForPod,
// validateContainerOnlyForPod)

import { duplicate, forbidden, invalid, notFound, notSupported, required, tooMany, type ErrorList } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import { asInt, asList, asObject, asOptionalString, asString, type JsonObject, type JsonValue } from '../../../apimachinery/json.ts';
import { validateEnv, validateEnvFrom } from './env.ts';
import { isDNS1123Label, isValidPortName, isValidPortNum } from './pending-apimachinery.ts';
import type { PodValidationOptions } from './pod-validation-options.ts';
import { validateContainerProbes, validateLifecycle } from './probes.ts';
import { validateContainerResourceRequirements } from './resources.ts';
import { validateSecurityContext } from './security-context.ts';
import { pathsByName, validateVolumeDevices, validateVolumeMounts } from './volume-mounts.ts';
import { validatePullPolicy, type VolumeSources } from './volumes.ts';

/** What every container check needs to know about its Pod. */
export interface ContainerContext {
  volumes: VolumeSources;
  podClaimNames: ReadonlySet<string>;
  gracePeriod: number | undefined;
  podRestartPolicy: string;
  hostUsers: boolean;
  opts: PodValidationOptions;
}

function containers(list: JsonValue[]): JsonObject[] {
  return list.map((c) => asObject(c) ?? {});
}

/** validateContainerPorts */
export function validateContainerPorts(ports: JsonValue[], fldPath: Path): ErrorList {
  if (ports.length === 0) return [];
  const errs: ErrorList = [];
  // Made at the first named port.
  let allNames: Set<string> | undefined;
  ports.forEach((p, i) => {
    const port = asObject(p) ?? {};
    const idxPath = fldPath.index(i);
    const name = asString(port.name);
    if (name.length > 0) {
      const msgs = isValidPortName(name);
      if (msgs.length !== 0) for (const m of msgs) errs.push(invalid(idxPath.child('name'), name, m));
      else if ((allNames ??= new Set<string>()).has(name)) errs.push(duplicate(idxPath.child('name'), name));
      else allNames.add(name);
    }
    const containerPort = asInt(port.containerPort);
    if (containerPort === 0) errs.push(required(idxPath.child('containerPort'), ''));
    else for (const m of isValidPortNum(containerPort)) errs.push(invalid(idxPath.child('containerPort'), containerPort, m));
    const hostPort = asInt(port.hostPort);
    if (hostPort !== 0) for (const m of isValidPortNum(hostPort)) errs.push(invalid(idxPath.child('hostPort'), hostPort, m));
    const protocol = asString(port.protocol);
    if (protocol.length === 0) errs.push(required(idxPath.child('protocol'), ''));
    else if (!['TCP', 'UDP', 'SCTP'].includes(protocol)) errs.push(notSupported(idxPath.child('protocol'), protocol, ['SCTP', 'TCP', 'UDP']));
  });
  return errs;
}

/** validateResizePolicy */
function validateResizePolicy(policies: JsonValue[], fldPath: Path, podRestartPolicy: string): ErrorList {
  if (policies.length === 0) return [];
  const errs: ErrorList = [];
  const seen = new Set<string>();
  policies.forEach((p, i) => {
    const policy = asObject(p) ?? {};
    const resourceName = asString(policy.resourceName);
    const restartPolicy = asString(policy.restartPolicy);
    if (seen.has(resourceName)) errs.push(duplicate(fldPath.index(i), resourceName));
    seen.add(resourceName);
    if (resourceName === '') errs.push(required(fldPath, ''));
    else if (resourceName !== 'cpu' && resourceName !== 'memory') errs.push(notSupported(fldPath, resourceName, ['cpu', 'memory']));
    if (restartPolicy === '') errs.push(required(fldPath, ''));
    else if (restartPolicy !== 'NotRequired' && restartPolicy !== 'RestartContainer') errs.push(notSupported(fldPath, restartPolicy, ['NotRequired', 'RestartContainer']));
    if (podRestartPolicy === 'Never' && restartPolicy !== 'NotRequired') {
      errs.push(invalid(fldPath, restartPolicy, "must be 'NotRequired' when `restartPolicy` is 'Never'"));
    }
  });
  return errs;
}

/** validateContainerCommon: what every kind of container must satisfy. */
function validateContainerCommon(ctr: JsonObject, path: Path, ctx: ContainerContext): ErrorList {
  const errs: ErrorList = [];
  const name = asString(ctr.name);
  if (name.length === 0) errs.push(required(path.child('name'), ''));
  else for (const m of isDNS1123Label(name)) errs.push(invalid(path.child('name'), name, m));
  // Whitespace is checked only for Pods (validateContainerOnlyForPod): " " is a
  // placeholder image some tools put in templates.
  if (asString(ctr.image).length === 0) errs.push(required(path.child('image'), ''));
  const tmp = asString(ctr.terminationMessagePolicy);
  if (tmp === '') errs.push(required(path.child('terminationMessagePolicy'), ''));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') {
    errs.push(notSupported(path.child('terminationMessagePolicy'), tmp, ['File', 'FallbackToLogsOnError']));
  }
  const volumeMounts = asList(ctr.volumeMounts);
  const volumeDevices = asList(ctr.volumeDevices);
  errs.push(...validateContainerPorts(asList(ctr.ports), path.child('ports')));
  errs.push(...validateEnv(asList(ctr.env), path.child('env'), ctx.opts));
  errs.push(...validateEnvFrom(asList(ctr.envFrom), path.child('envFrom'), ctx.opts));
  errs.push(...validateVolumeMounts(volumeMounts, pathsByName(volumeDevices, 'devicePath'), ctx.volumes, ctr, path.child('volumeMounts')));
  errs.push(...validateVolumeDevices(volumeDevices, pathsByName(volumeMounts, 'mountPath'), ctx.volumes, path.child('volumeDevices')));
  errs.push(...validatePullPolicy(asString(ctr.imagePullPolicy), path.child('imagePullPolicy')));
  errs.push(...validateContainerResourceRequirements(asObject(ctr.resources), ctx.podClaimNames, path.child('resources'), ctx.opts));
  errs.push(...validateResizePolicy(asList(ctr.resizePolicy), path.child('resizePolicy'), ctx.podRestartPolicy));
  errs.push(...validateSecurityContext(asObject(ctr.securityContext), path.child('securityContext'), ctx.hostUsers));
  return errs;
}

const CONTAINER_RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];

/**
 * Container restartPolicy and restartPolicyRules under ContainerRestartRules
 * (beta, on by default since v1.35). Not in the validation.go this port reads
 * (it predates v1.34); the rules and messages below are the ones v1.35+ API
 * servers answer with: a policy is required with rules, at most 20 rules, the
 * action Restart (plus RestartAllContainers under RestartAllContainersOnContainerExits),
 * exitCodes with operator In or NotIn and at most 255 values.
 */
function validateContainerRestartPolicy(ctr: JsonObject, path: Path, opts: PodValidationOptions): ErrorList {
  const errs: ErrorList = [];
  const policy = asOptionalString(ctr.restartPolicy);
  const rules = asList(ctr.restartPolicyRules);
  const policyPath = path.child('restartPolicy');
  if (policy === undefined) {
    if (rules.length > 0) errs.push(required(policyPath, 'must specify restartPolicy when restart rules are used'));
    return errs;
  }
  if (!CONTAINER_RESTART_POLICIES.includes(policy)) errs.push(notSupported(policyPath, policy, CONTAINER_RESTART_POLICIES));
  const rulesPath = path.child('restartPolicyRules');
  if (rules.length > 20) errs.push(tooMany(rulesPath, rules.length, 20));
  const actions = opts.allowRestartAllContainers ? ['Restart', 'RestartAllContainers'] : ['Restart'];
  rules.forEach((r, i) => {
    const rule = asObject(r) ?? {};
    const rulePath = rulesPath.index(i);
    const action = asString(rule.action);
    if (!actions.includes(action)) errs.push(notSupported(rulePath.child('action'), action, actions));
    const exitCodes = asObject(rule.exitCodes);
    if (!exitCodes) {
      errs.push(required(rulePath.child('exitCodes'), ''));
      return;
    }
    const operator = asString(exitCodes.operator);
    if (operator !== 'In' && operator !== 'NotIn') errs.push(notSupported(rulePath.child('exitCodes', 'operator'), operator, ['In', 'NotIn']));
    const values = asList(exitCodes.values);
    if (values.length > 255) errs.push(tooMany(rulePath.child('exitCodes', 'values'), values.length, 255));
  });
  return errs;
}

/** validateContainers: at least one; names unique among them; probes, hooks and restart policy. */
export function validateContainers(list: JsonValue[], fldPath: Path, ctx: ContainerContext): ErrorList {
  if (list.length === 0) return [required(fldPath, '')];
  const errs: ErrorList = [];
  const allNames = new Set<string>();
  containers(list).forEach((ctr, i) => {
    const path = fldPath.index(i);
    errs.push(...validateContainerCommon(ctr, path, ctx));
    // Collisions with init and ephemeral containers are reported there.
    const name = asString(ctr.name);
    if (allNames.has(name)) errs.push(duplicate(path.child('name'), name));
    else allNames.add(name);
    const lifecycle = asObject(ctr.lifecycle);
    if (lifecycle) errs.push(...validateLifecycle(lifecycle, ctx.gracePeriod, path.child('lifecycle'), ctx.opts));
    errs.push(...validateContainerProbes(ctr, ctx.gracePeriod, path, ctx.opts));
    if (ctx.opts.allowContainerRestartPolicyRules) {
      errs.push(...validateContainerRestartPolicy(ctr, path, ctx.opts));
    } else if (asOptionalString(ctr.restartPolicy) !== undefined) {
      errs.push(forbidden(path.child('restartPolicy'), 'may not be set for non-init containers'));
    }
  });
  errs.push(...checkHostPortConflicts(containers(list), fldPath));
  return errs;
}

/** AccumulateUniqueHostPorts over one list of containers: protocol/hostIP/hostPort is taken once. */
function checkHostPortConflicts(list: JsonObject[], fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  // Made at the first host port: most containers have none.
  let seen: Set<string> | undefined;
  list.forEach((ctr, ci) => {
    asList(ctr.ports).forEach((p, pi) => {
      const port = asObject(p) ?? {};
      const hostPort = asInt(port.hostPort);
      if (hostPort === 0) return;
      const key = `${asString(port.protocol)}/${asString(port.hostIP)}/${hostPort}`;
      seen ??= new Set<string>();
      if (seen.has(key)) errs.push(duplicate(fldPath.index(ci).child('ports').index(pi).child('hostPort'), key));
      else seen.add(key);
    });
  });
  return errs;
}

/** validateInitContainerRestartPolicy: only Always (a sidecar) before ContainerRestartRules. */
function validateInitContainerRestartPolicy(ctr: JsonObject, path: Path, opts: PodValidationOptions): ErrorList {
  if (opts.allowContainerRestartPolicyRules) return validateContainerRestartPolicy(ctr, path, opts);
  const policy = asOptionalString(ctr.restartPolicy);
  if (policy === undefined || policy === 'Always') return [];
  return [notSupported(path.child('restartPolicy'), policy, ['Always'])];
}

/**
 * validateInitContainers: names unique across init and regular containers;
 * probes and lifecycle only for restartable (restartPolicy: Always) ones.
 */
export function validateInitContainers(list: JsonValue[], regular: JsonValue[], fldPath: Path, ctx: ContainerContext): ErrorList {
  // Nothing to check in an empty list: no set made (every Pod written comes through here).
  if (list.length === 0) return [];
  const errs: ErrorList = [];
  const allNames = new Set(containers(regular).map((c) => asString(c.name)));
  containers(list).forEach((ctr, i) => {
    const idxPath = fldPath.index(i);
    errs.push(...validateContainerCommon(ctr, idxPath, ctx));
    const restartAlways = asOptionalString(ctr.restartPolicy) === 'Always';
    errs.push(...validateInitContainerRestartPolicy(ctr, idxPath, ctx.opts));
    const name = asString(ctr.name);
    if (allNames.has(name)) errs.push(duplicate(idxPath.child('name'), name));
    else if (name.length > 0) allNames.add(name);
    // Init containers run one by one: host ports only conflict within one.
    errs.push(...checkHostPortConflicts([ctr], fldPath));
    const lifecycle = asObject(ctr.lifecycle);
    if (restartAlways) {
      if (lifecycle) errs.push(...validateLifecycle(lifecycle, ctx.gracePeriod, idxPath.child('lifecycle'), ctx.opts));
      errs.push(...validateContainerProbes(ctr, ctx.gracePeriod, idxPath, ctx.opts));
    } else {
      const msg = 'may not be set for init containers without restartPolicy=Always';
      if (lifecycle) errs.push(forbidden(idxPath.child('lifecycle'), msg));
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) if (asObject(ctr[probe])) errs.push(forbidden(idxPath.child(probe), msg));
    }
    if (!ctx.opts.allowSidecarResizePolicy && asList(ctr.resizePolicy).length > 0) {
      errs.push(invalid(idxPath.child('resizePolicy'), ctr.resizePolicy, 'must not be set for init containers'));
    }
  });
  return errs;
}

// EphemeralContainerCommon's fields that may not be set, in Go struct order,
// as validateFieldAllowList finds them (Go's zero value means unset; an empty
// list is a non-nil slice, so it counts as set).
const EPHEMERAL_DISALLOWED: [string, 'list' | 'struct' | 'pointer'][] = [
  ['ports', 'list'],
  ['resources', 'struct'],
  ['resizePolicy', 'list'],
  ['restartPolicy', 'pointer'],
  ['restartPolicyRules', 'list'],
  ['livenessProbe', 'pointer'],
  ['readinessProbe', 'pointer'],
  ['startupProbe', 'pointer'],
  ['lifecycle', 'pointer'],
];

function isGoSet(v: JsonValue | undefined, kind: 'list' | 'struct' | 'pointer'): boolean {
  if (v === undefined || v === null) return false;
  if (kind === 'struct') {
    const o = asObject(v) ?? {};
    return Object.values(o).some((x) => x !== null && x !== undefined && !(typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length === 0));
  }
  return true;
}

/** validateEphemeralContainers: unique names, an existing target, no fields that serve the Pod. */
export function validateEphemeralContainers(list: JsonValue[], regular: JsonValue[], init: JsonValue[], fldPath: Path, ctx: ContainerContext): ErrorList {
  if (list.length === 0) return [];
  const errs: ErrorList = [];
  const otherNames = new Set<string>();
  for (const c of [...containers(regular), ...containers(init)]) otherNames.add(asString(c.name));
  const allNames = new Set(otherNames);
  containers(list).forEach((ec, i) => {
    const idxPath = fldPath.index(i);
    errs.push(...validateContainerCommon(ec, idxPath, ctx));
    errs.push(...validateContainerOnlyForPod(ec, idxPath));
    const name = asString(ec.name);
    if (allNames.has(name)) errs.push(duplicate(idxPath.child('name'), name));
    else allNames.add(name);
    const target = asString(ec.targetContainerName);
    if (target !== '' && !otherNames.has(target)) errs.push(notFound(idxPath.child('targetContainerName'), target));
    for (const [field, kind] of EPHEMERAL_DISALLOWED) {
      if (isGoSet(ec[field], kind)) errs.push(forbidden(idxPath.child(field), 'cannot be set for an Ephemeral Container'));
    }
    // subPath mounts leak until the Pod exits; ephemeral containers may not use them.
    asList(ec.volumeMounts).forEach((vm, j) => {
      const m = asObject(vm) ?? {};
      if (asString(m.subPath) !== '') errs.push(forbidden(idxPath.child('volumeMounts').index(j).child('subPath'), 'cannot be set for an Ephemeral Container'));
      if (asString(m.subPathExpr) !== '') errs.push(forbidden(idxPath.child('volumeMounts').index(j).child('subPathExpr'), 'cannot be set for an Ephemeral Container'));
    });
  });
  return errs;
}

/** validateContainerOnlyForPod: a Pod's image has no surrounding whitespace. */
export function validateContainerOnlyForPod(ctr: JsonObject, path: Path): ErrorList {
  const image = asString(ctr.image);
  return image.length !== image.trim().length ? [invalid(path.child('image'), image, 'must not have leading or trailing whitespace')] : [];
}

/** validateContainersOnlyForPod */
export function validateContainersOnlyForPod(list: JsonValue[], fldPath: Path): ErrorList {
  return containers(list).flatMap((c, i) => validateContainerOnlyForPod(c, fldPath.index(i)));
}
