// The etcd lesson (content/08-etcd) states what its cells show, including the
// variants it asks the learner to try (preVote flipped). Predict quizzes check
// their own keys; these checks keep the rest of the prose true to the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { parseManifests } from '../shared/yaml.ts';
import { engine } from './engine.ts';

const ctx = { budget: DEFAULT_BUDGET, detail: true };
const lesson = readFileSync(new URL('../../content/08-etcd/en.md', import.meta.url), 'utf8');

/** The default scenario of the lesson's sim cell `id`, optionally edited. */
function cell(id: string, edit: (yaml: string) => string = (y) => y) {
  const m = new RegExp('```sim etcd id=' + id + '\\n([\\s\\S]*?)```').exec(lesson);
  assert.ok(m, `no sim cell ${id}`);
  return engine.run(parseManifests(edit(m[1])), ctx);
}
const moment = (out: ReturnType<typeof cell>, cause: string) => out.result.timeline!.find((t) => t.cause.startsWith(cause))!;

test('returning-member: without PreVote member 3 returns at term 7 and a term-8 election follows the heal', () => {
  const out = cell('returning-member');
  const heal = moment(out, 'heal');
  assert.deepEqual(heal.members.find((m) => m.id === 3), { id: 3, up: true, state: 'StateCandidate', term: 7, commitIndex: 1, lastIndex: 1 });
  const last = out.result.raft!.leaders.at(-1)!;
  assert.equal(last.term, 8);
  assert.ok(last.at > 12000 && last.at < 13000, `elected at ${last.at}`);
});

test('returning-member with preVote: true: member 2 keeps leading at term 1', () => {
  const out = cell('returning-member', (y) => y.replace('preVote: false', 'preVote: true'));
  assert.deepEqual(out.result.raft!.leaders.map((l) => [l.term, l.id]), [[1, 2]]);
  assert.equal(moment(out, 'heal').members.find((m) => m.id === 3)!.term, 1);
});

test('leader-crash: the proposal sent while there is no leader is in no log', () => {
  const out = cell('leader-crash');
  for (const m of out.result.raft!.members) assert.ok(!m.log.some((e) => e.data === 'dropped'), `member ${m.id}`);
});

test('split-2-3: the old leader steps down by CheckQuorum about an election timeout after the split, and truncates on heal', () => {
  const out = cell('split-2-3');
  const down = out.trace.find((s) => s.subject === 'member 4' && s.title.includes('stepped down to follower since quorum is not active'));
  assert.ok(down && down.at! > 4000 && down.at! < 4200, `stepped down at ${down?.at}`);
  assert.ok(out.trace.some((s) => s.subject === 'member 4' && s.title.includes('found conflict at index 2')));
  assert.ok(!out.result.raft!.commits.some((c) => c.data === 'x-minority'));
});

test('split-2-3 with preVote: false: members 1 and 4 return at term 4 and no leader is elected after the heal', () => {
  const out = cell('split-2-3', (y) => y.replace('preVote: true', 'preVote: false'));
  const heal = moment(out, 'heal');
  assert.deepEqual(heal.members.filter((m) => m.id === 1 || m.id === 4).map((m) => m.term), [4, 4]);
  assert.ok(out.result.raft!.leaders.every((l) => l.at < 9000));
  assert.ok(out.trace.some((s) => s.title.includes("candidate's log") && s.title.includes('is behind ours')));
  assert.ok(out.trace.some((s) => s.title.includes('lease is not expired')));
});

test('txn-compact-watch: a watch from the compaction revision itself replays the two deletes', () => {
  const out = cell('txn-compact-watch');
  const r = out.result.mvcc!.results[12] as { events: { type: string; kv: { mod_revision: number } }[] };
  assert.deepEqual(r.events.map((e) => [e.type, e.kv.mod_revision]), [['DELETE', 6], ['DELETE', 7]]);
});

test('deployment-in-etcd: the second create fails and writes nothing; the watch from 5 gets revisions 5, 6, 7', () => {
  const out = cell('deployment-in-etcd');
  const again = out.result.mvcc!.results[6] as { succeeded: boolean; header: { revision: number } };
  assert.deepEqual([again.succeeded, again.header.revision], [false, 7]);
  const w = out.result.mvcc!.results[8] as { events: { kv: { mod_revision: number } }[] };
  assert.deepEqual(w.events.map((e) => e.kv.mod_revision), [5, 6, 7]);
});
