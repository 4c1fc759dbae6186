// The PV controller's fast matching path (no explanations) must give the same answer as the
// explained one the engine's binding picture uses, claim after claim, as bindings accumulate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cluster } from '../../test/bench/storage.bench.ts';
import { VolumeIndex, bestMatch, findBestMatchForClaim, accessModesAsString } from './matching.ts';

test('fast and explained findByClaim agree on 400 claims over 800 volumes (with pre-bound pairs and bindings in between)', () => {
  const { volumes, claims } = cluster(800, 400);
  const index = new VolumeIndex(volumes);
  for (const claim of claims) {
    const fast = index.find(claim, {}, false).volume;
    const explained = bestMatch(claim, volumes, {});
    assert.equal(fast?.metadata?.name, explained.volume?.metadata?.name, claim.metadata?.name);
    assert.equal(findBestMatchForClaim(claim, volumes)?.metadata?.name, fast?.metadata?.name);
    if (fast) {
      fast.spec!.claimRef = { namespace: claim.metadata!.namespace, name: claim.metadata!.name, uid: claim.metadata!.uid };
      fast.status = { phase: 'Bound' };
    }
  }
});

test('GetAccessModesAsString orders RWO, ROX, RWX, RWOP whatever the input order, and drops unknown modes', () => {
  // pkg/apis/core/v1/helper/helpers.go GetAccessModesAsString
  assert.equal(accessModesAsString(['ReadWriteMany', 'Bogus', 'ReadWriteOnce', 'ReadWriteOncePod']), 'RWO,RWX,RWOP');
});
