import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LimitExceededError, ValidationError } from '../shared/errors.ts';
import { attachPosition } from '../shared/yaml.ts';
import { simulateMemory } from './simulate.ts';
import { objects } from './test-helpers.ts';

const NODE = `apiVersion: v1
kind: Node
metadata: { name: node-1 }
status: { capacity: { memory: 4Gi } }
`;

const POD_HEAD = `${NODE}---\napiVersion: v1\nkind: Pod\nmetadata: { name: p }\n`; // the Pod's spec starts on line 9
const SCENARIO_HEAD = `${NODE}---\napiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [ { name: c, image: busybox } ] }\n---\napiVersion: kube-notebook.dev/v1alpha1\nkind: MemoryScenario\nmetadata: { name: s }\n`;
const KUBELET_HEAD = `${NODE}---\napiVersion: kubelet.config.k8s.io/v1beta1\nkind: KubeletConfiguration\n`;

function manyPods(count: number, containers: number): string {
  const names = Array.from({ length: containers }, (_, j) => `{ name: c${j}, image: busybox }`).join(', ');
  return Array.from({ length: count }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata: { name: p${i} }\nspec: { containers: [ ${names} ] }\n`).join('---\n');
}

// The built-in objects go through the virtual API server: its refusals are kube-apiserver's own
// Status messages (400 for what does not decode, 422 for what does not validate, 409 for a name
// taken), pointing at the first offending field's line.
const cases: { name: string; yaml: string; message: string; line?: number; limit?: true }[] = [
  // ---- 400 BadRequest: the decoder (strict, against the Go structs of k8s.io/api) ----
  {
    name: 'a quantity that does not parse: Quantity.UnmarshalJSON, at its line',
    yaml: `${NODE}---\napiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n  - name: c\n    resources:\n      limits: { memory: 12Qi }\n    image: busybox\n`,
    message: `Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    line: 13,
  },
  {
    name: 'a container image that is a number, at its line',
    yaml: `${POD_HEAD}spec:\n  containers:\n  - name: c\n    image: 5\n`,
    message: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string',
    line: 12,
  },
  {
    name: 'ownerReferences that are not a list',
    yaml: `${NODE}---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  ownerReferences: rs-1\nspec: { containers: [ { name: c, image: busybox } ] }\n`,
    message: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ObjectMeta.metadata.ownerReferences of type []v1.OwnerReference',
    line: 10,
  },
  {
    name: 'a Node status that is a list',
    yaml: 'apiVersion: v1\nkind: Node\nmetadata: { name: node-1 }\nstatus: []\n',
    message: 'Node in version "v1" cannot be handled as a Node: json: cannot unmarshal array into Go struct field Node.status of type v1.NodeStatus',
    line: 4,
  },
  {
    name: 'an unknown field of a Pod (strict decoding), at its line',
    yaml: `${POD_HEAD}spec:\n  containers:\n  - name: c\n    image: busybox\n    memory: 1Gi\n`,
    message: 'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].memory"',
    line: 13,
  },
  // ---- 422 Invalid: the API server's validation, every error in one message, the first one's line ----
  {
    name: 'a request above the limit (ValidateResourceRequirements)',
    yaml: `${NODE}---\napiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  containers:\n  - name: c\n    image: busybox\n    resources:\n      requests: { memory: 2Gi }\n      limits: { memory: 1Gi }\n`,
    message: 'Pod "p" is invalid: spec.containers[0].resources.requests: Invalid value: "2Gi": must be less than or equal to memory limit of 1Gi',
    line: 14,
  },
  {
    name: 'a container without an image',
    yaml: `${POD_HEAD}spec:\n  containers:\n  - name: c\n`,
    message: 'Pod "p" is invalid: spec.containers[0].image: Required value',
    line: 11,
  },
  {
    name: 'a container name that is not a DNS-1123 label',
    yaml: `${POD_HEAD}spec:\n  containers:\n  - name: App\n    image: busybox\n`,
    message: `Pod "p" is invalid: spec.containers[0].name: Invalid value: "App": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    line: 11,
  },
  {
    name: 'an init container and a container with the same name: the init container is the duplicate (validateInitContainers runs after containers)',
    yaml: `${POD_HEAD}spec:\n  initContainers:\n  - name: c\n    image: busybox\n  containers:\n  - name: c\n    image: busybox\n`,
    message: 'Pod "p" is invalid: spec.initContainers[0].name: Duplicate value: "c"',
    line: 11,
  },
  {
    // v1.36: ContainerRestartRules (beta since 1.35, on) lets any container set restartPolicy; the value is checked.
    name: 'a container restartPolicy that is not one of the three',
    yaml: `${POD_HEAD}spec:\n  containers:\n  - name: c\n    image: busybox\n    restartPolicy: Sometimes\n`,
    message: 'Pod "p" is invalid: spec.containers[0].restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    line: 13,
  },
  {
    name: 'a negative probe period',
    yaml: `${POD_HEAD}spec:\n  containers:\n  - name: c\n    image: busybox\n    livenessProbe: { exec: { command: [ "true" ] }, periodSeconds: -1 }\n`,
    message: 'Pod "p" is invalid: spec.containers[0].livenessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0',
    line: 13,
  },
  {
    name: 'a null LimitRange item is an empty item (Go’s zero value), whose empty type the API server refuses',
    yaml: `${NODE}---\napiVersion: v1\nkind: LimitRange\nmetadata: { name: l }\nspec:\n  limits:\n  - null\n`,
    message: `LimitRange "l" is invalid: [spec.limits[0].type: Invalid value: "": name part must be non-empty, spec.limits[0].type: Invalid value: "": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')]`,
    line: 11,
  },
  {
    name: 'a LimitRange with two items of the same type',
    yaml: `${NODE}---\napiVersion: v1\nkind: LimitRange\nmetadata: { name: l }\nspec:\n  limits:\n  - type: Container\n  - type: Container\n`,
    message: 'LimitRange "l" is invalid: spec.limits[1].type: Duplicate value: "Container"',
    line: 12,
  },
  {
    name: 'a LimitRange default above its max: SetDefaults_LimitRangeItem first copies the default into defaultRequest, so both are refused',
    yaml: `${NODE}---\napiVersion: v1\nkind: LimitRange\nmetadata: { name: l }\nspec:\n  limits:\n  - { type: Container, default: { memory: 2Gi }, max: { memory: 1Gi } }\n`,
    message: 'LimitRange "l" is invalid: [spec.limits[0].defaultRequest[memory]: Invalid value: "2Gi": default request value 2Gi is greater than max value 1Gi, spec.limits[0].default[memory]: Invalid value: "1Gi": default value 2Gi is greater than max value 1Gi]',
  },
  {
    name: 'a negative ResourceQuota',
    yaml: `${NODE}---\napiVersion: v1\nkind: ResourceQuota\nmetadata: { name: q }\nspec:\n  hard: { requests.memory: -1Gi }\n`,
    message: 'ResourceQuota "q" is invalid: spec.hard[requests.memory]: Invalid value: "-1Gi": must be greater than or equal to 0',
  },
  {
    // The API server takes it (ContainerRestartRules), the kubelet library does not model it: a limit, worded as pod-lifecycle words it.
    name: 'restartPolicy on a regular container (accepted since v1.35, not simulated)',
    yaml: `${POD_HEAD}spec:\n  containers:\n  - name: c\n    image: busybox\n    restartPolicy: Always\n`,
    message: "spec.containers[0].restartPolicy: not simulated: restartPolicy on a regular container (ContainerRestartRules, beta and on by default since v1.35) is accepted by the API server, but this kubelet restarts containers by the Pod's spec.restartPolicy only",
    line: 13, limit: true,
  },
  // ---- 409 AlreadyExists ----
  {
    name: 'two Pods of the same name in one namespace: the second create finds the first',
    yaml: `${POD_HEAD}spec: { containers: [ { name: c, image: busybox } ] }\n---\napiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [ { name: c, image: busybox } ] }\n`,
    message: 'pods "p" already exists',
    line: 13,
  },
  // ---- The notebook's own kinds, through the same decoder, and this chapter's checks ----
  {
    name: 'a usage curve whose points go back in time is refused at that point',
    yaml: `${NODE}---\napiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [ { name: c, image: busybox } ] }\n---\napiVersion: kube-notebook.dev/v1alpha1\nkind: MemoryScenario\nmetadata: { name: s }\nspec:\n  containers:\n  - pod: p\n    container: c\n    usage:\n      pattern: points\n      points:\n      - { at: 1m, usage: 100Mi }\n      - { at: 30s, usage: 200Mi }\n`,
    message: 'spec.containers[0].usage.points[1].at: Invalid value: "30s": the usage curve must move forward in time (each point after the one before)',
  },
  {
    name: 'a node with no memory is refused',
    yaml: 'apiVersion: v1\nkind: Node\nmetadata: { name: node-1 }\nstatus: { capacity: { memory: "0" } }\n',
    message: 'status.capacity.memory: Invalid value: "0": a node with no memory cannot run Pods; must be greater than 0',
  },
  {
    name: 'a node without status.capacity.memory is refused',
    yaml: 'apiVersion: v1\nkind: Node\nmetadata: { name: node-1 }\n',
    message: 'status.capacity.memory: Required value: the Node needs status.capacity.memory (how much memory the machine has)',
  },
  {
    name: 'an unknown usage pattern lists the supported ones',
    yaml: `${SCENARIO_HEAD}spec:\n  containers:\n  - { pod: p, container: c, usage: { pattern: sawtooth } }\n`,
    message: 'spec.containers[0].usage.pattern: Unsupported value: "sawtooth": supported values: "steady", "leak", "spikes", "step", "points"',
  },
  {
    name: 'a usage entry for a container that does not exist is refused',
    yaml: `${SCENARIO_HEAD}spec:\n  containers:\n  - { pod: p, container: nope, usage: { pattern: steady, level: 1Mi } }\n`,
    message: 'spec.containers[0].container: Not found: Pod "p" has no container "nope"',
  },
  {
    name: 'more than 24 h of virtual time is a limit, not a crash',
    yaml: `${NODE}---\napiVersion: kube-notebook.dev/v1alpha1\nkind: MemoryScenario\nmetadata: { name: s }\nspec: { duration: 25h }\n`,
    message: 'spec.duration: at most 24h of virtual time per run',
    limit: true,
  },
  {
    name: 'a KubeletConfiguration threshold is a string (map[string]string), not a number',
    yaml: `${KUBELET_HEAD}evictionHard:\n  memory.available: 100\n`,
    message: 'evictionHard["memory.available"]: json: cannot unmarshal number into Go struct field KubeletConfiguration.evictionHard of type string',
    line: 9,
  },
  {
    name: 'a scenario duration is a Go duration string (metav1.Duration.UnmarshalJSON reads a string), not a number',
    yaml: `${SCENARIO_HEAD}spec:\n  duration: 600\n`,
    message: 'spec.duration: json: cannot unmarshal number into Go value of type string',
    line: 15,
  },
  {
    name: 'a usage entry naming its Pod with a number',
    yaml: `${SCENARIO_HEAD}spec:\n  containers:\n  - { pod: 5, container: c, usage: { pattern: steady, level: 1Mi } }\n`,
    message: 'spec.containers[0].pod: json: cannot unmarshal number into Go struct field ContainerUsage.spec.containers.pod of type string',
    line: 16,
  },
  {
    name: 'a scenario quantity that does not parse: Quantity.UnmarshalJSON',
    yaml: `${SCENARIO_HEAD}spec:\n  systemUsage: lots\n`,
    message: `spec.systemUsage: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
    line: 15,
  },
  {
    name: 'an unknown field in the scenario (a strict kind) is refused by its path',
    yaml: `${SCENARIO_HEAD}spec:\n  containers:\n  - { pod: p, container: c, usage: { pattern: steady, level: 1Mi, colour: red } }\n`,
    message: 'strict decoding error: unknown field "spec.containers[0].usage.colour"',
    line: 16,
  },
  {
    name: 'a duration longer than Go’s time.Duration can hold does not parse (time.ParseDuration)',
    yaml: `${SCENARIO_HEAD}spec:\n  duration: 3000000h\n`,
    message: 'spec.duration: time: invalid duration "3000000h"',
  },
  // ---- Limits (limits.ts): LimitExceededError naming the limit ----
  {
    name: 'more memory than 1Pi in one value',
    yaml: `${POD_HEAD}spec:\n  containers:\n  - name: c\n    resources: { limits: { memory: 2Pi } }\n    image: busybox\n`,
    message: 'spec.containers[0].resources.limits.memory: 2Pi is more memory than this simulation models: the limit is 1Pi per value',
    line: 12, limit: true,
  },
  {
    name: 'more Pods than the kubelet’s default maxPods (110)',
    yaml: `${NODE}---\n${manyPods(111, 1)}`,
    message: 'metadata.name: Pods per simulation: the limit is 110 in this simulation (got 111)',
    limit: true,
  },
  {
    name: 'more than 20 containers in one Pod',
    yaml: `${NODE}---\n${manyPods(1, 21)}`,
    message: 'spec.containers: containers in one Pod: the limit is 20 in this simulation (got 21)',
    limit: true,
  },
  {
    name: 'more than 250 containers in one run',
    yaml: `${NODE}---\n${manyPods(13, 20)}`,
    message: 'containers in one run: the limit is 250 in this simulation (got 260)',
    limit: true,
  },
  {
    name: 'too many containers for too long (containers × simulated seconds)',
    yaml: `${NODE}---\n${manyPods(10, 5)}---\napiVersion: kube-notebook.dev/v1alpha1\nkind: MemoryScenario\nmetadata: { name: s }\nspec: { duration: 3h }\n`,
    message: 'spec.duration: containers × simulated seconds: the limit is 400000 in this simulation (got 540050)',
    limit: true,
  },
  {
    name: 'a grace period longer than a year',
    yaml: `${POD_HEAD}spec:\n  terminationGracePeriodSeconds: 1000000000000\n  containers:\n  - name: c\n    image: busybox\n`,
    message: 'spec.terminationGracePeriodSeconds: grace period in seconds: the limit is 31536000 in this simulation (got 1000000000000)',
    limit: true,
  },
  {
    name: 'a usage curve with more than 1000 points',
    yaml: `${SCENARIO_HEAD}spec:\n  containers:\n  - pod: p\n    container: c\n    usage:\n      pattern: points\n      points: [${Array.from({ length: 1001 }, (_, i) => `{ at: ${i}s, usage: 1Mi }`).join(', ')}]\n`,
    message: 'spec.containers[0].usage.points: points in one usage curve: the limit is 1000 in this simulation (got 1001)',
    limit: true,
  },
];

for (const c of cases) {
  test(`bad input: ${c.name}`, () => {
    assert.throws(
      () => simulateMemory(objects(c.yaml)),
      (err: unknown) => {
        assert.ok(err instanceof ValidationError, String(err));
        assert.equal(err.message, c.message);
        assert.equal(err instanceof LimitExceededError, c.limit === true, 'a limit is a LimitExceededError, a bad value is not');
        if (c.line) assert.equal(attachPosition(err).position?.line, c.line);
        return true;
      },
    );
  });
}

test('null is read as absent (Go’s zero value): a Pod with null restartPolicy, resources and probes runs', () => {
  const { result } = simulateMemory(objects(`${POD_HEAD}spec:\n  restartPolicy: null\n  containers:\n  - name: c\n    image: busybox\n    resources: null\n    livenessProbe: null\n`));
  assert.equal(result.pods[0].qosClass, 'BestEffort');
  assert.equal(result.pods[0].containers[0].state, 'Running');
});

test('a null container is an empty Container (Go’s zero value), which the API server refuses: no name, no image', () => {
  assert.throws(() => simulateMemory(objects(`${POD_HEAD}spec:\n  containers:\n  - null\n`)), (err: unknown) => {
    assert.ok(err instanceof ValidationError);
    assert.equal(err.message, 'Pod "p" is invalid: [spec.containers[0].name: Required value, spec.containers[0].image: Required value]');
    return true;
  });
});
