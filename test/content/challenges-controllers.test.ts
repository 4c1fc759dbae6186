// The controllers chapter's troubleshooting challenges, checked like those of
// test/content/challenges.test.ts: the start fails the objectives it is about,
// the solution meets every objective and rule, and plausible wrong fixes
// (what a learner tries first) fail the objective or rule that should catch
// them. Every scenario runs through the controllers engine; nothing is typed in.
import { checkChallengeCases, edit, type ChallengeCase } from '../support/challenge-cases.ts';

const SLUG = 'controllers';

const TEMPLATE = '    matchLabels: { app: web }\n  template:';
const strategy = (s: string, body: string) => edit(s, [TEMPLATE, `    matchLabels: { app: web }\n  strategy:\n${body}  template:`]);
const SCHEDULE = '  schedule: "*/5 * * * *"\n';
const JOB_SPEC = '    spec:\n      template:';

const CASES: Omit<ChallengeCase, 'slug'>[] = [
  {
    id: 'challenge-capacity',
    startFails: ['podExtremes[deployment=web].minReadyAfterFirstAction >= 4'],
    wrong: [
      {
        name: 'Recreate (every old Pod goes first)',
        input: (s) => strategy(s, '    type: Recreate\n'),
        fails: ['podExtremes[deployment=web].minReadyAfterFirstAction >= 4'],
      },
      {
        name: 'maxSurge 100% alone (maxUnavailable stays 25%)',
        input: (s) => strategy(s, '    rollingUpdate: { maxSurge: 100% }\n'),
        fails: ['podExtremes[deployment=web].minReadyAfterFirstAction >= 4'],
      },
      {
        name: 'a fifth replica',
        input: (s) => edit(s, ['  replicas: 4\n', '  replicas: 5\n']),
        fails: ['keep Deployment/web spec.replicas'],
      },
      {
        name: 'pausing the Deployment (nothing is ever released)',
        input: (s) => edit(s, ['  replicas: 4\n', '  replicas: 4\n  paused: true\n']),
        fails: ['podExtremes[deployment=web].minReadyAfterFirstAction >= 4', 'rolloutStatus[1].ended == error'],
      },
      {
        name: 'rolling back in the script at 2 min',
        input: (s) => edit(s, ['    setImage: { deployment: web, container: web, image: example/web:2.0 }\n', '    setImage: { deployment: web, container: web, image: example/web:2.0 }\n  - at: 2m\n    rolloutUndo: { deployment: web }\n']),
        // The run started at the release then sees the rolled-back Deployment complete: "successfully rolled out".
        fails: ['podExtremes[deployment=web].minReadyAfterFirstAction >= 4', 'rolloutStatus[1].ended == error', 'keep ControllerScenario/release spec'],
      },
    ],
  },
  {
    id: 'challenge-cron-pileup',
    startFails: ['cronJobs[name=export].active <= 1'],
    wrong: [
      {
        name: 'Replace (each new run deletes the one in progress)',
        input: (s) => edit(s, [SCHEDULE, `${SCHEDULE}  concurrencyPolicy: Replace\n`]),
        fails: ['jobs[status=Complete] present'],
      },
      {
        name: "parallelism 1 in the Job template (limits one Job's Pods)",
        input: (s) => edit(s, [JOB_SPEC, '    spec:\n      parallelism: 1\n      template:']),
        fails: ['cronJobs[name=export].active <= 1'],
      },
      {
        name: 'a starting deadline alone',
        input: (s) => edit(s, [SCHEDULE, `${SCHEDULE}  startingDeadlineSeconds: 60\n`]),
        fails: ['cronJobs[name=export].active <= 1'],
      },
      {
        name: 'an active deadline shorter than the period',
        input: (s) => edit(s, [JOB_SPEC, '    spec:\n      activeDeadlineSeconds: 290\n      template:']),
        fails: ['jobs[status=Complete] present'],
      },
      {
        name: 'a 15-minute schedule',
        input: (s) => edit(s, ['"*/5 * * * *"', '"*/15 * * * *"']),
        fails: ['keep CronJob/export spec.schedule'],
      },
    ],
  },
];

checkChallengeCases('controllers troubleshooting challenges: start, solution and wrong fixes, through the engine', [SLUG], CASES.map((c) => ({ slug: SLUG, ...c })));
