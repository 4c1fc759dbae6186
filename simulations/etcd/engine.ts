// The etcd engine (chapter 8): a Raft cluster on the virtual clock, and an
// etcdctl script against etcd's MVCC store, in one cell or apart.
import type { Engine, TraceStep } from '../shared/engine.ts';
import { LimitExceededError } from '../shared/errors.ts';
import { flattenLists } from '../shared/yaml.ts';
import { runMvcc } from './mvcc.ts';
import type { MvccStore } from './mvcc-store.ts';
import { readInput, locate } from './schema.ts';
import { runRaft } from './simulate-raft.ts';
import { buildView } from './view-model.ts';
import type { EtcdResult, EtcdView } from './view-model.ts';

/** The trace keeps at most this many steps (a long run has a step per election, commit and rejection). */
export const MAX_TRACE_STEPS = 2000;

/**
 * Each key's writes in revision order, from a store that kept what compaction
 * dropped; those versions are marked compacted (key_index.go compact: at or
 * below the compaction revision everything goes but a key's put at that revision).
 */
function keyHistory(store: MvccStore): { history: NonNullable<EtcdResult['mvcc']>['history']; compactedAt: number } {
  const compactedAt = Math.max(0, store.compactMainRev);
  const byKey = new Map<string, { revision: number; type: 'PUT' | 'DELETE'; value: string; compacted: boolean }[]>();
  for (const e of store.events({ key: '\0', end: '\0' }, 1)) {
    const list = byKey.get(e.kv.key) ?? [];
    list.push({ revision: e.kv.mod_revision, type: e.type, value: e.kv.value ?? '', compacted: false });
    byKey.set(e.kv.key, list);
  }
  for (const list of byKey.values()) {
    let kept = -1;
    list.forEach((r, i) => {
      if (r.revision <= compactedAt) kept = i;
    });
    list.forEach((r, i) => {
      r.compacted = r.revision <= compactedAt && !(i === kept && r.type === 'PUT');
    });
  }
  return { history: [...byKey.entries()].map(([key, revisions]) => ({ key, revisions })), compactedAt };
}

export const engine: Engine<EtcdResult, EtcdView> = {
  id: 'etcd',
  version: '1',
  title: 'etcd: Raft and MVCC',
  summary: 'A Raft cluster on a virtual clock (elections, PreVote, CheckQuorum, replication, crashes and partitions) and etcdctl commands against etcd’s multi-version store, answered as etcdctl -w json prints them.',
  view: 'etcd/result',
  run(manifests, ctx) {
    const input = readInput(flattenLists(manifests));
    const result: EtcdResult = {};
    const trace: TraceStep[] = [];
    if (input.raft) {
      const { object, input: raftInput } = input.raft;
      if (typeof raftInput.untilMs === 'number' && raftInput.untilMs > ctx.budget.maxVirtualTimeMs) {
        throw new LimitExceededError(`must be at most ${ctx.budget.maxVirtualTimeMs} (the virtual time budget), got ${raftInput.untilMs}`, { object, path: ['spec', 'untilMs'] });
      }
      const run = locate(object, ['spec'], () => runRaft(raftInput, { trace: ctx.detail, timeline: true }));
      result.raft = run.output;
      result.timeline = run.timeline;
      for (const step of run.trace.slice(0, MAX_TRACE_STEPS)) {
        trace.push({ title: step.title, at: step.at, subject: step.member ? `member ${step.member}` : 'network', source: step.rule, level: /became leader|stepped down|crashed|dropped/.test(step.title) ? 'decision' : 'info' });
      }
      if (run.trace.length > MAX_TRACE_STEPS) trace.push({ title: `… ${run.trace.length - MAX_TRACE_STEPS} more steps not shown`, level: 'warning' });
    }
    if (input.script) {
      const { object, commands } = input.script;
      const { results, store } = locate(object, ['spec', 'commands'], () => runMvcc(commands, { keepHistory: true }));
      result.mvcc = { commands, results, ...keyHistory(store) };
      commands.forEach((c, i) => {
        const r = results[i];
        trace.push({ title: `etcdctl ${c.op}: ${'error' in r ? r.error : 'header' in r && r.header ? `revision ${r.header.revision}` : 'ok'}`, subject: 'etcdctl', source: 'etcd server/storage/mvcc, server/etcdserver/txn' });
      });
    }
    return { result, trace };
  },
  viewModel: buildView,
};
