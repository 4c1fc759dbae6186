import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { ValidationError } from '../shared/errors.ts';
import { parseManifests } from '../shared/yaml.ts';
import { engine } from './engine.ts';

const ctx = { budget: DEFAULT_BUDGET, detail: true };
const fixture = readFileSync(new URL('./fixtures/split-brain.yaml', import.meta.url), 'utf8');

test('a cell with a RaftCluster and an EtcdctlScript runs both, and the view draws them', () => {
  const output = engine.run(parseManifests(fixture), ctx);
  const raft = output.result.raft!;
  assert.deepEqual(raft.members.map((m) => m.commitIndex), [0, 0, 2, 2, 2]);
  const script = output.result.mvcc!;
  assert.deepEqual(script.results[5], { error: 'etcdserver: mvcc: required revision has been compacted' });
  assert.deepEqual(script.results[6], { events: [], canceled: true, compact_revision: 4, cancel_reason: 'etcdserver: mvcc: required revision has been compacted' });
  // the key's history survives in the picture, with what the compaction dropped marked
  assert.deepEqual(script.history, [{ key: '/registry/configmaps/default/app', revisions: [
    { revision: 2, type: 'PUT', value: 'v1', compacted: true },
    { revision: 3, type: 'PUT', value: 'v2', compacted: true },
    { revision: 4, type: 'DELETE', value: '', compacted: true },
    { revision: 5, type: 'PUT', value: 'v3', compacted: false },
  ] }]);
  assert.equal(script.compactedAt, 4);
  assert.ok(output.trace.some((s) => s.title.includes('became leader at term 1') && s.source === 'raft.go becomeLeader'));

  const view = engine.viewModel!(output);
  assert.equal(view.raft!.lanes.length, 5);
  assert.deepEqual(view.raft!.lanes[2].entries.map((e) => [e.term, e.cls]), [[1, 'etcd-term-1'], [1, 'etcd-term-1']]);
  assert.ok(view.raft!.lanes[2].commit, 'commit marker after index 2');
  assert.equal(view.raft!.lanes[0].commit, undefined, 'member 1 committed nothing');
  assert.equal(view.mvcc!.rows[0].command, 'etcdctl put /registry/configmaps/default/app v1');
  assert.equal(view.mvcc!.rows[5].output, 'Error: etcdserver: mvcc: required revision has been compacted');
  assert.deepEqual(view.mvcc!.keys[0].revisions.map((r) => r.cls), ['etcd-put etcd-compacted', 'etcd-put etcd-compacted', 'etcd-del etcd-compacted', 'etcd-put']);
});

test('the same cell gives the same output every time', () => {
  assert.deepEqual(engine.run(parseManifests(fixture), ctx), engine.run(parseManifests(fixture), ctx));
});

const located: { name: string; yaml: string; message: RegExp }[] = [
  {
    name: 'a bad event field points at its line',
    yaml: 'apiVersion: kube-notebook.dev/v1alpha1\nkind: RaftCluster\nmetadata: { name: x }\nspec:\n  members: 3\n  seed: 1\n  untilMs: 1000\n  events:\n  - { at: 5, type: crash, member: 9 }\n',
    message: /^spec\.events\[0\]\.member: must be between 1 and 3, got 9/,
  },
  {
    name: 'a bad etcdctl command points at its line',
    yaml: 'apiVersion: kube-notebook.dev/v1alpha1\nkind: EtcdctlScript\nmetadata: { name: x }\nspec:\n  commands:\n  - { op: put, key: a, value: b }\n  - { op: pot, key: a }\n',
    message: /^spec\.commands\[1\]\.op: must be one of put, get, del/,
  },
];
for (const c of located) {
  test(`bad input is a located ValidationError: ${c.name}`, () => {
    try {
      engine.run(parseManifests(c.yaml), ctx);
      assert.fail('no error');
    } catch (e) {
      assert.ok(e instanceof ValidationError, String(e));
      assert.match(e.message, c.message);
      assert.deepEqual(e.path?.slice(0, 2), ['spec', c.name.includes('etcdctl') ? 'commands' : 'events']);
      assert.ok(e.object, 'carries the object so the runtime can find the line');
    }
  });
}

test('a cell without a RaftCluster or an EtcdctlScript, or with another kind, is refused', () => {
  assert.throws(() => engine.run(parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n'), ctx), /this cell takes RaftCluster and EtcdctlScript/);
});

const scenario = (name: string) => engine.run(parseManifests(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')), ctx).result.raft!;

test('fixtures/partitioned-member-returns.yaml: with PreVote the returning member does not disrupt; without, it deposes the leader', () => {
  const withPreVote = scenario('partitioned-member-returns.yaml');
  assert.deepEqual(withPreVote.leaders.map((l) => l.term), [1]);
  const text = readFileSync(new URL('./fixtures/partitioned-member-returns.yaml', import.meta.url), 'utf8').replace('preVote: true', 'preVote: false');
  const without = engine.run(parseManifests(text), ctx).result.raft!;
  assert.ok(without.leaders.length > 1 && without.leaders[without.leaders.length - 1].term > 2);
});

test('fixtures/leader-crash.yaml: the dropped proposal is nowhere, the committed ones are everywhere', () => {
  const out = scenario('leader-crash.yaml');
  assert.equal(out.leaders.length, 2);
  for (const m of out.members) assert.deepEqual(m.log.map((e) => e.data), ['', 'a', '', 'b']);
});

test('the timeline shows the members after each event and election, and asking for it changes nothing else', async () => {
  const { runRaft } = await import('./simulate-raft.ts');
  const input = { members: 3, seed: 7, untilMs: 12_000, events: [{ at: 3000, type: 'propose' as const, value: 'a' }, { at: 4000, type: 'crash' as const, member: 'leader' as const }] };
  const plain = runRaft(input);
  const timed = runRaft(input, { timeline: true });
  assert.deepEqual(timed.output, plain.output);
  assert.deepEqual(plain.timeline, []);
  const causes = timed.timeline.map((t) => t.cause);
  assert.equal(causes[0], `${timed.output.leaders[0].id} elected leader of term 1`);
  assert.deepEqual(causes.slice(1, 3), [`propose "a" (to leader ${timed.output.leaders[0].id})`, `crash leader (member ${timed.output.leaders[0].id})`]);
  assert.ok(causes.includes('end'));
  const afterCrash = timed.timeline[2].members.find((m) => !m.up);
  assert.ok(afterCrash && afterCrash.id === timed.output.leaders[0].id);
  const view = engine.viewModel!(engine.run(parseManifests(readFileSync(new URL('./fixtures/leader-crash.yaml', import.meta.url), 'utf8')), ctx));
  assert.ok(view.raft!.timeline.some((row) => row.cells.some((c) => c.cls === 'etcd-state-down')));
  assert.match(view.raft!.timeline[0].cells.find((c) => c.cls === 'etcd-state-leader')!.text, /^Leader t1 · \d+\/1$/);
});
