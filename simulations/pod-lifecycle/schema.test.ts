// Bad input answers with the field path and an API-server style reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attachPosition, parseManifests } from '../shared/yaml.ts';
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

// Built-in objects go through the virtual kube-apiserver: its message, whole (what kubectl prints
// after "Error from server"), at the line of the first offending field. The notebook's own
// PodBehavior keeps its own messages.
const cases: { name: string; yaml: string; path: string; line: number; reason: RegExp }[] = [
  { name: 'an unknown field in the behaviour block', yaml: POD + behavior('  containers:\n  - name: app\n    runz: []\n'), path: 'spec.containers[0].runz', line: 16, reason: /^unknown field "runz"/ },
  { name: 'an unknown field in the behaviour spec', yaml: POD + behavior('  deleteAt: 10\n'), path: 'spec.deleteAt', line: 14, reason: /^unknown field "deleteAt"/ },
  { name: 'a negative duration', yaml: POD + behavior('  containers:\n  - name: app\n    run: { exitAfterSeconds: -5, exitCode: 1 }\n'), path: 'spec.containers[0].run.exitAfterSeconds', line: 16, reason: /^Invalid value: -5: must be greater than or equal to 0$/ },
  { name: 'a behaviour for a container that does not exist', yaml: POD + behavior('  containers:\n  - name: sidecar\n    run: { forever: true }\n'), path: 'spec.containers[0].name', line: 15, reason: /^Not found: "sidecar"/ },
  { name: 'probe results for a probe the container does not have', yaml: POD + behavior('  containers:\n  - name: app\n    liveness: [{ fromSeconds: 0, result: failure }]\n'), path: 'spec.containers[0].liveness', line: 16, reason: /has no livenessProbe/ },
  { name: 'a probe result that is neither success nor failure', yaml: POD + behavior('  containers:\n  - name: app\n    readiness: [{ fromSeconds: 0, result: flaky }]\n'), path: 'spec.containers[0].readiness[0].result', line: 16, reason: /^Unsupported value: "flaky": supported values: "success", "failure"$/ },
  { name: 'more than 24 hours of virtual time', yaml: POD + behavior('  untilSeconds: 90000\n'), path: 'spec.untilSeconds', line: 14, reason: /must be less than or equal to 86400/ },
  { name: 'successThreshold above 1 on a liveness probe', yaml: POD.replace('readinessProbe', 'livenessProbe').replace('port: 80 } }', 'port: 80 }, successThreshold: 2 }'), path: 'spec.containers[0].livenessProbe.successThreshold', line: 8, reason: /^Pod "web" is invalid: spec\.containers\[0\]\.livenessProbe\.successThreshold: Invalid value: 2: must be 1$/ },
  { name: 'a probe without a handler', yaml: POD.replace('{ httpGet: { path: /, port: 80 } }', '{ periodSeconds: 5 }'), path: 'spec.containers[0].readinessProbe', line: 8, reason: /^Pod "web" is invalid: spec\.containers\[0\]\.readinessProbe: Required value: must specify a handler type$/ },
  { name: 'a probe with two handlers', yaml: POD.replace('{ httpGet: { path: /, port: 80 } }', '{ httpGet: { path: /, port: 80 }, tcpSocket: { port: 80 } }'), path: 'spec.containers[0].readinessProbe.tcpSocket', line: 8, reason: /^Pod "web" is invalid: spec\.containers\[0\]\.readinessProbe\.tcpSocket: Forbidden: may not specify more than 1 handler type$/ },
  { name: 'a probe port out of range', yaml: POD.replace('port: 80', 'port: 0'), path: 'spec.containers[0].readinessProbe.httpGet.port', line: 8, reason: /^Pod "web" is invalid: spec\.containers\[0\]\.readinessProbe\.httpGet\.port: Invalid value: 0: must be between 1 and 65535, inclusive$/ },
  { name: 'terminationGracePeriodSeconds on a readiness probe', yaml: POD.replace('port: 80 } }', 'port: 80 }, terminationGracePeriodSeconds: 30 }'), path: 'spec.containers[0].readinessProbe.terminationGracePeriodSeconds', line: 8, reason: /^Pod "web" is invalid: spec\.containers\[0\]\.readinessProbe\.terminationGracePeriodSeconds: Invalid value: 30: must not be set for readinessProbes$/ },
  { name: 'a probe on an init container that is not a sidecar', yaml: POD.replace('spec:\n', 'spec:\n  initContainers:\n  - { name: init, image: busybox:1.36, livenessProbe: { exec: { command: ["true"] } } }\n'), path: 'spec.initContainers[0].livenessProbe', line: 6, reason: /^Pod "web" is invalid: spec\.initContainers\[0\]\.livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always$/ },
  { name: 'a misspelt container field (strict field validation)', yaml: POD.replace('image: nginx:1.27', 'imagee: nginx:1.27'), path: 'spec.containers[0].imagee', line: 7, reason: /^Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec\.containers\[0\]\.imagee"$/ },
  { name: 'a value of the wrong JSON type (decoding)', yaml: POD.replace('image: nginx:1.27', 'image: nginx:1.27\n    command: [true]'), path: 'spec.containers[0].command[0]', line: 8, reason: /^Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field Container\.spec\.containers\.command of type string$/ },
  { name: 'a quantity that is not one (decoding)', yaml: POD.replace('image: nginx:1.27', 'image: nginx:1.27\n    resources: { limits: { memory: 12Qi } }'), path: 'spec.containers[0].resources.limits.memory', line: 8, reason: /^Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression/ },
  { name: 'a Pod name that is not a DNS subdomain', yaml: POD.replace('{ name: web }', '{ name: Web }'), path: 'metadata.name', line: 3, reason: /^Pod "Web" is invalid: metadata\.name: Invalid value: "Web": a lowercase RFC 1123 subdomain/ },
  { name: 'a container without an image', yaml: POD.replace('    image: nginx:1.27\n', ''), path: 'spec.containers[0].image', line: 6, reason: /^Pod "web" is invalid: spec\.containers\[0\]\.image: Required value$/ },
  { name: 'an image with surrounding whitespace', yaml: POD.replace('image: nginx:1.27', 'image: " nginx:1.27"'), path: 'spec.containers[0].image', line: 7, reason: /^Pod "web" is invalid: spec\.containers\[0\]\.image: Invalid value: " nginx:1\.27": must not have leading or trailing whitespace$/ },
  { name: 'an invalid container name', yaml: POD.replace('name: app', 'name: My_App'), path: 'spec.containers[0].name', line: 6, reason: /^Pod "web" is invalid: spec\.containers\[0\]\.name: Invalid value: "My_App": a lowercase RFC 1123 label/ },
  { name: 'two containers with one name', yaml: POD.replace('spec:\n', 'spec:\n  initContainers:\n  - { name: app, image: busybox:1.36 }\n'), path: 'spec.initContainers[0].name', line: 6, reason: /^Pod "web" is invalid: spec\.initContainers\[0\]\.name: Duplicate value: "app"$/ },
  { name: 'no containers', yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec:\n  containers: []\n', path: 'spec.containers', line: 5, reason: /^Pod "web" is invalid: spec\.containers: Required value$/ },
  { name: 'an unsupported restartPolicy', yaml: POD.replace('spec:\n', 'spec:\n  restartPolicy: Sometimes\n'), path: 'spec.restartPolicy', line: 5, reason: /^Pod "web" is invalid: spec\.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"$/ },
  { name: 'a namespace that does not exist is one the cell names: it exists, but its name must be valid', yaml: POD.replace('{ name: web }', '{ name: web, namespace: Team_A }'), path: 'metadata.namespace', line: 3, reason: /^namespaces "Team_A" not found$/ },
  { name: 'restartPolicy on a regular container (accepted since v1.35, not simulated)', yaml: POD.replace('image: nginx:1.27', 'image: nginx:1.27\n    restartPolicy: Always'), path: 'spec.containers[0].restartPolicy', line: 8, reason: /^not simulated: restartPolicy on a regular container \(ContainerRestartRules/ },
  { name: 'a Job whose Pods would restart Always', yaml: 'apiVersion: batch/v1\nkind: Job\nmetadata: { name: j }\nspec:\n  template:\n    spec:\n      restartPolicy: Always\n      containers: [{ name: c, image: busybox }]\n', path: 'spec.template.spec.restartPolicy', line: 7, reason: /^Job\.batch "j" is invalid: spec\.template\.spec\.restartPolicy: Required value: valid values: "OnFailure", "Never"$/ },
  { name: 'a Job that leaves restartPolicy out (defaulted to Always, then refused)', yaml: 'apiVersion: batch/v1\nkind: Job\nmetadata: { name: j }\nspec:\n  template:\n    spec:\n      containers: [{ name: c, image: busybox }]\n', path: 'spec.template.spec.restartPolicy', line: 6, reason: /^Job\.batch "j" is invalid: spec\.template\.spec\.restartPolicy: Required value: valid values: "OnFailure", "Never"$/ },
  { name: 'a Deployment whose Pods would not restart', yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: d }\nspec:\n  selector: { matchLabels: { app: d } }\n  template:\n    metadata: { labels: { app: d } }\n    spec:\n      restartPolicy: Never\n      containers: [{ name: c, image: busybox }]\n', path: 'spec.template.spec.restartPolicy', line: 9, reason: /^Deployment\.apps "d" is invalid: spec\.template\.spec\.restartPolicy: Unsupported value: "Never": supported values: "Always"$/ },
  { name: 'a Deployment without a selector', yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: d }\nspec:\n  template:\n    spec:\n      containers: [{ name: c, image: busybox }]\n', path: 'spec.selector', line: 4, reason: /^Deployment\.apps "d" is invalid: \[spec\.selector: Required value, spec\.template\.metadata\.labels: Invalid value: null: `selector` does not match template `labels`\]$/ },
  { name: 'two Pods in one cell', yaml: POD + '---\n' + POD.replace('name: web', 'name: web2'), path: 'kind', line: 11, reason: /^Too many: 2/ },
];

for (const c of cases) {
  test(`bad input → ValidationError with its path and line: ${c.name}`, () => {
    assert.throws(
      () => readInput(parseManifests(c.yaml)),
      (err: unknown) => {
        assert.ok(err instanceof ValidationError, String(err));
        assert.equal(formatFieldPath(err.path ?? []), c.path);
        assert.match(err.reason, c.reason);
        assert.equal(attachPosition(err).position?.line, c.line, 'line');
        return true;
      },
    );
  });
}

test('a Deployment becomes the Pod its ReplicaSet would create: template labels plus pod-template-hash, owner ReplicaSet', () => {
  const input = readInput(parseManifests('apiVersion: apps/v1\nkind: Deployment\nmetadata: { name: web }\nspec:\n  selector: { matchLabels: { app: web } }\n  template:\n    metadata: { labels: { app: web } }\n    spec:\n      containers: [{ name: c, image: nginx:1.27 }]\n'));
  assert.match(input.pod.metadata.name, /^web-[bcdfghjklmnpqrstvwxz2456789]{9}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  assert.equal(input.pod.metadata.labels?.app, 'web');
  const owner = input.pod.metadata.ownerReferences?.[0];
  assert.equal(owner?.kind, 'ReplicaSet');
  assert.equal(owner?.name, `web-${input.pod.metadata.labels?.['pod-template-hash']}`);
  // metav1.NewControllerRef: the ReplicaSet the Deployment controller created, by uid.
  assert.match(owner?.uid ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(owner?.controller, true);
  assert.deepEqual(input.workload, { kind: 'Deployment', name: 'web' });
});

test('a negative terminationGracePeriodSeconds is stored as written, with the API server warning; deletion treats it as 1', () => {
  // pkg/api/pod/warnings.go warns; the registry's CheckGracefulDelete uses 1 for a negative period.
  const input = readInput(parseManifests(POD.replace('spec:\n', 'spec:\n  terminationGracePeriodSeconds: -5\n')));
  assert.equal(input.pod.spec.terminationGracePeriodSeconds, -5);
  assert.deepEqual(input.warnings, ['spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1']);
});

test('the kubelet works on the stored Pod: defaulted as SetObjectDefaults_Pod does, with status.qosClass', () => {
  const input = readInput(parseManifests(POD.replace('nginx:1.27', 'nginx').replace('spec:\n', 'spec:\n  terminationGracePeriodSeconds: 0\n')));
  const c = input.pod.spec.containers[0];
  assert.equal(input.pod.spec.restartPolicy, 'Always');
  assert.equal(input.pod.spec.terminationGracePeriodSeconds, 0);
  assert.equal(input.pod.spec.dnsPolicy, 'ClusterFirst');
  assert.equal(c.imagePullPolicy, 'Always'); // no tag: latest
  assert.equal(c.terminationMessagePath, '/dev/termination-log');
  assert.equal(c.terminationMessagePolicy, 'File');
  assert.deepEqual(c.readinessProbe, { httpGet: { path: '/', port: 80, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
  assert.equal(input.pod.status?.qosClass, 'BestEffort');
  assert.equal(input.pod.metadata.namespace, 'default');
});

test('periodSeconds: 0 is defaulted to 10 as the API server does (SetDefaults_Probe), and the probe runs every 10 s', () => {
  const input = readInput(parseManifests(POD.replace('port: 80 } }', 'port: 80 }, periodSeconds: 0 }')));
  assert.equal(input.pod.spec.containers[0].readinessProbe?.periodSeconds, 10);
});

test('a namespace the cell names is one its cluster has: the Pod is created in it', () => {
  const input = readInput(parseManifests(POD.replace('{ name: web }', '{ name: web, namespace: team-a }')));
  assert.equal(input.pod.metadata.namespace, 'team-a');
});

test('a Job becomes the Pod its controller would create: the labels and selector the Job registry generated, owner the Job', () => {
  const input = readInput(parseManifests('apiVersion: batch/v1\nkind: Job\nmetadata: { name: report }\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{ name: c, image: busybox:1.36 }]\n'));
  const labels = input.pod.metadata.labels ?? {};
  assert.equal(labels['job-name'], 'report');
  assert.equal(labels['batch.kubernetes.io/job-name'], 'report');
  assert.equal(labels['controller-uid'], input.pod.metadata.ownerReferences?.[0].uid);
  assert.equal(input.pod.metadata.ownerReferences?.[0].kind, 'Job');
});
