// Reads and checks a ```challenge cell at start-up, like Learn Git Branching
// replays every level's reference solution: the start must run and fail at
// least one objective (else there is nothing to fix), the solution must run
// and meet every objective and constraint. Any problem stops start-up with
// file:line.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { Engine } from '../../simulations/shared/engine.ts';
import { ChallengeSchemaError, readChallengeSpec } from '../challenge/challenge-schema.ts';
import { objectsOf, refKey } from '../challenge/constraints.ts';
import { gradeChallenge, type ChallengeReport } from '../challenge/grade.ts';
import { displayValue } from '../quiz/quiz-schema.ts';
import { ContentError } from './content-error.ts';
import type { LessonMarkdown } from './markdown.ts';
import type { ChallengeBlock } from './split-lesson.ts';
import type { ChallengeCell } from './model.ts';
import { scenarioRuns, type ScenarioRuns } from './scenario-runs.ts';

interface ReadArgs {
  block: ChallengeBlock;
  /** The lesson file on disk, and as shown in errors. */
  file: string;
  shownFile: string;
  engines: ReadonlyMap<string, Engine>;
  markdown: LessonMarkdown;
  runs?: ScenarioRuns;
}

const SCENARIO_FILE = /^[a-z0-9][a-z0-9._-]*\.ya?ml$/;

export function readChallenge({ block, file, shownFile, engines, markdown, runs = scenarioRuns() }: ReadArgs): ChallengeCell {
  const fail = (message: string, line = block.line): never => {
    throw new ContentError(shownFile, line, `challenge "${block.id}": ${message}`);
  };
  const engine = engines.get(block.engine);
  if (!engine) fail(`unknown simulation engine "${block.engine}" (known: ${[...engines.keys()].join(', ') || 'none'})`);
  let data: unknown;
  try {
    data = parseYaml(block.body, { uniqueKeys: true });
  } catch (error) {
    const at = error instanceof YAMLParseError && error.linePos ? block.bodyLine + error.linePos[0].line - 1 : block.line;
    fail(`not valid YAML: ${(error as Error).message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`, at);
  }
  let spec;
  try {
    spec = readChallengeSpec(block.id, data);
  } catch (error) {
    if (error instanceof ChallengeSchemaError) fail(error.message);
    throw error;
  }
  const readFile = (name: string, what: string): string => {
    if (!SCENARIO_FILE.test(name)) fail(`${what} names a .yaml file beside the lesson, got "${name}"`);
    const path = join(file, '..', name);
    if (!existsSync(path) || !statSync(path).isFile()) fail(`${what} file ${name} not found beside the lesson`);
    return readFileSync(path, 'utf8');
  };
  if (block.file !== undefined && spec!.start !== undefined) fail('the start is either the body\'s start: or file= on the info string, not both');
  if (block.file === undefined && spec!.start === undefined) fail('needs a start scenario: start: in the body, or file= on the info string');
  const start = withNewline(block.file !== undefined ? readFile(block.file, 'file=') : spec!.start!);
  const solution = withNewline(spec!.solution.file !== undefined ? readFile(spec!.solution.file, 'solution.file') : spec!.solution.scenario!);

  const run = (input: string, what: string) => {
    // Without a view model (the sim cells' runs keep theirs): the checks read only the result.
    const outcome = runs.run(engine!, input, { view: false });
    if (!outcome.ok) fail(`the ${what} does not run: ${outcome.error.message}${outcome.error.line ? ` (its line ${outcome.error.line})` : ''}`);
    return outcome as Extract<typeof outcome, { ok: true }>;
  };
  const startOutput = run(start, 'start scenario');
  const solutionOutput = run(solution, 'solution scenario');
  const startObjects = objectsOf(start);

  for (const rule of spec!.constraints.keep) {
    if (!startObjects.has(refKey(rule.object))) fail(`constraints.keep names ${rule.object.source}, which the start scenario does not have`);
  }
  spec!.objectives.forEach((o, i) => {
    if (o.predicate.at !== undefined && !hasMoment(startOutput.result, o.predicate.at)) {
      fail(`objectives[${i}] reads the moment ${o.predicate.at}s, but the ${engine!.id} result has no statusAt entry at t=${o.predicate.at} (list it in observeAtSeconds)`);
    }
  });

  const startReport = gradeChallenge(spec!, startObjects, start, startOutput);
  if (startReport.objectives.every((o) => o.met)) fail('its start scenario already meets every objective: there is nothing to fix');
  if (!startReport.constraints.every((c) => c.met)) fail(`its start scenario breaks its own constraints: ${unmet(startReport)}`);
  const solutionReport = gradeChallenge(spec!, startObjects, solution, solutionOutput);
  if (!solutionReport.solved) fail(`its solution does not solve it: ${unmet(solutionReport)}`);

  return {
    kind: 'challenge',
    id: block.id,
    engine: engine!.id,
    engineTitle: engine!.title,
    engineVersion: engine!.version,
    spec: spec!,
    start,
    startObjects,
    startReport,
    solution,
    line: block.line,
    html: {
      title: markdown.renderInline(spec!.title),
      task: markdown.render(spec!.task),
      objectives: spec!.objectives.map((o) => markdown.renderInline(o.text)),
      hints: spec!.hints.map((h) => markdown.render(h)),
      solutionExplain: markdown.render(spec!.solution.explain),
    },
  };
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

function hasMoment(result: unknown, t: number): boolean {
  const statusAt = (result as { statusAt?: unknown })?.statusAt;
  return Array.isArray(statusAt) && statusAt.some((s) => (s as { t?: unknown })?.t === t);
}

/** The objectives and constraints a report does not meet, for a start-up error. */
function unmet(report: ChallengeReport): string {
  const parts = [
    ...report.objectives.filter((o) => !o.met).map((o) => `objective "${o.check}" (found ${o.found ? displayValue(o.value) : o.reason})`),
    ...report.constraints
      .filter((c) => !c.met)
      .map((c) =>
        c.kind === 'stay'
          ? `${c.object} must stay`
          : c.kind === 'field'
            ? `${c.object} ${c.field} must stay ${displayValue(c.expected)} (found ${c.found ? displayValue(c.value) : 'none'})`
            : `at most ${c.limit} added objects (found ${c.count})`,
      ),
  ];
  return parts.join('; ');
}
