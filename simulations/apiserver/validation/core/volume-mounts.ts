// A container's volumeMounts and volumeDevices: they name a valid volume of
// the Pod, use each path once, and do not overlap each other.
// src: pkg/apis/core/validation/validation.go (ValidateVolumeMounts, ValidateVolumeDevices,
// validateMountPropagation, validateMountRecursiveReadOnly, GetVolumeMountMap, GetVolumeDeviceMap)

import { forbidden, invalid, notFound, notSupported, required, type ErrorList } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import { asBool, asList, asObject, asOptionalString, asString, type JsonObject, type JsonValue } from '../../../apimachinery/json.ts';
import { validateLocalDescendingPath, validatePathNoBacksteps } from './local-paths.ts';
import type { VolumeSources } from './volumes.ts';

/** GetVolumeMountMap / GetVolumeDeviceMap: name → path (the last one wins, as in Go). */
export function pathsByName(list: JsonValue[], pathField: 'mountPath' | 'devicePath'): Map<string, string> {
  const m = new Map<string, string>();
  for (const v of list) {
    const o = asObject(v) ?? {};
    m.set(asString(o.name), asString(o[pathField]));
  }
  return m;
}

function hasPath(paths: Map<string, string>, p: string): boolean {
  for (const v of paths.values()) if (v === p) return true;
  return false;
}

/** validateMountPropagation: Bidirectional only for privileged containers (when the container is known). */
function validateMountPropagation(propagation: string, container: JsonObject | undefined, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const supported = ['Bidirectional', 'HostToContainer', 'None'];
  if (!supported.includes(propagation)) errs.push(notSupported(fldPath, propagation, supported));
  if (!container) return errs;
  const privileged = asObject(container.securityContext)?.privileged === true;
  if (propagation === 'Bidirectional' && !privileged) errs.push(forbidden(fldPath, 'Bidirectional mount propagation is available only to privileged containers'));
  return errs;
}

/** validateMountRecursiveReadOnly */
function validateMountRecursiveReadOnly(mount: JsonObject, fldPath: Path): ErrorList {
  const rro = asOptionalString(mount.recursiveReadOnly);
  if (rro === undefined) return [];
  const errs: ErrorList = [];
  switch (rro) {
    case 'Disabled':
      break;
    case 'Enabled':
    case 'IfPossible': {
      if (!asBool(mount.readOnly)) errs.push(forbidden(fldPath, 'may only be specified when readOnly is true'));
      const prop = asOptionalString(mount.mountPropagation);
      if (prop !== undefined && prop !== 'None') errs.push(forbidden(fldPath, 'may only be specified when mountPropagation is None or not specified'));
      break;
    }
    default:
      errs.push(notSupported(fldPath, rro, ['Disabled', 'Enabled', 'IfPossible']));
  }
  return errs;
}

/**
 * ValidateVolumeMounts. Upstream reports subPath, subPathExpr, mountPropagation
 * and recursiveReadOnly problems at volumeMounts.<field>, without the index.
 */
export function validateVolumeMounts(
  mounts: JsonValue[],
  volDevices: Map<string, string>,
  volumes: VolumeSources,
  container: JsonObject | undefined,
  fldPath: Path,
): ErrorList {
  const errs: ErrorList = [];
  const mountpoints = new Set<string>();
  mounts.forEach((m, i) => {
    const mnt = asObject(m) ?? {};
    const idxPath = fldPath.index(i);
    const name = asString(mnt.name);
    const mountPath = asString(mnt.mountPath);
    const subPath = asString(mnt.subPath);
    const subPathExpr = asString(mnt.subPathExpr);
    if (name.length === 0) errs.push(required(idxPath.child('name'), ''));
    if (!volumes.has(name)) errs.push(notFound(idxPath.child('name'), name));
    if (mountPath.length === 0) errs.push(required(idxPath.child('mountPath'), ''));
    if (mountpoints.has(mountPath)) errs.push(invalid(idxPath.child('mountPath'), mountPath, 'must be unique'));
    mountpoints.add(mountPath);
    if (volDevices.has(name)) errs.push(invalid(idxPath.child('name'), name, 'must not already exist in volumeDevices'));
    if (hasPath(volDevices, mountPath)) errs.push(invalid(idxPath.child('mountPath'), mountPath, 'must not already exist as a path in volumeDevices'));
    const vol = volumes.get(name);
    if (vol && asObject(vol.image)) {
      if (subPath.length !== 0) errs.push(invalid(idxPath.child('subPath'), subPath, 'not allowed in image volume sources'));
      if (subPathExpr.length !== 0) errs.push(invalid(idxPath.child('subPathExpr'), subPathExpr, 'not allowed in image volume sources'));
    }
    if (subPath.length > 0) errs.push(...validateLocalDescendingPath(subPath, fldPath.child('subPath')));
    if (subPathExpr.length > 0) {
      if (subPath.length > 0) errs.push(invalid(idxPath.child('subPathExpr'), subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...validateLocalDescendingPath(subPathExpr, fldPath.child('subPathExpr')));
    }
    const propagation = asOptionalString(mnt.mountPropagation);
    if (propagation !== undefined) errs.push(...validateMountPropagation(propagation, container, fldPath.child('mountPropagation')));
    errs.push(...validateMountRecursiveReadOnly(mnt, fldPath.child('recursiveReadOnly')));
  });
  return errs;
}

/** ValidateVolumeDevices: block devices come from PVC or ephemeral volumes only. */
export function validateVolumeDevices(devices: JsonValue[], volMounts: Map<string, string>, volumes: VolumeSources, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const devicePaths = new Set<string>();
  const deviceNames = new Set<string>();
  devices.forEach((d, i) => {
    const dev = asObject(d) ?? {};
    const idxPath = fldPath.index(i);
    const devName = asString(dev.name);
    const devPath = asString(dev.devicePath);
    const vol = volumes.get(devName);
    const isPVC = vol !== undefined && (asObject(vol.persistentVolumeClaim) !== undefined || asObject(vol.ephemeral) !== undefined);
    if (devName.length === 0) errs.push(required(idxPath.child('name'), ''));
    if (deviceNames.has(devName)) errs.push(invalid(idxPath.child('name'), devName, 'must be unique'));
    if (vol && !isPVC) errs.push(invalid(idxPath.child('name'), devName, 'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode'));
    if (!vol) errs.push(notFound(idxPath.child('name'), devName));
    if (devPath.length === 0) errs.push(required(idxPath.child('devicePath'), ''));
    if (devicePaths.has(devPath)) errs.push(invalid(idxPath.child('devicePath'), devPath, 'must be unique'));
    if (devPath.length > 0 && validatePathNoBacksteps(devPath, fldPath.child('devicePath')).length > 0) {
      errs.push(invalid(idxPath.child('devicePath'), devPath, "can not contain backsteps ('..')"));
    } else {
      devicePaths.add(devPath);
    }
    if (volMounts.has(devName)) errs.push(invalid(idxPath.child('name'), devName, 'must not already exist in volumeMounts'));
    if (hasPath(volMounts, devPath)) errs.push(invalid(idxPath.child('devicePath'), devPath, 'must not already exist as a path in volumeMounts'));
    if (devName.length > 0) deviceNames.add(devName);
  });
  return errs;
}
