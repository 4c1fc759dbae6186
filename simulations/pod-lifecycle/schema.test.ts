// Bad input answers with the field path and an API-server style reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifests } from '../shared/yaml.ts';
import { ValidationError } from '../shared/errors.ts';
import { formatFieldPath } from '../shared/errors.ts';
import { readInput } from './schema.ts';

const POD = `apiVersion: v1
kind: Pod
metadata: { name: web }
spec:
  containers:
  - name: app
    image: nginx:1.27
    readinessProbe: { httpGet: { path: /, port: 80 } }
`;
const behavior = (spec: string) => `---
apiVersion: kube-notebook.dev/v1alpha1
kind: PodBehavior
metadata: { name: web }
spec:
${spec}`;

const cases: { name: string; yaml: string; path: string; reason: RegExp }[] = [
  { name: 'an unknown field in the behaviour block', yaml: POD + behavior('  containers:\n  - name: app\n    runz: []\n'), path: 'spec.containers[0].runz', reason: /^unknown field "runz"/ },
  { name: 'an unknown field in the behaviour spec', yaml: POD + behavior('  deleteAt: 10\n'), path: 'spec.deleteAt', reason: /^unknown field "deleteAt"/ },
  { name: 'a negative duration', yaml: POD + behavior('  containers:\n  - name: app\n    run: { exitAfterSeconds: -5, exitCode: 1 }\n'), path: 'spec.containers[0].run.exitAfterSeconds', reason: /^Invalid value: -5: must be greater than or equal to 0$/ },
  { name: 'a behaviour for a container that does not exist', yaml: POD + behavior('  containers:\n  - name: sidecar\n    run: { forever: true }\n'), path: 'spec.containers[0].name', reason: /^Not found: "sidecar"/ },
  { name: 'probe results for a probe the container does not have', yaml: POD + behavior('  containers:\n  - name: app\n    liveness: [{ fromSeconds: 0, result: failure }]\n'), path: 'spec.containers[0].liveness', reason: /has no livenessProbe/ },
  { name: 'a probe result that is neither success nor failure', yaml: POD + behavior('  containers:\n  - name: app\n    readiness: [{ fromSeconds: 0, result: flaky }]\n'), path: 'spec.containers[0].readiness[0].result', reason: /^Unsupported value: "flaky": supported values: "success", "failure"$/ },
  { name: 'more than 24 hours of virtual time', yaml: POD + behavior('  untilSeconds: 90000\n'), path: 'spec.untilSeconds', reason: /must be less than or equal to 86400/ },
  { name: 'a probe with periodSeconds: 0', yaml: POD.replace('port: 80 } }', 'port: 80 }, periodSeconds: 0 }'), path: 'spec.containers[0].readinessProbe.periodSeconds', reason: /^Invalid value: 0: must be greater than or equal to 1/ },
  { name: 'successThreshold above 1 on a liveness probe', yaml: POD.replace('readinessProbe', 'livenessProbe').replace('port: 80 } }', 'port: 80 }, successThreshold: 2 }'), path: 'spec.containers[0].livenessProbe.successThreshold', reason: /^Invalid value: 2: must be 1$/ },
  { name: 'a probe without a handler', yaml: POD.replace('{ httpGet: { path: /, port: 80 } }', '{ periodSeconds: 5 }'), path: 'spec.containers[0].readinessProbe', reason: /^Required value: must specify a handler type$/ },
  { name: 'a misspelt container field (strict field validation)', yaml: POD.replace('image: nginx:1.27', 'imagee: nginx:1.27'), path: 'spec.containers[0].imagee', reason: /^unknown field "imagee" in io\.k8s\.api\.core\.v1\.Container$/ },
  { name: 'a container without an image', yaml: POD.replace('    image: nginx:1.27\n', ''), path: 'spec.containers[0].image', reason: /^Required value$/ },
  { name: 'an invalid container name', yaml: POD.replace('name: app', 'name: My_App'), path: 'spec.containers[0].name', reason: /^Invalid value: "My_App": a lowercase RFC 1123 label/ },
  { name: 'an unsupported restartPolicy', yaml: POD.replace('spec:\n', 'spec:\n  restartPolicy: Sometimes\n'), path: 'spec.restartPolicy', reason: /^Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"$/ },
  { name: 'restartPolicy on a regular container', yaml: POD.replace('image: nginx:1.27', 'image: nginx:1.27\n    restartPolicy: Always'), path: 'spec.containers[0].restartPolicy', reason: /^Forbidden: may not be set for non-init containers$/ },
  { name: 'a Job whose Pods would restart Always', yaml: 'apiVersion: batch/v1\nkind: Job\nmetadata: { name: j }\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers: [{ name: c, image: busybox }]\n', path: 'spec.template.spec.restartPolicy', reason: /^Unsupported value: "Always": supported values: "OnFailure", "Never"$/ },
  { name: 'a Deployment whose Pods would not restart', yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: d }\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{ name: c, image: busybox }]\n', path: 'spec.template.spec.restartPolicy', reason: /^Unsupported value: "Never": supported values: "Always"$/ },
  { name: 'two Pods in one cell', yaml: POD + '---\n' + POD.replace('name: web', 'name: web2'), path: 'kind', reason: /^Too many: 2/ },
];

for (const c of cases) {
  test(`bad input → ValidationError with its path: ${c.name}`, () => {
    assert.throws(
      () => readInput(parseManifests(c.yaml)),
      (err: unknown) => {
        assert.ok(err instanceof ValidationError, String(err));
        assert.equal(formatFieldPath(err.path ?? []), c.path);
        assert.match(err.reason, c.reason);
        return true;
      },
    );
  });
}

test('a Deployment becomes the Pod its ReplicaSet would create: template labels plus pod-template-hash, owner ReplicaSet', () => {
  const input = readInput(parseManifests('apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  template:\n    metadata: { labels: { app: web } }\n    spec:\n      containers: [{ name: c, image: nginx:1.27 }]\n'));
  assert.match(input.pod.metadata.name, /^web-[bcdfghjklmnpqrstvwxz2456789]{9}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  assert.equal(input.pod.metadata.labels?.app, 'web');
  assert.equal(input.pod.metadata.ownerReferences?.[0].kind, 'ReplicaSet');
  assert.deepEqual(input.workload, { kind: 'Deployment', name: 'web' });
});

test('a negative terminationGracePeriodSeconds is set to 1 with the API server warning', () => {
  const input = readInput(parseManifests(POD.replace('spec:\n', 'spec:\n  terminationGracePeriodSeconds: -5\n')));
  assert.equal(input.pod.spec.terminationGracePeriodSeconds, 1);
  assert.match(input.warnings[0], /negative values are invalid and will be treated as 1/);
});
