// core/v1 defaults that the transcribed tables do not reach, each checked
// against the upstream source it names (expected values follow from that
// source, not from a run):
// - pkg/util/parsers/parsers_test.go TestParseImageName, as the pull policy
//   SetDefaults_Container derives from the tag ParseImageName returns;
// - pkg/apis/core/v1/defaults.go SetDefaults_Pod's pod-level resources
//   (defaultHugePagePodLimits, defaultPodRequests; PodLevelResources is on in
//   v1.36) over component-helpers' AggregateContainerRequests/Limits;
// - the `+default=` markers of k8s.io/api v0.36 core/v1 types.go that came
//   after the stored TestPodDefaults (FileKeySelector.optional);
// - SetDefaults_Service's allocateLoadBalancerNodePorts and sessionAffinityConfig;
// - zz_generated.defaults.go's ResourceList rounding of overhead, pod-level
//   resources and statuses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { defaultPullPolicy, imageTag } from '../../../simulations/apiserver/defaults/image-reference.ts';
import { at, defaulted, deploymentWithTemplate, pod, service } from './defaults-builders.ts';

const PARSERS = 'pkg/util/parsers/parsers_test.go TestParseImageName';
const DEFAULTS = 'pkg/apis/core/v1/defaults.go';
const DIGEST = 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

// The tag each input parses to; an input that fails to parse has tag "".
for (const [input, tag] of [
  ['root', 'latest'],
  ['root:tag', 'tag'],
  [`root@${DIGEST}`, ''],
  ['user/repo', 'latest'],
  ['user/repo:tag', 'tag'],
  [`user/repo@${DIGEST}`, ''],
  ['url:5000/repo', 'latest'],
  ['url:5000/repo:tag', 'tag'],
  [`url:5000/repo@${DIGEST}`, ''],
  [`url:5000/repo:latest@${DIGEST}`, 'latest'],
  ['ROOT', ''], // must be lowercase
  ['http://root', ''], // invalid reference format
  ['e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', ''], // cannot specify 64-byte hexadecimal strings
] as const) {
  test(`${PARSERS} ${input}: tag "${tag}", so SetDefaults_Container picks ${tag === 'latest' ? 'Always' : 'IfNotPresent'}`, () => {
    assert.equal(imageTag(input), tag);
    assert.equal(defaultPullPolicy(input), tag === 'latest' ? 'Always' : 'IfNotPresent');
    const out = defaulted(pod({ containers: [{ name: 'c', image: input }] }));
    assert.equal(at(out, ['spec', 'containers', 0, 'imagePullPolicy']), tag === 'latest' ? 'Always' : 'IfNotPresent');
  });
}

test(`${DEFAULTS} SetDefaults_Container: an explicit imagePullPolicy is kept`, () => {
  const out = defaulted(pod({ containers: [{ name: 'c', image: 'nginx', imagePullPolicy: 'Never' }] }));
  assert.equal(at(out, ['spec', 'containers', 0, 'imagePullPolicy']), 'Never');
});

test(`${DEFAULTS} defaultPodRequests: pod-level limits give missing pod-level requests the containers' requests, then the limits`, () => {
  const out = defaulted(pod({ resources: { limits: { cpu: '2', memory: '2Gi' } }, containers: [{ name: 'c', resources: { requests: { cpu: '500m' } } }] }));
  assert.deepEqual(at(out, ['spec', 'resources']), { limits: { cpu: '2', memory: '2Gi' }, requests: { cpu: '500m', memory: '2Gi' } });
});

test(`${DEFAULTS} defaultPodRequests: pod-level requests without limits are left as they are`, () => {
  const out = defaulted(pod({ resources: { requests: { cpu: '1' } }, containers: [{ name: 'c', resources: { requests: { cpu: '500m', memory: '1Gi' } } }] }));
  assert.deepEqual(at(out, ['spec', 'resources']), { requests: { cpu: '1' } });
});

test(`${DEFAULTS} defaultPodRequests: sidecars add up, a regular init container counts the sidecars before it (AggregateContainerRequests)`, () => {
  const out = defaulted(
    pod({
      resources: { limits: { cpu: '2' } },
      initContainers: [
        { name: 'sidecar', restartPolicy: 'Always', resources: { requests: { cpu: '200m' } } },
        { name: 'init', resources: { requests: { cpu: '1' } } },
      ],
      containers: [{ name: 'c', resources: { requests: { cpu: '300m' } } }],
    }),
  );
  // containers 300m + sidecar 200m = 500m; the init container's use is 1 + 200m = 1200m; max = 1200m.
  assert.equal(at(out, ['spec', 'resources', 'requests', 'cpu']), '1200m');
});

test(`${DEFAULTS} defaultHugePagePodLimits: the containers' hugepages limit becomes the pod's, and a pod-level request`, () => {
  const out = defaulted(pod({ resources: { requests: { cpu: '1' } }, containers: [{ name: 'c', resources: { limits: { 'hugepages-2Mi': '4Mi' } } }] }));
  assert.deepEqual(at(out, ['spec', 'containers', 0, 'resources', 'requests']), { 'hugepages-2Mi': '4Mi' });
  assert.deepEqual(at(out, ['spec', 'resources']), { requests: { cpu: '1', 'hugepages-2Mi': '4Mi' }, limits: { 'hugepages-2Mi': '4Mi' } });
});

test(`${DEFAULTS} defaultHugePagePodLimits: no pod-level limit where the pod requests that hugepage size`, () => {
  const out = defaulted(pod({ resources: { requests: { 'hugepages-2Mi': '10Mi' } }, containers: [{ name: 'c', resources: { limits: { 'hugepages-2Mi': '2Mi' } } }] }));
  assert.equal(at(out, ['spec', 'resources', 'limits']), undefined);
});

test(`${DEFAULTS} SetDefaults_Pod only: a template's pod-level resources are not defaulted`, () => {
  const out = defaulted(deploymentWithTemplate({ spec: { resources: { limits: { cpu: '2' } }, containers: [{ name: 'c', resources: { requests: { cpu: '500m' } } }] } }));
  assert.deepEqual(at(out, ['spec', 'template', 'spec', 'resources']), { limits: { cpu: '2' } });
});

test('k8s.io/api core/v1 types.go FileKeySelector `+default=false`: env fileKeyRef.optional', () => {
  const out = defaulted(pod({ containers: [{ name: 'c', env: [{ name: 'A', valueFrom: { fileKeyRef: { volumeName: 'v', path: 'p', key: 'k' } } }] }] }));
  assert.equal(at(out, ['spec', 'containers', 0, 'env', 0, 'valueFrom', 'fileKeyRef', 'optional']), false);
});

test(`${DEFAULTS} SetDefaults_ResourceList: overhead, pod-level resources and container statuses round up to milli scale`, () => {
  const obj: JsonObject = pod({ overhead: { cpu: '0.0001' }, resources: { requests: { cpu: '1n' } } });
  obj.status = { containerStatuses: [{ name: 'c', allocatedResources: { cpu: '1u' }, resources: { limits: { cpu: '1.0005' } } }] };
  const out = defaulted(obj);
  assert.equal(at(out, ['spec', 'overhead', 'cpu']), '1m');
  assert.equal(at(out, ['spec', 'resources', 'requests', 'cpu']), '1m');
  assert.equal(at(out, ['status', 'containerStatuses', 0, 'allocatedResources', 'cpu']), '1m');
  assert.equal(at(out, ['status', 'containerStatuses', 0, 'resources', 'limits', 'cpu']), '1001m');
});

test(`${DEFAULTS} SetDefaults_Service: a LoadBalancer allocates node ports unless told not to`, () => {
  assert.equal(at(defaulted(service({ type: 'LoadBalancer' })), ['spec', 'allocateLoadBalancerNodePorts']), true);
  assert.equal(at(defaulted(service({ type: 'LoadBalancer', allocateLoadBalancerNodePorts: false })), ['spec', 'allocateLoadBalancerNodePorts']), false);
  assert.equal(at(defaulted(service({ type: 'NodePort' })), ['spec', 'allocateLoadBalancerNodePorts']), undefined);
});

test(`${DEFAULTS} SetDefaults_Service: sessionAffinity None drops sessionAffinityConfig; a set ClientIP timeout stays`, () => {
  const none = defaulted(service({ sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } }));
  assert.equal(at(none, ['spec', 'sessionAffinityConfig']), undefined);
  const clientIP = defaulted(service({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } }));
  assert.deepEqual(at(clientIP, ['spec', 'sessionAffinityConfig']), { clientIP: { timeoutSeconds: 60 } });
});

test(`${DEFAULTS} SetDefaults_LimitRangeItem: only Container items, and empty defaults stay unprinted`, () => {
  const out = defaulted({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'l' }, spec: { limits: [{ type: 'Pod', max: { cpu: '1' } }, { type: 'Container' }] } });
  assert.deepEqual(at(out, ['spec', 'limits']), [{ type: 'Pod', max: { cpu: '1' } }, { type: 'Container' }]);
});
