import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkConstraints, ConstraintSyntaxError, objectsOf, parseObjectRef, type ConstraintSpec } from './constraints.ts';
import { ChallengeSchemaError, readChallengeSpec } from './challenge-schema.ts';
import { gradeChallenge } from './grade.ts';

const START = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx:1.27
    resources:
      limits: { memory: 256Mi }
---
apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
  namespace: shop
spec:
  hard:
    limits.memory: 2Gi
`;

const spec = (extra: Partial<ConstraintSpec> = {}): ConstraintSpec => ({
  keep: [
    { object: parseObjectRef('Pod/web'), fields: ['spec.containers[name=app].image'] },
    { object: parseObjectRef('ResourceQuota/shop/compute'), fields: ['spec.hard'] },
  ],
  maxAddedObjects: 1,
  ...extra,
});

const check = (input: string, s = spec()) => checkConstraints(s, objectsOf(START), objectsOf(input));
const unmet = (input: string, s = spec()) => check(input, s).filter((c) => !c.met);

describe('constraints: diffing the parsed objects, not the text', () => {
  it('the start itself keeps every rule', () => {
    assert.deepEqual(unmet(START), []);
  });

  it('reordering keys, reformatting and comments change nothing', () => {
    const same = `# a comment
kind: ResourceQuota
apiVersion: v1
metadata: { namespace: shop, name: compute }
spec: { hard: { "limits.memory": 2Gi } }
---
kind: Pod
apiVersion: v1
metadata: { name: web, namespace: default }
spec:
  containers: [{ name: app, image: "nginx:1.27", resources: { limits: { memory: 512Mi } } }]
`;
    assert.deepEqual(unmet(same), []);
  });

  it('a kept field that changes is unmet, with the start value and the value found', () => {
    const changed = START.replace('2Gi', '4Gi');
    assert.deepEqual(unmet(changed), [
      { kind: 'field', object: 'ResourceQuota/shop/compute', field: 'spec.hard', met: false, expected: { 'limits.memory': '2Gi' }, value: { 'limits.memory': '4Gi' }, found: true },
    ]);
  });

  it('a kept field that is removed is unmet (absent must stay absent, present must stay present)', () => {
    const removed = START.replace('    image: nginx:1.27\n', '');
    const [c] = unmet(removed);
    assert.equal(c.kind, 'field');
    assert.equal(c.kind === 'field' && c.found, false);
  });

  it('deleting or renaming a kept object is unmet, and so is every field of it', () => {
    const renamed = START.replace('name: web', 'name: web2');
    const failures = unmet(renamed);
    // The renamed Pod counts as one added object, within the limit of 1.
    assert.deepEqual(
      failures.map((c) => c.kind),
      ['stay', 'field'],
    );
  });

  it('counts added objects against the limit, naming a few', () => {
    const pod = (n: number) => `---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: extra-${n}\nspec:\n  containers: [{ name: c, image: busybox }]\n`;
    assert.deepEqual(unmet(START + pod(1)), []);
    const many = START + Array.from({ length: 8 }, (_, i) => pod(i)).join('');
    const [added] = unmet(many);
    assert.equal(added.kind, 'added');
    assert.equal(added.kind === 'added' && added.count, 8);
    assert.equal(added.kind === 'added' && added.added.length, 5);
  });

  it('a second object with the same name is key#2 (the live object and your file)', () => {
    const twice = START + '---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers: [{ name: app, image: nginx:1.28 }]\n';
    const s = spec({ keep: [{ object: parseObjectRef('Pod/web#2'), fields: ['spec.containers[name=app].image'] }] });
    const start = objectsOf(twice);
    assert.deepEqual(checkConstraints(s, start, objectsOf(twice)).filter((c) => !c.met), []);
    assert.equal(checkConstraints(s, start, objectsOf(START)).filter((c) => !c.met)[0].kind, 'stay');
  });

  it('object references', () => {
    assert.deepEqual(parseObjectRef('Pod/team-a/web'), { kind: 'Pod', namespace: 'team-a', name: 'web', occurrence: 1, source: 'Pod/team-a/web' });
    assert.equal(parseObjectRef('Deployment/web#2').occurrence, 2);
    for (const bad of ['Pod', 'pod web', 'Pod/Web', '/web', 'Pod/a/b/c', 'Pod/web#0']) {
      assert.throws(() => parseObjectRef(bad), ConstraintSyntaxError, bad);
    }
  });
});

describe('the challenge body schema', () => {
  const body = {
    title: 'T',
    task: 'what you see',
    start: 'kind: Pod',
    objectives: [{ check: 'pods.length == 1', text: 'one Pod' }],
    hints: ['h1'],
    solution: { scenario: 'kind: Pod', explain: 'why' },
  };
  it('reads a minimal challenge', () => {
    const spec = readChallengeSpec('c', body);
    assert.equal(spec.objectives[0].predicate.op, '==');
    assert.deepEqual(spec.constraints, { keep: [] });
  });
  const bad: [string, object, RegExp][] = [
    ['an unknown field', { ...body, extra: 1 }, /^extra: unknown field/],
    ['no objectives', { ...body, objectives: [] }, /^objectives: must be a non-empty list/],
    ['a bad check', { ...body, objectives: [{ check: 'nope', text: 'x' }] }, /^objectives\[0\]\.check: cannot read the objective/],
    ['an objective without text', { ...body, objectives: [{ check: 'a == 1' }] }, /^objectives\[0\]\.text: is required/],
    ['four hints', { ...body, hints: ['a', 'b', 'c', 'd'] }, /^hints: must be a list of 1 to 3 hints/],
    ['no hint', { ...body, hints: [] }, /^hints: must be a list of 1 to 3 hints/],
    ['a solution with both scenario and file', { ...body, solution: { scenario: 'x', file: 'a.yaml', explain: 'y' } }, /^solution: needs exactly one of scenario and file/],
    ['a solution without its explanation', { ...body, solution: { scenario: 'x' } }, /^solution\.explain: is required/],
    ['a bad object reference', { ...body, constraints: { keep: [{ object: 'web' }] } }, /^constraints\.keep\[0\]: "web" names an object/],
    ['a negative limit', { ...body, constraints: { maxAddedObjects: -1 } }, /^constraints\.maxAddedObjects: must be an integer/],
    ['a field path into the trace', { ...body, constraints: { keep: [{ object: 'Pod/a', fields: ['trace[0]'] }] } }, /reads the object, not "trace"/],
  ];
  for (const [name, data, message] of bad) {
    it(`refuses ${name}`, () => assert.throws(() => readChallengeSpec('c', data), (e: unknown) => e instanceof ChallengeSchemaError && message.test((e as Error).message)));
  }
});

describe('grading a run', () => {
  const challenge = readChallengeSpec('c', {
    title: 'T',
    task: 't',
    start: START,
    objectives: [
      { check: 'pods[name=web].phase == Running', text: 'runs' },
      { check: 'oomKills.length == 0', text: 'no kill' },
    ],
    constraints: { keep: [{ object: 'Pod/web' }], maxAddedObjects: 0 },
    hints: ['h'],
    solution: { scenario: START, explain: 'e' },
  });
  it('solved only when every objective and every constraint holds', () => {
    const ok = { result: { pods: [{ name: 'web', phase: 'Running' }], oomKills: [] }, trace: [] };
    assert.equal(gradeChallenge(challenge, objectsOf(START), START, ok).solved, true);
    const killed = { result: { pods: [{ name: 'web', phase: 'Running' }], oomKills: [{}] }, trace: [] };
    const report = gradeChallenge(challenge, objectsOf(START), START, killed);
    assert.equal(report.solved, false);
    assert.deepEqual(report.objectives.map((o) => [o.met, o.value]), [[true, 'Running'], [false, 1]]);
    const renamed = START.replace('name: web', 'name: other');
    assert.equal(gradeChallenge(challenge, objectsOf(START), renamed, ok).constraints.filter((c) => !c.met).length, 2);
  });
  it('an input that no longer parses keeps nothing, and is graded, not thrown', () => {
    const ok = { result: { pods: [] }, trace: [] };
    const report = gradeChallenge(challenge, objectsOf(START), ': : :\n\t- [', ok);
    assert.equal(report.constraints[0].met, false);
  });
});
