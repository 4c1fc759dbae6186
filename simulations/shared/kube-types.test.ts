// The shared type check refuses what the API server's decoder refuses, at the field's line.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkKubeTypes } from './kube-types.ts';
import { attachPosition, flattenLists, parseManifests } from './yaml.ts';
import { ValidationError } from './errors.ts';

function errorOf(yaml: string): { message: string; line?: number } | undefined {
  try {
    for (const m of flattenLists(parseManifests(yaml))) checkKubeTypes(m.object);
    return undefined;
  } catch (error) {
    assert.ok(error instanceof ValidationError, String(error));
    const body = attachPosition(error).toJSON();
    return { message: body.message, line: body.line };
  }
}

const POD = (container: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n${container}`;

describe('checkKubeTypes', () => {
  // Each message is kube-apiserver's 400 Status message (apiserver/decode/decode.ts says where each part comes from);
  // the line points at the field.
  const POD_ERR = 'Pod in version "v1" cannot be handled as a Pod: ';
  const NODE_ERR = 'Node in version "v1" cannot be handled as a Node: ';
  const bad: [string, string, string, number][] = [
    ['an image that is a number', POD('    image: 42\n'), `${POD_ERR}json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string`, 8],
    ['a misspelt field (resource for resources)', POD('    resource:\n      limits: {memory: 1Gi}\n'), `${POD_ERR}strict decoding error: unknown field "spec.containers[0].resource"`, 8],
    ['a bad quantity', POD('    resources:\n      limits: {memory: 12Qi}\n'), `${POD_ERR}quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`, 9],
    ['a replica count that is a string', 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: "3"\n', 'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32', 5],
    ['a fractional integer', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  priority: 1.5\n', `${POD_ERR}json: cannot unmarshal number 1.5 into Go struct field PodSpec.spec.priority of type int32`, 5],
    ['containers that are a mapping', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: {name: a}\n', `${POD_ERR}json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container`, 5],
    ['labels with a number value', 'apiVersion: v1\nkind: Node\nmetadata:\n  name: node-a\n  labels: {zone: 1}\n', `${NODE_ERR}json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string`, 5],
    ['a taint effect that is a list', 'apiVersion: v1\nkind: Node\nmetadata: {name: node-a}\nspec:\n  taints:\n  - {key: k, effect: [NoSchedule]}\n', `${NODE_ERR}json: cannot unmarshal array into Go struct field Taint.spec.taints.effect of type v1.TaintEffect`, 6],
    ['a bad time', 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nstatus:\n  startTime: yesterday\n', `${POD_ERR}parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"`, 5],
    ['an item of a List', 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: 7}\n', `${POD_ERR}json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string`, 6],
  ];
  for (const [name, yaml, message, line] of bad) {
    it(`refuses ${name}, at its line`, () => {
      const error = errorOf(yaml);
      assert.ok(error, 'expected an error');
      assert.equal(error.message, message);
      assert.equal(error.line, line);
    });
  }

  it('accepts null anywhere (Go decodes it as the zero value)', () => {
    assert.equal(errorOf(POD('    image: null\n    resources: null\n    ports: null\n')), undefined);
  });

  it('accepts a full Pod as `kubectl get pod -o yaml` prints it, status included', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: "2025-03-01T10:00:00Z"
  generateName: web-7d4b9c7f8d-
  labels: {app: web, pod-template-hash: 7d4b9c7f8d}
  name: web-7d4b9c7f8d-x2x7q
  namespace: default
  ownerReferences:
  - {apiVersion: apps/v1, blockOwnerDeletion: true, controller: true, kind: ReplicaSet, name: web-7d4b9c7f8d, uid: 0b6c}
  resourceVersion: "1234"
  uid: 3f2a
spec:
  containers:
  - image: nginx:1.27
    imagePullPolicy: IfNotPresent
    name: web
    ports: [{containerPort: 80, protocol: TCP}]
    resources:
      limits: {memory: 256Mi}
      requests: {cpu: 100m, memory: 128Mi}
    livenessProbe: {httpGet: {path: /healthz, port: 8080, scheme: HTTP}, periodSeconds: 10, failureThreshold: 3}
    terminationMessagePath: /dev/termination-log
    terminationMessagePolicy: File
    volumeMounts: [{mountPath: /var/run/secrets/kubernetes.io/serviceaccount, name: kube-api-access, readOnly: true}]
  dnsPolicy: ClusterFirst
  enableServiceLinks: true
  nodeName: node-1
  preemptionPolicy: PreemptLowerPriority
  priority: 0
  restartPolicy: Always
  schedulerName: default-scheduler
  securityContext: {}
  serviceAccountName: default
  terminationGracePeriodSeconds: 30
  tolerations:
  - {effect: NoExecute, key: node.kubernetes.io/not-ready, operator: Exists, tolerationSeconds: 300}
  volumes:
  - name: kube-api-access
    projected: {defaultMode: 420, sources: [{serviceAccountToken: {expirationSeconds: 3607, path: token}}]}
status:
  conditions:
  - {lastProbeTime: null, lastTransitionTime: "2025-03-01T10:00:05Z", status: "True", type: Ready}
  containerStatuses:
  - containerID: containerd://abc
    image: docker.io/library/nginx:1.27
    imageID: docker.io/library/nginx@sha256:1
    lastState:
      terminated: {containerID: containerd://old, exitCode: 137, finishedAt: "2025-03-01T10:10:00Z", reason: OOMKilled, startedAt: "2025-03-01T10:00:04Z"}
    name: web
    ready: true
    restartCount: 1
    started: true
    state:
      running: {startedAt: "2025-03-01T10:10:01Z"}
  hostIP: 10.0.0.1
  phase: Running
  podIP: 10.244.1.5
  podIPs: [{ip: 10.244.1.5}]
  qosClass: Burstable
  startTime: "2025-03-01T10:00:00Z"
`;
    assert.equal(errorOf(yaml), undefined);
  });

  it('leaves custom and unknown kinds to their engine', () => {
    assert.equal(errorOf('apiVersion: kube-notebook.dev/v1alpha1\nkind: PodBehavior\nspec: 42\n'), undefined);
    assert.equal(errorOf('apiVersion: example.com/v1\nkind: Widget\nspec: {image: 42}\n'), undefined);
  });
  it('catches the YAML 1.1 "Norway problem": a name of n is the boolean false', () => {
    assert.equal(
      errorOf('apiVersion: v1\nkind: Node\nmetadata:\n  name: n\n')!.message,
      'Node in version "v1" cannot be handled as a Node: json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.name of type string',
    );
  });
});
