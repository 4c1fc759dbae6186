// The nodes lesson's troubleshooting challenge (content/16-nodes), checked like
// those of test/content/challenges.test.ts: the broken start fails the objectives
// it is about, the solution meets every objective and rule, and plausible wrong
// fixes fail the objective or rule that should catch them. Every scenario runs
// through the nodes engine.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { challenge, checkChallengeCases, edit, found, grade, type ChallengeCase } from '../support/challenge-cases.ts';

const SLUG = 'nodes';
const DRAINED = 'drains[0].drainedAt != null';
const NO_REFUSAL = 'drains[0].refusals == 0';

const CASES: Omit<ChallengeCase, 'slug'>[] = [
  {
    id: 'challenge-drain',
    startFails: [DRAINED, NO_REFUSAL],
    wrong: [
      {
        name: 'adding --force to the drain (it is about Pods without a controller, not budgets)',
        input: (s) => edit(s, ['  ignoreDaemonSets: true\n', '  ignoreDaemonSets: true\n  force: true\n']),
        fails: [DRAINED, NO_REFUSAL],
      },
      {
        name: 'scaling web down to 2 so the budget is met with room',
        input: (s) => edit(s, ['  replicas: 3\n', '  replicas: 2\n']),
        fails: [DRAINED, NO_REFUSAL, 'keep Deployment/web spec.replicas'],
      },
      {
        name: 'a percentage that still rounds up to every replica (minAvailable: 90%)',
        input: (s) => edit(s, ['  minAvailable: 3\n', '  minAvailable: "90%"\n']),
        fails: [DRAINED, NO_REFUSAL],
      },
      {
        name: 'pointing the budget at no Pod (changing its selector)',
        input: (s) => edit(s, ['  selector: { matchLabels: { app: web } }\n---\napiVersion: kube-notebook.dev', '  selector: { matchLabels: { app: nothing } }\n---\napiVersion: kube-notebook.dev']),
        fails: ['keep PodDisruptionBudget/web spec.selector'],
      },
    ],
    alsoRight: [
      {
        name: 'minAvailable: 2',
        input: (s) => edit(s, ['  minAvailable: 3\n', '  minAvailable: 2\n']),
        fails: [],
      },
      {
        name: 'maxUnavailable: 34% (rounded up to 2 of 3)',
        input: (s) => edit(s, ['  minAvailable: 3\n', '  maxUnavailable: "34%"\n']),
        fails: [],
      },
    ],
  },
];

checkChallengeCases('nodes troubleshooting challenge', [SLUG], CASES.map((c) => ({ slug: SLUG, ...c })), 1);

describe('nodes troubleshooting challenge: the numbers', () => {
  it('the start is refused every 5 s and never drains; the solution drains in one eviction', () => {
    const cell = challenge(SLUG, 'challenge-drain');
    const start = grade(cell, cell.start);
    assert.equal(found(start, DRAINED), null);
    assert.ok((found(start, NO_REFUSAL) as number) >= 15, 'refused at 30, 35, … 120 s');
    assert.equal(found(grade(cell, cell.solution), NO_REFUSAL), 0);
  });
});
