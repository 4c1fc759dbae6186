import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Engine } from '../../simulations/shared/engine.ts';
import { ValidationError } from '../../simulations/shared/errors.ts';
import { scenarioRuns } from './scenario-runs.ts';

/** An engine that counts its runs and answers with what it was given (or rejects "bad"). */
function countingEngine(version = '1'): Engine & { calls: number } {
  const engine = {
    id: 'counting',
    version,
    title: 'counting',
    summary: 'counts its runs',
    view: 'counting/result',
    calls: 0,
    run(manifests: readonly { object: { kind?: unknown } }[]) {
      engine.calls++;
      if (manifests.some((m) => m.object.kind === 'Bad')) throw new ValidationError('kind Bad is not allowed', { path: ['kind'] });
      return { result: { kinds: manifests.map((m) => m.object.kind), nested: { list: [1, 2, 3] } }, trace: [] };
    },
  };
  return engine as unknown as Engine & { calls: number };
}

const input = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n';

test('one run per engine and input within a load; later cells get a copy, not the same objects', () => {
  const engine = countingEngine();
  const runs = scenarioRuns();
  const first = runs.run(engine, input);
  const second = runs.run(engine, input);
  assert.equal(engine.calls, 1);
  assert.deepEqual(second, first);
  assert.ok(first.ok && second.ok);
  assert.notEqual((second.result as { nested: object }).nested, (first.result as { nested: object }).nested);
  assert.deepEqual(runs.counts, { reused: 1, ran: 1 });
});

test('outcomes kept in the file are not run again by the next start of the same build', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'kn-runs-')), 'outcomes-0123456789abcdef.bin');
  const engine = countingEngine();
  const before = scenarioRuns(file);
  const made = before.run(engine, input);
  before.save();
  const after = scenarioRuns(file);
  assert.deepEqual(after.run(engine, input), made);
  assert.equal(engine.calls, 1);
  // Another version of the engine is another outcome.
  const newer = countingEngine('2');
  scenarioRuns(file).run(newer, input);
  assert.equal(newer.calls, 1);
});

test('a failing scenario is not kept, and a damaged file is ignored and rewritten', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'kn-runs-')), 'outcomes.bin');
  const engine = countingEngine();
  const bad = 'apiVersion: v1\nkind: Bad\nmetadata:\n  name: b\n';
  const runs = scenarioRuns(file);
  assert.equal(runs.run(engine, bad).ok, false);
  runs.save();
  assert.throws(() => readFileSync(file), /ENOENT/, 'nothing worth keeping, nothing written');
  scenarioRuns(file).run(engine, bad);
  assert.equal(engine.calls, 2);

  writeFileSync(file, 'not a V8 serialization');
  const again = scenarioRuns(file);
  assert.equal(again.run(engine, input).ok, true);
  assert.equal(engine.calls, 3);
  again.save();
  scenarioRuns(file).run(engine, input);
  assert.equal(engine.calls, 3, 'the rewritten file answers');
});
