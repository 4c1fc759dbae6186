// Property tests (fast-check) of the virtual API server on its own: whatever
// object of whatever built-in kind comes in, every call answers with a result
// (a stored object, or a refusal worded as kube-apiserver words it) and never
// throws. Objects are arbitrary JSON under keys the kinds really have, so the
// generator reaches decoding, defaults, strategies, validation and admission.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { apiServerScenario } from '../../simulations/apiserver/public-api.ts';
import type { Op } from '../../simulations/apiserver/public-api.ts';
import { KINDS, apiVersionOf } from '../../simulations/apiserver/kinds.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

// Field names that occur across the kinds' schemas: enough to reach nested structs.
const KEYS = [
  'containers', 'initContainers', 'name', 'image', 'resources', 'limits', 'requests', 'cpu', 'memory', 'ports', 'containerPort',
  'port', 'targetPort', 'nodePort', 'protocol', 'selector', 'matchLabels', 'matchExpressions', 'key', 'operator', 'values',
  'template', 'spec', 'metadata', 'labels', 'annotations', 'replicas', 'strategy', 'rollingUpdate', 'maxSurge', 'maxUnavailable',
  'rules', 'http', 'paths', 'path', 'pathType', 'backend', 'service', 'number', 'tolerations', 'effect', 'affinity', 'nodeAffinity',
  'livenessProbe', 'httpGet', 'exec', 'command', 'periodSeconds', 'restartPolicy', 'type', 'data', 'stringData', 'hard', 'used',
  'capacity', 'allocatable', 'taints', 'podCIDR', 'subjects', 'roleRef', 'kind', 'apiGroup', 'verbs', 'minAvailable', 'value',
  'schedule', 'jobTemplate', 'completions', 'parallelism', 'backoffLimit', 'volumes', 'emptyDir', 'configMap', 'secret',
  'volumeMounts', 'mountPath', 'accessModes', 'storageClassName', 'provisioner', 'versions', 'served', 'storage', 'group', 'names',
  'plural', 'scope', 'metrics', 'scaleTargetRef', 'minReplicas', 'maxReplicas', 'finalizers', 'ownerReferences', 'uid',
  'status', 'phase', 'conditions', 'holderIdentity', 'endpoints', 'addresses', 'ip', 'podSelector', 'ingress', 'from',
];

const leaf = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.constantFrom('100m', '1Gi', '-1', '0', '1e3', '12Qi', '1e999999', 'Always', 'NoSchedule', 'In', 'TCP', 'nginx:1.27', '', 'web', 'None', '25%', '*/5 * * * *'),
  fc.integer({ min: -3, max: 70_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('list'), tie('object')),
  list: fc.array(tie('node'), { maxLength: 3 }),
  object: fc.dictionary(fc.constantFrom(...KEYS), tie('node'), { maxKeys: 5 }),
})).node;

const kind = fc.constantFrom(...KINDS.map((k) => ({ apiVersion: apiVersionOf(k), kind: k.kind, namespaced: k.namespaced })));
const object = fc.record({ kind, name: fc.constantFrom('web', 'db', 'Bad_Name', ''), spec: value, extra: fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 3 }) });

describe('the virtual API server never throws', () => {
  it('create, update, patch, delete and gc of arbitrary objects of every built-in kind answer with results', () => {
    fc.assert(
      fc.property(object, value, ({ kind: k, name, spec, extra }, patch) => {
        const ref = { apiVersion: k.apiVersion, kind: k.kind, name, ...(k.namespaced ? { namespace: 'default' } : {}) };
        const obj = { apiVersion: k.apiVersion, kind: k.kind, metadata: { name, ...(k.namespaced ? { namespace: 'default' } : {}) }, spec, ...extra };
        const ops: Op[] = [
          { op: 'create', object: obj },
          { op: 'update', object: '{{0.object}}' as unknown as object },
          { op: 'patch', ...ref, patch: (patch !== null && typeof patch === 'object' && !Array.isArray(patch) ? patch : { spec: patch }) as object },
          { op: 'delete', ...ref },
          { op: 'gc' },
          { op: 'list', apiVersion: k.apiVersion, kind: k.kind },
        ];
        const results = apiServerScenario(ops);
        for (const r of results) {
          assert.ok([200, 201, 400, 403, 404, 409, 415, 422].includes(r.code), `unexpected ${r.code} ${r.message ?? ''}`);
          if (r.code >= 400) assert.ok(typeof r.message === 'string' && r.message.length > 0, 'a refusal says why');
        }
      }),
      { numRuns: RUNS * 10, seed: 12 },
    );
  });
});
