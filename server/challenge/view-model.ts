// What the challenge partials need: the task, the objectives and rules with
// their last grading (met / not met / not checked, and the value found), the
// hints revealed so far, and the solution once it was asked for. Pure.

import type { ChallengeCell, Lang } from '../content/model.ts';
import { challengeStanding, type ChallengeState } from '../db/store.ts';
import { plural, translate } from '../i18n/strings.ts';
import { displayValue } from '../quiz/quiz-schema.ts';
import type { RunOutcome } from '../sim-runtime/execute.ts';
import type { ChallengeReport } from './grade.ts';
import type { ConstraintOutcome } from './constraints.ts';

type Status = 'met' | 'unmet' | 'unchecked';

export interface ChallengeLine {
  html?: string;
  text?: string;
  check?: string;
  status: Status;
  statusText: string;
  found?: string;
}

export interface ChallengeReportModel {
  objectives: ChallengeLine[];
  constraints: ChallengeLine[];
  /** Whether the rules are shown open: before a graded run, and whenever one is broken. */
  rulesOpen: boolean;
  /** "15 rules" before a run, "15 kept" or "2 broken of 15" after one. */
  rulesSummary: string;
  /** Whether the last run was graded; 'failed' when it did not run. */
  graded: 'yes' | 'no' | 'failed';
  solved: boolean;
  summary?: string;
}

/** Values found are shown short: a hostile scenario may put anything there. */
function shortValue(value: unknown): string {
  const text = displayValue(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

function constraintText(lang: Lang, spec: ChallengeCell['spec']['constraints'], c: ConstraintOutcome | undefined, i: number): string {
  const rules = constraintRules(spec);
  const rule = rules[i];
  if (rule.kind === 'stay') return translate(lang, 'challenge.keep.stay', { object: rule.object });
  if (rule.kind === 'field') return translate(lang, 'challenge.keep.field', { object: rule.object, field: rule.field, expected: c && c.kind === 'field' ? shortValue(c.expected) : '…' });
  return rule.limit === 0 ? translate(lang, 'challenge.maxAdded.zero') : plural(lang, 'challenge.maxAdded', rule.limit);
}

/** The rules in the order checkConstraints reports them. */
function constraintRules(spec: ChallengeCell['spec']['constraints']) {
  const rules: ({ kind: 'stay'; object: string } | { kind: 'field'; object: string; field: string } | { kind: 'added'; limit: number })[] = [];
  for (const keep of spec.keep) {
    rules.push({ kind: 'stay', object: keep.object.source });
    for (const field of keep.fields) rules.push({ kind: 'field', object: keep.object.source, field });
  }
  if (spec.maxAddedObjects !== undefined) rules.push({ kind: 'added', limit: spec.maxAddedObjects });
  return rules;
}

export function challengeReportModel(cell: ChallengeCell, lang: Lang, outcome: RunOutcome | undefined, report: ChallengeReport | undefined, state: ChallengeState | undefined): ChallengeReportModel {
  const status = (met: boolean | undefined): Status => (met === undefined ? 'unchecked' : met ? 'met' : 'unmet');
  const statusText = (s: Status) => translate(lang, s === 'met' ? 'challenge.met' : s === 'unmet' ? 'challenge.unmet' : 'challenge.notRun');
  const objectives = cell.spec.objectives.map((o, i): ChallengeLine => {
    const r = report?.objectives[i];
    const s = status(r?.met);
    return {
      html: cell.html.objectives[i],
      check: o.predicate.source,
      status: s,
      statusText: statusText(s),
      found: r === undefined ? undefined : r.found ? translate(lang, 'challenge.found', { value: shortValue(r.value) }) : translate(lang, 'challenge.foundNothing', { reason: r.reason ?? '' }),
    };
  });
  // A constraint's expected value comes from the start, whatever the run: graded against the start itself when there is no run.
  const baseline = report?.constraints;
  const constraints = constraintRules(cell.spec.constraints).map((_rule, i): ChallengeLine => {
    const c = baseline?.[i];
    const s = status(c?.met);
    let found: string | undefined;
    if (c?.kind === 'stay' && !c.met) found = translate(lang, 'challenge.missing');
    if (c?.kind === 'field' && !c.met) found = c.found ? translate(lang, 'challenge.found', { value: shortValue(c.value) }) : translate(lang, 'challenge.missing');
    if (c?.kind === 'added') found = translate(lang, 'challenge.added', { count: c.count }) + (c.added.length ? ` (${c.added.join(', ')}${c.count > c.added.length ? ', …' : ''})` : '');
    return { text: constraintText(lang, cell.spec.constraints, c ?? cell.startReport.constraints[i], i), status: s, statusText: statusText(s), found };
  });
  const solved = report?.solved === true;
  const left = report ? report.objectives.filter((o) => !o.met).length + report.constraints.filter((c) => !c.met).length : 0;
  const standing = challengeStanding(state);
  const broken = constraints.filter((c) => c.status === 'unmet').length;
  return {
    objectives,
    constraints,
    rulesOpen: !report || broken > 0,
    rulesSummary: !report
      ? plural(lang, 'challenge.rules', constraints.length)
      : broken === 0
        ? translate(lang, 'challenge.rules.kept', { count: constraints.length })
        : translate(lang, 'challenge.rules.broken', { broken, count: constraints.length }),
    graded: report ? 'yes' : outcome && !outcome.ok ? 'failed' : 'no',
    solved,
    summary: !report ? undefined : solved ? translate(lang, standing === 'seen' ? 'challenge.solvedAfterSeen' : 'challenge.solved') : translate(lang, 'challenge.notSolved', { count: left }),
  };
}

export interface ChallengeHelpModel {
  hints: { n: number; html: string }[];
  nextHint?: { n: number; total: number };
  solutionShown: boolean;
  solution?: { scenario: string; explainHtml: string };
  /** A real attempt was made: the solution is offered as such, not as giving up. */
  attempted: boolean;
}

export function challengeHelpModel(cell: ChallengeCell, state: ChallengeState | undefined): ChallengeHelpModel {
  const used = Math.min(state?.hintsUsed ?? 0, cell.spec.hints.length);
  const shown = state?.seenSolutionAt != null;
  return {
    hints: cell.html.hints.slice(0, used).map((html, i) => ({ n: i + 1, html })),
    nextHint: used < cell.spec.hints.length ? { n: used + 1, total: cell.spec.hints.length } : undefined,
    solutionShown: shown,
    solution: shown ? { scenario: cell.solution, explainHtml: cell.html.solutionExplain } : undefined,
    attempted: (state?.attempts ?? 0) > 0,
  };
}

export function standingText(lang: Lang, state: ChallengeState | undefined): { standing: string; text: string } {
  const standing = challengeStanding(state);
  const base = translate(lang, `challenge.standing.${standing}`);
  const attempts = state?.attempts ? ` · ${plural(lang, 'challenge.attempts', state.attempts)}` : '';
  return { standing, text: base + attempts };
}

/** Everything the challenge cell's partial needs but its output (rendered apart, through the shared sim-output partial). */
export function challengeCellModel(
  cell: ChallengeCell,
  lang: Lang,
  view: { input: string; outcome?: RunOutcome; report?: ChallengeReport; state?: ChallengeState } | undefined,
  sent?: string,
) {
  const input = sent ?? view?.input ?? cell.start;
  const anchor = `cell-${cell.id}`;
  return {
    kind: 'challenge',
    id: cell.id,
    anchor,
    engine: cell.engine,
    titleHtml: cell.html.title,
    taskHtml: cell.html.task,
    input,
    rows: Math.min(40, Math.max(8, input.split('\n').length + 1)),
    report: challengeReportModel(cell, lang, view?.outcome, view?.report, view?.state),
    help: challengeHelpModel(cell, view?.state),
    standing: standingText(lang, view?.state),
  };
}
