// The public functions re-exported from simulations/index.ts answer any JSON with
// a result or a ValidationError naming the field, never a TypeError.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ValidationError } from '../shared/errors.ts';
import { describePod, getContainerOOMScoreAdjust, getPodQOS, rankMemoryPressure } from './public-api.ts';

const bestEffort = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'b' }, spec: { containers: [{ name: 'app' }] } };
const guaranteed = {
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'g' },
  spec: { containers: [{ name: 'app', resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } } }] },
};

const refused: { name: string; call: () => unknown; message: string }[] = [
  {
    name: 'getPodQOS with containers that are not a list',
    call: () => getPodQOS({ spec: { containers: 'app' } }),
    message: 'spec.containers: json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container',
  },
  {
    name: 'getPodQOS with a limit that is not a quantity',
    call: () => getPodQOS({ spec: { containers: [{ name: 'a', resources: { limits: { memory: true } } }] } }),
    message: "spec.containers[0].resources.limits.memory: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
  },
  {
    name: 'getContainerOOMScoreAdjust for a container the Pod does not have',
    call: () => getContainerOOMScoreAdjust(bestEffort, 'nope', 8e9),
    message: 'spec.containers: Not found: the Pod has no container "nope"',
  },
  {
    name: 'getContainerOOMScoreAdjust on a node without memory',
    call: () => getContainerOOMScoreAdjust(bestEffort, 'app', 0),
    message: "memoryCapacityBytes: Invalid value: 0: the node's memory capacity must be a whole number of bytes greater than 0",
  },
  {
    name: 'rankMemoryPressure with a working set that is not a quantity',
    call: () => rankMemoryPressure([{ pod: bestEffort, memoryWorkingSet: 'lots' }]),
    message: `[0].memoryWorkingSet: Invalid value: 'lots': must be a quantity such as "500Mi" or a number of bytes ≥ 0`,
  },
  {
    name: 'rankMemoryPressure with an entry without a Pod',
    call: () => rankMemoryPressure([{ pod: null, memoryWorkingSet: '1Mi' }]),
    message: '[0].pod: Required value: a core/v1 Pod',
  },
  {
    name: 'describePod with events that are not a list',
    call: () => describePod(bestEffort, 'none', 0),
    message: 'events: must be a list of core/v1 Events, or null',
  },
  {
    name: 'describePod at a time that is not one',
    call: () => describePod(bestEffort, [], 'soon'),
    message: "now: Invalid value: 'soon': now must be a time (Unix milliseconds, a Date or an RFC 3339 string)",
  },
];

for (const c of refused) {
  test(`public API refuses: ${c.name}`, () => {
    assert.throws(c.call, (err: unknown) => {
      assert.ok(err instanceof ValidationError, String(err));
      assert.equal(err.message, c.message);
      return true;
    });
  });
}

test('public API: valid input gives the same answers as the kubelet and kubectl helpers', () => {
  assert.equal(getPodQOS(bestEffort), 'BestEffort');
  assert.equal(getPodQOS(guaranteed), 'Guaranteed');
  // policy.go: Guaranteed → -997, BestEffort → 1000
  assert.equal(getContainerOOMScoreAdjust(guaranteed, 'app', 8e9), -997);
  assert.equal(getContainerOOMScoreAdjust(bestEffort, 'app', 8e9), 1000);
  // The same entry objects come back, BestEffort (above its request of 0) first.
  const entries = [{ pod: guaranteed, memoryWorkingSet: '900Mi' }, { pod: bestEffort, memoryWorkingSet: 50 * 2 ** 20 }];
  const ranked = rankMemoryPressure(entries);
  assert.equal(ranked[0], entries[1]);
  assert.equal(ranked[1], entries[0]);
  assert.match(describePod(bestEffort, null, '2025-01-01T00:00:00Z'), /^Name:         b\n/);
});
