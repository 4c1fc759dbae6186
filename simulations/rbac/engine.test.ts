// The rbac engine end to end: YAML in, kubectl's words out. Expected strings are
// kubectl's and kube-apiserver's formats (cani.go, rbac.go, rule.go,
// responsewriters/errors.go forbiddenMessage), worked out in the comments.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseManifests } from '../shared/yaml.ts';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { ValidationError } from '../shared/errors.ts';
import { engine } from './engine.ts';
import type { RbacResult } from './engine.ts';
import { impersonatedIdentity, shellSplit } from './can-i.ts';

const run = (yaml: string) => engine.run(parseManifests(yaml), { budget: DEFAULT_BUDGET, detail: true }) as { result: RbacResult };
const fixture = readFileSync(new URL('./fixtures/who-can.yaml', import.meta.url), 'utf8');

describe('rbac engine', () => {
  const { result } = run(fixture);
  it('answers kubectl auth can-i as kubectl prints it', () => {
    assert.deepEqual(result.commands.map((c) => c.stdout.split('\n')[0]), ['yes', 'no', 'no', 'no', 'Resources                                       Non-Resource URLs   Resource Names   Verbs']);
    // cani.go Validate: a cluster-scoped resource without -A is warned about, and still asked in the namespace
    assert.deepEqual(result.commands[3].stderr, ["Warning: resource 'nodes' is not namespace scoped"]);
    assert.equal(result.commands[3].attributes?.namespace, 'default');
    assert.equal(result.commands[0].decidedBy?.description, 'RoleBinding "jane-reads-pods/dev" of Role "pod-reader" to User "jane"');
  });
  it('--list breaks rules down, compacts them and sorts by PolicyRule.String() (verbs first)', () => {
    const rows = result.commands[4].list!;
    assert.deepEqual(rows.slice(0, 4).map((r) => [r.resources, r.verbs]), [
      ['selfsubjectreviews.authentication.k8s.io', '[create]'],
      ['selfsubjectaccessreviews.authorization.k8s.io', '[create]'],
      ['selfsubjectrulesreviews.authorization.k8s.io', '[create]'],
      ['pods', '[get list watch]'],
    ]);
    // "/api/*" sorts before "/api": '/' < ']' in "NonResourceURLs:[/api/*]," vs "[/api],"
    assert.deepEqual(rows.slice(4, 6).map((r) => r.nonResourceURLs), ['[/api/*]', '[/api]']);
  });
  it('the who-can matrix names the binding that allowed each cell', () => {
    const m = result.matrix!;
    const jane = m.subjects.findIndex((s) => s.label === 'User jane');
    assert.equal(m.cells[jane][0][0], 'RoleBinding dev/jane-reads-pods'); // get pods
    assert.equal(m.cells[jane][1][0], null); // get pods/log
  });
  it('impersonation needs the impersonate verb, and is refused with forbiddenMessage', () => {
    const r = run(fixture.replace('  - kubectl auth can-i list pods -n dev\n', '  - kubectl auth can-i list pods -n dev --as=bob\n')).result;
    assert.deepEqual(r.commands[0].stderr, ['Error from server (Forbidden): users "bob" is forbidden: User "jane" cannot impersonate resource "users" in API group "" at the cluster scope']);
    assert.equal(r.commands[0].exitCode, 1);
  });
  it('kubectl argument errors are kubectl\'s', () => {
    const r = run(fixture.replace('  - kubectl auth can-i list pods -n dev\n', '  - kubectl auth can-i list\n  - kubectl auth can-i get pods --bogus\n')).result;
    assert.deepEqual(r.commands[0].stderr, ['error: you must specify two arguments: verb resource or verb resource/resourceName.', "See 'kubectl auth can-i -h' for help and examples."]);
    assert.deepEqual(r.commands[1].stderr, ['error: unknown flag: --bogus', "See 'kubectl auth can-i --help' for usage."]);
  });
  it('without the bootstrap policy, kubectl auth can-i itself is refused', () => {
    const r = run(fixture.replace('  user: jane\n', '  user: jane\n  bootstrapPolicy: false\n')).result;
    assert.match(r.commands[0].stderr[0], /^Error from server \(Forbidden\): selfsubjectaccessreviews\.authorization\.k8s\.io is forbidden: User "jane" cannot create resource "selfsubjectaccessreviews" in API group "authorization\.k8s\.io" at the cluster scope$/);
  });
  it('can-i for nodes sends the namespace: a RoleBinding in default makes it say yes, the real (cluster-wide) request stays denied', () => {
    const extra = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: node-reader}\nrules: [{apiGroups: [""], resources: [nodes], verbs: [get]}]\n---\n' +
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: nodes-in-default, namespace: default}\nsubjects: [{kind: User, name: jane}]\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: node-reader}\n---\n';
    const r = run(extra + fixture.replace('  reviews:\n', '  reviews:\n  - {user: jane, verb: get, resource: nodes}\n')).result;
    assert.equal(r.commands[3].stdout, 'yes');
    assert.equal(r.reviews[0].allowed, false);
  });
  it('bad input is a located 400', () => {
    assert.throws(() => run(fixture.replace('kind: AccessReviewList', 'kind: Nope')), ValidationError);
    assert.throws(() => run(fixture.replace('  - kubectl auth can-i get nodes\n', '  - kubectl get pods\n')), ValidationError);
    // The API server's own validation: a ServiceAccount subject of a ClusterRoleBinding needs a namespace.
    const crb = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata: {name: x}\nsubjects: [{kind: ServiceAccount, name: ci}]\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\n---\n';
    assert.throws(() => run(crb + fixture), (e: unknown) => e instanceof ValidationError && /namespace/.test(e.message));
  });
});

describe('can-i helpers', () => {
  it('impersonating a ServiceAccount adds its groups and system:authenticated (impersonation.go)', () => {
    assert.deepEqual(impersonatedIdentity('system:serviceaccount:dev:ci', []), { user: 'system:serviceaccount:dev:ci', groups: ['system:serviceaccounts', 'system:serviceaccounts:dev', 'system:authenticated'] });
    assert.deepEqual(impersonatedIdentity('bob', ['x']), { user: 'bob', groups: ['x', 'system:authenticated'] });
    assert.deepEqual(impersonatedIdentity('system:anonymous', []), { user: 'system:anonymous', groups: ['system:unauthenticated'] });
  });
  it('splits a command line as a shell would', () => {
    assert.deepEqual(shellSplit(`kubectl auth can-i '*' "*"`), ['kubectl', 'auth', 'can-i', '*', '*']);
  });
});
