// One Pod validator for every chapter (issue 12): the same Pod, pasted into the
// pod-lifecycle, resources-oom and scheduler cells, is refused by all three
// with the API server's own message, or by none of them for a reason of
// validation. A property test over mutated Pods, checked against what the
// virtual API server answers to creating the same Pod.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { engines } from '../../simulations/registry.ts';
import { executeSimulation } from '../../server/sim-runtime/execute.ts';
import { freshApiServer } from '../../simulations/apiserver/scenario.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

const NODE = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' }, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } } };

/** The cell each engine is given around the Pod. */
const CELLS: Record<string, (pod: object) => string> = {
  'pod-lifecycle': (pod) => stringify(pod),
  'resources-oom': (pod) => `${stringify(pod)}---\n${stringify(NODE)}`,
  scheduler: (pod) => `${stringify(pod)}---\n${stringify(NODE)}`,
};

// Values that are sometimes right and often wrong where they go.
const anyValue = fc.constantFrom<unknown>(
  'Always', 'Never', 'OnFailure', 'Sometimes', '', 'nginx', 'Bad_Name', 'app', 'web-1', 'IfNotPresent', 'Whenever',
  0, 1, -1, 2, 30, 65536, true, null, {}, [], '100m', '1Gi', '-1Gi', 'ClusterFirst', 'Default', 'TCP', 'SCTP', 'HTTP',
);
type Mutation = (pod: { metadata: Record<string, unknown>; spec: Record<string, unknown> & { containers: Record<string, unknown>[] } }, v: unknown) => void;
const MUTATIONS: Record<string, Mutation> = {
  name: (p, v) => void (p.metadata.name = v),
  label: (p, v) => void (p.metadata.labels = { app: v }),
  restartPolicy: (p, v) => void (p.spec.restartPolicy = v),
  dnsPolicy: (p, v) => void (p.spec.dnsPolicy = v),
  terminationGracePeriodSeconds: (p, v) => void (p.spec.terminationGracePeriodSeconds = v),
  containerName: (p, v) => void (p.spec.containers[0].name = v),
  image: (p, v) => void (p.spec.containers[0].image = v),
  imagePullPolicy: (p, v) => void (p.spec.containers[0].imagePullPolicy = v),
  livenessProbe: (p, v) => void (p.spec.containers[0].livenessProbe = v),
  probePeriod: (p, v) => void (p.spec.containers[0].readinessProbe = { httpGet: { path: '/', port: 8080 }, periodSeconds: v }),
  probeSuccess: (p, v) => void (p.spec.containers[0].livenessProbe = { exec: { command: ['true'] }, successThreshold: v }),
  memoryLimit: (p, v) => void (p.spec.containers[0].resources = { limits: { memory: v } }),
  cpuRequestOverLimit: (p, v) => void (p.spec.containers[0].resources = { requests: { cpu: '2' }, limits: { cpu: v } }),
  port: (p, v) => void (p.spec.containers[0].ports = [{ containerPort: v }]),
  protocol: (p, v) => void (p.spec.containers[0].ports = [{ containerPort: 80, protocol: v }]),
  duplicateContainer: (p, v) => void p.spec.containers.push({ name: p.spec.containers[0].name, image: v }),
  initContainer: (p, v) => void (p.spec.initContainers = [{ name: 'init', image: v }]),
  toleration: (p, v) => void (p.spec.tolerations = [{ key: 'k', operator: v, effect: 'NoSchedule' }]),
  nodeSelector: (p, v) => void (p.spec.nodeSelector = { disk: v }),
  unknownField: (p, v) => void (p.spec.containers[0].imagee = v),
};

function basePod() {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web' } as Record<string, unknown>,
    spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] as Record<string, unknown>[] } as Record<string, unknown> & { containers: Record<string, unknown>[] },
  };
}

const mutatedPod = fc.array(fc.tuple(fc.constantFrom(...Object.keys(MUTATIONS)), anyValue), { minLength: 1, maxLength: 3 }).map((changes) => {
  const pod = basePod();
  for (const [name, value] of changes) MUTATIONS[name](pod, value);
  return { pod, changes };
});

/** What the API server says to creating the Pod in the default namespace: its refusal, or undefined. */
function apiServerRefusal(pod: object): string | undefined {
  const withNamespace = { ...pod, metadata: { ...(pod as { metadata: object }).metadata, namespace: 'default' } };
  const r = freshApiServer().create(withNamespace);
  return r.code === 400 || r.code === 422 ? r.message : undefined;
}

const looksLikeApiServerRefusal = (message: string) => / is invalid: | cannot be handled as a /.test(message);

describe('one Pod validator for every chapter', () => {
  it('the same Pod is refused by pod-lifecycle, resources-oom and scheduler exactly when the API server refuses it, in its words', () => {
    fc.assert(
      fc.property(mutatedPod, ({ pod, changes }) => {
        const expected = apiServerRefusal(pod);
        for (const [id, cell] of Object.entries(CELLS)) {
          const outcome = executeSimulation(engines.get(id)!, cell(pod));
          const label = `${id} on ${JSON.stringify(changes)}`;
          if (expected !== undefined) {
            assert.equal(outcome.ok, false, `${label}: the API server refuses it (${expected}) but the engine ran it`);
            if (!outcome.ok) assert.equal(outcome.error.message, expected, label);
          } else if (!outcome.ok) {
            assert.ok(!looksLikeApiServerRefusal(outcome.error.message), `${label}: the API server accepts it, the engine refused it as invalid: ${outcome.error.message}`);
          }
        }
      }),
      { numRuns: RUNS * 5, seed: 7 },
    );
  });

  it('the Pod from the issue (livenessProbe: {} and restartPolicy: Sometimes) gets the same answer everywhere', () => {
    const pod = basePod();
    MUTATIONS.livenessProbe(pod, {});
    MUTATIONS.restartPolicy(pod, 'Sometimes');
    const expected = 'Pod "web" is invalid: [spec.containers[0].livenessProbe: Required value: must specify a handler type, spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"]';
    assert.equal(apiServerRefusal(pod), expected);
    for (const [id, cell] of Object.entries(CELLS)) {
      const outcome = executeSimulation(engines.get(id)!, cell(pod));
      assert.equal(outcome.ok ? 'ran' : outcome.error.message, expected, id);
    }
  });
});
