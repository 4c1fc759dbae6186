// The chapter's admission outcomes, through the engine: each Pod is created in a virtual
// kube-apiserver whose chain runs LimitRanger and ResourceQuota (simulations/apiserver/admission/),
// and the result reports what it answered. Expected strings are upstream's format strings filled
// in by hand for the case:
//   plugin/pkg/admission/limitranger/admission.go minConstraint, maxConstraint,
//     limitRequestRatioConstraint, mergeContainerResources (the kubernetes.io/limit-ranger annotation)
//   pkg/apis/core/v1/defaults.go SetDefaults_LimitRangeItem (default ← max, defaultRequest ← default)
//   staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go checkRequest
//     ("exceeded quota: %s, requested: %s, used: %s, limited: %s", prettyPrint "name=value" sorted and joined by ",")
//   pkg/quota/v1/evaluator/core/pods.go Constraints ("must specify %s", "<resource> for: <containers>")
//   apiserver admission.NewForbidden: `pods "<name>" is forbidden: <err>`
// The upstream tables themselves are in test/conformance/apiserver/admission-*.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulateMemory } from '../../../simulations/resources-oom/simulate.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const node: Obj = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' }, status: { capacity: { cpu: '8', memory: '16Gi' } } };
const pod = (name: string, resources: Obj = {}): Obj => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'app', image: 'busybox', resources }] } });
const limitRange = (limits: Obj[]): Obj => ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'mem', namespace: 'default' }, spec: { limits } });
/** A quota the resource quota controller has already counted (status.hard and status.used). */
const quota = (hard: Obj, used: Obj = {}): Obj => ({
  apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute', namespace: 'default' }, spec: { hard },
  status: { hard, used: { ...Object.fromEntries(Object.keys(hard).map((k) => [k, '0'])), ...used } },
});

const LR = 'plugin/pkg/admission/limitranger/admission.go';
const RQ = 'staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go checkRequest';

const cases: { upstream: string; name: string; pod: Obj; limitRanges?: Obj[]; quotas?: Obj[]; admitted: boolean; message?: string; resources?: Obj; annotation?: string }[] = [
  {
    upstream: `${LR} mergeContainerResources`, name: 'a LimitRange default fills in a missing limit and request, and says so in an annotation',
    pod: pod('web'), limitRanges: [limitRange([{ type: 'Container', default: { memory: '512Mi' }, defaultRequest: { memory: '256Mi' } }])],
    admitted: true, resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi' } },
    annotation: 'LimitRanger plugin set: memory request for container app; memory limit for container app',
  },
  {
    upstream: 'pkg/apis/core/v1/defaults.go SetDefaults_LimitRangeItem', name: 'with only max set, max becomes the default limit and the default request',
    pod: pod('web'), limitRanges: [limitRange([{ type: 'Container', max: { memory: '1Gi' } }])],
    admitted: true, resources: { limits: { memory: '1Gi' }, requests: { memory: '1Gi' } },
    annotation: 'LimitRanger plugin set: memory request for container app; memory limit for container app',
  },
  {
    upstream: `${LR} maxConstraint`, name: 'a limit above the LimitRange max is forbidden',
    pod: pod('web', { limits: { memory: '2Gi' } }), limitRanges: [limitRange([{ type: 'Container', max: { memory: '1Gi' } }])],
    admitted: false, message: 'pods "web" is forbidden: maximum memory usage per Container is 1Gi, but limit is 2Gi',
  },
  {
    upstream: `${LR} minConstraint`, name: 'a request under the LimitRange min is forbidden',
    pod: pod('web', { requests: { memory: '32Mi' } }), limitRanges: [limitRange([{ type: 'Container', min: { memory: '64Mi' } }])],
    admitted: false, message: 'pods "web" is forbidden: minimum memory usage per Container is 64Mi, but request is 32Mi',
  },
  {
    upstream: `${LR} limitRequestRatioConstraint`, name: 'a limit/request ratio above maxLimitRequestRatio is forbidden, the ratio printed with six decimals',
    pod: pod('web', { requests: { memory: '100Mi' }, limits: { memory: '400Mi' } }), limitRanges: [limitRange([{ type: 'Container', maxLimitRequestRatio: { memory: '2' } }])],
    admitted: false, message: 'pods "web" is forbidden: memory max limit to request ratio per Container is 2, but provided ratio is 4.000000',
  },
  {
    upstream: `${LR} (utilerrors.NewAggregate)`, name: 'several violations are listed in brackets',
    pod: pod('web', { requests: { memory: '32Mi' }, limits: { memory: '2Gi' } }), limitRanges: [limitRange([{ type: 'Container', min: { memory: '64Mi' }, max: { memory: '1Gi' } }])],
    admitted: false, message: 'pods "web" is forbidden: [minimum memory usage per Container is 64Mi, but request is 32Mi, maximum memory usage per Container is 1Gi, but limit is 2Gi]',
  },
  {
    upstream: RQ, name: 'a Pod that would take the namespace over its requests.memory quota is forbidden with used and limited',
    pod: pod('web', { requests: { memory: '1Gi' }, limits: { memory: '1Gi' } }), quotas: [quota({ 'requests.memory': '2Gi', 'limits.memory': '4Gi' }, { 'requests.memory': '1536Mi', 'limits.memory': '1536Mi' })],
    admitted: false, message: 'pods "web" is forbidden: exceeded quota: compute, requested: requests.memory=1Gi, used: requests.memory=1536Mi, limited: requests.memory=2Gi',
  },
  {
    upstream: 'pkg/quota/v1/evaluator/core/pods.go Constraints', name: 'with memory under quota, a container without memory requests and limits is forbidden',
    pod: pod('web'), quotas: [quota({ 'requests.memory': '2Gi', 'limits.memory': '4Gi' })],
    admitted: false, message: 'pods "web" is forbidden: failed quota: compute: must specify limits.memory for: app; requests.memory for: app',
  },
  {
    upstream: RQ, name: 'a Pod within quota is admitted and counted',
    pod: pod('web', { requests: { memory: '512Mi' }, limits: { memory: '1Gi' } }), quotas: [quota({ 'requests.memory': '2Gi', 'limits.memory': '4Gi' })],
    admitted: true,
  },
];

for (const c of cases) {
  test(`[${c.upstream}] ${c.name}`, () => {
    const { result } = simulateMemory([node, ...(c.limitRanges ?? []), ...(c.quotas ?? []), c.pod]);
    const web = result.pods[0];
    assert.equal(web.admitted, c.admitted, web.admissionMessage ?? '');
    assert.deepEqual(result.admission[0], { pod: 'web', admitted: c.admitted, message: c.message ?? null, limitRanger: c.annotation ?? null });
    if (c.message) assert.equal(web.admissionMessage, c.message);
    if (c.resources) assert.deepEqual(web.object.spec.containers[0].resources, c.resources);
  });
}

test(`[${RQ}] a quota without status is counted first, as the resource quota controller does, then charged Pod by Pod`, () => {
  // The lesson's namespace-guards cell: requests.memory 1Gi; web-1 gets 256Mi from the LimitRange, web-2 768Mi; web-3 (512Mi) no longer fits.
  const ns = (o: Obj) => ({ ...o, metadata: { ...o.metadata, namespace: 'team-a' } });
  const { result } = simulateMemory([
    node,
    ns(limitRange([{ type: 'Container', default: { memory: '512Mi' }, defaultRequest: { memory: '256Mi' } }])),
    { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute', namespace: 'team-a' }, spec: { hard: { 'requests.memory': '1Gi', 'limits.memory': '2Gi' } } },
    ns(pod('web-1')), ns(pod('web-2', { requests: { memory: '768Mi' }, limits: { memory: '1Gi' } })), ns(pod('web-3', { requests: { memory: '512Mi' }, limits: { memory: '512Mi' } })),
  ]);
  assert.deepEqual(result.admission.map((a) => a.admitted), [true, true, false]);
  assert.equal(result.admission[2].message, 'pods "web-3" is forbidden: exceeded quota: compute, requested: requests.memory=512Mi, used: requests.memory=1Gi, limited: requests.memory=1Gi');
});
