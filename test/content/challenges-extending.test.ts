// The extending lesson's troubleshooting challenge (content/17-extending), checked like those of
// test/content/challenges.test.ts: the broken start fails the objectives it is about, the solution
// meets every objective and rule, and plausible wrong fixes fail the objective or rule that should
// catch them. Every scenario runs through the extending engine.
import { checkChallengeCases, edit, type ChallengeCase } from '../support/challenge-cases.ts';

const SLUG = 'extending';
const WEB = 'objects[name=web].stored.spec.replicas == 3';
const ZERO = 'objects[name=zero].outcome == invalid';
const SCHEMA = '                image:\n                  type: string\n';

const CASES: Omit<ChallengeCase, 'slug'>[] = [
  {
    id: 'challenge-pruned-replicas',
    startFails: [WEB, ZERO],
    wrong: [
      {
        name: 'x-kubernetes-preserve-unknown-fields on spec: the 3 is kept, but nothing validates it',
        input: (s) => edit(s, ['              type: object\n              required: [image]\n', '              type: object\n              x-kubernetes-preserve-unknown-fields: true\n              required: [image]\n']),
        fails: [ZERO],
      },
      {
        name: 'declaring replicas as a string refuses web itself',
        input: (s) => edit(s, [SCHEMA, `${SCHEMA}                replicas:\n                  type: string\n`]),
        fails: [WEB],
      },
      {
        name: 'declaring replicas without a minimum accepts zero',
        input: (s) => edit(s, [SCHEMA, `${SCHEMA}                replicas:\n                  type: integer\n`]),
        fails: [ZERO],
      },
    ],
  },
];

// One challenge for now (CHAPTER.md asks for at least one; the shared default of this checker is two).
checkChallengeCases('extending troubleshooting challenges', [SLUG], CASES.map((c) => ({ slug: SLUG, ...c })), 1);
