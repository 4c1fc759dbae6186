// The config-security lesson's troubleshooting challenge (content/13-config-security),
// checked like those of test/content/challenges.test.ts: the broken start fails the
// objectives it is about, the solution meets every objective and rule, and plausible
// wrong fixes fail the objective or rule that should catch them. Every scenario runs
// through the rbac engine; the decisions come from the RBAC authorizer.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { challenge, checkChallengeCases, edit, found, grade, type ChallengeCase } from '../support/challenge-cases.ts';

const SLUG = 'config-security';
const LIST = 'reviews[0].allowed == true';
const LOGS = 'reviews[1].allowed == true';
const DELETE = 'reviews[2].allowed == false';
const SECRETS = 'reviews[3].allowed == false';
const PODS = 'objects[name=web].controllerPods.allowed == true';
const WARN = 'objects[name=web].warnings.length == 0';
const SUBJECT = '- kind: ServiceAccount\n  name: deployer\nroleRef';

const CASES: Omit<ChallengeCase, 'slug'>[] = [
  {
    id: 'challenge-ci-logs',
    startFails: [LIST, LOGS],
    wrong: [
      {
        name: 'adding pods/log only: the binding still names prod:deployer',
        input: (s) => edit(s, ['resources: ["pods"]', 'resources: ["pods", "pods/log"]']),
        fails: [LIST, LOGS],
      },
      {
        name: "fixing the subject's namespace only: logs are a subresource",
        input: (s) => edit(s, [SUBJECT, '- kind: ServiceAccount\n  name: deployer\n  namespace: ci\nroleRef']),
        fails: [LOGS],
      },
      {
        name: 'granting every resource in prod',
        input: (s) => edit(s, [SUBJECT, '- kind: ServiceAccount\n  name: deployer\n  namespace: ci\nroleRef'], ['resources: ["pods"]\n  verbs: ["get", "list"]', 'resources: ["*"]\n  verbs: ["*"]']),
        fails: [DELETE, SECRETS],
      },
      {
        name: 'binding the ClusterRole cluster-admin instead of the Role',
        input: (s) => edit(s, [SUBJECT, '- kind: ServiceAccount\n  name: deployer\n  namespace: ci\nroleRef'], ['  kind: Role\n  name: log-reader', '  kind: ClusterRole\n  name: cluster-admin']),
        fails: [DELETE, SECRETS],
      },
      {
        name: 'moving the RoleBinding to ci',
        input: (s) => edit(s, ['  name: deployer-reads-logs\n  namespace: prod', '  name: deployer-reads-logs\n  namespace: ci'], ['resources: ["pods"]', 'resources: ["pods", "pods/log"]']),
        fails: [LIST, LOGS, 'added 1'],
      },
    ],
    alsoRight: [
      {
        name: 'a group subject for the ServiceAccounts of ci, and pods/log',
        input: (s) => edit(s, [SUBJECT, '- kind: Group\n  name: system:serviceaccounts:ci\nroleRef'], ['resources: ["pods"]', 'resources: ["pods", "pods/log"]']),
        fails: [],
      },
    ],
  },
  {
    id: 'challenge-restricted',
    startFails: [PODS, WARN],
    wrong: [
      {
        name: 'relabelling the namespace to baseline',
        input: (s) => edit(s, ['    pod-security.kubernetes.io/enforce: restricted', '    pod-security.kubernetes.io/enforce: baseline']),
        fails: [PODS, WARN, 'keep Namespace/shop metadata.labels'],
      },
      {
        name: 'fixing the securityContext but keeping the hostPath cache',
        input: (s) => edit(s, ['        runAsUser: 1000\n', '        runAsUser: 1000\n        runAsNonRoot: true\n        seccompProfile:\n          type: RuntimeDefault\n'], ['          capabilities:\n            add:', '          allowPrivilegeEscalation: false\n          capabilities:\n            drop: ["ALL"]\n            add:']),
        fails: [PODS, WARN],
      },
      {
        name: 'setting privileged: false',
        input: (s) => edit(s, ['          capabilities:\n', '          privileged: false\n          capabilities:\n']),
        fails: [PODS, WARN],
      },
    ],
  },
];

checkChallengeCases('config-security troubleshooting challenge', [SLUG], CASES.map((c) => ({ slug: SLUG, ...c })));

describe('config-security troubleshooting challenge: what the explanation states', () => {
  it('the start denies with an empty reason (the binding never applies), the solution names the binding', () => {
    const c = challenge(SLUG, 'challenge-ci-logs');
    assert.equal(found(grade(c, c.start), LIST), false);
  });
});
