// Matching a PersistentVolumeClaim to a PersistentVolume, as the PV controller and the
// scheduler's VolumeBinding plugin do.
// src: staging/src/k8s.io/component-helpers/storage/volume/pv_helpers.go (FindMatchingVolume,
//      CheckVolumeModeMismatches, CheckAccessModes, IsDelayBindingMode, IsVolumeBoundToClaim)
//      staging/src/k8s.io/component-helpers/storage/volume/helpers.go (CheckNodeAffinity)
//      pkg/controller/volume/persistentvolume/index.go (findByClaim, allPossibleMatchingAccessModes)
//      pkg/apis/core/v1/helper/helpers.go (GetAccessModesAsString, GetPersistentVolume(Claim)Class)
//
// Quantities are compared exactly (resource.Quantity.Cmp): "800E" does not fit an int64 of
// milli-units, and a PV of 800E must still match a claim of 800E.

import { Quantity } from '../apimachinery/quantity.ts';
import { labelSelectorAsSelector } from '../apimachinery/label-selector.ts';
import { NodeSelector } from '../apimachinery/node-selector.ts';
import type { CompiledNodeSelectorTerm } from '../apimachinery/node-selector.ts';
import { newRequirement, NODE_SELECTOR_OPERATORS } from '../apimachinery/labels.ts';
import type { Operator, Requirement } from '../apimachinery/labels.ts';
import { goQuote } from '../apimachinery/go-strconv.ts';
import type { PersistentVolume, PersistentVolumeClaim, StorageClass, NodeLike, ClaimSpec, VolumeSpec } from './types.ts';

/** The beta annotation still read before spec.storageClassName (v1.StorageClassAnnotation / BetaStorageClassAnnotation). */
export const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

const ACCESS_MODE_SHORT: ReadonlyArray<[string, string]> = [
  ['ReadWriteOnce', 'RWO'],
  ['ReadOnlyMany', 'ROX'],
  ['ReadWriteMany', 'RWX'],
  ['ReadWriteOncePod', 'RWOP'],
];

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** v1helper.GetAccessModesAsString: "RWO,ROX,RWX,RWOP" order, unknown modes dropped. */
export function accessModesAsString(modes: unknown): string {
  const list = strList(modes);
  return ACCESS_MODE_SHORT.filter(([long]) => list.includes(long)).map(([, short]) => short).join(',');
}

/** v1helper.GetAccessModesFromString. */
export function accessModesFromString(key: string): string[] {
  const parts = key.split(',');
  return ACCESS_MODE_SHORT.filter(([, short]) => parts.includes(short)).map(([long]) => long);
}

/** v1helper.GetPersistentVolumeClaimClass: the beta annotation wins over spec.storageClassName. */
export function claimClass(claim: PersistentVolumeClaim): string {
  const ann = claim?.metadata?.annotations;
  if (ann && typeof ann === 'object' && Object.prototype.hasOwnProperty.call(ann, BETA_STORAGE_CLASS_ANNOTATION)) return str(ann[BETA_STORAGE_CLASS_ANNOTATION]);
  return str(claim?.spec?.storageClassName);
}

/** v1helper.GetPersistentVolumeClass. */
export function volumeClass(volume: PersistentVolume): string {
  const ann = volume?.metadata?.annotations;
  if (ann && typeof ann === 'object' && Object.prototype.hasOwnProperty.call(ann, BETA_STORAGE_CLASS_ANNOTATION)) return str(ann[BETA_STORAGE_CLASS_ANNOTATION]);
  return str(volume?.spec?.storageClassName);
}

/** resource.Quantity of spec.capacity.storage / spec.resources.requests.storage; absent is the zero Quantity. */
export function storageOf(list: unknown): Quantity {
  const raw = list && typeof list === 'object' ? (list as Record<string, unknown>).storage : undefined;
  if (raw === undefined || raw === null) return Quantity.fromInteger(0);
  return Quantity.parse(raw as string | number);
}

// Capacities are compared many times per claim (every volume of the searched groups): each
// capacity object is parsed once, and compared as a JS number when the value is an integer below
// 2^53 (exact), else with Quantity.Cmp (exact, slower): "800E" takes the exact path.
interface Cap {
  q: Quantity;
  n: number | null;
}
const CAPS = new WeakMap<object, Cap>();
const ZERO: Cap = { q: Quantity.fromInteger(0), n: 0 };
function capOf(list: unknown): Cap {
  if (!list || typeof list !== 'object') return ZERO;
  const known = CAPS.get(list);
  const raw = (list as Record<string, unknown>).storage;
  if (known && (known as Cap & { raw?: unknown }).raw === raw) return known;
  const q = storageOf(list);
  let n: number | null = null;
  if (q.exponent >= 0) {
    const v = q.coefficient * 10n ** BigInt(q.exponent);
    if (v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER)) n = Number(v);
  }
  const cap = { q, n, raw } as Cap & { raw: unknown };
  CAPS.set(list, cap);
  return cap;
}
function cmpCap(a: Cap, b: Cap): number {
  if (a.n !== null && b.n !== null) return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
  return a.q.cmp(b.q);
}

/** IsVolumeBoundToClaim: claimRef names the claim (and its uid, when the ref has one). */
export function isVolumeBoundToClaim(volume: PersistentVolume, claim: PersistentVolumeClaim): boolean {
  const ref = volume?.spec?.claimRef;
  if (!ref || typeof ref !== 'object') return false;
  if (str(claim?.metadata?.name) !== str(ref.name) || str(claim?.metadata?.namespace) !== str(ref.namespace)) return false;
  if (str(ref.uid) !== '' && str(claim?.metadata?.uid) !== str(ref.uid)) return false;
  return true;
}

/**
 * CheckVolumeModeMismatches: a missing volumeMode counts as Filesystem on both sides.
 * @example checkVolumeModeMismatches({ volumeMode: 'Block' }, { volumeMode: 'Filesystem' }) // true
 */
export function checkVolumeModeMismatches(pvcSpec: ClaimSpec | null | undefined, pvSpec: VolumeSpec | null | undefined): boolean {
  const requested = str(pvcSpec?.volumeMode) || 'Filesystem';
  const offered = str(pvSpec?.volumeMode) || 'Filesystem';
  return requested !== offered;
}

/**
 * CheckAccessModes: the PV offers every mode the claim lists.
 * @example checkAccessModes(claim [RWX, ROX], pv [RWO, RWX]) // false
 */
export function checkAccessModes(claim: PersistentVolumeClaim, volume: PersistentVolume): boolean {
  const offered = new Set(strList(volume?.spec?.accessModes));
  return strList(claim?.spec?.accessModes).every((m) => offered.has(m));
}

/**
 * IsDelayBindingMode: the claim's class exists and says WaitForFirstConsumer.
 * No class or an unknown class: false. A class without volumeBindingMode: an error (defaulting failed).
 */
export function isDelayBindingMode(claim: PersistentVolumeClaim, storageClasses: readonly StorageClass[]): boolean {
  const className = claimClass(claim);
  if (className === '') return false;
  const sc = (Array.isArray(storageClasses) ? storageClasses : []).find((c) => str(c?.metadata?.name) === className);
  if (!sc) return false;
  if (sc.volumeBindingMode === undefined || sc.volumeBindingMode === null) {
    throw new Error(`VolumeBindingMode not set for StorageClass ${goQuote(className)}`);
  }
  return sc.volumeBindingMode === 'WaitForFirstConsumer';
}

/** nodeSelectorRequirementsAsSelector per term; a term that fails to parse matches nothing. */
function compileTerm(term: unknown): CompiledNodeSelectorTerm | null {
  const t = (term && typeof term === 'object' ? term : {}) as { matchExpressions?: unknown; matchFields?: unknown };
  const exprs = Array.isArray(t.matchExpressions) ? t.matchExpressions : [];
  const fields = Array.isArray(t.matchFields) ? t.matchFields : [];
  if (exprs.length === 0 && fields.length === 0) return null; // "nil or empty term selects no objects"
  let invalid = false;
  const labels: Requirement[] = [];
  for (const raw of exprs) {
    const e = (raw ?? {}) as { key?: unknown; operator?: unknown; values?: unknown };
    const op = str(e.operator);
    if (!(NODE_SELECTOR_OPERATORS as readonly string[]).includes(op)) {
      invalid = true;
      continue;
    }
    const values = strList(e.values);
    const { requirement, errors } = newRequirement(str(e.key), op as Operator, values.length === 0 ? null : values);
    if (errors.length > 0) invalid = true;
    else labels.push(requirement);
  }
  const fieldReqs: CompiledNodeSelectorTerm['fields'][number][] = [];
  for (const raw of fields) {
    const f = (raw ?? {}) as { key?: unknown; operator?: unknown; values?: unknown };
    const values = strList(f.values);
    if (f.key !== 'metadata.name' || (f.operator !== 'In' && f.operator !== 'NotIn') || values.length !== 1) {
      invalid = true;
      continue;
    }
    fieldReqs.push({ key: 'metadata.name', operator: f.operator, value: values[0] });
  }
  return { labels, fields: fieldReqs, invalid };
}

/**
 * CheckNodeAffinity (component-helpers/storage/volume/helpers.go): no nodeAffinity or no
 * `required` fits every node; otherwise the node's labels must match one of the terms.
 * Returns null when it fits, else the reason.
 */
export function checkNodeAffinity(volume: PersistentVolume, nodeLabels: Record<string, string>, nodeName = ''): string | null {
  const affinity = volume?.spec?.nodeAffinity;
  if (!affinity || typeof affinity !== 'object') return null;
  const required = (affinity as { required?: unknown }).required;
  if (!required || typeof required !== 'object') return null;
  const terms = (required as { nodeSelectorTerms?: unknown }).nodeSelectorTerms;
  const compiled = (Array.isArray(terms) ? terms : []).map(compileTerm).filter((t): t is CompiledNodeSelectorTerm => t !== null);
  if (new NodeSelector(compiled).matches(nodeName, nodeLabels)) return null;
  return 'no matching NodeSelectorTerms';
}

export interface FindMatchingVolumeOptions {
  node?: NodeLike | null;
  /** PV names to skip (the scheduler's path, for a Pod with several claims). */
  excludedVolumes?: readonly string[];
  /** true on the PV controller path for a WaitForFirstConsumer claim: only pre-bound PVs match. */
  delayBinding?: boolean;
  /** The VolumeAttributesClass feature (GA since v1.34, on by default). */
  vacEnabled?: boolean;
}

/** Why one candidate volume was passed over (the engine's binding picture shows these). */
export interface Rejection {
  volume: string;
  reason:
    | 'excluded'
    | 'boundToAnotherClaim'
    | 'tooSmall'
    | 'volumeModeMismatch'
    | 'volumeAttributesClassMismatch'
    | 'beingDeleted'
    | 'delayBinding'
    | 'notAvailable'
    | 'selectorMismatch'
    | 'storageClassMismatch'
    | 'nodeAffinityMismatch'
    | 'accessModesMismatch'
    | 'largerThanChosen'
    | 'preboundNodeAffinityMismatch'
    | 'laterAccessModeGroup';
}

export interface MatchOutcome {
  volume: PersistentVolume | null;
  /** Set when the pre-bound volume was chosen because its claimRef names this claim. */
  prebound: boolean;
  rejections: Rejection[];
}

/**
 * FindMatchingVolume, with the reason each candidate was passed over.
 * Throws (as upstream returns an error) when the claim sets volumeAttributesClassName while
 * the feature is off, or when its selector does not parse.
 */
export function matchVolume(claim: PersistentVolumeClaim, volumes: readonly PersistentVolume[], options: FindMatchingVolumeOptions = {}, explain = true): MatchOutcome {
  options = options && typeof options === 'object' ? options : {};
  const vacEnabled = options.vacEnabled ?? true;
  const delayBinding = options.delayBinding ?? false;
  const node = options.node ?? null;
  const excluded = new Set(Array.isArray(options?.excludedVolumes) ? options.excludedVolumes : []);
  const claimKey = `${str(claim?.metadata?.namespace)}/${str(claim?.metadata?.name)}`;
  const claimVAC = str(claim?.spec?.volumeAttributesClassName);
  if (!vacEnabled && claimVAC !== '') {
    throw new Error(`unsupported volumeAttributesClassName is set on claim ${claimKey} when the feature-gate VolumeAttributesClass is disabled`);
  }
  const requested = capOf(claim?.spec?.resources?.requests);
  const requestedClass = claimClass(claim);
  let selector = null;
  if (claim?.spec?.selector !== undefined && claim?.spec?.selector !== null) {
    selector = labelSelectorAsSelector(claim.spec.selector);
    if (selector.error !== null) throw new Error(`error creating internal label selector for claim: ${claimKey}: ${selector.error}`);
  }
  const nodeLabels = (node?.metadata?.labels ?? {}) as Record<string, string>;
  const rejections: Rejection[] = [];
  let smallest: PersistentVolume | null = null;
  let smallestQty: Cap | null = null;
  for (const volume of Array.isArray(volumes) ? volumes : []) {
    const name = str(volume?.metadata?.name);
    const reject = explain ? (reason: Rejection['reason']) => void rejections.push({ volume: name, reason }) : (_: Rejection['reason']) => undefined;
    if (excluded.has(name)) { reject('excluded'); continue; }
    if (volume?.spec?.claimRef && !isVolumeBoundToClaim(volume, claim)) { reject('boundToAnotherClaim'); continue; }
    const qty = capOf(volume?.spec?.capacity);
    if (cmpCap(qty, requested) < 0) { reject('tooSmall'); continue; }
    if (checkVolumeModeMismatches(claim?.spec, volume?.spec)) { reject('volumeModeMismatch'); continue; }
    const volumeVAC = str(volume?.spec?.volumeAttributesClassName);
    if (vacEnabled && claimVAC !== volumeVAC) { reject('volumeAttributesClassMismatch'); continue; }
    // "when the feature gate is disabled, the PV object has VAC set, then we should not bind at all."
    if (!vacEnabled && volumeVAC !== '') { reject('volumeAttributesClassMismatch'); continue; }
    if (volume?.metadata?.deletionTimestamp) { reject('beingDeleted'); continue; }
    let nodeAffinityValid = true;
    if (node !== null) nodeAffinityValid = checkNodeAffinity(volume, nodeLabels, str(node?.metadata?.name)) === null;
    if (isVolumeBoundToClaim(volume, claim)) {
      // "If PV node affinity is invalid, return no match. This means the prebound PV (and therefore PVC)
      // is not suitable for this node."
      if (!nodeAffinityValid) {
        reject('preboundNodeAffinityMismatch');
        return { volume: null, prebound: false, rejections };
      }
      return { volume, prebound: true, rejections };
    }
    // "PV controller does not bind this claim. Scheduler will handle binding unbound volumes."
    if (node === null && delayBinding) { reject('delayBinding'); continue; }
    if (str(volume?.status?.phase) !== 'Available') { reject('notAvailable'); continue; }
    if (selector !== null && !selector.matches((volume?.metadata?.labels ?? {}) as Record<string, string>)) { reject('selectorMismatch'); continue; }
    if (volumeClass(volume) !== requestedClass) { reject('storageClassMismatch'); continue; }
    if (!nodeAffinityValid) { reject('nodeAffinityMismatch'); continue; }
    if (node !== null && !checkAccessModes(claim, volume)) { reject('accessModesMismatch'); continue; }
    if (smallest === null || cmpCap(smallestQty as Cap, qty) > 0) {
      if (smallest !== null && explain) rejections.push({ volume: str(smallest.metadata?.name), reason: 'largerThanChosen' });
      smallest = volume;
      smallestQty = qty;
    } else {
      reject('largerThanChosen');
    }
  }
  return { volume: smallest, prebound: false, rejections };
}

/**
 * The PV controller's path of FindMatchingVolume (no node, no excluded volumes, no
 * explanations), with the same answer as matchVolume: the first volume pre-bound to the claim
 * that passes the size, volumeMode, VolumeAttributesClass and deletion checks, else the first
 * smallest Available fit. The checks are only reordered, cheapest and most selective first,
 * because the controller runs this for every claim over every volume of the searched groups.
 */
function controllerScan(claim: PersistentVolumeClaim, volumes: readonly PersistentVolume[], delayBinding: boolean, vacEnabled: boolean, requested: Cap, requestedClass: string, selector: { matches(l: Record<string, string>): boolean } | null): PersistentVolume | null {
  const claimMode = str(claim?.spec?.volumeMode) || 'Filesystem';
  const claimVAC = str(claim?.spec?.volumeAttributesClassName);
  let smallest: PersistentVolume | null = null;
  let smallestQty: Cap | null = null;
  for (let i = 0; i < volumes.length; i++) {
    const volume = volumes[i];
    const spec = volume?.spec;
    const ref = spec?.claimRef;
    if (ref) {
      if (!isVolumeBoundToClaim(volume, claim)) continue;
      // A pre-bound volume: the checks FindMatchingVolume makes before returning it.
      if (cmpCap(capOf(spec?.capacity), requested) < 0) continue;
      if ((str(spec?.volumeMode) || 'Filesystem') !== claimMode) continue;
      const vac = str(spec?.volumeAttributesClassName);
      if (vacEnabled ? vac !== claimVAC : vac !== '') continue;
      if (volume?.metadata?.deletionTimestamp) continue;
      return volume;
    }
    if (delayBinding) continue;
    if (volume?.status?.phase !== 'Available') continue;
    if (volumeClass(volume) !== requestedClass) continue;
    const qty = capOf(spec?.capacity);
    if (cmpCap(qty, requested) < 0) continue;
    if (smallestQty !== null && cmpCap(smallestQty, qty) <= 0) continue; // not smaller than the one kept
    if ((str(spec?.volumeMode) || 'Filesystem') !== claimMode) continue;
    const vac = str(spec?.volumeAttributesClassName);
    if (vacEnabled ? vac !== claimVAC : vac !== '') continue;
    if (volume?.metadata?.deletionTimestamp) continue;
    if (selector !== null && !selector.matches((volume?.metadata?.labels ?? {}) as Record<string, string>)) continue;
    smallest = volume;
    smallestQty = qty;
  }
  return smallest;
}

/**
 * component-helpers FindMatchingVolume: the pre-bound volume, else the smallest fitting one, else null.
 * @example findMatchingVolume(claim01 100G RWO class "wait", volumes, { node: key1=value1,
 *   excludedVolumes: ['affinity001'], delayBinding: true }) // the PV with uid "affinity-pv2"
 */
export function findMatchingVolume(claim: PersistentVolumeClaim, volumes: readonly PersistentVolume[], options: FindMatchingVolumeOptions = {}): PersistentVolume | null {
  return matchVolume(claim, volumes, options).volume;
}

/** One access-mode group of the PV controller's index (index.go accessModesIndexFunc). */
export interface AccessModeGroup {
  key: string;
  modes: string[];
  volumes: PersistentVolume[];
}

/**
 * allPossibleMatchingAccessModes: the groups whose modes contain every requested mode
 * (volumeutil.AccessModesContainedInAll), fewest modes first. Upstream sorts with sort.Sort over
 * map keys, so groups with as many modes come in no fixed order; here they keep index order.
 */
export function allPossibleMatchingAccessModes(groups: readonly AccessModeGroup[], requestedModes: unknown): AccessModeGroup[] {
  const requested = strList(requestedModes);
  return groups
    .filter((g) => requested.every((m) => g.modes.includes(m)))
    .map((g, i) => ({ g, i }))
    .sort((a, b) => a.g.modes.length - b.g.modes.length || a.i - b.i)
    .map(({ g }) => g);
}

export interface BestMatchOptions {
  delayBinding?: boolean;
  vacEnabled?: boolean;
}

export interface BestMatchOutcome extends MatchOutcome {
  /** The access-mode groups searched, in order ("RWO,ROX"...), and the one that answered. */
  searched: string[];
  /** Volumes never looked at because their access modes do not contain the claim's. */
  wrongAccessModes: string[];
}

/**
 * The PV controller's index (index.go persistentVolumeOrderedIndex): volumes grouped by their
 * access-mode set, built once and searched for many claims. Volumes are kept by reference: a
 * binding written into a volume object (claimRef, phase) is seen by the next search; a change of
 * a volume's access modes needs `add` again.
 */
export class VolumeIndex {
  private readonly groups = new Map<string, AccessModeGroup>();
  private readonly keyOf = new Map<string, string>();

  constructor(volumes: readonly PersistentVolume[] = []) {
    for (const v of Array.isArray(volumes) ? volumes : []) this.add(v);
  }

  /** store.Add / Update: a volume of the same name replaces the one indexed before. */
  add(volume: PersistentVolume): void {
    const name = str(volume?.metadata?.name);
    const old = this.keyOf.get(name);
    if (old !== undefined) {
      const g = this.groups.get(old)!;
      const i = g.volumes.findIndex((v) => str(v?.metadata?.name) === name);
      if (i >= 0) g.volumes.splice(i, 1);
    }
    const key = accessModesAsString(volume?.spec?.accessModes);
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = { key, modes: accessModesFromString(key), volumes: [] }));
    g.volumes.push(volume);
    this.keyOf.set(name, key);
  }

  list(): AccessModeGroup[] {
    return [...this.groups.values()];
  }

  /** findByClaim; with `explain`, the reason every volume was passed over. */
  find(claim: PersistentVolumeClaim, options: BestMatchOptions = {}, explain = false): BestMatchOutcome {
    const groups = this.list();
    const candidates = allPossibleMatchingAccessModes(groups, claim?.spec?.accessModes);
    const rejections: Rejection[] = [];
    const searched: string[] = [];
    let wrongAccessModes: string[] = [];
    if (explain) {
      const searchedKeys = new Set(candidates.map((g) => g.key));
      wrongAccessModes = groups.filter((g) => !searchedKeys.has(g.key)).flatMap((g) => g.volumes.map((v) => str(v?.metadata?.name)));
    }
    if (!explain) {
      // The controller's hot path: same answer, no explanations.
      const vacEnabled = options.vacEnabled ?? true;
      const claimKey = `${str(claim?.metadata?.namespace)}/${str(claim?.metadata?.name)}`;
      if (!vacEnabled && str(claim?.spec?.volumeAttributesClassName) !== '') {
        throw new Error(`unsupported volumeAttributesClassName is set on claim ${claimKey} when the feature-gate VolumeAttributesClass is disabled`);
      }
      let selector = null;
      if (claim?.spec?.selector !== undefined && claim?.spec?.selector !== null) {
        selector = labelSelectorAsSelector(claim.spec.selector);
        if (selector.error !== null) throw new Error(`error creating internal label selector for claim: ${claimKey}: ${selector.error}`);
      }
      const requested = capOf(claim?.spec?.resources?.requests);
      const requestedClass = claimClass(claim);
      for (const g of candidates) {
        searched.push(g.key);
        const volume = controllerScan(claim, g.volumes, options.delayBinding ?? false, vacEnabled, requested, requestedClass, selector);
        if (volume !== null) return { volume, prebound: isVolumeBoundToClaim(volume, claim), rejections, searched, wrongAccessModes };
      }
      return { volume: null, prebound: false, rejections, searched, wrongAccessModes };
    }
    for (const g of candidates) {
      searched.push(g.key);
      const out = matchVolume(claim, g.volumes, { node: null, delayBinding: options.delayBinding ?? false, vacEnabled: options.vacEnabled ?? true }, explain);
      rejections.push(...out.rejections);
      if (out.volume !== null) {
        // The groups after this one are never searched: a group with fewer modes already answered.
        if (explain) for (const later of candidates.slice(candidates.indexOf(g) + 1)) for (const v of later.volumes) rejections.push({ volume: str(v?.metadata?.name), reason: 'laterAccessModeGroup' });
        return { volume: out.volume, prebound: out.prebound, rejections, searched, wrongAccessModes };
      }
    }
    return { volume: null, prebound: false, rejections, searched, wrongAccessModes };
  }
}

/** findByClaim with the reasons each volume was passed over. */
export function bestMatch(claim: PersistentVolumeClaim, volumes: readonly PersistentVolume[], options: BestMatchOptions = {}): BestMatchOutcome {
  return new VolumeIndex(volumes).find(claim, options, true);
}

/**
 * index.go findBestMatchForClaim: volumes grouped by their access-mode set; groups that contain
 * every mode the claim asks for are searched fewest modes first; the first group with a match wins.
 * @example findBestMatchForClaim(pvc('8G', [ROX, RWO]), createTestVolumes(), { delayBinding: false }) // uid "gce-pd-10"
 */
export function findBestMatchForClaim(claim: PersistentVolumeClaim, volumes: readonly PersistentVolume[], options: BestMatchOptions = {}): PersistentVolume | null {
  return new VolumeIndex(volumes).find(claim, options, false).volume;
}
