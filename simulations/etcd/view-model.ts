// What the etcd partial needs, computed once: the members' table and one lane
// per member with its log entries coloured by term and its commit index marked,
// the elections, when each entry committed; and for a script, each command as
// it would be typed, etcdctl's JSON, and each key's revisions.

import type { MvccOp, MvccResult } from './mvcc.ts';
import type { RaftMoment, RaftOutput } from './simulate-raft.ts';

export interface EtcdResult {
  raft?: RaftOutput;
  /** The members after each scenario event and election, and at the end. */
  timeline?: RaftMoment[];
  mvcc?: {
    commands: MvccOp[];
    results: MvccResult[];
    /** Every key's writes, revision order (from the same script run with its compactions left out). */
    history: { key: string; revisions: { revision: number; type: 'PUT' | 'DELETE'; value: string; compacted: boolean }[] }[];
    compactedAt: number;
  };
}

/** The most entries drawn per lane: a long log shows its last ones. */
export const MAX_DRAWN_ENTRIES = 60;
const CELL = 22;
const LANE = 30;
const LABEL = 90;

export interface EtcdView {
  raft?: {
    width: number;
    height: number;
    firstDrawn: number;
    hidden: number;
    members: { id: number; label: string; state: string; term: number; vote: string; commitIndex: number; lastIndex: number; up: boolean }[];
    lanes: { y: number; textY: number; label: string; down: boolean; entries: { x: number; y: number; cls: string; term: number; title: string }[]; commit?: { x: number; y1: number; y2: number } }[];
    leaders: { term: number; id: number; at: string }[];
    timeline: { at: string; cause: string; cells: { text: string; cls: string }[] }[];
    commits: { index: number; term: number; data: string; first: string; members: string }[];
  };
  mvcc?: {
    rows: { command: string; output: string; error: boolean }[];
    keys: { key: string; revisions: { label: string; cls: string }[] }[];
    compactedAt: number;
  };
}

const ms = (t: number) => `${(t / 1000).toFixed(3)} s`;

/** The command as typed: `etcdctl put foo bar --prev-kv`. */
export function commandLine(op: MvccOp): string {
  const q = (s: string) => (s === '' || /[\s"'\\]/.test(s) ? JSON.stringify(s) : s);
  switch (op.op) {
    case 'put':
      return ['etcdctl put', q(op.key), q(op.value), op.lease ? `--lease=${op.lease.toString(16)}` : '', op.prevKv ? '--prev-kv' : ''].filter(Boolean).join(' ');
    case 'get':
      return ['etcdctl get', q(op.key), op.rangeEnd ? q(op.rangeEnd) : '', op.prefix ? '--prefix' : '', op.fromKey ? '--from-key' : '', op.rev ? `--rev=${op.rev}` : '', op.limit ? `--limit=${op.limit}` : '', op.keysOnly ? '--keys-only' : '', op.countOnly ? '--count-only' : ''].filter(Boolean).join(' ');
    case 'del':
      return ['etcdctl del', q(op.key), op.rangeEnd ? q(op.rangeEnd) : '', op.prefix ? '--prefix' : '', op.fromKey ? '--from-key' : '', op.prevKv ? '--prev-kv' : ''].filter(Boolean).join(' ');
    case 'txn': {
      const cmp = (op.compare ?? []).map((c) => `${c.target}("${c.key}") ${c.result} "${c.value}"`);
      const reqs = (rs: MvccOp[]) => rs.map((r) => commandLine(r).replace(/^etcdctl /, ''));
      return ['etcdctl txn <<EOF', ...cmp, '', ...reqs(op.success ?? []), '', ...reqs(op.failure ?? []), '', 'EOF'].join('\n');
    }
    case 'compact':
      return `etcdctl compact ${op.rev}`;
    case 'watch':
      return ['etcdctl watch', q(op.key), op.rangeEnd ? q(op.rangeEnd) : '', op.prefix ? '--prefix' : '', op.rev ? `--rev=${op.rev}` : '', op.prevKv ? '--prev-kv' : ''].filter(Boolean).join(' ');
    case 'leaseGrant':
      return `etcdctl lease grant ${op.ttl}   # lease ${op.id}`;
    case 'leaseRevoke':
      return `etcdctl lease revoke ${op.id.toString(16)}`;
  }
}

export function buildView(output: { result: EtcdResult }): EtcdView {
  const view: EtcdView = {};
  const raft = output.result.raft;
  if (raft) {
    const longest = Math.max(0, ...raft.members.map((m) => m.log.length));
    const firstDrawn = Math.max(1, longest - MAX_DRAWN_ENTRIES + 1);
    const drawn = longest - firstDrawn + 1;
    const lanes = raft.members.map((m, i) => {
      const y = 8 + i * LANE;
      const entries = m.log.filter((e) => e.index >= firstDrawn).map((e) => ({
        x: LABEL + (e.index - firstDrawn) * CELL,
        y,
        cls: `etcd-term-${e.term % 6}`,
        term: e.term,
        title: `member ${m.id}, index ${e.index}, term ${e.term}${e.data === '' ? ' (empty entry of a new leader)' : `: ${e.data}`}${e.index <= m.commitIndex ? ', committed' : ''}`,
      }));
      const commit = m.commitIndex >= firstDrawn ? { x: LABEL + (m.commitIndex - firstDrawn + 1) * CELL - 1, y1: y - 3, y2: y + CELL + 3 } : undefined;
      return { y, textY: y + 15, label: `${m.id} ${m.state.replace(/^State/, '')}`, down: !m.up, entries, commit };
    });
    const byIndex = new Map<number, { term: number; data: string; first: number; ids: number[] }>();
    for (const c of raft.commits) {
      const seen = byIndex.get(c.index);
      if (seen) seen.ids.push(c.id);
      else byIndex.set(c.index, { term: c.term, data: c.data, first: c.at, ids: [c.id] });
    }
    view.raft = {
      width: LABEL + Math.max(drawn, 1) * CELL + 10,
      height: 8 + raft.members.length * LANE,
      firstDrawn,
      hidden: firstDrawn - 1,
      members: raft.members.map((m) => ({ id: m.id, label: String(m.id), state: m.state, term: m.term, vote: m.vote ? String(m.vote) : 'None', commitIndex: m.commitIndex, lastIndex: m.log.length, up: m.up })),
      lanes,
      leaders: raft.leaders.map((l) => ({ term: l.term, id: l.id, at: ms(l.at) })),
      // one row per moment; a cell reads "Leader t2 · 5/6": state, term, commit index / last index
      timeline: (output.result.timeline ?? []).map((t) => ({
        at: ms(t.at),
        cause: t.cause,
        cells: t.members.map((m) => ({
          text: m.up ? `${m.state.replace(/^State/, '')} t${m.term} · ${m.commitIndex}/${m.lastIndex}` : `down t${m.term} · ${m.commitIndex}/${m.lastIndex}`,
          cls: m.up ? `etcd-state-${m.state.replace(/^State/, '').toLowerCase()}` : 'etcd-state-down',
        })),
      })),
      commits: [...byIndex.entries()].slice(-MAX_DRAWN_ENTRIES).map(([index, c]) => ({ index, term: c.term, data: c.data === '' ? '(empty)' : c.data, first: ms(c.first), members: [...new Set(c.ids)].sort((a, b) => a - b).join(', ') })),
    };
  }
  const script = output.result.mvcc;
  if (script) {
    view.mvcc = {
      rows: script.commands.map((op, i) => {
        const r = script.results[i];
        const error = r !== undefined && 'error' in r;
        return { command: commandLine(op), output: error ? `Error: ${(r as { error: string }).error}` : JSON.stringify(r), error };
      }),
      keys: script.history.map((h) => ({
        key: h.key,
        revisions: h.revisions.map((r) => ({ label: r.type === 'PUT' ? `rev ${r.revision}: ${r.value === '' ? '""' : r.value}` : `rev ${r.revision}: deleted`, cls: `${r.type === 'PUT' ? 'etcd-put' : 'etcd-del'}${r.compacted ? ' etcd-compacted' : ''}` })),
      })),
      compactedAt: script.compactedAt,
    };
  }
  return view;
}
