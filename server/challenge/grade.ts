// Grades one run of a challenge: every objective over the engine's result and
// every constraint over the learner's objects, each met or not with what was
// found; solved when all hold. Pure: the run itself went through the worker
// pool (server/sim-runtime), like any cell's.

import type { KubeObject } from '../../simulations/shared/yaml.ts';
import type { ChallengeSpec } from './challenge-schema.ts';
import { checkConstraints, objectsOf, type ConstraintOutcome } from './constraints.ts';
import { evaluatePredicate, type PredicateOutcome } from './predicate.ts';

export interface ObjectiveOutcome extends PredicateOutcome {
  index: number;
  check: string;
}

export interface ChallengeReport {
  objectives: ObjectiveOutcome[];
  constraints: ConstraintOutcome[];
  solved: boolean;
}

/**
 * @example
 *   gradeChallenge(spec, objectsOf(start), input, { result, trace })
 *   // → { objectives: [{ index: 0, check: 'final.phase == Succeeded', met: false, found: true, value: 'Running' }],
 *   //     constraints: [{ kind: 'stay', object: 'Pod/report', met: true }], solved: false }
 */
export function gradeChallenge(
  spec: Pick<ChallengeSpec, 'objectives' | 'constraints'>,
  start: Map<string, KubeObject>,
  input: string,
  output: { result: unknown; trace: unknown },
): ChallengeReport {
  const objectives = spec.objectives.map((o, index) => ({ index, check: o.predicate.source, ...evaluatePredicate(o.predicate, output) }));
  let learner: Map<string, KubeObject>;
  try {
    learner = objectsOf(input);
  } catch {
    // The run parsed this input in the worker under the same limits; should it not parse here, nothing is kept.
    learner = new Map();
  }
  const constraints = checkConstraints(spec.constraints, start, learner);
  const solved = objectives.every((o) => o.met) && constraints.every((c) => c.met);
  return { objectives, constraints, solved };
}
