// `npm run bench -- etcd` (issue 18): a 5-member Raft cluster taking 10,000 proposals with a
// leader crash and a 2|3 partition along the way (target: under 1 s), and mvcc() over
// 100,000 etcdctl operations on 10,000 keys with a compaction halfway (target: under 1 s).
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { mvcc, simulateRaft } from '../../simulations/index.ts';
import type { MvccOp, RaftEvent, RaftInput } from '../../simulations/index.ts';
import type { BenchResult } from './run.ts';

/**
 * 10,000 proposals, one every 2 ms from t = 3 s; the leader crashes at 8 s and comes back at
 * 14 s; from 18 s to 24 s the leader of the time is cut off with one follower (2|3), so the
 * majority elects another and the old one steps down (CheckQuorum).
 */
export function raftScenario(): RaftInput {
  const events: RaftEvent[] = [];
  for (let i = 0; i < 10_000; i++) events.push({ at: 3000 + 2 * i, type: 'propose', value: `p${i}` });
  events.push({ at: 8000, type: 'crash', member: 'leader' });
  for (let id = 1; id <= 5; id++) events.push({ at: 14_000, type: 'restart', member: id });
  const input: RaftInput = { members: 5, seed: 42, heartbeatMs: 100, electionTimeoutMs: [1000, 2000], untilMs: 30_000, events };
  // Who leads at 18 s is decided by the seed: look, then put that leader in the minority.
  const before = simulateRaft({ ...input, untilMs: 18_000 });
  const leader = before.members.find((m) => m.state === 'StateLeader' && m.up)?.id ?? 1;
  const minority = [leader, leader === 1 ? 2 : 1];
  const majority = [1, 2, 3, 4, 5].filter((id) => !minority.includes(id));
  events.push({ at: 18_000, type: 'partition', groups: [minority, majority] }, { at: 24_000, type: 'heal' });
  return input;
}

/** 100,000 operations over 10,000 keys: puts (some with prev_kv), gets (some at an old revision or a prefix), deletes, txns; a compaction at the middle. */
export function mvccScript(): MvccOp[] {
  const ops: MvccOp[] = [{ op: 'leaseGrant', id: 1, ttl: 600 }];
  let x = 12345;
  const rand = (n: number) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x % n;
  };
  const key = (i: number) => `/registry/pods/default/pod-${String(i).padStart(5, '0')}`;
  for (let i = 0; i < 10_000; i++) ops.push({ op: 'put', key: key(i), value: `v0-${i}` });
  while (ops.length < 100_000) {
    const k = key(rand(10_000));
    const r = rand(100);
    if (ops.length === 55_000) ops.push({ op: 'compact', rev: 40_000 });
    else if (r < 45) ops.push({ op: 'put', key: k, value: `v-${ops.length}`, prevKv: r < 5, lease: r === 7 ? 1 : undefined });
    else if (r < 75) ops.push({ op: 'get', key: k });
    else if (r < 80) ops.push({ op: 'get', key: k.slice(0, -2), prefix: true, limit: 50 });
    else if (r < 85) ops.push({ op: 'get', key: k, rev: 45_000 + rand(5_000) });
    else if (r < 92) ops.push({ op: 'del', key: k, prevKv: r < 87 });
    else ops.push({ op: 'txn', compare: [{ key: k, target: 'mod', result: '>', value: 0 }], success: [{ op: 'put', key: k, value: 'cas' }], failure: [{ op: 'get', key: k }] });
  }
  return ops;
}

const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

export async function bench(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const input = raftScenario();
  simulateRaft({ ...input, events: input.events.slice(0, 2000), untilMs: 8000 }); // warm up (JIT)
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const raft = simulateRaft(input);
  const raftMs = performance.now() - t0;
  const raftCpu = cpuMs(process.cpuUsage(c0));
  const committedEverywhere = Math.min(...raft.members.map((m) => m.commitIndex));
  out.push({
    name: 'simulateRaft: 5 members, 10,000 proposals, a leader crash and a 2|3 partition',
    value: `${raftMs.toFixed(0)} ms`,
    target: '< 1000 ms',
    met: raftMs < 1000,
    notes: [`CPU ${raftCpu.toFixed(0)} ms (load average ${loadavg()[0].toFixed(1)}: on a shared machine the wall time includes waiting for a CPU)`, `${raft.leaders.length} elections (terms ${raft.leaders.map((l) => l.term).join(', ')}), ${raft.commits.length} commit records, every member committed through index ${committedEverywhere}, longest log ${Math.max(...raft.members.map((m) => m.log.length))}`],
  });

  const script = mvccScript();
  mvcc(script); // warm up (JIT): the figure is the steady state
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  const results = mvcc(script);
  const mvccMs = performance.now() - t1;
  const mvccCpu = cpuMs(process.cpuUsage(c1));
  const errors = results.filter((r) => 'error' in r).length;
  const last = results[results.length - 1] as { header?: { revision: number } };
  out.push({
    name: 'mvcc: 100,000 operations on 10,000 keys with a compaction',
    value: `${mvccMs.toFixed(0)} ms`,
    target: '< 1000 ms',
    met: mvccMs < 1000,
    notes: [`CPU ${mvccCpu.toFixed(0)} ms (load average ${loadavg()[0].toFixed(1)})`, `final revision ${last.header?.revision ?? '?'}, ${errors} answers were errors (reads below the compaction)`],
  });
  return out;
}
