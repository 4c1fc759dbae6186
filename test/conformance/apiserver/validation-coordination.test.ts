// Upstream: pkg/apis/coordination/validation/validation_test.go (stored version):
// TestValidateLease, TestValidateLeaseSpec, TestValidateLeaseSpecUpdate,
// TestValidateCoordinatedLeaseStrategy (error counts or failure only, as upstream
// checks them). coordination.k8s.io/v1 JSON for the internal objects. Not
// transcribed: the LeaseCandidate tests (v1beta1 LeaseCandidate is not a kind here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorString } from '../../../simulations/apimachinery/field-errors.ts';
import type { ErrorList } from '../../../simulations/apimachinery/field-errors.ts';
import { Path } from '../../../simulations/apimachinery/field-path.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import {
  validateCoordinatedLeaseStrategy,
  validateLease,
  validateLeaseSpec,
  validateLeaseUpdate,
} from '../../../simulations/apiserver/validation/coordination/lease.ts';

const FILE = 'pkg/apis/coordination/validation/validation_test.go';
const show = (errs: ErrorList): string => errs.map(errorString).join('\n') || '(no errors)';
const lease = (metadata: JsonObject, spec: JsonObject = {}): JsonObject => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata, spec });

test(`${FILE} TestValidateLease`, () => {
  const errs = validateLease(lease({ name: 'invalidName++', namespace: '==invalid_Namespace==' }));
  assert.equal(errs.length, 2, show(errs));
});

test(`${FILE} TestValidateLeaseSpec`, () => {
  const cases: [string, JsonObject, boolean][] = [
    ['valid', { holderIdentity: 'holder', leaseDurationSeconds: 10, leaseTransitions: 1 }, false],
    ['valid with PreferredHolder', { holderIdentity: 'holder', leaseDurationSeconds: 10, leaseTransitions: 1, strategy: 'OldestEmulationVersion', preferredHolder: 'someotherholder' }, false],
    ['zero duration, negative transitions', { holderIdentity: 'holder', leaseDurationSeconds: 0, leaseTransitions: -1 }, true],
    ['and a preferredHolder without strategy', { holderIdentity: 'holder', leaseDurationSeconds: 0, leaseTransitions: -1, preferredHolder: 'holder2' }, true],
  ];
  for (const [name, spec, wantErr] of cases) {
    const errs = validateLeaseSpec(spec, Path.of('foo'));
    assert.equal(errs.length > 0, wantErr, `${name}: ${show(errs)}`);
  }
});

test(`${FILE} TestValidateLeaseSpecUpdate`, () => {
  const meta = { name: 'holder', namespace: 'holder-namespace' };
  const oldLease = lease(meta, { holderIdentity: 'oldHolder', leaseDurationSeconds: 3, leaseTransitions: 3 });
  const bad = lease(meta, { holderIdentity: 'holder', leaseDurationSeconds: 0, leaseTransitions: -1 });
  assert.equal(validateLeaseUpdate(bad, oldLease).length, 3, show(validateLeaseUpdate(bad, oldLease)));
  const valid = lease({ ...meta, resourceVersion: '2' }, { holderIdentity: 'holder', leaseDurationSeconds: 10, leaseTransitions: 20 });
  assert.deepEqual(validateLeaseUpdate(valid, oldLease), [], show(validateLeaseUpdate(valid, oldLease)));
});

test(`${FILE} TestValidateCoordinatedLeaseStrategy`, () => {
  const cases: [string, boolean][] = [
    ['foobar', true],
    ['example.com/foobar/toomanyslashes', true],
    ['OldestEmulationVersion', false],
    ['example.com/foobar', false],
  ];
  for (const [strategy, wantErr] of cases) {
    const errs = validateCoordinatedLeaseStrategy(strategy, Path.of('foo'));
    assert.equal(errs.length > 0, wantErr, `${strategy}: ${show(errs)}`);
  }
});
