// Plugin outcomes as values, like the framework's *Status.
// src: pkg/scheduler/framework/interface.go (Code, Status, NewStatus, AsStatus)

export type Code = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Error' | 'Skip';

/** A non-success outcome of one plugin: its code and every reason, exactly as upstream words them. */
export interface Status {
  readonly code: Code;
  readonly reasons: readonly string[];
  /** The plugin that returned it (set by the framework runner, like Status.WithPlugin). */
  plugin?: string;
}

/**
 * Builds a status. Plugins return `null` for Success so the hot path allocates nothing.
 *
 * @example
 *   newStatus('UnschedulableAndUnresolvable', "node(s) were unschedulable")
 */
export function newStatus(code: Code, ...reasons: string[]): Status {
  return { code, reasons };
}

/** Framework Status.Message(): reasons joined with ", ". */
export function statusMessage(status: Status | null | undefined): string {
  return status ? status.reasons.join(', ') : '';
}

/** Status.IsRejected(): Unschedulable or UnschedulableAndUnresolvable. */
export function isRejected(status: Status | null | undefined): boolean {
  return !!status && (status.code === 'Unschedulable' || status.code === 'UnschedulableAndUnresolvable');
}

export const SKIP: Status = Object.freeze({ code: 'Skip', reasons: Object.freeze([]) as readonly string[] }) as Status;

/** A frozen status for a fixed reason, shared by every node that fails the same way. */
export function constantStatus(code: Code, reason: string): Status {
  return Object.freeze({ code, reasons: Object.freeze([reason]) as readonly string[] }) as Status;
}

/** Copies a status and names the plugin that produced it. */
export function withPlugin(status: Status, plugin: string): Status {
  return status.plugin === plugin ? status : { code: status.code, reasons: status.reasons, plugin };
}
