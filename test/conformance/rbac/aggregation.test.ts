// pkg/controller/clusterroleaggregation/clusterroleaggregation_controller_test.go TestSyncClusterRole (v1.36),
// transcribed as data. expectedClusterRoleApply nil means "no write"; otherwise the applied rules.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { syncClusterRole } from '../../../simulations/rbac/public-api.ts';
import type { ClusterRole, PolicyRule } from '../../../simulations/rbac/types.ts';

const hammerRules = (): PolicyRule[] => [{ verbs: ['hammer'], resources: ['nails'] }, { verbs: ['hammer'], resources: ['wedges'] }];
const chiselRules = (): PolicyRule[] => [{ verbs: ['chisel'], resources: ['mortises'] }];
const sawRules = (): PolicyRule[] => [{ verbs: ['saw'], resources: ['boards'] }];
const role = (name: string, labels: Record<string, string>, rules: PolicyRule[]): ClusterRole => ({ metadata: { name, labels }, rules });
const combinedRole = (selectors: Record<string, string>[], ...rules: PolicyRule[][]): ClusterRole => ({
  metadata: { name: 'combined' },
  aggregationRule: { clusterRoleSelectors: selectors.map((matchLabels) => ({ matchLabels })) },
  rules: rules.flat(),
});

const cases: { name: string; startingClusterRoles: ClusterRole[]; clusterRoleToSync: string; expectedApply: PolicyRule[] | null }[] = [
  {
    name: 'remove dead rules',
    startingClusterRoles: [role('hammer', { foo: 'bar' }, hammerRules()), combinedRole([{ foo: 'bar' }], sawRules())],
    clusterRoleToSync: 'combined',
    expectedApply: hammerRules(),
  },
  {
    name: 'strip rules',
    startingClusterRoles: [role('hammer', { foo: 'not-bar' }, hammerRules()), combinedRole([{ foo: 'bar' }], hammerRules())],
    clusterRoleToSync: 'combined',
    expectedApply: [],
  },
  {
    name: 'select properly and put in order',
    startingClusterRoles: [role('hammer', { foo: 'bar' }, hammerRules()), role('chisel', { foo: 'bar' }, chiselRules()), role('saw', { foo: 'not-bar' }, sawRules()), combinedRole([{ foo: 'bar' }])],
    clusterRoleToSync: 'combined',
    expectedApply: [...chiselRules(), ...hammerRules()],
  },
  {
    name: 'select properly with multiple selectors',
    startingClusterRoles: [role('hammer', { foo: 'bar' }, hammerRules()), role('chisel', { foo: 'bar' }, chiselRules()), role('saw', { foo: 'not-bar' }, sawRules()), combinedRole([{ foo: 'bar' }, { foo: 'not-bar' }])],
    clusterRoleToSync: 'combined',
    expectedApply: [...chiselRules(), ...hammerRules(), ...sawRules()],
  },
  {
    name: 'select properly remove duplicates',
    startingClusterRoles: [
      role('hammer', { foo: 'bar' }, hammerRules()), role('chisel', { foo: 'bar' }, chiselRules()), role('saw', { foo: 'bar' }, sawRules()),
      role('other-saw', { foo: 'not-bar' }, sawRules()), combinedRole([{ foo: 'bar' }, { foo: 'not-bar' }]),
    ],
    clusterRoleToSync: 'combined',
    expectedApply: [...chiselRules(), ...hammerRules(), ...sawRules()],
  },
  {
    name: 'no diff skip',
    startingClusterRoles: [role('hammer', { foo: 'bar' }, hammerRules()), combinedRole([{ foo: 'bar' }], hammerRules())],
    clusterRoleToSync: 'combined',
    expectedApply: null,
  },
];

describe('clusterroleaggregation_controller_test.go TestSyncClusterRole', () => {
  for (const tc of cases) {
    it(tc.name, () => {
      const got = syncClusterRole(tc.startingClusterRoles, tc.clusterRoleToSync);
      if (tc.expectedApply === null) {
        assert.equal(got.updated, false, 'no write expected');
        return;
      }
      assert.equal(got.updated, true);
      assert.deepEqual(got.rules, tc.expectedApply);
    });
  }
  it('a ClusterRole without an aggregationRule, or one that does not exist, is left alone', () => {
    assert.deepEqual(syncClusterRole([role('hammer', {}, hammerRules())], 'hammer'), { updated: false, rules: hammerRules() });
    assert.deepEqual(syncClusterRole([], 'missing'), { updated: false, rules: [] });
  });
});
