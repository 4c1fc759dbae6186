// How many feasible nodes the scheduler looks for before it stops filtering.
// src: pkg/scheduler/schedule_one.go numFeasibleNodesToFind, minFeasibleNodesToFind = 100,
//      minFeasibleNodesPercentageToFind = 5.

export const MIN_FEASIBLE_NODES_TO_FIND = 100;
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/**
 * Below 100 nodes, all of them. Otherwise percentageOfNodesToScore (profile,
 * then global); when that is 0, adaptive: 50% − 1% per 125 nodes, at least 5%;
 * never fewer than 100 nodes.
 *
 * @example
 *   numFeasibleNodesToFind(null, 0, 5000) // 500 (adaptive 10%)
 *   numFeasibleNodesToFind(null, 0, 1000) // 420 (42%)
 */
export function numFeasibleNodesToFind(profilePercentage: number | null, globalPercentage: number, numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let percentage = profilePercentage ?? globalPercentage;
  if (percentage === 0) {
    percentage = 50 - Math.trunc(numAllNodes / 125);
    if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  const numNodes = Math.trunc((numAllNodes * percentage) / 100);
  return numNodes < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : numNodes;
}

/** The adaptive percentage itself, for explanations (0 → 50 − n/125, floor 5). */
export function adaptivePercentage(numAllNodes: number): number {
  return Math.max(MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND, 50 - Math.trunc(numAllNodes / 125));
}
