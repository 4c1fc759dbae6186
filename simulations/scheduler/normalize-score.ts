// src: pkg/scheduler/framework/plugins/helper/normalize_score.go DefaultNormalizeScore

import { MAX_NODE_SCORE } from './names.ts';
import type { Scores } from './plugin.ts';

/**
 * Scales scores to [0, maxPriority] relative to the highest one (integer division),
 * optionally reversed. If every score is 0, reverse makes them all maxPriority.
 *
 * @example
 *   const s = [1, 2, 0]; defaultNormalizeScore(100, true, s); // s = [50, 0, 100]
 */
export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: Scores): void {
  let max = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i] > max) max = scores[i];
  if (max === 0) {
    if (reverse) for (let i = 0; i < scores.length; i++) scores[i] = maxPriority;
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    let s = Math.trunc((maxPriority * scores[i]) / max);
    if (reverse) s = maxPriority - s;
    scores[i] = s;
  }
}

export { MAX_NODE_SCORE };
