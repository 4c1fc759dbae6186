// The config-propagation engine: env and subPath never change, a volume changes at the Pod's
// next periodic sync (pod_workers.go: wait.Jitter(syncFrequency, 0.5)), an immutable
// ConfigMap's change is refused by the API server's validation.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseManifests } from '../shared/yaml.ts';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { ValidationError } from '../shared/errors.ts';
import { engine, syncWindow } from './engine.ts';
import type { PropagationResult } from './engine.ts';

const run = (yaml: string) => engine.run(parseManifests(yaml), { budget: DEFAULT_BUDGET, detail: true }) as { result: PropagationResult };
const fixture = readFileSync(new URL('./fixtures/app-config.yaml', import.meta.url), 'utf8');

describe('config-propagation engine', () => {
  const { result } = run(fixture);
  const by = (how: string) => result.consumers.find((c) => c.how === how)!;
  it('env, envFrom and subPath never see the change; the volume does at the next sync', () => {
    assert.equal(by('env GREETING').sees[0].verdict, 'never');
    assert.equal(by('envFrom').sees[0].verdict, 'never');
    assert.equal(by('volume /etc/web/app.yaml (subPath app.yaml)').sees[0].verdict, 'never');
    // the change at 30 s: the first resync after the start falls in [60, 90)
    assert.deepEqual(by('volume /etc/app').sees[0], { change: 0, atSeconds: 30, verdict: 'next-sync', earliest: 60, latest: 90 });
  });
  it('an immutable ConfigMap refuses the change, as kubectl apply prints it', () => {
    assert.equal(result.changes[1].accepted, false);
    assert.equal(result.changes[1].message, 'The ConfigMap "flags-v1" is invalid: data: Forbidden: field is immutable when `immutable` is set');
    assert.deepEqual(by('volume /etc/flags').sees, []);
  });
  it('bad input is a located 400', () => {
    assert.throws(() => run(fixture.replace('name: flags-v1\n    data:', 'name: missing\n    data:')), ValidationError);
    assert.throws(() => run(fixture.replace('kind: ConfigChangeList', 'kind: Other')), ValidationError);
  });
});

describe('syncWindow', () => {
  it('the n-th resync of a Pod synced at 0 falls in [n·60, n·90)', () => {
    assert.deepEqual(syncWindow(30, 60), { earliest: 60, latest: 90 });
    assert.deepEqual(syncWindow(75, 60), { earliest: 75, latest: 165 }); // a first resync at 75 is possible; the latest at or before 75 is 75
    assert.deepEqual(syncWindow(95, 60), { earliest: 120, latest: 180 }); // between the windows [60,90) and [120,180)
  });
});
