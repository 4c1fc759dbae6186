// etcd-io/raft quorum/datadriven_test.go (TestDataDriven), run over upstream's own
// testdata files, copied verbatim into ./testdata/quorum/ from etcd-io/raft at
// commit cdfbeed3149e (main, after v3.6): majority_commit.txt, majority_vote.txt,
// joint_commit.txt, joint_vote.txt.
//
// Each case is "committed|vote cfg=(..) [cfgj=(..)|cfgj=zero] idx=(..)|votes=(..)",
// then "----", then the expected output. Upstream's output is a Describe() table
// followed by the result on the last line; only that last line is the
// function's answer, and it is what we compare. Upstream's harness also checks
// that swapping the two halves of a joint config changes nothing ("via
// symmetry"); so do we.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { committedIndex, voteResult } from '../../../simulations/index.ts';

const DIR = fileURLToPath(new URL('./testdata/quorum/', import.meta.url));

interface DataDrivenCase {
  file: string;
  line: number;
  command: 'committed' | 'vote';
  cfg: number[];
  /** undefined: a majority test; [] for cfgj=zero. */
  cfgj: number[] | undefined;
  /** idx=(...) or votes=(...) as written, '_' for "no information". */
  values: string[];
  want: string;
}

/** Splits a datadriven file into cases (cockroachdb/datadriven's format: command line, ----, output up to a blank line). */
function parseFile(file: string): DataDrivenCase[] {
  const lines = readFileSync(`${DIR}${file}`, 'utf8').split('\n');
  const cases: DataDrivenCase[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '' || line.startsWith('#')) continue;
    const [command, ...args] = line.split(/\s+(?![^(]*\))/);
    if (lines[i + 1]?.trim() !== '----') throw new Error(`${file}:${i + 1}: expected ---- after the command`);
    const output: string[] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j].trim() !== ''; j++) output.push(lines[j]);
    const c: DataDrivenCase = { file, line: i + 1, command: command as 'committed' | 'vote', cfg: [], cfgj: undefined, values: [], want: output[output.length - 1].trim() };
    for (const arg of args) {
      const m = /^(\w+)=\((.*)\)$|^(\w+)=(\w+)$/.exec(arg);
      if (!m) throw new Error(`${file}:${i + 1}: cannot read ${arg}`);
      const key = m[1] ?? m[3];
      const vals = (m[2] ?? m[4]).split(',').map((v) => v.trim()).filter((v) => v !== '');
      if (key === 'cfg') c.cfg = vals.map(Number);
      else if (key === 'cfgj') c.cfgj = vals[0] === 'zero' ? [] : vals.map(Number);
      else if (key === 'idx' || key === 'votes') c.values = vals;
      else throw new Error(`${file}:${i + 1}: unknown arg ${key}`);
    }
    cases.push(c);
    i = j;
  }
  return cases;
}

/** The harness's makeLookuper: values go to the voters of cfg then cfgj, each id once; '_' leaves the voter out. */
function lookup(c: DataDrivenCase): Record<string, string> {
  const out: Record<string, string> = {};
  let p = 0;
  for (const id of [...c.cfg, ...(c.cfgj ?? [])]) {
    if (String(id) in out || p >= c.values.length) continue;
    out[String(id)] = c.values[p++];
  }
  for (const id of Object.keys(out)) if (out[id] === '_') delete out[id];
  return out;
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();
const all = files.flatMap(parseFile);

test('the four upstream datadriven files are all here and parsed', () => {
  assert.deepEqual(files, ['joint_commit.txt', 'joint_vote.txt', 'majority_commit.txt', 'majority_vote.txt']);
  assert.ok(all.length > 100, `only ${all.length} cases parsed`);
});

for (const c of all) {
  test(`quorum/testdata/${c.file}:${c.line} ${c.command} cfg=(${c.cfg})${c.cfgj ? ` cfgj=(${c.cfgj.length ? c.cfgj : 'zero'})` : ''} ${c.command === 'vote' ? 'votes' : 'idx'}=(${c.values}) → ${c.want}`, () => {
    const values = lookup(c);
    if (c.command === 'committed') {
      const acked = Object.fromEntries(Object.entries(values).map(([id, v]) => [id, Number(v)]));
      const want = c.want === '∞' || c.want.endsWith('∞') ? Infinity : Number(c.want);
      assert.equal(c.cfgj ? committedIndex(c.cfg, acked, c.cfgj) : committedIndex(c.cfg, acked), want);
      if (c.cfgj) assert.equal(committedIndex(c.cfgj, acked, c.cfg), want, 'via symmetry');
    } else {
      const votes = Object.fromEntries(Object.entries(values).map(([id, v]) => [id, v === 'y']));
      assert.equal(c.cfgj ? voteResult(c.cfg, votes, c.cfgj) : voteResult(c.cfg, votes), c.want);
      if (c.cfgj) assert.equal(voteResult(c.cfgj, votes, c.cfg), c.want, 'via symmetry');
    }
  });
}
