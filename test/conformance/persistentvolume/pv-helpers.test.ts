// staging/src/k8s.io/component-helpers/storage/volume/pv_helpers_test.go at Kubernetes v1.36:
// TestDelayBindingMode and TestFindMatchVolumeWithNode (with the VolumeAttributesClass rows),
// transcribed through isDelayBindingMode and findMatchingVolume. Results compared by metadata.uid.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findMatchingVolume, isDelayBindingMode } from '../../../simulations/index.ts';
import type { PersistentVolume } from '../../../simulations/index.ts';
import { RWO, RWX, makeTestVolume, makeTestPersistentVolumeClaim, nodeAffinity, node, uidOf } from './fixtures.ts';

const FILE = 'staging/src/k8s.io/component-helpers/storage/volume/pv_helpers_test.go';

describe(`${FILE} TestDelayBindingMode`, () => {
  const classes = [
    { metadata: { name: 'no-mode' } },
    { metadata: { name: 'immediate-mode' }, volumeBindingMode: 'Immediate' },
    { metadata: { name: 'wait-mode' }, volumeBindingMode: 'WaitForFirstConsumer' },
  ];
  const claim = (sc: string | null) => ({ metadata: { annotations: {} }, spec: sc === null ? {} : { storageClassName: sc } });
  it('nil-class', () => assert.equal(isDelayBindingMode(claim(null), classes), false));
  it('class-not-found', () => assert.equal(isDelayBindingMode(claim('not-here'), classes), false));
  it('no-mode-class (an error)', () => assert.throws(() => isDelayBindingMode(claim('no-mode'), classes), { message: 'VolumeBindingMode not set for StorageClass "no-mode"' }));
  it('immediate-mode-class', () => assert.equal(isDelayBindingMode(claim('immediate-mode'), classes), false));
  it('wait-mode-class', () => assert.equal(isDelayBindingMode(claim('wait-mode'), classes), true));
});

describe(`${FILE} TestFindMatchVolumeWithNode`, () => {
  const volumes: PersistentVolume[] = [
    makeTestVolume('local-small', 'local001', '5G', true),
    makeTestVolume('local-pd-very-large', 'local002', '200E', true, (v) => { v.spec!.storageClassName = 'large'; }),
    makeTestVolume('affinity-pv', 'affinity001', '100G', true, (v) => { v.spec!.storageClassName = 'wait'; v.spec!.nodeAffinity = nodeAffinity('key1', 'value1'); }),
    makeTestVolume('affinity-pv2', 'affinity002', '150G', true, (v) => { v.spec!.storageClassName = 'wait'; v.spec!.nodeAffinity = nodeAffinity('key1', 'value1'); }),
    makeTestVolume('affinity-prebound', 'affinity003', '100G', true, (v) => {
      v.spec!.storageClassName = 'wait';
      v.spec!.claimRef = { name: 'claim02', namespace: 'myns' };
      v.spec!.nodeAffinity = nodeAffinity('key1', 'value1');
    }),
    makeTestVolume('affinity-pv3', 'affinity003', '200G', true, (v) => { v.spec!.storageClassName = 'wait'; v.spec!.nodeAffinity = nodeAffinity('key1', 'value3'); }),
    makeTestVolume('affinity-pv4', 'affinity004', '200G', false, (v) => { v.spec!.storageClassName = 'wait'; v.spec!.nodeAffinity = nodeAffinity('key1', 'value4'); }),
  ];
  const withVAC = (name: string, input: PersistentVolume[]) => input.map((v) => {
    const c = structuredClone(v);
    c.spec!.volumeAttributesClassName = name;
    return c;
  });
  const [node1, node2, node3, node4] = ['value1', 'value2', 'value3', 'value4'].map((v) => node({ key1: v }));
  const setVAC = (vac: string) => (c: ReturnType<typeof makeTestPersistentVolumeClaim>) => { c.spec!.volumeAttributesClassName = vac; };
  const scenarios: Array<{ name: string; expected: string; expectErr?: boolean; claim: ReturnType<typeof makeTestPersistentVolumeClaim>; node: ReturnType<typeof node>; volumes: PersistentVolume[]; excluded?: string[]; vacEnabled: boolean[] }> = [
    { name: 'success-match', expected: 'affinity-pv', volumes, claim: makeTestPersistentVolumeClaim('claim01', '100G', [RWO]), node: node1, vacEnabled: [true, false] },
    { name: 'success-prebound', expected: 'affinity-prebound', volumes, claim: makeTestPersistentVolumeClaim('claim02', '100G', [RWO]), node: node1, vacEnabled: [true, false] },
    { name: 'success-exclusion', expected: 'affinity-pv2', volumes, claim: makeTestPersistentVolumeClaim('claim01', '100G', [RWO]), node: node1, excluded: ['affinity001'], vacEnabled: [true, false] },
    { name: 'fail-exclusion', expected: '', volumes, claim: makeTestPersistentVolumeClaim('claim01', '100G', [RWO]), node: node1, excluded: ['affinity001', 'affinity002', 'affinity002-vac'], vacEnabled: [true, false] },
    { name: 'fail-accessmode', expected: '', volumes, claim: makeTestPersistentVolumeClaim('claim01', '100G', [RWX]), node: node1, vacEnabled: [true, false] },
    { name: 'fail-nodeaffinity', expected: '', volumes, claim: makeTestPersistentVolumeClaim('claim01', '100G', [RWO]), node: node2, vacEnabled: [true, false] },
    { name: 'fail-prebound-node-affinity', expected: '', volumes, claim: makeTestPersistentVolumeClaim('claim02', '100G', [RWO]), node: node3, vacEnabled: [true, false] },
    { name: 'fail-nonavaliable', expected: '', volumes, claim: makeTestPersistentVolumeClaim('claim04', '100G', [RWO]), node: node4, vacEnabled: [true, false] },
    { name: 'success-bad-and-good-node-affinity', expected: 'affinity-pv3', volumes, claim: makeTestPersistentVolumeClaim('claim03', '100G', [RWO]), node: node3, vacEnabled: [true, false] },
    { name: 'success-match-with-vac', expected: 'affinity-pv', volumes: withVAC('gold', volumes), claim: makeTestPersistentVolumeClaim('claim01', '100G', [RWO], setVAC('gold')), node: node1, vacEnabled: [true] },
    { name: 'fail-vac', expected: '', volumes, claim: makeTestPersistentVolumeClaim('claim01', '100G', [RWO], setVAC('silver')), node: node1, vacEnabled: [true] },
    { name: 'fail-prebound-vac', expected: '', volumes: withVAC('gold', volumes), claim: makeTestPersistentVolumeClaim('claim02', '100G', [RWO], setVAC('silver')), node: node1, vacEnabled: [true] },
    { name: 'fail-on-error', expected: '', expectErr: true, volumes, claim: makeTestPersistentVolumeClaim('claim01', '100G', [RWO], setVAC('gold')), node: node1, vacEnabled: [false] },
    { name: 'fail-volumes-vac', expected: '', volumes: withVAC('gold', volumes), claim: makeTestPersistentVolumeClaim('claim01', '100G', [RWO]), node: node1, vacEnabled: [false] },
  ];
  for (const s of scenarios) {
    for (const enabled of s.vacEnabled) {
      it(`[VolumeAttributiesClass: ${enabled}] ${s.name}`, () => {
        const run = () => findMatchingVolume(s.claim, s.volumes, { node: s.node, excludedVolumes: s.excluded, delayBinding: true, vacEnabled: enabled });
        if (s.expectErr) {
          assert.throws(run, { message: 'unsupported volumeAttributesClassName is set on claim myns/claim01 when the feature-gate VolumeAttributesClass is disabled' });
          return;
        }
        assert.equal(uidOf(run()), s.expected);
      });
    }
  }
});
