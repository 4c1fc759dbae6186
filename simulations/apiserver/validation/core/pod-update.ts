// ValidatePodUpdate: a Pod's spec is immutable except container images,
// activeDeadlineSeconds (down only), added tolerations, removed scheduling
// gates, and, while scheduling gates remain, added nodeSelector entries and
// node affinity requirements.
// src: pkg/apis/core/validation/validation.go (ValidatePodUpdate, ValidateContainerUpdates,
// validateOnlyDeletedSchedulingGates, validateNodeSelectorMutation,
// validateNodeAffinityMutation, validateNodeSelectorTermHasOnlyAdditions, updatablePodSpecFields)

import { forbidden, invalid, required, type ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asList, asObject, asOptionalInt, asString, asStringMap, type JsonObject, type JsonValue } from '../../../apimachinery/json.ts';
import { validateCoreObjectMetaUpdate } from './object-meta.ts';
import { validatePodSpecificAnnotationUpdates } from './pod-annotations.ts';
import { podOptions, validatePodMetadataAndSpec } from './pod-metadata-and-spec.ts';
import type { PodValidationOptions } from './pod-validation-options.ts';
import { inclusiveRangeError } from './pending-apimachinery.ts';
import { semanticDiff, semanticEqual } from './semantic-equal.ts';
import { validateOnlyAddedTolerations } from './tolerations.ts';

const MAX_INT32 = 2147483647;

/** updatablePodSpecFields, joined as the Forbidden message lists them. */
export const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

/** ValidateContainerUpdates: same number of containers; images present and trimmed. */
function validateContainerUpdates(newList: JsonValue[], oldList: JsonValue[], fldPath: Path): { errs: ErrorList; stop: boolean } {
  if (newList.length !== oldList.length) return { errs: [forbidden(fldPath, 'pod updates may not add or remove containers')], stop: true };
  const errs: ErrorList = [];
  newList.forEach((c, i) => {
    const image = asString(asObject(c)?.image);
    if (image.length === 0) errs.push(required(fldPath.index(i).child('image'), ''));
    if (image.trim().length !== image.length) errs.push(invalid(fldPath.index(i).child('image'), image, 'must not have leading or trailing whitespace'));
  });
  return { errs, stop: false };
}

/** validateOnlyDeletedSchedulingGates */
function validateOnlyDeletedSchedulingGates(newGates: JsonValue[], oldGates: JsonValue[], fldPath: Path): ErrorList {
  if (newGates.length === 0) return [];
  const additional = new Map<string, number>();
  newGates.forEach((g, i) => additional.set(asString(asObject(g)?.name), i));
  for (const g of oldGates) additional.delete(asString(asObject(g)?.name));
  return [...additional]
    .sort((a, b) => a[1] - b[1])
    .map(([gate, i]) => forbidden(fldPath.index(i).child('name'), `only deletion is allowed, but found new scheduling gate '${gate}'`));
}

/** validateNodeSelectorMutation: entries may be added, not changed or removed. */
function validateNodeSelectorMutation(fldPath: Path, newSel: Record<string, string>, oldSel: Record<string, string>): ErrorList {
  for (const [k, v] of Object.entries(oldSel)) {
    if (!Object.prototype.hasOwnProperty.call(newSel, k) || newSel[k] !== v) {
      return [invalid(fldPath, newSel, 'only additions to spec.nodeSelector are allowed (no mutations or deletions)')];
    }
  }
  return [];
}

function termHasOnlyAdditions(newTerm: JsonObject, oldTerm: JsonObject): boolean {
  const oldExprs = asList(oldTerm.matchExpressions);
  const oldFields = asList(oldTerm.matchFields);
  const newExprs = asList(newTerm.matchExpressions);
  const newFields = asList(newTerm.matchFields);
  if (oldExprs.length === 0 && oldFields.length === 0 && (newExprs.length > 0 || newFields.length > 0)) return false;
  if (oldExprs.length > 0 && (newExprs.length < oldExprs.length || !semanticEqual(newExprs.slice(0, oldExprs.length), oldExprs))) return false;
  if (oldFields.length > 0 && (newFields.length < oldFields.length || !semanticEqual(newFields.slice(0, oldFields.length), oldFields))) return false;
  return true;
}

/** validateNodeAffinityMutation: required terms may only gain requirements. */
function validateNodeAffinityMutation(path: Path, newNA: JsonObject | undefined, oldNA: JsonObject | undefined): ErrorList {
  const oldReq = asObject(oldNA?.requiredDuringSchedulingIgnoredDuringExecution);
  if (!oldNA || !oldReq) return [];
  const oldTerms = asList(oldReq.nodeSelectorTerms).map((t) => asObject(t) ?? {});
  const newTerms = asList(asObject(newNA?.requiredDuringSchedulingIgnoredDuringExecution)?.nodeSelectorTerms).map((t) => asObject(t) ?? {});
  const termsPath = path.child('requiredDuringSchedulingIgnoredDuringExecution', 'nodeSelectorTerms');
  if (oldTerms.length > 0 && oldTerms.length !== newTerms.length) {
    return [invalid(termsPath, newTerms, 'no additions/deletions to non-empty NodeSelectorTerms list are allowed')];
  }
  const errs: ErrorList = [];
  oldTerms.forEach((old, i) => {
    if (!termHasOnlyAdditions(newTerms[i], old)) errs.push(invalid(termsPath.index(i), newTerms[i], 'only additions are allowed (no mutations or deletions)'));
  });
  return errs;
}

/**
 * The difference cmp.Diff would show, one changed path per line. go-cmp's own
 * layout is not reproduced: it deliberately varies its whitespace between runs.
 */
function specDiff(oldSpec: JsonObject, newSpec: JsonObject): string {
  return semanticDiff(oldSpec, newSpec)
    .map((p) => {
      const pick = (o: JsonValue | undefined) => JSON.stringify(pickPath(o, p)) ?? 'nil';
      return `- ${p}: ${pick(oldSpec)}\n+ ${p}: ${pick(newSpec)}`;
    })
    .join('\n');
}

function pickPath(v: JsonValue | undefined, path: string): JsonValue | undefined {
  let cur = v;
  for (const part of path.split(/\.|(?=\[)/)) {
    if (part === '') continue;
    const idx = /^\[(\d+)\]$/.exec(part);
    if (idx) cur = Array.isArray(cur) ? cur[Number(idx[1])] : undefined;
    else cur = asObject(cur)?.[part];
  }
  return cur;
}

/**
 * ValidatePodUpdate, with the options podStrategy.ValidateUpdate passes.
 *
 * @example validatePodUpdate(withRestartPolicy(pod, 'Never'), pod)
 *   // [spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,...]
 */
export function validatePodUpdate(newPod: JsonObject, oldPod: JsonObject, opts: PodValidationOptions = podOptions()): ErrorList {
  const metaPath = Path.of('metadata');
  const errs = validateCoreObjectMetaUpdate(asObject(newPod.metadata), asObject(oldPod.metadata), metaPath);
  errs.push(...validatePodMetadataAndSpec(newPod, opts));
  errs.push(...validatePodSpecificAnnotationUpdates(newPod, oldPod, metaPath.child('annotations'), opts));
  const specPath = Path.of('spec');
  const newSpec = asObject(newPod.spec) ?? {};
  const oldSpec = asObject(oldPod.spec) ?? {};

  for (const field of ['containers', 'initContainers'] as const) {
    const r = validateContainerUpdates(asList(newSpec[field]), asList(oldSpec[field]), specPath.child(field));
    errs.push(...r.errs);
    if (r.stop) return errs;
  }

  // activeDeadlineSeconds may go from unset to set, or down, never back to unset.
  const newADS = asOptionalInt(newSpec.activeDeadlineSeconds);
  const oldADS = asOptionalInt(oldSpec.activeDeadlineSeconds);
  if (newADS !== undefined) {
    if (newADS < 0 || newADS > MAX_INT32) {
      errs.push(invalid(specPath.child('activeDeadlineSeconds'), newADS, inclusiveRangeError(0, MAX_INT32)));
      return errs;
    }
    if (oldADS !== undefined && oldADS < newADS) {
      errs.push(invalid(specPath.child('activeDeadlineSeconds'), newADS, 'must be less than or equal to previous value'));
      return errs;
    }
  } else if (oldADS !== undefined) {
    errs.push(invalid(specPath.child('activeDeadlineSeconds'), null, 'must not update from a positive integer to nil value'));
  }

  errs.push(...validateOnlyAddedTolerations(asList(newSpec.tolerations), asList(oldSpec.tolerations), specPath.child('tolerations')));
  errs.push(...validateOnlyDeletedSchedulingGates(asList(newSpec.schedulingGates), asList(oldSpec.schedulingGates), specPath.child('schedulingGates')));

  if (semanticEqual(newSpec, oldSpec)) return errs;

  // Put the updatable fields back to their old values, then compare.
  const munged: JsonObject = structuredClone(newSpec);
  const mungeImages = (field: 'containers' | 'initContainers') => {
    const oldList = asList(oldSpec[field]);
    const list = asList(munged[field]);
    list.forEach((c, i) => {
      const o = asObject(c);
      if (o) o.image = asObject(oldList[i])?.image ?? null;
    });
  };
  mungeImages('containers');
  mungeImages('initContainers');
  setOrDelete(munged, 'activeDeadlineSeconds', oldSpec.activeDeadlineSeconds);
  setOrDelete(munged, 'schedulingGates', oldSpec.schedulingGates);
  setOrDelete(munged, 'tolerations', oldSpec.tolerations);
  // terminationGracePeriodSeconds may be set to 1 if it was negative.
  const oldTGPS = asOptionalInt(oldSpec.terminationGracePeriodSeconds);
  if (oldTGPS !== undefined && oldTGPS < 0 && asOptionalInt(munged.terminationGracePeriodSeconds) === 1) munged.terminationGracePeriodSeconds = oldTGPS;

  // While scheduling gates remain, scheduling constraints may be narrowed.
  if (asList(oldSpec.schedulingGates).length > 0) {
    const oldSel = asStringMap(oldSpec.nodeSelector);
    if (!semanticEqual(munged.nodeSelector, oldSpec.nodeSelector)) {
      errs.push(...validateNodeSelectorMutation(specPath.child('nodeSelector'), asStringMap(munged.nodeSelector), oldSel));
      setOrDelete(munged, 'nodeSelector', oldSpec.nodeSelector);
    }
    const oldNA = asObject(asObject(oldSpec.affinity)?.nodeAffinity);
    const mungedAffinity = asObject(munged.affinity);
    const mungedNA = asObject(mungedAffinity?.nodeAffinity);
    if (!semanticEqual(oldNA, mungedNA)) {
      errs.push(...validateNodeAffinityMutation(specPath.child('affinity', 'nodeAffinity'), mungedNA, oldNA));
      if (!mungedAffinity && oldNA) munged.affinity = { nodeAffinity: oldNA };
      else if (mungedAffinity && !asObject(oldSpec.affinity) && !mungedAffinity.podAntiAffinity && !mungedAffinity.podAffinity) delete munged.affinity;
      else if (mungedAffinity) setOrDelete(mungedAffinity, 'nodeAffinity', oldNA);
    }
  }

  if (!semanticEqual(munged, oldSpec)) {
    errs.push(forbidden(specPath, `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${specDiff(oldSpec, munged)}`));
  }
  return errs;
}

function setOrDelete(o: JsonObject, key: string, value: JsonValue | undefined): void {
  if (value === undefined) delete o[key];
  else o[key] = value;
}
