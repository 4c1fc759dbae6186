// The virtual kube-apiserver: every write goes through decode, defaults,
// mutating admission, the kind's strategy, validation, validating admission
// and the store, as the generic registry does it; reads and watches come
// from the store. Pure and deterministic: time is the virtual clock's, UIDs
// and generated names come from a seeded sequence.
// src: staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go (Create, Update, Delete),
//      staging/src/k8s.io/apiserver/pkg/registry/rest/{create,update,delete}.go (BeforeCreate, BeforeUpdate, BeforeDelete)

import type { JsonObject } from '../apimachinery/json.ts';
import { asList, asObject, asOptionalInt, asString } from '../apimachinery/json.ts';
import { deepCopy } from '../apimachinery/deep-copy.ts';
import type { FieldErr } from '../apimachinery/field-errors.ts';
import { goQuote } from '../apimachinery/go-strconv.ts';
import type { Admission, AdmissionAttributes, Operation } from './admission/chain.ts';
import { NO_ADMISSION } from './admission/chain.ts';
import { VirtualClock } from './clock.ts';
import { decodeObject } from './decode/decode.ts';
import { settleNulls } from './decode/nulls.ts';
import { DEFAULTERS } from './defaults/index.ts';
import { IdentitySource } from './identity.ts';
import type { KindInfo } from './kinds.ts';
import { kindKeyOf, lookupKind } from './kinds.ts';
import { fieldManagerScope, updateManagedFields } from './field-manager/field-manager.ts';
import { applyObject, asPatchDecodeFailure, checkPatchRequest, checkPatchedIdentity, patchDecodeError, patchObject } from './patcher.ts';
import type { PatchRequest } from './patcher.ts';
import { strategyFor } from './registry/strategies.ts';
import type { Strategy } from './registry/strategy.ts';
import { jsonEqual } from './registry/strategy.ts';
import type { ApiResult, WatchEvent } from './result.ts';
import { failure, statusErrors, toWatchEvent } from './result.ts';
import { RevisionCompactedError, Storage } from './storage.ts';
import type { StorageEvent } from './storage.ts';
import { validationFor } from './validation/index.ts';

/** Which object: the kind and the name (namespace for namespaced kinds; empty means "default"). */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface DeleteOptions {
  propagationPolicy?: PropagationPolicy;
  gracePeriodSeconds?: number;
  preconditions?: { resourceVersion?: string; uid?: string };
}

export interface WriteOptions {
  /** A dry run goes through every step but the store. */
  dryRun?: boolean;
  /**
   * ?fieldManager=: the write is recorded in metadata.managedFields as an
   * Update by this manager (field-manager/). Without one nothing is recorded
   * (kube-apiserver would fall back to the client's user agent).
   */
  fieldManager?: string;
}

interface Watcher {
  readonly prefix: string;
  readonly handler: (event: WatchEvent) => void;
  live: boolean;
}

/** A live watch: its events are delivered on the clock, after the write that made them. */
export interface WatchSubscription {
  stop(): void;
}

export interface ApiServerOptions {
  clock?: VirtualClock;
  /** Seeds UIDs and generated names (same seed, same sequence). */
  seed?: string;
  admission?: Admission;
}

/** Kinds whose delete answers with the deleted object instead of a Status (their storage sets ReturnDeletedObject). */
const RETURNS_DELETED_OBJECT = new Set(['v1/Pod', 'v1/ServiceAccount', 'storage.k8s.io/v1/StorageClass']);

/** The metav1 finalizers the garbage collector acts on. src: apimachinery/pkg/apis/meta/v1/types.go */
export const FINALIZER_ORPHAN = 'orphan';
export const FINALIZER_FOREGROUND = 'foregroundDeletion';

/** OptimisticLockErrorMsg. src: staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go */
export const OPTIMISTIC_LOCK_MESSAGE = 'the object has been modified; please apply your changes to the latest version and try again';

/**
 * A virtual API server over one store.
 *
 * @example
 *   const api = new ApiServer();
 *   api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' } }).code  // 201
 *   api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' } }).message
 *   // 'configmaps "a" already exists'
 */
export class ApiServer {
  readonly clock: VirtualClock;
  readonly storage = new Storage();
  private readonly identity: IdentitySource;
  private readonly admission: Admission;

  constructor(options: ApiServerOptions = {}) {
    this.clock = options.clock ?? new VirtualClock();
    this.identity = new IdentitySource(options.seed ?? 'kube-notebook');
    this.admission = options.admission ?? NO_ADMISSION;
  }

  // ---- reads -------------------------------------------------------------

  get(ref: ObjectRef): ApiResult {
    const info = lookupKind(ref.apiVersion, ref.kind);
    if (!info) return unknownKind();
    const object = this.storage.get(this.keyOf(info, ref.namespace, ref.name));
    if (!object) return statusErrors.notFound(info.group, info.resource, ref.name);
    return { code: 200, object };
  }

  /** The stored object, or undefined (no Result: for actors and admission plugins). */
  peek(ref: ObjectRef): Readonly<JsonObject> | undefined {
    const info = lookupKind(ref.apiVersion, ref.kind);
    return info ? this.storage.get(this.keyOf(info, ref.namespace, ref.name)) : undefined;
  }

  /** Objects of a kind, in one namespace or (no namespace) all, in key order. */
  list(apiVersion: string, kind: string, namespace?: string): ApiResult {
    const info = lookupKind(apiVersion, kind);
    if (!info) return unknownKind();
    const items = this.storage.list(this.prefixOf(info, namespace));
    return { code: 200, items, resourceVersion: String(this.storage.revision) };
  }

  /**
   * The events a watch from `resourceVersion` has seen so far: absent or "0"
   * starts with ADDED for every current object; an older revision than the
   * history holds ends the watch with 410 Expired.
   */
  watchEvents(apiVersion: string, kind: string, namespace?: string, resourceVersion?: string): ApiResult {
    const info = lookupKind(apiVersion, kind);
    if (!info) return unknownKind();
    const prefix = this.prefixOf(info, namespace);
    if (resourceVersion === undefined || resourceVersion === '' || resourceVersion === '0') {
      const events = this.storage.list(prefix).map((object): WatchEvent => ({ type: 'ADDED', object }));
      return { code: 200, events };
    }
    const rv = parseResourceVersion(resourceVersion);
    if (rv === undefined) return statusErrors.badRequest(`invalid resource version: ${resourceVersion}`);
    try {
      return { code: 200, events: this.storage.eventsSince(rv, prefix).map(toWatchEvent) };
    } catch (e) {
      if (!(e instanceof RevisionCompactedError)) throw e;
      const expired = statusErrors.expired(e.message);
      return { ...expired, events: [{ type: 'ERROR', object: expired.status as unknown as Readonly<JsonObject> }] };
    }
  }

  /**
   * A live watch for actors: `handler` gets each change to objects of the kind
   * (in the namespace, if given) as a task on the clock, after the write.
   * With `resourceVersion` absent or "0" it first gets ADDED for every current object.
   */
  watch(apiVersion: string, kind: string, handler: (event: WatchEvent) => void, options: { namespace?: string; resourceVersion?: string } = {}): WatchSubscription | ApiResult {
    const initial = this.watchEvents(apiVersion, kind, options.namespace, options.resourceVersion);
    if (initial.code !== 200) return initial;
    const info = lookupKind(apiVersion, kind) as KindInfo;
    const watcher: Watcher = { prefix: this.prefixOf(info, options.namespace), handler, live: true };
    for (const event of initial.events ?? []) this.clock.after(0, `watch ${info.resource}`, () => watcher.live && handler(event));
    this.startDispatching();
    // Copy on change: a write delivers to the watchers registered when it happened.
    this.watchers = [...this.watchers, watcher];
    return {
      stop: () => {
        watcher.live = false;
        this.watchers = this.watchers.filter((w) => w !== watcher);
      },
    };
  }

  private watchers: readonly Watcher[] = [];
  private dispatching = false;

  /** One clock task per write delivers it to every watcher of its kind, in the order they subscribed. */
  private startDispatching(): void {
    if (this.dispatching) return;
    this.dispatching = true;
    this.storage.onChange((e: StorageEvent) => {
      const watchers = this.watchers;
      if (watchers.length === 0) return;
      let event: WatchEvent | undefined;
      for (const w of watchers) {
        if (!e.key.startsWith(w.prefix)) continue;
        event ??= toWatchEvent(e);
        const delivered = event;
        this.clock.after(0, 'watch', () => {
          for (const x of watchers) if (x.live && e.key.startsWith(x.prefix)) x.handler(delivered);
        });
        return;
      }
    });
  }

  /** Compacts the history up to the current revision (etcd compaction). */
  compact(): ApiResult {
    this.storage.compact();
    return { code: 200, resourceVersion: String(this.storage.revision) };
  }

  // ---- writes ------------------------------------------------------------

  /** POST: a new object. */
  create(input: object, options: WriteOptions = {}): ApiResult {
    const prepared = this.decodeAndDefault(input);
    if ('code' in prepared) return prepared;
    const { info, obj } = prepared;
    this.settleNamespace(info, metaOf(obj));
    // handlers/create.go: the field manager runs before mutating admission, against the kind's zero value.
    if (options.fieldManager !== undefined) updateManagedFields(undefined, obj, options.fieldManager, fieldManagerScope(info, 'main', this.clock.nowTimestamp()));
    return this.createPrepared(info, obj, options, true);
  }

  /**
   * Puts an object that already exists in the cluster being simulated (a
   * running Pod with its status, a Node, last week's Deployment), as if it had
   * been created and its controllers had written its status: decoded,
   * defaulted and validated like a create, but status, uid, creationTimestamp,
   * generation and managedFields are kept as given (filled when absent), no admission runs
   * and its namespace need not exist. What a restore from an etcd backup does.
   */
  seed(input: object): ApiResult {
    const prepared = this.decodeAndDefault(input);
    if ('code' in prepared) return prepared;
    const { info, obj } = prepared;
    const meta = metaOf(obj);
    delete meta.resourceVersion;
    delete meta.selfLink;
    if (asString(meta.creationTimestamp) === '') meta.creationTimestamp = this.clock.nowTimestamp();
    if (asString(meta.uid) === '') meta.uid = this.identity.nextUid();
    const generateName = asString(meta.generateName);
    if (generateName !== '' && asString(meta.name) === '') meta.name = this.identity.generateName(generateName);
    this.settleNamespace(info, meta);
    const key = kindKeyOf(info);
    const name = asString(meta.name);
    // What a create would have made of it (a Job's selector, a generation), validated as a create
    // is; then the status and generation given are kept.
    const givenStatus = obj.status;
    const givenGeneration = meta.generation;
    strategyFor(key).prepareForCreate(obj);
    const errs = validationFor(key)?.create(obj) ?? [];
    if (errs.length > 0) return statusErrors.invalid(info.group, info.kind, name, errs);
    if (givenStatus !== undefined) obj.status = givenStatus;
    if (givenGeneration !== undefined) metaOf(obj).generation = givenGeneration;
    const storageKey = this.keyOf(info, asString(meta.namespace), name);
    if (this.storage.get(storageKey)) return statusErrors.alreadyExists(info.group, info.resource, name);
    return { code: 201, object: this.storage.create(storageKey, obj).object };
  }

  /** PUT of the main resource: status changes are ignored for kinds with a status subresource. */
  update(input: object, options: WriteOptions = {}): ApiResult {
    return this.put(input, 'main', options);
  }

  /** PUT of the /status subresource: only status (and little else) changes. */
  updateStatus(input: object, options: WriteOptions = {}): ApiResult {
    return this.put(input, 'status', options);
  }

  /**
   * PATCH. `type` is the Content-Type: application/merge-patch+json (RFC 7386,
   * the default), application/strategic-merge-patch+json (lists and maps
   * merge as the kind's Go struct tags say), application/json-patch+json
   * (RFC 6902). The patched object is decoded strictly (a failure is a 422 on
   * `patch`), defaulted, and goes through the update path; a
   * metadata.resourceVersion in it is a precondition, as upstream's patcher
   * makes it.
   * src: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go (patcher.go here)
   */
  patch(ref: ObjectRef, patch: unknown, options: WriteOptions & PatchRequest & { subresource?: 'status' } = {}): ApiResult {
    const refused = checkPatchRequest(options);
    if (refused) return refused;
    const type = options.type ?? 'application/merge-patch+json';
    if (type === 'application/apply-patch+yaml') return this.apply(ref, patch, options);
    const info = lookupKind(ref.apiVersion, ref.kind);
    if (!info) return unknownKind();
    const existing = this.storage.get(this.keyOf(info, ref.namespace, ref.name));
    if (!existing) return statusErrors.notFound(info.group, info.resource, ref.name);
    const patched = patchObject(info, existing, patch, type);
    if ('code' in patched) return patched;
    const mismatch = checkPatchedIdentity(info, ref.namespace || 'default', ref.name, patched.object);
    // A patched object that does not decode is refused before its name is looked at.
    if (mismatch) return patchDecodeError(patched) ?? mismatch;
    // A patch carries no UID precondition (its UpdatedObjectInfo has no object): a changed uid is left to validation.
    return asPatchDecodeFailure(this.put(patched.object, options.subresource === 'status' ? 'status' : 'main', options, false), patched);
  }

  /**
   * Server-side apply (PATCH application/apply-patch+yaml): `config` merged
   * into the stored object (or a new one) by the field manager, which records
   * `fieldManager` as the owner of exactly the config's fields; a change to a
   * field another manager owns is a 409 Conflict unless `force`. The result is
   * defaulted and goes through the update path (a create when nothing is stored).
   * src: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go (applyPatcher)
   */
  apply(ref: ObjectRef, config: unknown, options: WriteOptions & { force?: boolean; subresource?: 'status' } = {}): ApiResult {
    const refused = checkPatchRequest({ ...options, type: 'application/apply-patch+yaml' });
    if (refused) return refused;
    const info = lookupKind(ref.apiVersion, ref.kind);
    if (!info) return unknownKind();
    const subresource = options.subresource === 'status' ? 'status' : 'main';
    const existing = this.storage.get(this.keyOf(info, ref.namespace, ref.name));
    if (!existing && subresource === 'status') return statusErrors.notFound(info.group, info.resource, ref.name);
    const scope = fieldManagerScope(info, subresource, this.clock.nowTimestamp());
    const applied = applyObject(info, existing, config, options.fieldManager ?? '', options.force === true, scope);
    if ('code' in applied) return applied;
    const mismatch = checkPatchedIdentity(info, ref.namespace || 'default', ref.name, applied.object);
    if (mismatch) return mismatch;
    // The managedFields are the apply's own: the update path records no Update on top.
    return this.put(applied.object, subresource, { dryRun: options.dryRun }, false, true);
  }

  /**
   * POST pods/binding: what kube-scheduler does to put a Pod on a node. The
   * Pod gets spec.nodeName and the condition PodScheduled=True, written straight
   * to storage (no strategy, no generation bump); a Pod already bound, being
   * deleted or still gated is a Conflict on pods/binding.
   * src: pkg/registry/core/pod/storage/storage.go (BindingREST.Create, assignPod, setPodNodeAndMetadata),
   *      pkg/apis/core/validation/validation.go (ValidatePodBinding)
   */
  bind(ref: { namespace?: string; name: string; uid?: string }, target: { name: string; kind?: string }, annotations: Record<string, string> = {}): ApiResult {
    if (target.kind !== undefined && target.kind !== '' && target.kind !== 'Node') {
      return statusErrors.invalid('', 'Binding', ref.name, [notSupportedTarget(target.kind)]);
    }
    if (target.name === '') return statusErrors.invalid('', 'Binding', ref.name, [{ type: 'FieldValueRequired', field: 'target.name', path: ['target', 'name'], badValue: '', detail: '' }]);
    const info = lookupKind('v1', 'Pod') as KindInfo;
    const key = this.keyOf(info, ref.namespace, ref.name);
    const existing = this.storage.get(key);
    if (!existing) return statusErrors.notFound('', 'pods', ref.name);
    const meta = asObject(existing.metadata);
    const spec = asObject(existing.spec);
    const refuse = (why: string) => statusErrors.conflict('', 'pods/binding', ref.name, why);
    if (ref.uid !== undefined && ref.uid !== asString(meta?.uid)) {
      return refuse(`StorageError: invalid object, Code: 4, Key: ${key}, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: ${ref.uid}, UID in object meta: ${asString(meta?.uid)}`);
    }
    if (meta?.deletionTimestamp !== undefined) return refuse(`pod ${ref.name} is being deleted, cannot be assigned to a host`);
    if (asString(spec?.nodeName) !== '') return refuse(`pod ${ref.name} is already assigned to node ${goQuote(asString(spec?.nodeName))}`);
    if (asList(spec?.schedulingGates).length > 0) return refuse(`pod ${ref.name} has non-empty .spec.schedulingGates`);
    const pod = deepCopy(existing as JsonObject);
    const podSpec = asObject(pod.spec) as JsonObject;
    podSpec.nodeName = target.name;
    if (Object.keys(annotations).length > 0) {
      const m = metaOf(pod);
      m.annotations = { ...(asObject(m.annotations) ?? {}), ...annotations };
    }
    setPodCondition(pod, { type: 'PodScheduled', status: 'True' }, this.clock.nowTimestamp());
    this.storage.update(key, pod);
    return { code: 201, object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } };
  }

  /** DELETE, with graceful deletion, finalizers and the garbage collector's propagation policies. */
  delete(ref: ObjectRef, options: DeleteOptions = {}, writeOptions: WriteOptions = {}): ApiResult {
    const info = lookupKind(ref.apiVersion, ref.kind);
    if (!info) return unknownKind();
    const key = this.keyOf(info, ref.namespace, ref.name);
    const existing = this.storage.get(key);
    if (!existing) return statusErrors.notFound(info.group, info.resource, ref.name);
    const kindKeyText = kindKeyOf(info);
    const strategy = strategyFor(kindKeyText);
    if (kindKeyText === 'v1/Namespace') {
      const first = this.beginNamespaceDeletion(info, key, existing, options, writeOptions);
      if (first) return first;
    }

    const obj = deepCopy(existing as JsonObject);
    const before = this.beforeDelete(info, strategy, obj, options);
    if ('code' in before) return before;
    if (before.pending) return this.finalizeDelete(kindKeyText, info, existing, false);

    const admitted = this.admission.admitAndValidate(this.attributes('DELETE', info, existing, existing, writeOptions.dryRun));
    if (admitted) return admitted;

    const meta = metaOf(obj);
    const finalizersBefore = stringList(meta.finalizers);
    const finalizers = deletionFinalizers(finalizersBefore, options);
    const finalizersChanged = !sameSet(finalizersBefore, finalizers);
    let deleteNow = true;
    let out: Readonly<JsonObject> = existing;
    if (before.graceful || finalizersBefore.length > 0 || finalizersChanged) {
      if (finalizersChanged) meta.finalizers = finalizers;
      if (finalizers.length === 0) delete meta.finalizers;
      const pendingFinalizers = finalizers.length > 0;
      if (!before.graceful && pendingFinalizers) markAsDeleting(meta, this.clock.nowTimestamp());
      if (before.graceful || pendingFinalizers) {
        if (writeOptions.dryRun) return { code: 200, object: obj };
        out = isNoop(obj, existing) ? existing : this.storage.update(key, obj).object;
        deleteNow = !pendingFinalizers && (before.gracePeriodSeconds ?? 0) === 0;
      }
    }
    if (!deleteNow) return { code: 200, object: out };
    if (writeOptions.dryRun) return { code: 200, object: out };
    const deleted = this.storage.delete(key);
    return this.finalizeDelete(kindKeyText, info, deleted.object, true);
  }

  /**
   * The namespace REST's Delete: the first delete only marks the namespace
   * Terminating (the namespace controller then empties it and removes the
   * `kubernetes` finalizer from spec.finalizers); a delete while spec.finalizers
   * is not empty is a Conflict; after that, the usual delete.
   * src: pkg/registry/core/namespace/storage/storage.go (REST.Delete)
   */
  private beginNamespaceDeletion(info: KindInfo, key: string, existing: Readonly<JsonObject>, options: DeleteOptions, writeOptions: WriteOptions): ApiResult | undefined {
    const name = asString(asObject(existing.metadata)?.name);
    const uid = asString(asObject(existing.metadata)?.uid);
    if (options.preconditions?.uid !== undefined && options.preconditions.uid !== uid) {
      return statusErrors.conflict('', 'namespaces', name, `Precondition failed: UID in precondition: ${options.preconditions.uid}, UID in object meta: ${uid}`);
    }
    const refused = this.admission.admitAndValidate(this.attributes('DELETE', info, existing, existing, writeOptions.dryRun));
    if (refused) return refused;
    const meta = asObject(existing.metadata);
    if (meta?.deletionTimestamp === undefined) {
      const obj = deepCopy(existing as JsonObject);
      const m = metaOf(obj);
      m.deletionTimestamp = this.clock.nowTimestamp();
      const status = asObject(obj.status) ?? {};
      status.phase = 'Terminating';
      obj.status = status;
      const finalizers = deletionFinalizers(stringList(m.finalizers), options);
      if (finalizers.length > 0) m.finalizers = finalizers;
      else delete m.finalizers;
      if (writeOptions.dryRun) return { code: 200, object: obj };
      return { code: 200, object: this.storage.update(key, obj).object };
    }
    if (stringList(asObject(existing.spec)?.finalizers).length > 0) {
      return statusErrors.conflict('', 'namespaces', name, 'The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.');
    }
    return undefined;
  }

  // ---- the write pipeline --------------------------------------------------

  private decodeAndDefault(input: object): { info: KindInfo; obj: JsonObject } | ApiResult {
    const raw = asObject(input);
    if (!raw) return statusErrors.badRequest('Object \'Kind\' is missing in \'null\'');
    const apiVersion = asString(raw.apiVersion);
    const kind = asString(raw.kind);
    if (kind === '') return statusErrors.badRequest(`Object 'Kind' is missing in '${JSON.stringify(raw)}'`);
    const info = lookupKind(apiVersion, kind);
    if (!info) return unknownKind();
    const decoded = decodeObject(raw);
    if (!decoded.ok) return { ...statusErrors.badRequest(decoded.message), problems: decoded.problems };
    const obj = deepCopy(raw);
    // Go's decode then encode: a null becomes a zero value or goes, before defaults and validation read it.
    if (decoded.nulls) settleNulls(obj);
    DEFAULTERS[kindKeyOf(info)]?.(obj);
    return { info, obj };
  }

  /** rest.FillObjectMetaSystemFields, generateName, and the request namespace. */
  private fillSystemFields(info: KindInfo, obj: JsonObject): void {
    const meta = metaOf(obj);
    meta.creationTimestamp = this.clock.nowTimestamp();
    meta.uid = this.identity.nextUid();
    const generateName = asString(meta.generateName);
    if (generateName !== '' && asString(meta.name) === '') meta.name = this.identity.generateName(generateName);
    this.settleNamespace(info, meta);
  }

  /** EnsureObjectNamespaceMatchesRequestNamespace with the object's own namespace as the request's (kubectl's -n). */
  private settleNamespace(info: KindInfo, meta: JsonObject): void {
    if (!info.namespaced) {
      delete meta.namespace;
      return;
    }
    if (asString(meta.namespace) === '') meta.namespace = 'default';
  }

  /**
   * The create path of the handler and Store.create: mutating admission (the
   * name may still be a generateName), then the system fields and the name,
   * PrepareForCreate, validation, validating admission, and the store.
   */
  private createPrepared(info: KindInfo, obj: JsonObject, options: WriteOptions, fromPost: boolean): ApiResult {
    const key = kindKeyOf(info);
    const mutated = this.admission.admit(this.attributes('CREATE', info, obj, undefined, options.dryRun));
    if (mutated) return mutated;
    this.fillSystemFields(info, obj);
    const meta = metaOf(obj);
    const name = asString(meta.name);
    strategyFor(key).prepareForCreate(obj);
    const errs = validationFor(key)?.create(obj) ?? [];
    if (errs.length > 0) return statusErrors.invalid(info.group, info.kind, name, errs);
    const rejected = this.admission.validate(this.attributes('CREATE', info, obj, undefined, options.dryRun));
    if (rejected) return rejected;
    const storageKey = this.keyOf(info, asString(meta.namespace), name);
    const existing = this.storage.get(storageKey);
    if (existing) {
      const exists = statusErrors.alreadyExists(info.group, info.resource, name);
      if (asObject(existing.metadata)?.deletionTimestamp !== undefined) return withMessage(exists, `object is being deleted: ${exists.message}`);
      return exists;
    }
    if (fromPost && asString(meta.resourceVersion) !== '') {
      // etcd3 store.Create refuses it (storage.ErrResourceVersionSetOnCreate), answered as an internal error.
      return statusErrors.internal('resourceVersion should not be set on objects to be created');
    }
    delete meta.resourceVersion;
    if (options.dryRun) return { code: 201, object: obj };
    return { code: 201, object: this.storage.create(storageKey, obj).object };
  }

  /**
   * Store.Update: the UID precondition a PUT body carries, mutating admission,
   * optimistic concurrency (an absent resourceVersion takes the stored one where
   * the kind allows unconditional updates), BeforeUpdate, validation,
   * validating admission, then the write: none when nothing changed, a delete
   * when the last finalizer of an object being deleted went away.
   */
  private put(input: object, subresource: 'main' | 'status', options: WriteOptions, uidPrecondition = true, forceAllowCreate = false): ApiResult {
    const prepared = this.decodeAndDefault(input);
    if ('code' in prepared) return prepared;
    const { info, obj } = prepared;
    const meta = metaOf(obj);
    this.settleNamespace(info, meta);
    const name = asString(meta.name);
    const kindKeyText = kindKeyOf(info);
    const strategy = strategyFor(kindKeyText);
    const storageKey = this.keyOf(info, asString(meta.namespace), name);
    const existing = this.storage.get(storageKey);
    if (!existing) {
      if (subresource === 'status' || (!strategy.allowCreateOnUpdate && !forceAllowCreate)) return statusErrors.notFound(info.group, info.resource, name);
      if (options.fieldManager !== undefined) updateManagedFields(undefined, obj, options.fieldManager, fieldManagerScope(info, 'main', this.clock.nowTimestamp()));
      return this.createPrepared(info, obj, options, false);
    }
    const existingMeta = metaOf(existing as JsonObject);
    const uid = asString(meta.uid);
    if (uidPrecondition && uid !== '' && uid !== existingMeta.uid) {
      // rest.defaultUpdatedObjectInfo.Preconditions: the body's uid is a precondition the storage checks.
      const why = `StorageError: invalid object, Code: 4, Key: ${storageKey}, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: ${uid}, UID in object meta: ${asString(existingMeta.uid)}`;
      return statusErrors.conflict(info.group, info.resource, name, why);
    }
    // handlers/update.go and patch.go: the field manager runs in the updated-object transform, before mutating admission.
    if (options.fieldManager !== undefined) updateManagedFields(existing, obj, options.fieldManager, fieldManagerScope(info, subresource, this.clock.nowTimestamp()));
    const mutated = this.admission.admit(this.attributes('UPDATE', info, obj, existing, options.dryRun));
    if (mutated) return mutated;
    const rv = asString(meta.resourceVersion);
    if (rv === '') {
      if (!strategy.allowUnconditionalUpdate) {
        return statusErrors.invalid(info.group, info.resource, name, [
          { type: 'FieldValueInvalid', field: 'metadata.resourceVersion', path: ['metadata', 'resourceVersion'], badValue: 0, detail: 'must be specified for an update' },
        ]);
      }
      meta.resourceVersion = existingMeta.resourceVersion;
    } else if (rv !== existingMeta.resourceVersion) {
      return statusErrors.conflict(info.group, info.resource, name, OPTIMISTIC_LOCK_MESSAGE);
    }
    this.beforeUpdate(strategy, subresource, obj, existing);
    const validation = validationFor(kindKeyText);
    const errs =
      subresource === 'status'
        ? (validation?.statusUpdate?.(obj, existing as JsonObject) ?? [])
        : (validation?.update?.(obj, existing as JsonObject) ?? validation?.create(obj) ?? []);
    if (errs.length > 0) return statusErrors.invalid(info.group, info.kind, name, errs);
    const rejected = this.admission.validate(this.attributes('UPDATE', info, obj, existing, options.dryRun));
    if (rejected) return rejected;
    if (options.dryRun) return { code: 200, object: obj };
    if (shouldDeleteDuringUpdate(meta, existingMeta)) {
      // The last finalizer went away from an object being deleted: it goes now (deleteWithoutFinalizers).
      this.storage.delete(storageKey);
      return { code: 200, object: obj };
    }
    if (isNoop(obj, existing)) return { code: 200, object: existing };
    return { code: 200, object: this.storage.update(storageKey, obj).object };
  }

  /** rest.BeforeUpdate: generation, uid, creationTimestamp and deletion fields cannot be changed by a client. */
  private beforeUpdate(strategy: Strategy, subresource: 'main' | 'status', obj: JsonObject, existing: Readonly<JsonObject>): void {
    const meta = metaOf(obj);
    const old = metaOf(existing as JsonObject);
    if (old.generation !== undefined) meta.generation = old.generation;
    else delete meta.generation;
    if (subresource === 'status') strategy.prepareForStatusUpdate(obj, existing);
    else strategy.prepareForUpdate(obj, existing);
    if (asString(meta.uid) === '') meta.uid = old.uid;
    if (old.creationTimestamp !== undefined) meta.creationTimestamp = old.creationTimestamp;
    if (old.deletionTimestamp !== undefined) meta.deletionTimestamp = old.deletionTimestamp;
    if (old.deletionGracePeriodSeconds !== undefined && meta.deletionGracePeriodSeconds === undefined) {
      meta.deletionGracePeriodSeconds = old.deletionGracePeriodSeconds;
    }
  }

  /**
   * rest.BeforeDelete: preconditions, then the graceful-deletion decision.
   * Returns whether the delete is graceful, or already pending.
   */
  private beforeDelete(info: KindInfo, strategy: Strategy, obj: JsonObject, options: DeleteOptions): { graceful: boolean; pending: boolean; gracePeriodSeconds?: number } | ApiResult {
    const meta = metaOf(obj);
    const pre = options.preconditions;
    // Upstream names the kind where the resource goes here (GroupResource{Group, Resource: gvk.Kind}).
    if (pre?.uid !== undefined && pre.uid !== meta.uid) {
      return statusErrors.conflict(info.group, info.kind, asString(meta.name), `the UID in the precondition (${pre.uid}) does not match the UID in record (${asString(meta.uid)}). The object might have been deleted and then recreated`);
    }
    if (pre?.resourceVersion !== undefined && pre.resourceVersion !== meta.resourceVersion) {
      return statusErrors.conflict(info.group, info.kind, asString(meta.name), `the ResourceVersion in the precondition (${pre.resourceVersion}) does not match the ResourceVersion in record (${asString(meta.resourceVersion)}). The object might have been modified`);
    }
    let requested = options.gracePeriodSeconds;
    if (requested !== undefined && requested < 0) requested = 1;
    if (!strategy.gracePeriodSeconds) return { graceful: false, pending: false };
    const now = this.clock.now();
    if (meta.deletionTimestamp !== undefined) {
      const current = asOptionalInt(meta.deletionGracePeriodSeconds);
      if (current === undefined || current === 0) return { graceful: false, pending: false };
      if (requested === undefined || requested >= current) return { graceful: false, pending: true };
      // Only a shorter grace period may be given: move deletionTimestamp back, never before now.
      let period = requested;
      let at = this.timeOf(asString(meta.deletionTimestamp)) - current * 1000 + period * 1000;
      if (at < now) {
        at = now;
        if (period !== 0) period = 1;
      }
      meta.deletionTimestamp = this.clock.timestamp(at);
      meta.deletionGracePeriodSeconds = period;
      return { graceful: true, pending: false, gracePeriodSeconds: period };
    }
    const period = strategy.gracePeriodSeconds(obj, requested);
    meta.deletionTimestamp = this.clock.timestamp(now + period * 1000);
    meta.deletionGracePeriodSeconds = period;
    if (typeof meta.generation === 'number' && meta.generation > 0) meta.generation += 1;
    return { graceful: true, pending: false, gracePeriodSeconds: period };
  }

  /** finalizeDelete: the deleted object for kinds that return it, else a Status with the object's identity. */
  private finalizeDelete(kindKeyText: string, info: KindInfo, object: Readonly<JsonObject>, deleted: boolean): ApiResult {
    if (RETURNS_DELETED_OBJECT.has(kindKeyText) || !deleted) return { code: 200, object };
    const meta = asObject(object.metadata);
    const details: JsonObject = { name: asString(meta?.name) };
    if (info.group !== '') details.group = info.group;
    details.kind = info.resource; // "Yes we set Kind field to resource." (store.go)
    details.uid = asString(meta?.uid);
    return { code: 200, object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details } };
  }

  private attributes(operation: Operation, info: KindInfo, object: Readonly<JsonObject>, oldObject: Readonly<JsonObject> | undefined, dryRun = false): AdmissionAttributes {
    const meta = asObject(object.metadata);
    // extractResourceName (pkg/admission/errors.go): before the name is generated, admission names the generateName.
    const name = asString(meta?.name) || asString(meta?.generateName) || 'Unknown';
    return { operation, kind: info, object, oldObject, namespace: asString(meta?.namespace), name, dryRun, server: this };
  }

  private timeOf(timestamp: string): number {
    return Date.parse(timestamp) - this.clock.epochMs;
  }

  /** The etcd key of an object. */
  keyOf(info: KindInfo, namespace: string | undefined, name: string): string {
    return info.namespaced ? `/registry/${info.etcdPrefix}/${namespace || 'default'}/${name}` : `/registry/${info.etcdPrefix}/${name}`;
  }

  private prefixOf(info: KindInfo, namespace: string | undefined): string {
    return info.namespaced && namespace ? `/registry/${info.etcdPrefix}/${namespace}/` : `/registry/${info.etcdPrefix}/`;
  }
}

function unknownKind(): ApiResult {
  // An unregistered group/version/resource: the API server has no handler for it.
  return failure({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 });
}

function withMessage(result: ApiResult, message: string): ApiResult {
  const status = result.status ? { ...result.status, message } : undefined;
  return { ...result, message, ...(status ? { status } : {}) };
}

function metaOf(obj: JsonObject): JsonObject {
  const m = asObject(obj.metadata);
  if (m) return m;
  const fresh: JsonObject = {};
  obj.metadata = fresh;
  return fresh;
}

function stringList(v: unknown): string[] {
  return asList(v).filter((s): s is string => typeof s === 'string');
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size !== sb.size) return false;
  for (const x of sa) if (!sb.has(x)) return false;
  return true;
}

function parseResourceVersion(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/**
 * deletionFinalizersForGarbageCollection: Orphan adds `orphan`, Foreground
 * adds `foregroundDeletion`, Background removes both; with no policy, a
 * finalizer already there decides, else the default (Background).
 */
function deletionFinalizers(current: readonly string[], options: DeleteOptions): string[] {
  const policy = options.propagationPolicy;
  const orphan = policy === 'Orphan' || (policy === undefined && current.includes(FINALIZER_ORPHAN) && !current.includes(FINALIZER_FOREGROUND));
  const foreground = policy === 'Foreground' || (policy === undefined && current.includes(FINALIZER_FOREGROUND));
  const out = current.filter((f) => f !== FINALIZER_ORPHAN && f !== FINALIZER_FOREGROUND);
  if (orphan) out.push(FINALIZER_ORPHAN);
  if (foreground) out.push(FINALIZER_FOREGROUND);
  return out;
}

/** markAsDeleting: deletionTimestamp now (unless already earlier), grace 0, generation bumped on the first deletion. */
function markAsDeleting(meta: JsonObject, now: string): void {
  if (meta.deletionTimestamp === undefined && typeof meta.generation === 'number' && meta.generation > 0) meta.generation += 1;
  const existing = asString(meta.deletionTimestamp);
  if (existing === '' || existing > now) meta.deletionTimestamp = now;
  meta.deletionGracePeriodSeconds = 0;
}

/** ShouldDeleteDuringUpdate: no finalizers left, a delete was asked for, and no grace period is running. */
function shouldDeleteDuringUpdate(meta: JsonObject, oldMeta: JsonObject): boolean {
  if (stringList(meta.finalizers).length > 0) return false;
  if (oldMeta.deletionTimestamp === undefined) return false;
  const grace = asOptionalInt(oldMeta.deletionGracePeriodSeconds);
  return grace === undefined || grace === 0;
}

/**
 * An update that changes nothing is not written (etcd3's GuaranteedUpdate
 * skips the write when the encoded object is unchanged), so the
 * resourceVersion stays and no watch event fires.
 */
function isNoop(obj: JsonObject, existing: Readonly<JsonObject>): boolean {
  const a = { ...obj, metadata: { ...metaOf(obj), resourceVersion: '' } };
  const b = { ...existing, metadata: { ...(asObject(existing.metadata) ?? {}), resourceVersion: '' } };
  return jsonEqual(a, b);
}

function notSupportedTarget(kind: string): FieldErr {
  // ValidatePodBinding: "must be empty or 'Node'"
  return { type: 'FieldValueNotSupported', field: 'target.kind', path: ['target', 'kind'], badValue: kind, detail: 'supported values: "Node", ""' };
}

/**
 * podutil.UpdatePodCondition: the condition replaces the Pod's condition of
 * its type (reason and message go with it) or is added; its
 * lastTransitionTime is now, unless the status did not change.
 * src: pkg/api/pod/util.go (UpdatePodCondition)
 */
function setPodCondition(pod: JsonObject, condition: { type: string; status: string }, now: string): void {
  const status = asObject(pod.status) ?? {};
  pod.status = status;
  const conditions = asList(status.conditions).filter((c): c is JsonObject => asObject(c) !== undefined);
  const i = conditions.findIndex((c) => c.type === condition.type);
  const lastTransitionTime = i >= 0 && conditions[i].status === condition.status ? (conditions[i].lastTransitionTime ?? null) : now;
  const replaced: JsonObject = { type: condition.type, status: condition.status, lastProbeTime: null, lastTransitionTime };
  if (i < 0) conditions.push(replaced);
  else conditions[i] = replaced;
  status.conditions = conditions;
}
