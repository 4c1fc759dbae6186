// The nodes engine end to end. Expected times are worked from the rules the
// actors follow (upstream defaults): Lease renewed every 10 s, the node lifecycle
// controller's pass every 5 s, nodeMonitorGracePeriod 50 s, the NoExecute taint
// one pass after Ready=Unknown (processTaintBaseEviction reads the condition it
// observed at the start of the pass), 300 s tolerations from DefaultTolerationSeconds.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseManifests } from '../shared/yaml.ts';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { ValidationError } from '../shared/errors.ts';
import { engine } from './engine.ts';

const run = (yaml: string) => engine.run(parseManifests(yaml), { budget: DEFAULT_BUDGET, detail: true });
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('a node cut off by a network partition at 30 s', () => {
  const { result } = run(fixture('partition.yaml'));
  const w2 = result.nodes.find((n) => n.name === 'worker-2')!;

  it('its last heartbeat is the Lease renewal at 20 s; Ready=Unknown at the first pass after 20 + 50 = 70 s, i.e. 75 s', () => {
    assert.equal(w2.lastHeartbeatAt, 20);
    assert.equal(w2.unknownAt, 75);
    assert.deepEqual(w2.ready.map((r) => [r.status, r.reason]), [['True', 'KubeletReady'], ['Unknown', 'NodeStatusUnknown']]);
    assert.equal(w2.conditions.find((c) => c.type === 'Ready')?.message, 'Kubelet stopped posting node status.');
    assert.equal(w2.status, 'NotReady');
  });

  it('the unreachable NoSchedule taint comes with the status, the NoExecute one a pass later (80 s)', () => {
    assert.equal(w2.noScheduleTaintAt, 75);
    assert.equal(w2.noExecuteTaintAt, 80);
    assert.deepEqual(w2.finalTaints, ['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
  });

  it('every Pod on it got the 300 s tolerations from DefaultTolerationSeconds, so taint eviction deletes them at 80 + 300 = 380 s', () => {
    const onW2 = result.pods.filter((p) => p.node === 'worker-2');
    assert.ok(onW2.length >= 2);
    for (const p of onW2) {
      assert.ok(p.tolerations.includes('node.kubernetes.io/unreachable:NoExecute for 300s'));
      assert.equal(p.deletionRequestedAt, 380);
      assert.equal(p.deletedBy, 'taint eviction');
      // Nobody can confirm the deletion: the kubelet is unreachable.
      assert.equal(p.stuckTerminating, true);
    }
  });

  it('the ReplicaSet replaces its Pod on a healthy node; the bare Pod is not replaced', () => {
    const web = result.pods.filter((p) => p.owner.startsWith('ReplicaSet/'));
    const replacement = web.find((p) => p.createdAt >= 380);
    assert.ok(replacement, 'a replacement Pod');
    assert.notEqual(replacement.node, 'worker-2');
    assert.equal(result.pods.filter((p) => p.owner === '<none>').length, 1);
  });

  it('kubectl prints NotReady for Ready=Unknown, and the Pods on the lost node stay Terminating', () => {
    const last = result.snapshots[result.snapshots.length - 1];
    assert.match(last.nodes.text, /worker-2 +NotReady/);
    assert.match(last.pods.text, /debug +1\/1 +Terminating/);
  });

  it('the other nodes stay Ready and untainted', () => {
    for (const name of ['worker-1', 'worker-3']) {
      const n = result.nodes.find((x) => x.name === name)!;
      assert.equal(n.status, 'Ready');
      assert.deepEqual(n.finalTaints, []);
    }
  });
});

describe('kubectl drain under a PodDisruptionBudget', () => {
  const { result } = run(fixture('drain-pdb.yaml'));
  const d = result.drains[0];
  it('prints what kubectl prints: cordoned, the DaemonSet warning, evicting, evicted, drained', () => {
    assert.deepEqual(d.lines.map((l) => [l.stream, l.text.replace(/web-[a-z0-9]+-[a-z0-9]+/, 'web-x')]), [
      ['stdout', 'node/worker-1 cordoned'],
      ['stderr', 'Warning: ignoring DaemonSet-managed Pods: kube-system/node-exporter-w1'],
      ['stdout', 'evicting pod default/web-x'],
      ['stdout', 'pod/web-x evicted'],
      ['stdout', 'node/worker-1 drained'],
    ]);
  });
  it('the DaemonSet Pod stays; the node is cordoned', () => {
    assert.ok(result.pods.some((p) => p.name === 'node-exporter-w1' && p.deletionRequestedAt === undefined));
    assert.equal(result.nodes.find((n) => n.name === 'worker-1')?.status, 'Ready,SchedulingDisabled');
  });
});

describe('a drain that hangs: minAvailable equal to the replicas', () => {
  const yaml = fixture('drain-pdb.yaml').replace('minAvailable: 2', 'minAvailable: 3');
  const { result } = run(yaml);
  const d = result.drains[0];
  it('every eviction is refused with 429 and retried every 5 s; the drain never completes', () => {
    assert.equal(d.drainedAt, null);
    assert.ok(d.refusals >= 10, `refusals: ${d.refusals}`);
    assert.ok(d.lines.some((l) => l.stream === 'stderr' && /^error when evicting pods\/"web-[a-z0-9-]+" -n "default" \(will retry after 5s\): Cannot evict pod as it would violate the pod's disruption budget\.$/.test(l.text)));
    const retries = d.attempts.map((a) => a.at);
    assert.equal(retries[1] - retries[0], 5);
  });
});

describe('bad input is a located 400', () => {
  it('an unknown fault type', () => {
    assert.throws(() => run(`${fixture('partition.yaml')}\n---\napiVersion: kube-notebook.dev/v1alpha1\nkind: NodeFault\nspec: { node: worker-1, at: 10s, type: Meteor }\n`), (e: unknown) => e instanceof ValidationError && /Unsupported value: "Meteor"/.test(e.message));
  });
  it('a fault on a node that does not exist', () => {
    assert.throws(() => run(`${fixture('partition.yaml')}\n---\napiVersion: kube-notebook.dev/v1alpha1\nkind: NodeFault\nspec: { node: nope, at: 10s, type: PowerOff }\n`), (e: unknown) => e instanceof ValidationError && /nodes "nope" not found/.test(e.message));
  });
  it('no Node at all', () => {
    assert.throws(() => run('apiVersion: v1\nkind: Pod\nmetadata: { name: a }\nspec: { containers: [{ name: a, image: a }] }\n'), ValidationError);
  });
  it('a kind this simulation does not run', () => {
    assert.throws(() => run('apiVersion: v1\nkind: Service\nmetadata: { name: a }\nspec: { ports: [{ port: 80 }] }\n'), ValidationError);
  });
});
