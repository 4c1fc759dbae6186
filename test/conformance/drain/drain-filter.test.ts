// kubectl drain's Pod filter against upstream's own tables, at v1.36:
//  - staging/src/k8s.io/kubectl/pkg/cmd/drain/drain_test.go TestDrain (which Pods are
//    deleted, whether the drain fails, the warning it prints);
//  - staging/src/k8s.io/kubectl/pkg/drain/filter_test.go TestSkipDeletedFilter;
//  - staging/src/k8s.io/kubectl/pkg/drain/drain_test.go TestFilterPods (no additional filters case).
// TestDrain runs kubectl drain end to end; the filter decides its expectDelete and
// expectFatal (GetPodsForDeletion's errors are what makes the command fail), so those
// two columns and expectWarning are checked here against drainFilter.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { drainFilter } from '../../../simulations/index.ts';

const labels = { my_key: 'my_value' };
const owner = (apiVersion: string, kind: string, name: string, uid = '') => [{ apiVersion, kind, name, uid, blockOwnerDeletion: true, controller: true }];
const emptyDir = [{ name: 'scratch', emptyDir: { medium: '' } }];
const pod = (extra: { ownerReferences?: unknown[]; volumes?: unknown[]; phase?: string } = {}) => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'bar', namespace: 'default', creationTimestamp: '2025-01-01T00:00:00Z', labels, ...(extra.ownerReferences ? { ownerReferences: extra.ownerReferences } : {}) },
  spec: { nodeName: 'node', ...(extra.volumes ? { volumes: extra.volumes } : {}) },
  ...(extra.phase ? { status: { phase: extra.phase } } : {}),
});
const ds = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds', namespace: 'default' }, spec: { selector: { matchLabels: labels } } };

const rcPod = pod({ ownerReferences: owner('v1', 'ReplicationController', 'rc', '123') });
const dsPod = pod({ ownerReferences: owner('apps/v1', 'DaemonSet', 'ds') });
const dsTerminatedPod = pod({ ownerReferences: owner('apps/v1', 'DaemonSet', 'ds'), phase: 'Succeeded' });
const dsPodWithEmptyDir = pod({ ownerReferences: owner('apps/v1', 'DaemonSet', 'ds'), volumes: emptyDir });
const orphanedDsPod = pod();
const jobPod = pod({ ownerReferences: owner('v1', 'Job', 'job'), volumes: emptyDir });
const terminatedJobPodWithLocalStorage = pod({ ownerReferences: owner('v1', 'Job', 'job'), volumes: emptyDir, phase: 'Succeeded' });
const rsPod = pod({ ownerReferences: owner('v1', 'ReplicaSet', 'rs') });
const nakedPod = pod();
const emptydirPod = pod({ volumes: emptyDir });
const emptydirTerminatedPod = pod({ volumes: emptyDir, phase: 'Failed' });

interface Case { description: string; pods: unknown[]; args: string[]; expectFatal: boolean; expectDelete: boolean; expectWarning?: string }
const UP = 'staging/src/k8s.io/kubectl/pkg/cmd/drain/drain_test.go TestDrain';
const cases: Case[] = [
  { description: 'RC-managed pod', pods: [rcPod], args: [], expectFatal: false, expectDelete: true },
  { description: 'DS-managed pod', pods: [dsPod], args: [], expectFatal: true, expectDelete: false },
  { description: 'DS-managed terminated pod', pods: [dsTerminatedPod], args: [], expectFatal: false, expectDelete: true },
  { description: 'orphaned DS-managed pod', pods: [orphanedDsPod], args: [], expectFatal: true, expectDelete: false },
  { description: 'orphaned DS-managed pod with --force', pods: [orphanedDsPod], args: ['--force'], expectFatal: false, expectDelete: true, expectWarning: 'WARNING: deleting Pods that declare no controller: default/bar' },
  { description: 'DS-managed pod with --ignore-daemonsets', pods: [dsPod], args: ['--ignore-daemonsets'], expectFatal: false, expectDelete: false },
  { description: 'DS-managed pod with emptyDir with --ignore-daemonsets', pods: [dsPodWithEmptyDir], args: ['--ignore-daemonsets'], expectFatal: false, expectDelete: false, expectWarning: 'WARNING: ignoring DaemonSet-managed Pods: default/bar' },
  { description: 'Job-managed pod with local storage', pods: [jobPod], args: ['--force', '--delete-emptydir-data=true'], expectFatal: false, expectDelete: true },
  { description: 'Ensure compatibility for --delete-local-data until fully deprecated', pods: [jobPod], args: ['--force', '--delete-local-data=true'], expectFatal: false, expectDelete: true },
  { description: 'Job-managed terminated pod', pods: [terminatedJobPodWithLocalStorage], args: [], expectFatal: false, expectDelete: true },
  { description: 'RS-managed pod', pods: [rsPod], args: [], expectFatal: false, expectDelete: true },
  { description: 'naked pod', pods: [nakedPod], args: [], expectFatal: true, expectDelete: false },
  { description: 'naked pod with --force', pods: [nakedPod], args: ['--force'], expectFatal: false, expectDelete: true },
  { description: 'pod with EmptyDir', pods: [emptydirPod], args: ['--force'], expectFatal: true, expectDelete: false },
  { description: 'terminated pod with emptyDir', pods: [emptydirTerminatedPod], args: [], expectFatal: false, expectDelete: true },
  { description: 'pod with EmptyDir and --delete-emptydir-data', pods: [emptydirPod], args: ['--force', '--delete-emptydir-data=true'], expectFatal: false, expectDelete: true },
  { description: 'empty node', pods: [], args: [], expectFatal: false, expectDelete: false },
];

// The flags as kubectl's cmd/drain maps them onto the Helper (--delete-local-data is the deprecated name of --delete-emptydir-data).
function optionsOf(args: string[]) {
  return {
    force: args.includes('--force'),
    ignoreDaemonSets: args.includes('--ignore-daemonsets'),
    deleteEmptyDirData: args.includes('--delete-emptydir-data=true') || args.includes('--delete-local-data=true'),
  };
}

describe(UP, () => {
  for (const c of cases) {
    it(c.description, () => {
      const r = drainFilter(c.pods, optionsOf(c.args), { daemonSets: [ds] });
      assert.equal(r.errors.length > 0, c.expectFatal, `errors: ${JSON.stringify(r.errors)}`);
      // A fatal drain deletes nothing; otherwise the Pods the filter keeps are deleted.
      assert.equal(!c.expectFatal && r.delete.length > 0, c.expectDelete);
      if (c.expectWarning) {
        // kubectl 1.36 prints "Warning: "; the test table (written before WarningPrinter) matches the text after it.
        assert.equal(`WARNING: ${r.warnings.join('; ')}`, c.expectWarning);
      }
    });
  }

  it('the exact error of a DaemonSet Pod without --ignore-daemonsets (the contract example)', () => {
    assert.deepEqual(drainFilter([dsPod], { ignoreDaemonSets: false }, { daemonSets: [ds] }), {
      delete: [], warnings: [], errors: ['cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/bar'],
    });
    assert.deepEqual(drainFilter([dsPod], {}, { daemonSets: [ds] }).errors, ['cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/bar']);
  });

  it('the exact error of a Pod with no controller (filters.go unmanagedFatal, not prefixed twice)', () => {
    assert.deepEqual(drainFilter([nakedPod]).errors, ['cannot delete Pods that declare no controller (use --force to override): default/bar']);
  });

  it('the exact error of an emptyDir Pod (filters.go localStorageFatal)', () => {
    assert.deepEqual(drainFilter([emptydirPod], { force: true }).errors, ['cannot delete Pods with local storage (use --delete-emptydir-data to override): default/bar']);
  });
});

describe('staging/src/k8s.io/kubectl/pkg/drain/filter_test.go TestSkipDeletedFilter', () => {
  const now = '2025-01-01T00:10:00Z';
  const table = [
    { timeStampAgeSeconds: 0, skipWaitForDeleteTimeoutSeconds: 20, expectedDelete: true },
    { timeStampAgeSeconds: 1, skipWaitForDeleteTimeoutSeconds: 20, expectedDelete: true },
    { timeStampAgeSeconds: 100, skipWaitForDeleteTimeoutSeconds: 20, expectedDelete: false },
  ];
  for (const [i, tc] of table.entries()) {
    it(`test ${i}: deletionTimestamp ${tc.timeStampAgeSeconds}s ago, skip after ${tc.skipWaitForDeleteTimeoutSeconds}s`, () => {
      const p = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pod', namespace: 'default', ...(tc.timeStampAgeSeconds > 0 ? { deletionTimestamp: new Date(Date.parse(now) - tc.timeStampAgeSeconds * 1000).toISOString() } : {}) } };
      // Only the skip filter's answer: the Pod has no controller, so run with --force to keep the other filters out of the way.
      const d = drainFilter([p], { skipWaitForDeleteTimeoutSeconds: tc.skipWaitForDeleteTimeoutSeconds, now, force: true }).decisions[0];
      assert.equal(d.status.filter === 'skipDeletedFilter' ? d.status.delete : true, tc.expectedDelete);
    });
  }
});

describe('staging/src/k8s.io/kubectl/pkg/drain/drain_test.go TestFilterPods', () => {
  it('No additionalFilters okay all (Force: true, a bare Pod)', () => {
    const p = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pod', namespace: 'default' } };
    assert.equal(drainFilter([p], { force: true }).delete.length, 1);
  });
});
