// The informers lesson's troubleshooting challenges (content/09-informers),
// checked like those of test/content/challenges.test.ts: the broken start
// fails the objectives it is about, the solution meets every objective and
// rule, and plausible wrong fixes fail the objective or rule that should
// catch them. Every scenario runs through the informers engine; the counts
// the objectives read come from it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { challenge, checkChallengeCases, edit, found, grade, type ChallengeCase } from '../support/challenge-cases.ts';

const SLUG = 'informers';

const DRIFT_PERIOD = 'informer.handlers[name=drift].resyncPeriodMs == 60000';
const DRIFT_COUNT = 'informer.handlers[name=drift].notifications >= 4';
const AUDIT_COUNT = 'informer.handlers[name=audit].notifications == 2';
const ORPHAN = 'queue.keys[key=default/orphan].attempts <= 10';
const WEB = 'queue.keys[key=default/web].done == true';

const CASES: Omit<ChallengeCase, 'slug'>[] = [
  {
    id: 'challenge-resync',
    startFails: [DRIFT_PERIOD, DRIFT_COUNT],
    wrong: [
      {
        name: "giving the informer a period only: audit inherits it and logs the resyncs",
        input: (s) => edit(s, ['  resyncPeriodMs: 0\n  handlers:', '  resyncPeriodMs: 60000\n  handlers:']),
        fails: [AUDIT_COUNT],
      },
      {
        name: "shortening drift's own period to 30 s",
        input: (s) => edit(s, ['    resyncPeriodMs: 60000', '    resyncPeriodMs: 30000']),
        fails: [DRIFT_PERIOD, DRIFT_COUNT],
      },
      {
        name: 'registering audit with period 0, the informer still at 0',
        input: (s) => edit(s, ['  - name: audit\n', '  - name: audit\n    resyncPeriodMs: 0\n']),
        fails: [DRIFT_PERIOD, DRIFT_COUNT],
      },
      {
        name: 'giving the informer a period and removing the audit handler',
        input: (s) => edit(s, ['  resyncPeriodMs: 0\n  handlers:', '  resyncPeriodMs: 60000\n  handlers:'], ['  - name: audit\n', '']),
        fails: [AUDIT_COUNT],
      },
      {
        name: 'adding a second ConfigMap for drift to hear about',
        input: (s) => `${s}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra, namespace: default, uid: extra}\n`,
        fails: [DRIFT_PERIOD, DRIFT_COUNT, AUDIT_COUNT, 'added 1'],
      },
    ],
    alsoRight: [
      {
        name: 'a one-day informer period, drift at 60 s lowering the check period before the start',
        input: (s) => edit(s, ['  resyncPeriodMs: 0\n  handlers:', '  resyncPeriodMs: 86400000\n  handlers:']),
        fails: [],
      },
    ],
  },
  {
    id: 'challenge-retry-storm',
    startFails: [ORPHAN],
    wrong: [
      {
        name: 'raising the cap to 100 ms',
        input: (s) => edit(s, ['    maxDelayMs: 5\n', '    maxDelayMs: 100\n']),
        fails: [ORPHAN],
      },
      {
        name: 'a base delay of one second',
        input: (s) => edit(s, ['    baseDelayMs: 5\n    maxDelayMs: 5\n', '    baseDelayMs: 1000\n    maxDelayMs: 1000000\n']),
        fails: [WEB],
      },
      {
        name: 'a 10 qps bucket alone',
        input: (s) => edit(s, ['    type: ItemExponentialFailureRateLimiter\n    baseDelayMs: 5\n    maxDelayMs: 5\n', '    type: BucketRateLimiter\n    qps: 10\n    burst: 100\n']),
        fails: [ORPHAN],
      },
      {
        name: 'one worker instead of two',
        input: (s) => edit(s, ['  workers: 2\n', '  workers: 1\n']),
        fails: [ORPHAN],
      },
      {
        name: "making orphan's reconciles succeed",
        input: (s) => s.replace(/  - \{key: default\/orphan, attempts: \[[^\]]*\]\}\n/, ''),
        fails: ['keep WorkQueueScript/certificates spec.failures'],
      },
    ],
    alsoRight: [
      {
        name: 'deleting the override (the default is DefaultControllerRateLimiter)',
        input: (s) => s.replace(/  # Set last month[^\n]*\n  rateLimiter:\n(    [^\n]*\n)+/, ''),
        fails: [],
      },
    ],
  },
];

checkChallengeCases('informers troubleshooting challenges', [SLUG], CASES.map((c) => ({ slug: SLUG, ...c })));

describe('informers troubleshooting challenges: the numbers', () => {
  it('the numbers the explanations state are what the engine computes', () => {
    const storm = challenge(SLUG, 'challenge-retry-storm');
    // "80 times in 2 s (40 a second)"; the default: "9 attempts in 2 s".
    assert.equal(found(grade(storm, storm.start), ORPHAN), 80);
    assert.equal(found(grade(storm, storm.solution), ORPHAN), 9);
    // "a cap of 100 ms still retries orphan about 20 times".
    const capped = found(grade(storm, edit(storm.start, ['    maxDelayMs: 5\n', '    maxDelayMs: 100\n'])), ORPHAN) as number;
    assert.ok(capped >= 18 && capped <= 22, `about 20, got ${capped}`);
    const resync = challenge(SLUG, 'challenge-resync');
    // The start: drift's 60 s becomes 0 (determineResyncPeriod with a check period of 0), 2 notifications each.
    const start = grade(resync, resync.start);
    assert.equal(found(start, DRIFT_PERIOD), 0);
    assert.equal(found(start, AUDIT_COUNT), 2);
    // Giving the informer 60 s: audit inherits it, 2 resyncs more (60 s, 120 s).
    assert.equal(found(grade(resync, edit(resync.start, ['  resyncPeriodMs: 0\n  handlers:', '  resyncPeriodMs: 60000\n  handlers:'])), AUDIT_COUNT), 4);
  });
});
