// Every troubleshooting challenge is checked like a level of Learn Git
// Branching: its start fails the objectives it is about, its solution meets
// every objective and rule, and two plausible wrong fixes (what a learner
// tries first) fail the objective or rule that should catch them. The
// scenarios run through the real engines; nothing here is typed in.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { engines } from '../../simulations/registry.ts';
import { executeSimulation } from '../../server/sim-runtime/execute.ts';
import { gradeChallenge } from '../../server/challenge/grade.ts';
import { challenge, checkChallengeCases, edit, lessons, type ChallengeCase } from '../support/challenge-cases.ts';

const CASES: ChallengeCase[] = [
  {
    slug: 'pod-lifecycle',
    id: 'challenge-slow-start',
    startFails: ['final.restartCount == 0', 'status == Running at 300s'],
    wrong: [
      {
        // Deleting the probe alone is a located 400: the behaviour's liveness results would have no probe to answer.
        name: 'deleting the liveness probe (and the results that answer it)',
        input: (s) =>
          edit(
            s,
            ['    livenessProbe:\n      httpGet: { path: /healthz, port: 8080 }\n      periodSeconds: 5\n      failureThreshold: 3\n', ''],
            [s.slice(s.indexOf('    liveness:\n')), ''],
          ),
        fails: [
          'keep Pod/api spec.containers[name=app].livenessProbe.httpGet',
          'keep Pod/api spec.containers[name=app].livenessProbe.periodSeconds',
          'keep Pod/api spec.containers[name=app].livenessProbe.failureThreshold',
          'keep PodBehavior/api spec',
        ],
      },
      {
        name: 'a delay too short for the warm-up (20 s)',
        input: (s) => edit(s, ['      failureThreshold: 3\n', '      failureThreshold: 3\n      initialDelaySeconds: 20\n']),
        fails: ['final.restartCount == 0', 'status == Running at 300s'],
      },
      {
        name: 'raising the failure threshold',
        input: (s) => edit(s, ['failureThreshold: 3', 'failureThreshold: 20']),
        fails: ['keep Pod/api spec.containers[name=app].livenessProbe.failureThreshold'],
      },
      {
        name: 'telling the behaviour the app is healthy at once',
        input: (s) => edit(s, ['fromSeconds: 45, result: success', 'fromSeconds: 1, result: success']),
        fails: ['keep PodBehavior/api spec'],
      },
    ],
  },
  {
    slug: 'pod-lifecycle',
    id: 'challenge-sidecar',
    startFails: ['status == Running at 30s', 'ready == "2/2" at 30s', 'final.containers[name=app].state == running'],
    wrong: [
      {
        name: 'moving the proxy to the app containers',
        input: (s) => edit(s, ['  - name: proxy\n    image: envoyproxy/envoy:v1.31.0\n  containers:\n', '  containers:\n  - name: proxy\n    image: envoyproxy/envoy:v1.31.0\n']),
        fails: ['keep Pod/shop spec.initContainers[name=proxy].image'],
      },
      {
        name: 'starting the proxy first, still as a plain init container',
        input: (s) =>
          edit(
            s,
            ['  # Copies the static assets into place, then exits.\n  - name: prepare\n    image: registry.example.com/shop/assets:1.8\n    command: ["sh", "-c", "sleep 4"]\n', ''],
            ['    image: envoyproxy/envoy:v1.31.0\n', '    image: envoyproxy/envoy:v1.31.0\n  - name: prepare\n    image: registry.example.com/shop/assets:1.8\n    command: ["sh", "-c", "sleep 4"]\n'],
          ),
        fails: ['status == Running at 30s', 'ready == "2/2" at 30s', 'final.containers[name=app].state == running'],
      },
      {
        name: 'dropping the moment the objectives read',
        input: (s) => edit(s, ['  observeAtSeconds: [30]\n', '']),
        fails: ['status == Running at 30s', 'ready == "2/2" at 30s', 'final.containers[name=app].state == running', 'keep PodBehavior/shop spec'],
      },
    ],
  },
  {
    slug: 'resources-oom',
    id: 'challenge-quota-oom',
    startFails: ['oomKills.length == 0'],
    wrong: [
      {
        name: "raising only api's limit (over the quota)",
        input: (s) => edit(s, ['      requests: { memory: 256Mi }\n      limits: { memory: 512Mi }', '      requests: { memory: 768Mi }\n      limits: { memory: 1Gi }']),
        fails: ['pods[name=api].admitted == true'],
      },
      {
        name: "removing api's limit",
        input: (s) => edit(s, ['      limits: { memory: 512Mi }\n', '']),
        fails: ['pods[name=api].admitted == true'],
      },
      {
        name: 'raising the quota',
        input: (s) => edit(s, ['    limits.memory: 2Gi', '    limits.memory: 3Gi'], ['      requests: { memory: 256Mi }\n      limits: { memory: 512Mi }', '      requests: { memory: 768Mi }\n      limits: { memory: 1Gi }']),
        fails: ['keep ResourceQuota/shop/compute spec.hard'],
      },
    ],
  },
  {
    slug: 'resources-oom',
    id: 'challenge-eviction',
    startFails: ['pods[name=payments].evictedAt == null', 'pods[name=payments].phase == Running'],
    wrong: [
      {
        name: 'raising only the limit',
        input: (s) => edit(s, ['limits: { memory: 1Gi }', 'limits: { memory: 2Gi }']),
        fails: ['pods[name=payments].evictedAt == null', 'pods[name=payments].phase == Running'],
      },
      {
        name: 'making payments Guaranteed below its real use',
        input: (s) => edit(s, ['      requests: { cpu: 250m, memory: 128Mi }\n      limits: { memory: 1Gi }', '      requests: { cpu: 250m, memory: 512Mi }\n      limits: { cpu: 250m, memory: 512Mi }']),
        fails: ['containers[pod=payments].restarts == 0'],
      },
      {
        name: 'deleting the batch job (and its memory behaviour)',
        input: (s) =>
          edit(
            s,
            ['---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: batch\nspec:\n  containers:\n  - name: job\n    image: registry.example/batch:1.0\n    resources:\n      requests: { cpu: 250m, memory: 256Mi }\n', ''],
            ['  - { pod: batch, container: job, usage: { pattern: leak, start: 300Mi, perMinute: 100Mi } }\n', ''],
          ),
        fails: ['keep MemoryScenario/pressure spec', 'stay Pod/batch'],
      },
    ],
  },
  {
    slug: 'declarative-apply',
    id: 'challenge-hpa-fight',
    startFails: ['live.spec.replicas == 7', 'patch.spec.replicas absent', 'keptFields contains spec.replicas'],
    wrong: [
      {
        name: 'removing replicas from the file only (the three-way merge deletes it: 1 replica)',
        input: (s) => edit(s, ['spec:\n  replicas: 3\n', 'spec:\n']),
        fails: ['live.spec.replicas == 7', 'patch.spec.replicas absent', 'keptFields contains spec.replicas'],
      },
      {
        name: "writing today's count into the file",
        input: (s) => edit(s, ['spec:\n  replicas: 3\n', 'spec:\n  replicas: 7\n']),
        fails: ['keptFields contains spec.replicas'],
      },
      {
        name: 'editing the live object instead',
        input: (s) => edit(s, ['  replicas: 7\n', '  replicas: 3\n']),
        fails: ['live.spec.replicas == 7', 'keptFields contains spec.replicas', 'keep Deployment/web spec'],
      },
    ],
  },
  {
    slug: 'declarative-apply',
    id: 'challenge-tolerations',
    startFails: ['live.spec.template.spec.tolerations[key=cloud.example.com/spot].effect == NoSchedule'],
    wrong: [
      {
        name: 'dropping the new toleration',
        input: (s) => edit(s, ['      tolerations:\n      - key: dedicated\n        operator: Equal\n        value: ingest\n        effect: NoSchedule\n', '']),
        fails: ['live.spec.template.spec.tolerations[key=dedicated].value == ingest'],
      },
      {
        name: 'claiming the spot toleration in last-applied only',
        input: (s) => edit(s, ['"name":"ingest"}]}}}}', '"name":"ingest"}],"tolerations":[{"effect":"NoSchedule","key":"cloud.example.com/spot","operator":"Exists"}]}}}}']),
        fails: ['live.spec.template.spec.tolerations[key=cloud.example.com/spot].effect == NoSchedule'],
      },
    ],
  },
  {
    slug: 'scheduler',
    id: 'challenge-spread-taint',
    startFails: ['pods[name=web-1].node != null', 'pods[name=web-3].node != null'],
    wrong: [
      {
        name: 'ignoring tainted nodes in the spread count (all four land in zone-a)',
        input: (s) => edit(s, ['        whenUnsatisfiable: DoNotSchedule\n', '        whenUnsatisfiable: DoNotSchedule\n        nodeTaintsPolicy: Honor\n']),
        fails: ['keep StatefulSet/web spec.template.spec.topologySpreadConstraints'],
      },
      {
        name: 'a toleration with the wrong effect',
        input: (s) => edit(s, ['      containers:\n      - name: web', '      tolerations:\n      - {key: dedicated, operator: Equal, value: web, effect: NoExecute}\n      containers:\n      - name: web']),
        fails: ['pods[name=web-1].node != null', 'pods[name=web-3].node != null'],
      },
      {
        name: 'removing the taint from b1',
        input: (s) => edit(s, ['  taints:\n  - {key: dedicated, value: web, effect: NoSchedule}\n', '']),
        fails: ['keep Node/b1 spec.taints'],
      },
    ],
  },
  {
    slug: 'scheduler',
    id: 'challenge-preemption',
    startFails: ['preempted.length == 0'],
    wrong: [
      {
        name: 'a preferred affinity for the frontend pool on top of the required one',
        input: (s) =>
          edit(s, [
            '          - {key: pool, operator: In, values: [general]}\n',
            '          - {key: pool, operator: In, values: [general]}\n      preferredDuringSchedulingIgnoredDuringExecution:\n      - weight: 100\n        preference:\n          matchExpressions:\n          - {key: pool, operator: In, values: [frontend]}\n',
          ]),
        fails: ['preempted.length == 0'],
      },
      {
        name: 'dropping the priority class',
        input: (s) => edit(s, ['  priorityClassName: critical\n', '']),
        fails: ['pods[name=checkout].node != null', 'keep Pod/checkout spec.priorityClassName'],
      },
      {
        name: "halving checkout's CPU request",
        input: (s) => edit(s, ['requests: {cpu: "1", memory: 1Gi}', 'requests: {cpu: 500m, memory: 1Gi}']),
        fails: ['keep Pod/checkout spec.containers[name=app].resources'],
      },
    ],
  },
];

checkChallengeCases('troubleshooting challenges: start, solution and wrong fixes, through the engines', ['pod-lifecycle', 'resources-oom', 'declarative-apply', 'scheduler'], CASES);

describe('troubleshooting challenges of every chapter', () => {
  it('hostile edits of every chapter’s challenges (lines deleted, objects renamed, names emptied) are graded or refused with a located error, never a crash', () => {
    // A small deterministic generator (no Math.random in tests that must fail the same way twice).
    let seed = 27;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const every = lessons().chapters.flatMap((chapter) =>
      chapter.lessons.get('en')!.cells.filter((cell) => cell.kind === 'challenge').map((cell) => ({ slug: chapter.slug, id: cell.id })),
    );
    for (const c of every) {
      const cell = challenge(c.slug, c.id);
      const lines = cell.start.split('\n');
      const edits = [
        ...Array.from({ length: 4 }, () => {
          const from = Math.floor(next() * lines.length);
          return [...lines.slice(0, from), ...lines.slice(from + 1 + Math.floor(next() * 4))].join('\n');
        }),
        cell.start.replace(/name: ([a-z0-9-]+)/g, 'name: $1-renamed'),
        cell.start.replace(/name: ([a-z0-9-]+)/, 'name: ""'),
      ];
      for (const input of edits) {
        const outcome = executeSimulation(engines.get(cell.engine)!, input, { view: false });
        if (!outcome.ok) {
          assert.ok(outcome.status === 400 || outcome.status === 422, `${c.id}: ${outcome.status} ${outcome.error.message}`);
          continue;
        }
        const report = gradeChallenge(cell.spec, cell.startObjects, input, outcome);
        assert.equal(report.objectives.length, cell.spec.objectives.length);
      }
    }
  });

  it('the Chinese lessons hold the same challenges with the same objectives, rules and scenarios', () => {
    for (const chapter of lessons().chapters) {
      const zh = chapter.lessons.get('zh');
      if (!zh) continue;
      for (const cell of zh.cells) {
        if (cell.kind !== 'challenge') continue;
        const en = challenge(chapter.slug, cell.id);
        assert.equal(cell.start, en.start);
        assert.equal(cell.solution, en.solution);
        assert.deepEqual(cell.spec.objectives.map((o) => o.predicate), en.spec.objectives.map((o) => o.predicate));
        assert.deepEqual(cell.spec.constraints, en.spec.constraints);
        assert.notEqual(cell.spec.task, en.spec.task, 'the task is translated');
      }
    }
  });
});
