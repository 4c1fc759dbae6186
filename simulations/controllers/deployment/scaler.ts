// How the Deployment controller writes a ReplicaSet's new size: the size and
// the desired/max-replicas annotations in one update, and a ScalingReplicaSet
// event on the Deployment when the size changed.
// src: pkg/controller/deployment/sync.go (scaleReplicaSetAndRecordEvent, scaleReplicaSet).

import { deepCopy } from '../../apimachinery/deep-copy.ts';
import type { JsonValue } from '../../apimachinery/json.ts';
import { nameOf, setSpecReplicas, specReplicas } from '../controller-utils.ts';
import type { Deployment, ReplicaSet } from '../types.ts';
import { maxSurge, replicasAnnotationsNeedUpdate, setReplicasAnnotations } from './util.ts';

/** An event as the controller's EventRecorder would emit it. */
export interface ControllerEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** "Deployment default/web". */
  involvedObject: string;
}

/** Where the controller's writes go: the simulated API server for an actor, memory for the pure functions. */
export interface ReplicaSetWriter {
  /** Stores the updated ReplicaSet and returns what was stored; throws on a refused write. */
  updateReplicaSet(rs: ReplicaSet): ReplicaSet;
  recordEvent(event: ControllerEvent): void;
}

/**
 * A writer that keeps everything in memory: the ReplicaSet object given is
 * updated in place (as the fake clientset's tracker would return it), and the
 * events are collected.
 */
export class InMemoryReplicaSetWriter implements ReplicaSetWriter {
  readonly events: ControllerEvent[] = [];
  readonly updates: ReplicaSet[] = [];
  private readonly originals = new Map<ReplicaSet, ReplicaSet>();

  /** Remembers which caller object a copy came from, so the caller's object shows the update. */
  track(copy: ReplicaSet, original: ReplicaSet): void {
    this.originals.set(copy, original);
  }

  updateReplicaSet(rs: ReplicaSet): ReplicaSet {
    const original = this.originals.get(rs);
    this.updates.push(deepCopy(rs as JsonValue) as ReplicaSet);
    if (original) {
      for (const key of Object.keys(original)) delete original[key];
      Object.assign(original, rs);
      return original;
    }
    return rs;
  }

  recordEvent(event: ControllerEvent): void {
    this.events.push(event);
  }
}

function objectKey(object: { metadata?: { namespace?: string; name?: string } }): string {
  const ns = object.metadata?.namespace;
  return ns ? `${ns}/${object.metadata?.name ?? ''}` : (object.metadata?.name ?? '');
}

/**
 * dc.scaleReplicaSet: writes when the size or the replicas annotations differ;
 * `scaled` only when the size changed, with the event
 * "Scaled up replica set web-5d4f8 from 1 to 3".
 */
export function scaleReplicaSet(writer: ReplicaSetWriter, rs: ReplicaSet, newScale: number, deployment: Deployment): { scaled: boolean; rs: ReplicaSet } {
  const desired = specReplicas(deployment);
  const maxReplicas = desired + maxSurge(deployment);
  const sizeNeedsUpdate = specReplicas(rs) !== newScale;
  const annotationsNeedUpdate = replicasAnnotationsNeedUpdate(rs, desired, maxReplicas);
  if (!sizeNeedsUpdate && !annotationsNeedUpdate) return { scaled: false, rs };
  const oldScale = specReplicas(rs);
  const copy = deepCopy(rs as JsonValue) as ReplicaSet;
  if (writer instanceof InMemoryReplicaSetWriter) writer.track(copy, rs);
  setSpecReplicas(copy, newScale);
  setReplicasAnnotations(copy, desired, maxReplicas);
  const stored = writer.updateReplicaSet(copy);
  if (!sizeNeedsUpdate) return { scaled: false, rs: stored };
  const operation = oldScale < newScale ? 'up' : 'down';
  writer.recordEvent({
    type: 'Normal',
    reason: 'ScalingReplicaSet',
    message: `Scaled ${operation} replica set ${nameOf(stored)} from ${oldScale} to ${newScale}`,
    involvedObject: `Deployment ${objectKey(deployment)}`,
  });
  return { scaled: true, rs: stored };
}

/** dc.scaleReplicaSetAndRecordEvent: nothing to do when the size is already right. */
export function scaleReplicaSetAndRecordEvent(writer: ReplicaSetWriter, rs: ReplicaSet, newScale: number, deployment: Deployment): { scaled: boolean; rs: ReplicaSet } {
  if (specReplicas(rs) === newScale) return { scaled: false, rs };
  return scaleReplicaSet(writer, rs, newScale, deployment);
}
