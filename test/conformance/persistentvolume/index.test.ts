// pkg/controller/volume/persistentvolume/index_test.go at Kubernetes v1.36, transcribed through
// findBestMatchForClaim (index.go findByClaim) and findMatchingVolume (component-helpers).
// Upstream compares results by metadata.uid; so do these tests. The feature-gate cases of older
// releases (BlockVolume, StorageObjectInUseProtection "disabled") are gone upstream: both are GA and
// locked on, so only their "enabled" rows are transcribed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findBestMatchForClaim, findMatchingVolume, checkVolumeModeMismatches, checkAccessModes } from '../../../simulations/index.ts';
import type { PersistentVolume } from '../../../simulations/index.ts';
import {
  RWO, ROX, RWX, makePVC, makeVolumeModePVC, createTestVolumes, testVolume, blockVolume, filesystemVolume, nilModeVolume, node, uidOf, pv,
} from './fixtures.ts';

const FILE = 'pkg/controller/volume/persistentvolume/index_test.go';

describe(`${FILE} TestMatchVolume`, () => {
  const scenarios: Array<{ name: string; expectedMatch: string; claim: ReturnType<typeof makePVC> }> = [
    { name: 'successful-match-gce-10', expectedMatch: 'gce-pd-10', claim: makePVC('8G') },
    { name: 'successful-match-nfs-5', expectedMatch: 'nfs-5', claim: makePVC('5G', (c) => { c.spec!.accessModes = [ROX, RWO, RWX]; }) },
    { name: 'successful-skip-1g-bound-volume', expectedMatch: 'gce-pd-5', claim: makePVC('1G') },
    { name: 'successful-no-match', expectedMatch: '', claim: makePVC('999G') },
    { name: 'successful-no-match-due-to-label', expectedMatch: '', claim: makePVC('999G', (c) => { c.spec!.selector = { matchLabels: { 'should-not-exist': 'true' } }; }) },
    {
      name: 'successful-no-match-due-to-size-constraint-with-label-selector', expectedMatch: '',
      claim: makePVC('20000G', (c) => { c.spec!.selector = { matchLabels: { 'should-exist': 'true' } }; c.spec!.accessModes = [ROX, RWO]; }),
    },
    {
      name: 'successful-match-due-with-constraint-and-label-selector', expectedMatch: 'gce-pd-2',
      claim: makePVC('20000G', (c) => { c.spec!.selector = { matchLabels: { 'should-exist': 'true' } }; c.spec!.accessModes = [RWO]; }),
    },
    {
      name: 'successful-match-with-class', expectedMatch: 'gce-pd-silver1',
      claim: makePVC('1G', (c) => { c.spec!.selector = { matchLabels: { 'should-exist': 'true' } }; c.spec!.accessModes = [RWO]; c.spec!.storageClassName = 'silver'; }),
    },
    { name: 'successful-match-with-class-and-labels', expectedMatch: 'gce-pd-silver2', claim: makePVC('1G', (c) => { c.spec!.accessModes = [RWO]; c.spec!.storageClassName = 'silver'; }) },
    { name: 'successful-match-very-large', expectedMatch: 'local-pd-very-large', claim: makePVC('1E', (c) => { c.spec!.accessModes = [RWO]; c.spec!.storageClassName = 'large'; }) },
    { name: 'successful-match-exact-extremely-large', expectedMatch: 'local-pd-extremely-large', claim: makePVC('800E', (c) => { c.spec!.accessModes = [RWO]; c.spec!.storageClassName = 'large'; }) },
    { name: 'successful-no-match-way-too-large', expectedMatch: '', claim: makePVC('950E', (c) => { c.spec!.accessModes = [RWO]; c.spec!.storageClassName = 'large'; }) },
  ];
  for (const s of scenarios) {
    it(s.name, () => {
      assert.equal(uidOf(findBestMatchForClaim(s.claim, createTestVolumes(), { delayBinding: false })), s.expectedMatch);
    });
  }
});

describe(`${FILE} TestMatchingWithBoundVolumes`, () => {
  it('two similar volumes, one bound: the unbound one is chosen', () => {
    const pv1 = pv({ uid: 'gce-pd-1', name: 'gce001', size: '1G', modes: [RWO, ROX], claimRef: { uid: 'abc123' }, phase: 'Bound' });
    const pv2 = pv({ uid: 'gce-pd-2', name: 'gce002', size: '1G', modes: [RWO, ROX] });
    const claim = makePVC('1G');
    const got = findBestMatchForClaim(claim, [pv1, pv2], { delayBinding: false }) as PersistentVolume;
    assert.equal(got?.metadata?.name, 'gce002');
  });
});

describe(`${FILE} TestAllPossibleAccessModes (through the groups findBestMatchForClaim searches)`, () => {
  // Upstream counts 3 groups containing RWO in createTestVolumes ("RWO,ROX", "RWO,ROX,RWX", "RWO") and 1 containing RWX.
  // The count is visible here through which groups can answer: a RWX claim finds only RWO,ROX,RWX volumes.
  it('a RWX claim is answered only by a volume that offers RWX', () => {
    const got = findBestMatchForClaim(makePVC('1G', (c) => { c.spec!.accessModes = [RWX]; }), createTestVolumes());
    assert.equal(uidOf(got), 'nfs-1');
  });
  it('a RWO claim searches the RWO-only group first (fewest modes)', () => {
    const got = findBestMatchForClaim(makePVC('1G', (c) => { c.spec!.accessModes = [RWO]; }), createTestVolumes());
    assert.equal(uidOf(got), 'gce-pd-2');
  });
});

describe(`${FILE} TestFindingVolumeWithDifferentAccessModes`, () => {
  const gce = pv({ uid: '001', name: 'gce', size: '10G', modes: [RWO, ROX] });
  const ebs = pv({ uid: '002', name: 'ebs', size: '10G', modes: [RWO] });
  const nfs = pv({ uid: '003', name: 'nfs', size: '10G', modes: [RWO, ROX, RWX] });
  const claim = makePVC('1G', (c) => { c.spec!.accessModes = [RWO]; });
  const name = (v: PersistentVolume | string | null) => (v && typeof v === 'object' ? v.metadata?.name : v);
  // The steps mutate the same objects in order, as upstream does.
  it('walks up the access-mode levels as the exact matches get bound', () => {
    const index = [gce, ebs, nfs];
    assert.equal(name(findBestMatchForClaim(claim, index)), 'ebs');
    claim.spec!.accessModes = [RWO, ROX];
    assert.equal(name(findBestMatchForClaim(claim, index)), 'gce');
    // order of the requested modes should not matter
    claim.spec!.accessModes = [RWX, RWO, ROX];
    assert.equal(name(findBestMatchForClaim(claim, index)), 'nfs');
    // fewer modes requested should still match
    claim.spec!.accessModes = [RWX];
    assert.equal(name(findBestMatchForClaim(claim, index)), 'nfs');
    // pretend the exact match is bound. should get the next level up of modes.
    ebs.spec!.claimRef = {};
    claim.spec!.accessModes = [RWO];
    assert.equal(name(findBestMatchForClaim(claim, index)), 'gce');
    // continue up the levels of modes.
    gce.spec!.claimRef = {};
    assert.equal(name(findBestMatchForClaim(claim, index)), 'nfs');
    // partial mode request
    gce.spec!.claimRef = null;
    claim.spec!.accessModes = [ROX];
    assert.equal(name(findBestMatchForClaim(claim, index)), 'gce');
  });
});

describe(`${FILE} TestVolumeModeCheck`, () => {
  const cases: Array<[string, boolean, PersistentVolume, ReturnType<typeof makeVolumeModePVC>]> = [
    ['pvc block and pv filesystem', true, filesystemVolume(), makeVolumeModePVC('8G', 'Block')],
    ['pvc filesystem and pv block', true, blockVolume(), makeVolumeModePVC('8G', 'Filesystem')],
    ['pvc block and pv block', false, blockVolume(), makeVolumeModePVC('8G', 'Block')],
    ['pvc filesystem and pv filesystem', false, filesystemVolume(), makeVolumeModePVC('8G', 'Filesystem')],
    ['pvc filesystem and pv nil', false, nilModeVolume(), makeVolumeModePVC('8G', 'Filesystem')],
    ['pvc nil and pv filesystem', false, filesystemVolume(), makeVolumeModePVC('8G', null)],
    ['pvc nil and pv nil', false, nilModeVolume(), makeVolumeModePVC('8G', null)],
    ['pvc nil and pv block', true, blockVolume(), makeVolumeModePVC('8G', null)],
    ['pvc block and pv nil', true, nilModeVolume(), makeVolumeModePVC('8G', 'Block')],
  ];
  for (const [name, mismatch, vol, pvc] of cases) {
    it(`feature enabled - ${name}`, () => assert.equal(checkVolumeModeMismatches(pvc.spec, vol.spec), mismatch));
  }
});

describe(`${FILE} TestFilteringVolumeModes`, () => {
  const cases: Array<[string, boolean, PersistentVolume, ReturnType<typeof makeVolumeModePVC>]> = [
    ['1-1 feature enabled - pvc block and pv filesystem', false, filesystemVolume(), makeVolumeModePVC('8G', 'Block')],
    ['1-2 feature enabled - pvc filesystem and pv block', false, blockVolume(), makeVolumeModePVC('8G', 'Filesystem')],
    ['1-3 feature enabled - pvc block and pv no mode with default filesystem', false, filesystemVolume(), makeVolumeModePVC('8G', 'Block')],
    ['1-4 feature enabled - pvc no mode defaulted to filesystem and pv block', false, blockVolume(), makeVolumeModePVC('8G', 'Filesystem')],
    ['1-5 feature enabled - pvc block and pv block', true, blockVolume(), makeVolumeModePVC('8G', 'Block')],
    ['1-6 feature enabled - pvc filesystem and pv filesystem', true, filesystemVolume(), makeVolumeModePVC('8G', 'Filesystem')],
    ['1-7 feature enabled - pvc mode is nil and defaulted and pv mode is nil and defaulted', true, filesystemVolume(), makeVolumeModePVC('8G', 'Filesystem')],
    ['2-1 pvc mode is nil and pv mode is nil', true, testVolume('nomode-1', '8G'), makeVolumeModePVC('8G', null)],
  ];
  for (const [name, match, vol, pvc] of cases) {
    it(name, () => assert.equal(findBestMatchForClaim(pvc, [vol], { delayBinding: false }) !== null, match));
  }
});

describe(`${FILE} TestStorageObjectInUseProtectionFiltering`, () => {
  const base = () => pv({ name: 'pv1', size: '1G', modes: [RWO] });
  const claim = { metadata: { name: 'pvc1', namespace: 'myns' }, spec: { accessModes: [RWO], resources: { requests: { storage: '1G' } }, volumeMode: 'Filesystem' } };
  it('feature enabled - pv deletionTimeStamp not set', () => assert.notEqual(findBestMatchForClaim(claim, [base()]), null));
  it('feature enabled - pv deletionTimeStamp set', () => {
    const v = base();
    v.metadata!.deletionTimestamp = '2025-01-01T00:00:00Z';
    assert.equal(findBestMatchForClaim(claim, [v]), null);
  });
});

describe(`${FILE} TestFindingPreboundVolumes`, () => {
  it('exact size, then the next size up, then the pre-bound volume; too-small and wrong-mode pre-bound volumes are passed over', () => {
    const claim = { metadata: { name: 'claim01', namespace: 'myns' }, spec: { accessModes: [RWO], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' } };
    const claimRef = { kind: 'PersistentVolumeClaim', namespace: 'myns', name: 'claim01', apiVersion: 'v1' };
    const pv1 = testVolume('pv1', '1Gi');
    const pv5 = testVolume('pv5', '5Gi');
    const pv8 = testVolume('pv8', '8Gi');
    const pvBadSize = testVolume('pvBadSize', '1Mi');
    const pvBadMode = testVolume('pvBadMode', '1Gi');
    pvBadMode.spec!.accessModes = [ROX];
    const index = [pv1, pv5, pv8, pvBadSize, pvBadMode];
    const name = () => (findBestMatchForClaim(claim, index) as PersistentVolume | null)?.metadata?.name;
    assert.equal(name(), 'pv1');
    pv1.spec!.claimRef = { name: 'foo', namespace: 'bar' };
    assert.equal(name(), 'pv5');
    pv1.spec!.claimRef = null;
    pv8.spec!.claimRef = claimRef;
    assert.equal(name(), 'pv8');
    pv8.spec!.claimRef = null;
    pvBadSize.spec!.claimRef = claimRef;
    assert.equal(name(), 'pv1');
    pvBadSize.spec!.claimRef = null;
    pvBadMode.spec!.claimRef = claimRef;
    assert.equal(name(), 'pv1');
  });
});

describe(`${FILE} TestBestMatchDelayed`, () => {
  it('binding through the PV controller is delayed: no unbound volume is returned', () => {
    assert.equal(findBestMatchForClaim(makePVC('8G'), createTestVolumes(), { delayBinding: true }), null);
  });
});

describe(`${FILE} TestFindMatchVolumeWithNode`, () => {
  const wait = (name = 'claim01', modes = [RWO]) => makePVC('100G', (c) => { c.spec!.accessModes = modes; c.spec!.storageClassName = 'wait'; c.metadata!.name = name; });
  const scenarios: Array<{ name: string; expected: string; claim: ReturnType<typeof makePVC>; node: ReturnType<typeof node>; excluded?: string[] }> = [
    { name: 'success-match', expected: 'affinity-pv', claim: wait(), node: node({ key1: 'value1' }) },
    { name: 'success-prebound', expected: 'affinity-prebound', claim: wait('claim02'), node: node({ key1: 'value1' }) },
    { name: 'success-exclusion', expected: 'affinity-pv2', claim: wait(), node: node({ key1: 'value1' }), excluded: ['affinity001'] },
    { name: 'fail-exclusion', expected: '', claim: wait(), node: node({ key1: 'value1' }), excluded: ['affinity001', 'affinity002'] },
    { name: 'fail-accessmode', expected: '', claim: wait('claim01', [RWX]), node: node({ key1: 'value1' }) },
    { name: 'fail-nodeaffinity', expected: '', claim: wait(), node: node({ key1: 'value2' }) },
    { name: 'fail-prebound-node-affinity', expected: '', claim: wait('claim02'), node: node({ key1: 'value3' }) },
    { name: 'fail-nonavaiable', expected: '', claim: wait('claim04'), node: node({ key1: 'value4' }) },
    { name: 'success-bad-and-good-node-affinity', expected: 'affinity-pv3', claim: wait('claim03'), node: node({ key1: 'value3' }) },
  ];
  for (const s of scenarios) {
    it(s.name, () => {
      const got = findMatchingVolume(s.claim, createTestVolumes(), { node: s.node, excludedVolumes: s.excluded, delayBinding: true, vacEnabled: true });
      assert.equal(uidOf(got), s.expected);
    });
  }
});

describe(`${FILE} TestCheckAccessModes`, () => {
  const volume = { spec: { accessModes: [RWO, RWX] } };
  const cases: Array<[string, boolean, string[]]> = [
    ['success-single-mode', true, [RWX]],
    ['success-many-modes', true, [RWX, RWO]],
    ['fail-single-mode', false, [ROX]],
    ['fail-many-modes', false, [RWX, ROX]],
  ];
  for (const [name, ok, modes] of cases) {
    it(name, () => assert.equal(checkAccessModes(makePVC('100G', (c) => { c.spec!.accessModes = modes; }), volume), ok));
  }
});
