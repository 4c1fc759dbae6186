// The DaemonSet controller's public function (contracts/controllers.md).

import { nodeShouldRunDaemonPod as decide } from './should-run.ts';
import type { DaemonSet, Node } from './should-run.ts';

/**
 * NodeShouldRunDaemonPod (daemon_controller.go).
 *
 * @example nodeShouldRunDaemonPod(node tainted dedicated=user1:NoSchedule, DaemonSet without tolerations)  // { shouldRun: false, shouldContinueRunning: true }
 */
export function nodeShouldRunDaemonPod(node: Node, daemonSet: DaemonSet): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const { shouldRun, shouldContinueRunning } = decide(node, daemonSet);
  return { shouldRun, shouldContinueRunning };
}
