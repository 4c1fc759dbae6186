// A cell's input: the notebook's own kinds (kube-notebook.dev/v1alpha1), neither of
// which is an API object.
//
//   kind: RaftCluster     spec: the RaftInput of contracts/etcd.md (members, seed,
//                         heartbeatMs, electionTimeoutMs, preVote, checkQuorum, untilMs, events)
//   kind: EtcdctlScript   spec.commands: the MvccOp list of contracts/etcd.md
//
// A cell has one of each at most, and at least one. Errors point at the field
// (object + path), so the runtime shows the YAML line.

import { ValidationError } from '../shared/errors.ts';
import type { Manifest } from '../shared/yaml.ts';
import type { MvccOp } from './mvcc.ts';
import type { RaftInput } from './simulate-raft.ts';

export const NOTEBOOK_API_VERSION = 'kube-notebook.dev/v1alpha1';
export const KINDS = ['RaftCluster', 'EtcdctlScript'] as const;

export interface EtcdCellInput {
  raft?: { object: object; input: RaftInput };
  script?: { object: object; commands: MvccOp[] };
}

function specOf(object: Record<string, unknown>): Record<string, unknown> {
  const spec = object.spec;
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new ValidationError('Required value: a mapping', { object, path: ['spec'] });
  }
  return spec as Record<string, unknown>;
}

export function readInput(manifests: readonly Manifest[]): EtcdCellInput {
  const input: EtcdCellInput = {};
  for (const m of manifests) {
    const object = m.object as unknown as Record<string, unknown>;
    if (object.apiVersion !== NOTEBOOK_API_VERSION || !KINDS.includes(object.kind as (typeof KINDS)[number])) {
      throw new ValidationError(`this cell takes ${KINDS.join(' and ')} (apiVersion ${NOTEBOOK_API_VERSION}), got ${String(object.apiVersion)} ${String(object.kind)}`, { object, path: ['kind'], document: m.document });
    }
    const spec = specOf(object);
    if (object.kind === 'RaftCluster') {
      if (input.raft) throw new ValidationError('one RaftCluster per cell', { object, path: ['kind'], document: m.document });
      input.raft = { object, input: spec as unknown as RaftInput };
    } else {
      if (input.script) throw new ValidationError('one EtcdctlScript per cell', { object, path: ['kind'], document: m.document });
      if (!Array.isArray(spec.commands)) throw new ValidationError('Required value: a list of etcdctl commands', { object, path: ['spec', 'commands'], document: m.document });
      input.script = { object, commands: spec.commands as MvccOp[] };
    }
  }
  if (!input.raft && !input.script) throw new ValidationError(`a cell needs a RaftCluster or an EtcdctlScript (apiVersion ${NOTEBOOK_API_VERSION})`);
  return input;
}

/** Re-throws a ValidationError of the engine's own input check as one located in the cell's object. */
export function locate<T>(object: object, prefix: (string | number)[], run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof ValidationError && !e.object) {
      const path = [...prefix, ...(e.path ?? [])];
      const Ctor = e.constructor as typeof ValidationError;
      throw new Ctor(e.reason, { object, path, code: e.code });
    }
    throw e;
  }
}
